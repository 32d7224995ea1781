import Foundation

/// Notices changes under Content and Templates for `brief serve`, by a fingerprint of every
/// file's path, size and modification time: portable, and cheap next to a build.
public struct ContentWatcher: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    public func fingerprint() -> Int {
        var hasher = Hasher()
        let fm = FileManager.default
        for folder in folders {
            guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                             options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                hasher.combine(url.path)
                hasher.combine(values?.fileSize)
                hasher.combine(values?.contentModificationDate)
            }
        }
        return hasher.finalize()
    }
}
