import Dispatch
import BriefEntities
import BriefIngest
import BriefMerge
import BriefModel
import BriefNotes

/// The middle of the pipeline, with no I/O: raw articles and notes in, a linked Archive out.
/// Each step is a function of the one before: ingest, merge, entities, notes, timeline.
public enum ArchiveAssembly {
    public struct Counts: Sendable {
        public var articlesRead = 0
        public var articlesSkipped: [(file: String, reason: String)] = []
        public var articlesRepaired = 0
        public var articles = 0
    }

    public struct Result: Sendable {
        public var archive: Archive
        public var counts: Counts
        public var diagnostics: [Diagnostic]
        public var seconds: [(stage: String, seconds: Double)]
        /// What to keep in the build cache for the next build.
        public var memo: BuildMemo.Records
    }

    /// `memo` holds what earlier builds computed; unchanged inputs are not worked on again.
    /// `merged` hears the records of ingest and merge once they are complete (to store them).
    /// `progress` hears the name of each stage as it starts. `content` is consumed: the raw
    /// bytes of its articles are let go once they are ingested (280 MB at 50,000 articles).
    public static func assemble(_ content: consuming ContentFolder, previousIDs: [String: String] = [:], memo: BuildMemo = .none,
                                merged: (inout BuildMemo.Records) -> Void = { _ in },
                                progress: (String) -> Void = { _ in }) throws(Diagnostic) -> Result {
        var clock = StageClock()
        progress("ingest \(content.articles.count) articles")
        var diagnostics = content.diagnostics
        var counts = Counts()

        // Ingest, in parallel: each file is independent.
        var records = BuildMemo.Records()
        let fileKeys = content.keys
        let ingested = Spent(memo.ingest(content.articles, keys: fileKeys, into: &records))
        let results = ingested.value
        let articles = parallelJoined(results.map(\.articles))
        var articleKeys: [ContentHash] = []
        articleKeys.reserveCapacity(articles.count)
        var keyByFile: [String: ContentHash] = [:]
        keyByFile.reserveCapacity(articles.count)
        counts.articlesRead = content.articles.count
        for (fileKey, r) in zip(fileKeys, results) {
            diagnostics += r.diagnostics
            for a in r.articles {
                var k = fileKey
                k.add(a.file)
                articleKeys.append(k)
                keyByFile[a.file] = k
            }
            if r.repaired { counts.articlesRepaired += 1 }
        }
        for (raw, r) in zip(content.articles, results) where r.articles.isEmpty {
            counts.articlesSkipped.append((raw.path, r.skipped ?? "no article"))
        }
        // The results' copies of the articles are freed on another core while merge starts.
        _ = consume results
        ingested.free()
        counts.articles = articles.count
        content.articles = []
        clock.lap("ingest")

        progress("merge \(articles.count) articles")
        DispatchQueue.global().async { EntityExtraction.loadGazetteer() }
        // The articles and stories end here: the briefs hold what pages need of them.
        let stories = Spent(memo.stories(consume articles, articleKeys: articleKeys, previousIDs: previousIDs, into: &records))
        var briefs = memo.briefs(stories.value, articleKeys: keyByFile, into: &records)
        // Freed on another core while the records are handed over and entities start.
        stories.free()
        clock.lap("merge")
        // Ingest's and merge's records are complete: handed over now, so that their memory (over
        // 200 MB at 50,000 articles) is free before entities are found.
        merged(&records)
        clock.lap("cache")

        progress("entities in \(briefs.count) briefs")
        // Notes are read before entities so that their mentions count too.
        var notes: [Note] = []
        for (path, text) in content.notes {
            do { notes.append(try NoteReader.note(path: path, text: text)) } catch { diagnostics.append(error) }
        }
        notes = uniqueIDs(notes)

        let catalog: EntityCatalog
        if let yaml = content.entitiesYAML {
            do { catalog = try EntityCatalog(yaml: yaml.text, file: yaml.path) } catch let d as Diagnostic { throw d } catch {
                throw Diagnostic(.error, file: yaml.path, "\(error)")
            }
        } else {
            catalog = .empty
        }
        let briefTexts = parallelMap(briefs) { EntityText(id: $0.id, title: $0.title, paragraphs: $0.allParagraphs) }
        let noteTexts = notes.map { EntityText(id: $0.id, title: $0.title, paragraphs: [$0.markdown]) }
        let entityResult = memo.entities(briefs: briefTexts, notes: noteTexts, catalog: content.entitiesYAML,
                                         parsed: catalog, into: &records)
        for i in briefs.indices { briefs[i].entities = entityResult.briefEntities[briefs[i].id] ?? [] }
        clock.lap("entities")

        var entities = entityResult.entities
        progress("notes")
        notes = NoteAssembly.link(notes, briefs: briefs, entities: &entities, aliasIndex: entityResult.aliasIndex,
                                  noteEntities: entityResult.noteEntities, diagnostics: &diagnostics)
        clock.lap("notes")

        let timeline = TimelineAssembly.entries(briefs: briefs, notes: notes)
        var redirects: [String: String] = [:]
        for brief in briefs { for old in brief.formerIDs where old != brief.id { redirects[old] = brief.id } }
        clock.lap("timeline")

        let archive = Archive(config: content.config, briefs: briefs, entities: entities, notes: notes,
                              timeline: timeline, redirects: redirects)
        return Result(archive: archive, counts: counts, diagnostics: diagnostics, seconds: clock.laps, memo: records)
    }

    /// Two notes with the same file stem in different folders get distinct ids.
    /// A suffix never takes an id another note already has (`a/same.md`, `b/same.md`, `same-2.md`).
    static func uniqueIDs(_ notes: [Note]) -> [Note] {
        var taken = Set(notes.map(\.id))
        var seen: Set<String> = []
        return notes.map { note in
            var n = note
            if !seen.insert(note.id).inserted {
                var k = 2
                while taken.contains("\(note.id)-\(k)") { k += 1 }
                n.id = "\(note.id)-\(k)"
                taken.insert(n.id)
            }
            return n
        }
    }
}
