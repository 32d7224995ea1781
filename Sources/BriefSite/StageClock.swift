import Foundation

/// Seconds spent per pipeline stage, for `--timings` and the build summary.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    /// A stage timed twice (the cache is written after merging and again at the end) adds up
    /// in its first place.
    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        add(stage, Double(now - last) / 1e9)
        last = now
    }

    /// Takes laps timed elsewhere (the assembly's stages) into this clock, in order.
    mutating func skip(_ stages: [(stage: String, seconds: Double)]) {
        for (stage, seconds) in stages { add(stage, seconds) }
        last = DispatchTime.now().uptimeNanoseconds
    }

    private mutating func add(_ stage: String, _ seconds: Double) {
        if let i = laps.firstIndex(where: { $0.stage == stage }) { laps[i].seconds += seconds } else { laps.append((stage, seconds)) }
    }
}
