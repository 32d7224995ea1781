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

    /// Writes pages and assets into a staging folder, then swaps it for Output.
    /// Returns the number of files written.
    public func replace(with pages: [(path: String, bytes: [UInt8])], assets: URL?) throws(Diagnostic) -> Int {
        let fm = FileManager.default
        let stamp = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(".\(name).new-\(stamp)")
        let retired = parent.appendingPathComponent(".\(name).old-\(stamp)")
        removeLeftovers()
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var targets: [URL] = []
            targets.reserveCapacity(pages.count)
            var folders = Set<String>()
            for page in pages {
                guard let target = OutputFolder.safeURL(page.path, in: staging) else {
                    throw Diagnostic(.error, file: page.path, "refused: page path leads outside the output folder")
                }
                targets.append(target)
                folders.insert(target.deletingLastPathComponent().path)
            }
            for folder in folders.sorted() { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            // Files are independent: write them on all cores, keeping the first error.
            let failure = FirstError()
            let files = targets
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                do { try Data(pages[i].bytes).write(to: files[i]) } catch { failure.record(error) }
            }
            if let error = failure.error { throw error }
            var written = pages.count
            if let assets, fm.fileExists(atPath: assets.path) {
                try fm.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
                written += (fm.enumerator(atPath: assets.path)?.allObjects.count ?? 0)
            }
            try Data().write(to: staging.appendingPathComponent(".gitkeep"))
            if fm.fileExists(atPath: url.path), brief_exchange_paths(staging.path, url.path) == 0 {
                // One atomic step: the new site is in place and the old one sits in the staging folder.
                try? fm.removeItem(at: staging)
                return written
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
            try? fm.removeItem(at: retired)
            return written
        } catch let d as Diagnostic {
            try? fm.removeItem(at: staging)
            throw d
        } catch {
            try? fm.removeItem(at: staging)
            throw Diagnostic(.error, file: url.path, "cannot write output: \(error.localizedDescription)")
        }
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

/// The first error of a parallel loop.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    func record(_ error: Error) { lock.lock(); if first == nil { first = error }; lock.unlock() }
}
