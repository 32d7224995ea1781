import BriefModel
import CAtomicSwap
import Foundation

/// The output end of the pipeline. A build is written to a staging tree (`StagingTree`: the spare
/// tree or a fresh folder beside `Output`) and swapped in by one atomic exchange (two renames where
/// the system has none) only when every file is written, so a failed or killed build leaves the
/// previous `Output` exactly as it was: its files are linked into the staging tree, never written.
/// A lock file keeps two builds from interleaving.
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
        /// Files whose bytes were written, because Output held other bytes or none (the rest are
        /// Output's files, linked).
        public var changed = 0
    }

    /// The tree the previous build replaced, kept in the build cache: the next build updates it
    /// to the new site and swaps it in. It shares the files that did not change with Output
    /// (hard links), so it costs the disk of the changed files only.
    var spare: URL { BuildCache.folder(for: url).appendingPathComponent("previous-output") }

    /// Where this build writes its site: the spare tree when there is one (its unchanged files
    /// are already Output's), else a fresh folder beside Output. Call before rendering, so
    /// pages are written as they are made.
    func stage() throws(Diagnostic) -> StagingTree {
        removeLeftovers()
        var root = spare
        if !OutputFolder.isDirectory(spare) {
            try? FileManager.default.removeItem(at: spare)
            let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
            root = parent.appendingPathComponent(".\(name).new-\(stamp)")
        }
        do {
            return try StagingTree(root: root, current: url, isSpare: root == spare)
        } catch {
            throw Diagnostic(.error, file: root.path, "cannot create the staging folder: \(error.localizedDescription)")
        }
    }

    /// Completes the staging tree (assets, and nothing that is not the site's) and swaps it for
    /// Output. On failure Output is as it was.
    func replace(_ staging: StagingTree, assets: URL?) throws(Diagnostic) -> Written {
        try staging.finish(assets: assets)
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        do {
            try swapIn(staging.root, retired: parent.appendingPathComponent(".\(name).old-\(stamp)"))
        } catch {
            abandon(staging)
            throw Diagnostic(.error, file: url.path, "cannot write output: \(error.localizedDescription)")
        }
        return Written(files: staging.files, changed: staging.changed)
    }

    /// After a failed build: a fresh staging folder is removed; the spare stays for the next
    /// build, which brings it up to date whatever this one left in it.
    func abandon(_ staging: StagingTree) {
        if !staging.isSpare { try? FileManager.default.removeItem(at: staging.root) }
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

    /// Whether a page path stays inside the output folder: relative, with no `.` or `..` part.
    /// Checked for every page, so on the path's bytes, without making a URL.
    static func isSafe(_ path: String) -> Bool {
        guard let first = path.utf8.first, first != UInt8(ascii: "/") else { return false }
        // Dots since the last slash: a part of only one or two dots is `.` or `..`. (Split into
        // an array per page, under the staging tree's lock, this was most of checking a page.)
        var dots = 0, others = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if others == 0, dots == 1 || dots == 2 { return false }
                dots = 0; others = 0
            } else if byte == UInt8(ascii: ".") {
                dots += 1
            } else {
                others += 1
            }
        }
        return !(others == 0 && (dots == 1 || dots == 2))
    }
}
