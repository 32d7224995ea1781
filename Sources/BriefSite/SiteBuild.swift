import BriefModel
import BriefRender
import Foundation

/// `brief build`: read Content and Templates, assemble the archive, render, and swap the result into Output.
public enum SiteBuild {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        public init(content: URL, templates: URL, output: URL) {
            self.content = content; self.templates = templates; self.output = output
        }
    }

    public struct Summary: Sendable {
        public var counts: ArchiveAssembly.Counts
        public var briefs = 0
        public var entities = 0
        public var notes = 0
        public var filesWritten = 0
        /// Files whose bytes were written: the rest are Output's unchanged files, linked (see `StagingTree`).
        public var filesChanged = 0
        public var seconds = 0.0
        public var stages: [(stage: String, seconds: Double)] = []
        /// Stage -> how many of its results came from the build cache.
        public var reused: [String: Int] = [:]
        public var diagnostics: [Diagnostic] = []
        /// Nothing read had changed since the last successful build: Output was left as it was.
        public var upToDate = false
    }

    /// `force` builds even when nothing changed since the last successful build.
    /// `progress` hears the name of each stage as it starts.
    public static func run(_ options: Options, buildDate: String = SiteBuild.today(), force: Bool = false,
                           progress: (String) -> Void = { _ in }) throws(Diagnostic) -> Summary {
        let start = Date()
        var clock = StageClock()
        let output = OutputFolder(options.output)
        let lock = try output.lock()
        defer { close(lock) }

        progress("read \(options.content.lastPathComponent)")
        // A forced build has no fingerprint to compare first, so it need not wait for the last
        // build's cache and archive.json's ids: they are read while Content is.
        let outputURL = options.output
        let reading = force ? Pending { LastBuild.read(outputURL, results: false) } : nil
        let content: ContentFolder
        do {
            content = try ContentFolder.read(options.content)
        } catch {
            _ = reading?.take()   // not left reading the cache after the lock is given back
            throw error
        }
        let fingerprint = BuildFingerprint.of(content: content, templates: options.templates, buildDate: buildDate)
        if !force, fingerprint.value == BuildFingerprint.stored(for: options.output),
           FileManager.default.fileExists(atPath: options.output.appendingPathComponent("archive.json").path) {
            var summary = Summary(counts: ArchiveAssembly.Counts())
            summary.upToDate = true
            summary.diagnostics = content.diagnostics
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }
        // Taken apart, so that no copy of the memo outlives the one freed at the end.
        let (memo, previous) = { (last: LastBuild) in (last.memo, last.briefIDs) }(reading?.take() ?? LastBuild.read(options.output, results: !force))
        let templates = try TemplateFolder.read(options.templates)
        // Declared after the lock: the deferred wait for the cache files runs before it is released.
        let cacheWrites = CacheWrites(for: options.output)
        defer { cacheWrites.finish() }
        clock.lap("read")
        var result = try ArchiveAssembly.assemble(consume content, previousIDs: previous, memo: memo, merged: { records in
            cacheWrites.store(.merge, records: &records)
        }, progress: progress)
        clock.skip(result.seconds)
        let renderStart = DispatchTime.now().uptimeNanoseconds
        // Stage results are valid whatever happens next: store them now and free their memory
        // before rendering, the build's peak.
        var records = result.memo
        result.memo = BuildMemo.Records()
        cacheWrites.store(.entities, records: &records)
        FreedMemory.release()
        progress("render \(result.archive.briefs.count) briefs")
        // Each part's pages are written as soon as they are rendered, so the site's bytes are never
        // all in memory at once.
        let staging = try output.stage()
        let streamed = StreamedSite()
        let kept = KeptPages(previous: memo.pages, staging: staging)
        let written: OutputFolder.Written
        let keyed: [SiteRenderer.KeyedFiles]
        do throws(Diagnostic) {
            keyed = try SiteRenderer.render(result.archive, templates: templates, buildDate: buildDate, keep: kept.keep) {
                (_, pages: [Page]) throws(Diagnostic) in
                try streamed.write(pages, into: staging)
            }
            progress("write \(staging.files) files")
            let finishing = DispatchTime.now().uptimeNanoseconds
            written = try output.replace(staging, assets: options.templates.appendingPathComponent("assets"))
            streamed.wrote(seconds: Double(DispatchTime.now().uptimeNanoseconds - finishing) / 1e9)
        } catch {
            output.abandon(staging)
            throw error
        }
        // Render and write run together on every core: the wall time is split between them.
        let both = Double(DispatchTime.now().uptimeNanoseconds - renderStart) / 1e9
        let writing = streamed.writeSeconds(of: both)
        clock.skip([("render", both - writing), ("write", writing)])
        // Read back rather than kept through rendering (its bytes are the largest page), once
        // rendering's memory is handed back.
        FreedMemory.release()
        // archive.json read back and hashed for the ids record beside the pages' records: one
        // after the other, they were a stretch of the build's end on one core.
        // (In a block: no copy of the briefs outlives it, so `Spent` below frees them.)
        do {
            let archivePath = options.output.appendingPathComponent("archive.json").path
            let briefs = result.archive.briefs, stamps = staging.stamps
            (records.ids, records.pages) = inParallel({
                guard let archiveJSON = try? FileBytes.read(archivePath).get() else { return [] }
                var made = BuildMemo.Records()
                BuildMemo.record(ids: briefs, archiveJSON: archiveJSON, into: &made)
                return made.ids
            }, { KeptPages.records(keyed, stamps: stamps) })
        }
        records.reused["render"] = kept.count
        cacheWrites.store(.output, records: &records)
        cacheWrites.finish()
        fingerprint.store(for: options.output)
        clock.lap("cache")

        var summary = Summary(counts: result.counts)
        summary.briefs = result.archive.briefs.count
        summary.entities = result.archive.entities.count
        summary.notes = result.archive.notes.count
        summary.filesWritten = written.files
        summary.filesChanged = written.changed
        summary.diagnostics = result.diagnostics
        summary.stages = clock.laps
        summary.reused = records.reused
        summary.seconds = Date().timeIntervalSince(start)
        // The archive, the last build's cache and the pages' keys: tens of milliseconds of
        // releases on this thread, which the caller is waiting on.
        // (The archive is emptied here rather than consumed, which this compiler cannot do to
        // `result`: the copy in `Spent` then holds the last reference.)
        let archive = Spent(result.archive)
        result.archive = Archive(config: result.archive.config, briefs: [], entities: [], notes: [], timeline: [], redirects: [:])
        archive.free()
        Spent(consume memo).free()
        Spent(consume keyed).free()
        return summary
    }

    /// Today's date as YYYY-MM-DD (UTC), for footers and feeds.
    public static func today() -> String {
        let days = Int(Date().timeIntervalSince1970 / 86400)
        return DayDate(dayNumber: days).description
    }
}

