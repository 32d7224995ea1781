import BriefModel
import BriefRender
import Foundation

/// What a build keeps of the pages it streams to disk: archive.json's bytes (the ids record
/// is keyed by them) and the time spent writing, for `--timings`.
final class StreamedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var json: [UInt8]?
    private var threadSeconds = 0.0
    private var wallSeconds = 0.0

    var archiveJSON: [UInt8]? { lock.lock(); defer { lock.unlock() }; return json }

    /// Writes one part's pages into `staging`, timing it (from any rendering thread).
    func write(_ pages: [Page], into staging: StagingTree) throws(Diagnostic) {
        let started = DispatchTime.now().uptimeNanoseconds
        try staging.write(pages)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let json = pages.first { $0.path == "archive.json" }?.bytes
        lock.lock()
        threadSeconds += seconds
        if let json { self.json = json }
        lock.unlock()
    }

    /// Time spent writing with nothing else running (the assets, pruning, the swap).
    func wrote(seconds: Double) { lock.lock(); wallSeconds += seconds; lock.unlock() }

    /// The part of `total` wall seconds that went to writing: the rendering threads' writing
    /// time spread over the cores they ran on, plus the writing done alone.
    func writeSeconds(of total: Double) -> Double {
        lock.lock(); defer { lock.unlock() }
        let cores = Double(max(ProcessInfo.processInfo.activeProcessorCount, 1))
        return min(threadSeconds / cores + wallSeconds, total)
    }
}
