import BriefModel
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
        let fields = results ? BuildCache.fields : BuildCache.fields.filter { $0.name == "ids" }
        // The files are independent and together tens of megabytes to check and index: on all cores.
        let files = parallelMap(fields.map(\.name)) { CacheFile.read(dir.appendingPathComponent($0), identity: identity) }
        var memo = BuildMemo()
        for (field, file) in zip(fields, files) { memo[keyPath: field.memo] = file }
        return memo
    }

    /// One file of the cache: its name, where its contents live in `BuildMemo` and in its
    /// records, and when in a build they are complete.
    struct Field: @unchecked Sendable {
        enum Stage { case merge, entities, output }
        var name: String
        var memo: WritableKeyPath<BuildMemo, CacheFile>
        var records: WritableKeyPath<BuildMemo.Records, [(key: ContentHash, record: ArraySlice<UInt8>)]>
        /// `output`: written after the swap, because it describes the files then in Output.
        var stage: Stage
    }

    static let fields: [Field] = [
        Field(name: "ingest", memo: \.ingest, records: \.ingest, stage: .merge),
        Field(name: "stories", memo: \.stories, records: \.stories, stage: .merge),
        Field(name: "features", memo: \.features, records: \.features, stage: .merge),
        Field(name: "briefs", memo: \.briefs, records: \.briefs, stage: .merge),
        Field(name: "entities", memo: \.entities, records: \.entities, stage: .entities),
        Field(name: "entity-texts", memo: \.entityTexts, records: \.entityTexts, stage: .entities),
        Field(name: "ids", memo: \.ids, records: \.ids, stage: .output),
        Field(name: "pages", memo: \.pages, records: \.pages, stage: .output),
    ]
}
