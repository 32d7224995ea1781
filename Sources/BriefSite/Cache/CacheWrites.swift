import BriefModel
import Dispatch
import Foundation

/// The cache files of a build, written on one background thread while the build goes on.
/// Written in place, a stage's files left one core idle for a tenth of a second at 10,000
/// articles between merging and entities, and again before rendering.
final class CacheWrites: @unchecked Sendable {
    private let queue = DispatchQueue(label: "brief.cache-writes")
    private let folder: URL

    init(for output: URL) {
        folder = BuildCache.folder(for: output)
    }

    /// Takes the records of `stage`'s files out of `records` (emptied at once) and writes them
    /// after the files stored before, one at a time, so no two files' buffers are built side by
    /// side. The records hold only what this build used: entries of deleted or edited files are dropped.
    func store(_ stage: BuildCache.Field.Stage, records: inout BuildMemo.Records) {
        let folder = self.folder, identity = BuildCache.identity
        for field in BuildCache.fields where field.stage == stage {
            let file = (url: folder.appendingPathComponent(field.name), records: records[keyPath: field.records])
            records[keyPath: field.records] = []
            // One block per file: each file's records are freed as soon as it is written.
            queue.async { CacheFile.write(file.records, to: file.url, identity: identity) }
        }
    }

    /// Returns once every file stored so far is written.
    func finish() {
        queue.sync {}
    }
}
