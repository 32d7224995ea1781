import BriefModel
import CAtomicSwap
import Foundation

/// The output end of the pipeline. A build is written to a fresh folder beside `Output` and
/// swapped in by one atomic exchange (two renames where the system has none) only when every file is written, so a failed or killed build leaves
/// the previous `Output` exactly as it was. A lock file keeps two builds from interleaving.
public struct OutputFolder {
    public let url: URL

    public init(_ url: URL) { self.url = url.standardizedFileURL }

    var parent: URL { url.deletingLastPathComponent() }
    var name: String { url.lastPathComponent }

    /// Takes the build lock beside Output; fails at once with a clear message if another build holds it.
    public func lock() throws(Diagnostic) -> Int32 {
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appendingPathComponent(".\(name).lock").path
        let fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw Diagnostic(.error, file: path, "cannot create the build lock") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Diagnostic(.error, file: url.path, "another brief build is writing this output folder; try again when it ends")
        }
        return fd
    }

    /// What a build put into Output.
    public struct Written: Sendable {
        /// Files in the new Output.
        public var files = 0
        /// Files whose bytes were written, because the tree they replace held other bytes or none.
        public var changed = 0
    }

    /// The tree the previous build replaced, kept in the build cache: the next build updates it
    /// to the new site (writing only files whose bytes differ) and swaps it in.
    var spare: URL { BuildCache.folder(for: url).appendingPathComponent("previous-output") }

    /// Brings a staging tree to exactly `pages` plus assets, then swaps it for Output.
    /// The staging tree is the spare (the site of two builds ago) when there is one, so that
    /// a rebuild writes only the files that changed instead of creating every file again.
    public func replace(with pages: [(path: String, bytes: [UInt8])], assets: URL?) throws(Diagnostic) -> Written {
        let fm = FileManager.default
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let retired = parent.appendingPathComponent(".\(name).old-\(stamp)")
        removeLeftovers()
        var staging = spare
        if !OutputFolder.isDirectory(spare) {
            try? fm.removeItem(at: spare)
            staging = parent.appendingPathComponent(".\(name).new-\(stamp)")
        }
        do {
            var files: [(path: String, bytes: [UInt8])] = pages
            if let assets { files += try OutputFolder.files(under: assets, prefix: "assets/") }
            files.append((".gitkeep", []))
            var wanted = Set<String>(), folders = Set<String>()
            for file in files {
                guard OutputFolder.safeURL(file.path, in: staging) != nil else {
                    throw Diagnostic(.error, file: file.path, "refused: page path leads outside the output folder")
                }
                wanted.insert(file.path)
                var folder = file.path
                while let slash = folder.lastIndex(of: "/") { folder = String(folder[..<slash]); folders.insert(folder) }
            }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            OutputFolder.prune(staging, keeping: wanted, folders: folders)
            for folder in folders.sorted() {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // Files are independent: compare and write them on all cores, keeping the first error.
            let failure = FirstError()
            let changed = ChangeCount()
            let root = staging.path + "/"
            let all = files
            DispatchQueue.concurrentPerform(iterations: all.count) { i in
                do {
                    if try FileBytes.update(root + all[i].path, to: all[i].bytes) { changed.add() }
                } catch { failure.record(error) }
            }
            if let error = failure.error { throw error }
            try swapIn(staging, retired: retired)
            return Written(files: all.count, changed: changed.value)
        } catch let d as Diagnostic {
            if staging != spare { try? fm.removeItem(at: staging) }
            throw d
        } catch {
            if staging != spare { try? fm.removeItem(at: staging) }
            throw Diagnostic(.error, file: url.path, "cannot write output: \(error.localizedDescription)")
        }
    }

    /// Puts `staging` in Output's place in one atomic exchange, and keeps the old site as the spare.
    private func swapIn(_ staging: URL, retired: URL) throws {
        let fm = FileManager.default
        try? fm.createDirectory(at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: url.path), brief_exchange_paths(staging.path, url.path) == 0 {
            // The new site is in place and the old one sits where staging was.
            if staging != spare { try? fm.removeItem(at: spare); try? fm.moveItem(at: staging, to: spare) }
            return
        }
        // Where the exchange is unsupported: two renames, and a killed build between them is
        // repaired by the next one (removeLeftovers puts the retired folder back).
        if fm.fileExists(atPath: url.path) {
            try fm.moveItem(at: url, to: retired)
        }
        do {
            try fm.moveItem(at: staging, to: url)
        } catch {
            if fm.fileExists(atPath: retired.path) { try? fm.moveItem(at: retired, to: url) }
            throw error
        }
        if fm.fileExists(atPath: retired.path) {
            try? fm.removeItem(at: spare)
            if (try? fm.moveItem(at: retired, to: spare)) == nil { try? fm.removeItem(at: retired) }
        }
    }

    /// Removes from a staging tree every file and folder the new site does not have
    /// (and anything that is not a plain file or folder, such as a symbolic link).
    static func prune(_ root: URL, keeping wanted: Set<String>, folders: Set<String>) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return }
        while let item = walker.nextObject() as? String {
            let path = root.path + "/" + item
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR {
                if !folders.contains(item) { try? fm.removeItem(atPath: path); walker.skipDescendants() }
            } else if type != S_IFREG || !wanted.contains(item) {
                unlink(path)
            }
        }
    }

    /// Every regular file under `folder`, as (prefix + relative path, bytes), sorted by path.
    static func files(under folder: URL, prefix: String) throws -> [(path: String, bytes: [UInt8])] {
        let fm = FileManager.default
        guard isDirectory(folder), let walker = fm.enumerator(atPath: folder.path) else { return [] }
        var files: [(path: String, bytes: [UInt8])] = []
        while let item = walker.nextObject() as? String {
            var st = stat()
            guard lstat(folder.path + "/" + item, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            files.append((prefix + item, [UInt8](try Data(contentsOf: folder.appendingPathComponent(item)))))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var st = stat()
        return lstat(url.path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// Staging and retired folders of builds that were killed midway; Output itself is never touched here.
    /// A killed build between the two renames leaves only a retired folder: it is put back.
    public func removeLeftovers() {
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for item in items where item.hasPrefix(".\(name).old-") && !fm.fileExists(atPath: url.path) {
            try? fm.moveItem(at: parent.appendingPathComponent(item), to: url)
        }
        for item in items where item.hasPrefix(".\(name).new-") || item.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(item))
        }
    }

    /// A relative page path resolved inside `root`, or nil when it would leave it.
    static func safeURL(_ path: String, in root: URL) -> URL? {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else { return nil }
        return root.appendingPathComponent(path)
    }
}

/// How many files a parallel loop wrote.
private final class ChangeCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func add() { lock.lock(); count += 1; lock.unlock() }
}

/// The first error of a parallel loop.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    func record(_ error: Error) { lock.lock(); if first == nil { first = error }; lock.unlock() }
}
