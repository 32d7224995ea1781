import BriefModel
import BriefRender
import Foundation

/// The folder a build writes its site into, each part's pages as soon as they are rendered, before
/// `OutputFolder` swaps it for Output. It is the spare tree (the site the
/// last build replaced) when there is one, so a page that did not change is usually there already.
/// A page whose bytes equal Output's file is hard-linked to it; other bytes go into new files.
/// Nothing in the tree is trusted: a stale file, a symbolic link or a folder where a page or a
/// folder belongs is replaced, never followed, and `finish` removes whatever is not the site's from the spare tree.
/// Pages come from all rendering threads at once: the bookkeeping is behind a lock, the file
/// work is not.
final class StagingTree: @unchecked Sendable {
    let root: URL
    /// Output as it is now: where unchanged pages are linked from.
    let current: URL
    /// Whether `root` is the spare tree kept in the build cache (else a fresh folder beside Output).
    let isSpare: Bool
    /// Whether Output was a folder when the build began: when not, no page has a file there to
    /// link, and none is looked for (a failed open per page).
    let hasCurrent: Bool
    private let lock = NSLock()
    private var written = 0
    private var changedCount = 0
    /// Every path written, and every folder checked to be a real folder of the tree.
    private var wanted = Set<String>()
    private var folders = Set<String>()
    /// Each file's stamp as this build placed it: still its stamp when the tree is Output.
    private var placed: [String: FileBytes.Stamp] = [:]

    init(root: URL, current: URL, isSpare: Bool) throws {
        self.root = root
        self.current = current
        self.isSpare = isSpare
        hasCurrent = OutputFolder.isDirectory(current)
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        if isSpare {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } else {
            // Made here, so empty: whatever was at its name (left by a killed build) is removed
            // first, and only this build's pages are ever in it (see `finish`).
            if mkdir(root.path, 0o755) != 0 {
                try? FileManager.default.removeItem(at: root)
                guard mkdir(root.path, 0o755) == 0 else { throw FileBytes.Failure(path: root.path, call: "mkdir", code: errno) }
            }
        }
    }

    /// Files in the tree, and how many of them had their bytes written (the rest are Output's).
    var files: Int { lock.lock(); defer { lock.unlock() }; return written }
    var changed: Int { lock.lock(); defer { lock.unlock() }; return changedCount }
    /// The stamp of each file placed in the tree, by path (`KeptPages.records`).
    var stamps: [String: FileBytes.Stamp] { lock.lock(); defer { lock.unlock() }; return placed }

    /// Writes some pages (one part of the site); safe to call from several threads at once.
    func write(_ pages: [Page]) throws(Diagnostic) {
        try claim(pages)
        let into = root.path + "/", from = current.path + "/"
        var count = 0
        var stamps: [FileBytes.Stamp] = []
        stamps.reserveCapacity(pages.count)
        for page in pages {
            do {
                let made = try FileBytes.place(into + page.path, page.bytes, current: hasCurrent ? from + page.path : nil)
                if made.written { count += 1 }
                stamps.append(made.stamp)
            } catch {
                throw Diagnostic(.error, file: current.path, "cannot write output: \(error.localizedDescription)")
            }
        }
        lock.lock()
        changedCount += count
        for (page, stamp) in zip(pages, stamps) { placed[page.path] = stamp }
        lock.unlock()
    }

    /// Makes Output's files at `paths` this tree's too, unchanged (hard links), as `KeptPages`
    /// decided; false when one cannot be kept (then the part is rendered and written as usual).
    func keep(_ paths: [String]) -> Bool {
        guard (try? claim(paths)) != nil else { return false }
        let into = root.path + "/", from = current.path + "/"
        var stamps: [FileBytes.Stamp] = []
        stamps.reserveCapacity(paths.count)
        for path in paths {
            guard let stamp = FileBytes.keep(into + path, current: from + path) else { return false }
            stamps.append(stamp)
        }
        lock.lock()
        for (path, stamp) in zip(paths, stamps) { placed[path] = stamp }
        lock.unlock()
        return true
    }

