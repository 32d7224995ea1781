import BriefModel
import BriefRender
import Foundation

/// The brief and entity pages a build keeps from Output instead of rendering them again. A page
/// is kept when the key it would be made from (`PageKeys`) is the key its file was made from,
/// and Output's file is still the one that build left there (same inode, size and modification
/// time), so a file changed or replaced by hand is made again. Asked from all rendering threads.
final class KeptPages: @unchecked Sendable {
    typealias Stamp = FileBytes.Stamp

    private let previous: CacheFile
    private let staging: StagingTree
    private let lock = NSLock()
    private var keptFiles = 0

    /// `previous`: the last build's records (`records(_:output:)`), empty for a forced build.
    init(previous: CacheFile, staging: StagingTree) {
        self.previous = previous
        self.staging = staging
    }

    /// How many files were kept.
    var count: Int { lock.lock(); defer { lock.unlock() }; return keptFiles }

    /// Keeps the files at `paths` when they were made from `key` and are unchanged in Output.
    func keep(_ paths: [String], key: ContentHash) -> Bool {
        let current = staging.current.path + "/"
        for path in paths {
            var pathKey = ContentHash()
            pathKey.add(path)
            guard let made = previous.value(pathKey, { r in
                (ContentHash(a: UInt64(bitPattern: Int64(r.int())), b: UInt64(bitPattern: Int64(r.int()))),
                 Stamp(inode: r.int(), size: r.int(), seconds: r.int(), nanoseconds: r.int()))
            })?.value, made.0 == key, Stamp(current + path) == made.1 else { return false }
        }
        guard staging.keep(paths) else { return false }
        lock.lock(); keptFiles += paths.count; lock.unlock()
        return true
    }

    /// What the next build asks about: each keyed file's key and its stamp in Output now (after
    /// the swap), which is the stamp it had when the staging tree placed it (`stamps`): a
    /// rename keeps it, and an lstat per file at the end of a build (12,000 at 10,000 articles)
    /// is saved. A file that was not placed is left out, so it is made again.
    static func records(_ keyed: [SiteRenderer.KeyedFiles], stamps: [String: Stamp]) -> [(key: ContentHash, record: ArraySlice<UInt8>)] {
        parallelMap(keyed) { files in
            files.paths.compactMap { path -> (key: ContentHash, record: ArraySlice<UInt8>)? in
                guard let stamp = stamps[path] else { return nil }
                var pathKey = ContentHash()
                pathKey.add(path)
                return (pathKey, CacheWriter.record { w in
                    w.int(Int(Int64(bitPattern: files.key.a))); w.int(Int(Int64(bitPattern: files.key.b)))
                    w.int(stamp.inode); w.int(stamp.size); w.int(stamp.seconds); w.int(stamp.nanoseconds)
                })
            }
        }.flatMap { $0 }
    }
}
