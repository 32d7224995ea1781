import BriefModel
import BriefRender
import Foundation

/// The pages a build streams to disk, and the time spent writing them, for `--timings`.
final class StreamedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var threadSeconds = 0.0
    private var wallSeconds = 0.0

    /// Writes one part's pages into `staging`, timing it (from any rendering thread).
    func write(_ pages: [Page], into staging: StagingTree) throws(Diagnostic) {
        let started = DispatchTime.now().uptimeNanoseconds
        try staging.write(pages)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        lock.lock(); threadSeconds += seconds; lock.unlock()
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
