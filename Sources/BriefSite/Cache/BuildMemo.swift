import BriefEntities
import BriefIngest
import BriefMerge
import BriefModel

/// What earlier builds computed, keyed by content hashes, so that a build redoes only the work
/// whose input changed: ingest per article file, the grouping of articles into stories when the
/// set of articles is unchanged, each brief's composition per story, and the entities per text
/// (`EntityMemo.swift`).
/// Plain data: `BuildCache` reads and writes it; the assembly only looks things up and records.
public struct BuildMemo: Sendable {
    var ingest: CacheFile = .empty
    var stories: CacheFile = .empty
    var briefs: CacheFile = .empty
    var entities: CacheFile = .empty
    var entityTexts: CacheFile = .empty
    var ids: CacheFile = .empty

    public static let none = BuildMemo()

    /// What this build computed or reused, to be stored for the next one.
    public struct Records: Sendable {
        var ingest: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var stories: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var briefs: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var entities: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var entityTexts: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var ids: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        /// How many results came from the cache, per stage, for `--timings`.
        public var reused: [String: Int] = [:]
    }

    /// The key of one raw file: its path and bytes.
    static func key(of raw: RawArticle) -> ContentHash {
        var h = ContentHash()
        h.add(raw.path); h.add(raw.bytes)
        return h
    }

    /// The brief id of each source file in the last build, as its `archive.json` says; read from
    /// the cache when that file is the one the cache saw, because parsing it takes long at scale.
    func previousIDs(archiveJSON: [UInt8]?, parse: ([UInt8]) -> [String: String]) -> [String: String] {
        guard let archiveJSON else { return [:] }
        if let (pairs, _) = ids.value(ContentHash.of(archiveJSON), { r in r.array { r in (r.string(), r.string()) } }) {
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        return parse(archiveJSON)
    }

    /// Remembers which brief each source file went to, for the `archive.json` this build writes.
    static func record(ids briefs: [Brief], archiveJSON: [UInt8], into records: inout Records) {
        let pairs = briefs.flatMap { b in b.sources.map { ($0.file, b.id) } }
        records.ids = [(ContentHash.of(archiveJSON), CacheWriter.record { w in w.array(pairs) { w, p in w.string(p.0); w.string(p.1) } })]
    }

    /// Ingest of every file, from the cache where its bytes are unchanged; in parallel.
    func ingest(_ raws: [RawArticle], keys: [ContentHash], into records: inout Records) -> [IngestResult] {
        let memo = self
        let done = parallelMap(Array(raws.indices)) { i -> (IngestResult, ArraySlice<UInt8>, Bool) in
            if let hit = memo.ingest.value(keys[i], { $0.ingestResult() }) { return (hit.value, hit.record, true) }
            let result = Ingest.articles(from: raws[i])
            return (result, CacheWriter.record { $0.ingestResult(result) }, false)
        }
        records.ingest = zip(keys, done).map { ($0, $1.1) }
        records.reused["ingest"] = done.filter(\.2).count
        return done.map(\.0)
    }

    /// The stories of `articles`: the same grouping as last time when no article changed.
    /// `articleKeys` are in the order of `articles`.
    func stories(_ articles: [Article], articleKeys: [ContentHash], previousIDs: [String: String],
                 into records: inout Records) -> [Story] {
        var key = ContentHash()
        for k in articleKeys { key.add(k) }
        for (file, id) in previousIDs.sorted(by: { $0.key < $1.key }) { key.add(file); key.add(id) }
        if let (layout, stored) = stories.value(key, { $0.storyLayout() }) {
            let byFile = Dictionary(articles.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
            let rebuilt = layout.compactMap { s -> Story? in
                let members = s.members.compactMap { m in byFile[m.file].map { Story.Member(article: $0, role: m.role) } }
                guard members.count == s.members.count else { return nil }
                var story = Story(id: s.id, members: members)
                story.formerIDs = s.formerIDs
                return story
            }
            if rebuilt.count == layout.count {
                records.stories = [(key, stored)]
                return rebuilt
            }
        }
        let made = Merge.stories(from: articles, previousIDs: previousIDs)
        records.stories = [(key, CacheWriter.record { $0.storyLayout(made) })]
        return made
    }

    /// Each story's brief, from the cache when the story has the same members, roles and ids.
    func briefs(_ stories: [Story], articleKeys: [String: ContentHash], into records: inout Records) -> [Brief] {
        let memo = self
        let done = parallelMap(stories) { story -> (ContentHash, Brief, ArraySlice<UInt8>, Bool) in
            var key = ContentHash()
            key.add(story.id)
            for id in story.formerIDs { key.add(id) }
            for m in story.members {
                key.add(articleKeys[m.article.file] ?? ContentHash())
                key.add(m.article.file)
                switch m.role {
                case .lead: key.add("lead")
                case .report: key.add("report")
                case .copy(let of): key.add("copy"); key.add(of)
                }
            }
            if let hit = memo.briefs.value(key, { $0.brief() }) { return (key, hit.value, hit.record, true) }
            let brief = Merge.brief(from: story)
            return (key, brief, CacheWriter.record { $0.brief(brief) }, false)
        }
        records.briefs = done.map { ($0.0, $0.2) }
        records.reused["merge", default: 0] += done.filter(\.3).count
        return done.map(\.1)
    }
}

/// A story as stored: its id, former ids and members by file, without the articles themselves.
struct StoryLayout {
    struct Member { var file: String; var role: Story.Role }
    var id: String
    var formerIDs: [String]
    var members: [Member]
}

extension CacheWriter {
    mutating func storyLayout(_ stories: [Story]) {
        array(stories) { w, s in
            w.string(s.id); w.strings(s.formerIDs)
            w.array(s.members) { w, m in
                w.string(m.article.file)
                switch m.role {
                case .lead: w.int(0)
                case .report: w.int(1)
                case .copy(let of): w.int(2); w.string(of)
                }
            }
        }
    }
}

extension CacheReader {
    mutating func storyLayout() -> [StoryLayout] {
        array { r in
            let id = r.string(), formerIDs = r.strings()
            let members: [StoryLayout.Member] = r.array { r in
                let file = r.string()
                switch r.int() {
                case 0: return .init(file: file, role: .lead)
                case 1: return .init(file: file, role: .report)
                default: return .init(file: file, role: .copy(of: r.string()))
                }
            }
            return StoryLayout(id: id, formerIDs: formerIDs, members: members)
        }
    }
}
