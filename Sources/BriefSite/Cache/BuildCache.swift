import Foundation

/// The build cache on disk: `.brief-cache/<Output name>/` beside Output, never inside it,
/// so it is not published. Everything in it is keyed by content hashes and by the identity
/// of the brief binary that wrote it, so a new brief never trusts an old brief's results.
enum BuildCache {
    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".brief-cache/\(output.lastPathComponent)")
    }

    /// The version and the running binary (size and modification time): rebuilding brief
    /// invalidates the cache even where the version was not bumped.
    static let identity: String = {
        var st = stat()
        let binary = stat("/proc/self/exe", &st) == 0
            ? "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)-\(st.st_ino)" : "unknown-\(ProcessInfo.processInfo.processIdentifier)"
        return "\(BuildFingerprint.version) \(binary)"
    }()

    /// `results: false` (`--force`) reads only the ids: they are not a result but a faster
    /// reading of the last archive.json, used only while that file's hash matches (parsing it
    /// took 1.7 s and about 100 MB at 50,000 articles).
    static func load(for output: URL, results: Bool = true) -> BuildMemo {
        let dir = folder(for: output)
        var memo = BuildMemo()
        if results {
            memo.ingest = CacheFile.read(dir.appendingPathComponent("ingest"), identity: identity)
            memo.stories = CacheFile.read(dir.appendingPathComponent("stories"), identity: identity)
            memo.features = CacheFile.read(dir.appendingPathComponent("features"), identity: identity)
            memo.briefs = CacheFile.read(dir.appendingPathComponent("briefs"), identity: identity)
            memo.entities = CacheFile.read(dir.appendingPathComponent("entities"), identity: identity)
            memo.entityTexts = CacheFile.read(dir.appendingPathComponent("entity-texts"), identity: identity)
            memo.pages = CacheFile.read(dir.appendingPathComponent("pages"), identity: identity)
        }
        memo.ids = CacheFile.read(dir.appendingPathComponent("ids"), identity: identity)
        return memo
    }

    /// Keeps only what this build used: entries of deleted or edited files are dropped.
    /// The records are emptied once written, so their memory is free for rendering.
    static func store(stages records: inout BuildMemo.Records, for output: URL) {
        let dir = folder(for: output)
        CacheFile.write(records.ingest, to: dir.appendingPathComponent("ingest"), identity: identity)
        CacheFile.write(records.stories, to: dir.appendingPathComponent("stories"), identity: identity)
        CacheFile.write(records.features, to: dir.appendingPathComponent("features"), identity: identity)
        CacheFile.write(records.briefs, to: dir.appendingPathComponent("briefs"), identity: identity)
        CacheFile.write(records.entities, to: dir.appendingPathComponent("entities"), identity: identity)
        CacheFile.write(records.entityTexts, to: dir.appendingPathComponent("entity-texts"), identity: identity)
        records.ingest = []; records.stories = []; records.features = []; records.briefs = []
        records.entities = []; records.entityTexts = []
    }

    /// The ids and pages records describe the files now in Output: written after the swap.
    static func store(output records: BuildMemo.Records, for output: URL) {
        CacheFile.write(records.ids, to: folder(for: output).appendingPathComponent("ids"), identity: identity)
        CacheFile.write(records.pages, to: folder(for: output).appendingPathComponent("pages"), identity: identity)
    }
}