/// Brief ids of the previous build, by source file, so ids stay stable across builds.
enum PreviousBuild {
    static func briefIDs(archiveJSON: [UInt8]) -> [String: String] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(archiveJSON)) as? [String: Any],
              let briefs = json["briefs"] as? [[String: Any]] else { return [:] }
        var ids: [String: String] = [:]
        for brief in briefs {
            guard let id = brief["id"] as? String else { continue }
            for source in brief["sources"] as? [[String: Any]] ?? [] {
                if let file = source["file"] as? String { ids[file] = id }
            }
        }
        return ids
    }
}

/// Reads every `*.mustache` under the templates folder (assets aside).
enum TemplateFolder {
    static func read(_ root: URL) throws(Diagnostic) -> TemplateSet {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else {
            throw Diagnostic(.error, file: root.path, "templates folder not found")
        }
        var files: [String: String] = [:]
        for case let path as String in walker where path.hasSuffix(".mustache") {
            guard let data = fm.contents(atPath: root.appendingPathComponent(path).path),
                  let text = String(data: data, encoding: .utf8) else {
                throw Diagnostic(.error, file: "\(root.lastPathComponent)/\(path)", "cannot be read as UTF-8 text")
            }
            files[String(path.dropLast(".mustache".count))] = text
        }
        return try TemplateSet(files: files, folderName: root.lastPathComponent)
    }
}
