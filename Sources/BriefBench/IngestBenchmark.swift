import ArgumentParser
import BriefIngest
import BriefModel
import Foundation

/// Ingest alone: `Ingest.articles(from:)` over every article file of a content folder, read
/// into memory first so that only ingest is timed (the build's own I/O is measured elsewhere).
struct IngestBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Time Ingest.articles(from:) over every file under CONTENT/articles.")

    @Option(help: "Content folder (its articles/ subfolder is read, any depth).")
    var content: String = "Content"

    @Option(help: "Runs; the fastest is reported (the machine is shared, so runs are noisy).")
    var runs: Int = 3

    @Flag(help: "One thread, no parallelMap: the per-article cost without scheduling noise.")
    var serial = false

    func run() throws {
        let raws = try readArticles()
        guard !raws.isEmpty else { throw ValidationError("no article files under \(content)/articles") }
        var best = Double.infinity
        var counts = (articles: 0, skipped: 0)
        for run in 1...max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = serial ? raws.map(Ingest.articles(from:)) : parallelMap(raws, Ingest.articles(from:))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            counts = (results.reduce(0) { $0 + $1.articles.count }, results.filter { $0.skipped != nil }.count)
            best = min(best, seconds)
            print("run \(run): \(String(format: "%.3f", seconds)) s")
        }
        print("ingest \(raws.count) files -> \(counts.articles) articles, \(counts.skipped) skipped: best \(String(format: "%.3f", best)) s\(serial ? " (serial)" : "")")
    }

    private func readArticles() throws -> [RawArticle] {
        let root = URL(fileURLWithPath: content).appendingPathComponent("articles")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw ValidationError("cannot read \(root.path)")
        }
        var raws: [RawArticle] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = "articles" + url.path.dropFirst(root.path.count)
            raws.append(RawArticle(path: relative, bytes: [UInt8](try Data(contentsOf: url))))
        }
        return raws.sorted { $0.path < $1.path }
    }
}
