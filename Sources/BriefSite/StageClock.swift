import Foundation

/// Seconds spent per pipeline stage, for `--timings` and the build summary.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
    }

    /// Takes laps timed elsewhere (the assembly's stages) into this clock, in order.
    mutating func skip(_ stages: [(stage: String, seconds: Double)]) {
        laps += stages
        last = DispatchTime.now().uptimeNanoseconds
    }
}
