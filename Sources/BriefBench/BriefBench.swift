import ArgumentParser

/// Benchmarks that print numbers; run them from a release build (`swift run -c release brief-bench ...`).
@main
struct BriefBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief-bench",
        abstract: "Quality and speed benchmarks for brief.",
        subcommands: [ExtractionBenchmark.self, ClusteringBenchmark.self, ScaleBenchmark.self, IngestBenchmark.self])
}