    /// Checks the pages' paths, makes their folders and notes the paths as the site's.
    private func claim(_ pages: [Page]) throws(Diagnostic) { try claim(pages.map(\.path)) }

    private func claim(_ paths: [String]) throws(Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        for path in paths {
            guard OutputFolder.isSafe(path) else {
                throw Diagnostic(.error, file: path, "refused: page path leads outside the output folder")
            }
            try makeFolders(for: path)
            guard !folders.contains(path) else {
                throw Diagnostic(.error, file: path, "refused: a page has the path of a folder")
            }
            if wanted.insert(path).inserted { written += 1 }
        }
    }

    /// Makes each folder on the way to `path` a real folder, parents first; whatever else is
    /// there (a symbolic link to somewhere outside, a file) is removed. Called under the lock.
    private func makeFolders(for path: String) throws(Diagnostic) {
        var prefixes: [String] = []
        // Cut at slashes by UTF-8 (searching Characters backwards ran grapheme breaking on every path).
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            if folders.contains(String(folder)) { break }
            prefixes.append(String(folder))
        }
        for folder in prefixes.reversed() {
            guard !wanted.contains(folder) else {
                throw Diagnostic(.error, file: path, "refused: a page path goes through another page")
            }
            let full = root.path + "/" + folder
            var st = stat()
            if lstat(full, &st) == 0, st.st_mode & S_IFMT != S_IFDIR { try? FileManager.default.removeItem(atPath: full) }
            if mkdir(full, 0o755) != 0, errno != EEXIST {
                throw Diagnostic(.error, file: full, "cannot create folder: \(String(cString: strerror(errno)))")
            }
            guard lstat(full, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
                throw Diagnostic(.error, file: full, "cannot create folder")
            }
            folders.insert(folder)
        }
    }

    /// Adds the assets and `.gitkeep`, then removes from a spare tree everything the new site
    /// does not have.
    func finish(assets: URL?) throws(Diagnostic) {
        var extra: [Page] = []
        if let assets {
            do {
                extra = try OutputFolder.files(under: assets, prefix: "assets/").map { Page(path: $0.path, bytes: $0.bytes) }
            } catch {
                throw Diagnostic(.error, file: assets.path, "cannot read assets: \(error.localizedDescription)")
            }
        }
        extra.append(Page(path: ".gitkeep", bytes: []))
        try write(extra)
        // A fresh tree holds only what this build put there (a page's temporary file is renamed
        // or removed): pruning it read every folder back, ~20 ms on one core at the end of a
        // 10k build from scratch.
        if isSpare { prune("") }
    }

    /// Removes from the tree under `folder` each entry that is neither a page written by this
    /// build nor one of its folders (a symbolic link is removed, never followed). Listed with
    /// readdir, whose entry type tells a file from a folder or a link without a stat per file
    /// (FileManager's listing and an lstat each were ~13,000 calls at the end of a build, on one
    /// core); an entry of unknown type is lstat'd.
    private func prune(_ folder: String) {
        let path = folder.isEmpty ? root.path : root.path + "/" + folder
        guard let dir = opendir(path) else { return }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(dir)
        for (name, type) in entries {
            let item = folder.isEmpty ? name : folder + "/" + name
            let full = path + "/" + name
            var mode = type == DT_DIR ? S_IFDIR : type == DT_REG ? S_IFREG : type == DT_UNKNOWN ? 0 : S_IFLNK
            if type == DT_UNKNOWN {
                var st = stat()
                guard lstat(full, &st) == 0 else { continue }
                mode = st.st_mode & S_IFMT
            }
            if mode == S_IFDIR {
                if folders.contains(item) { prune(item) } else { try? FileManager.default.removeItem(atPath: full) }
            } else if mode != S_IFREG || !wanted.contains(item) {
                unlink(full)
            }
        }
    }
}
