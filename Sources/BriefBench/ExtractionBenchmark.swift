import ArgumentParser
import BriefHTML
import Foundation

/// Main-text extraction quality: token-shingle precision/recall/F1 against the corpus gold,
/// as in the Scrapinghub article-extraction-benchmark (see ../shared/corpora/README.md).
struct ExtractionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Score HTMLArticleExtractor against article-extraction gold (4-token shingle P/R/F1).")

    @Option(help: "Corpus folder holding html/<id>.html.gz and ground-truth.json.")
    var corpus: String = "../shared/corpora/article-extraction-dev"

    @Option(help: "List the N documents with the lowest F1.")
    var worst: Int = 0

    @Option(help: "Print the extracted text of this document id (prefix is enough).")
    var show: String?

    func run() throws {
        let base = URL(fileURLWithPath: corpus)
        let gold = try loadGold(base.appendingPathComponent("ground-truth.json"))
        var results: [(id: String, p: Double, r: Double, f: Double)] = []
        var extractSeconds = 0.0
        let wallStart = Date()
        for (id, body) in gold.sorted(by: { $0.key < $1.key }) {
            let bytes = try gunzip(base.appendingPathComponent("html/\(id).html.gz"))
            let t0 = Date()
            let page = HTMLArticleExtractor.extract(bytes)
            extractSeconds += Date().timeIntervalSince(t0)
            let predicted = page.paragraphs.joined(separator: "\n")
            let (p, r, f) = Shingles.score(predicted: predicted, truth: body)
            results.append((id, p, r, f))
            if let show, id.hasPrefix(show) {
                print("title: \(page.title ?? "-")\ndate: \(page.published ?? "-")\noutlet: \(page.outlet ?? "-")")
                print("url: \(page.url ?? "-")\nauthor: \(page.author ?? "-")\n---")
                print(page.paragraphs.joined(separator: "\n¶ "))
                print("--- P \(fmt(p)) R \(fmt(r)) F1 \(fmt(f))")
            }
        }
        let n = Double(max(results.count, 1))
        let mp = results.map(\.p).reduce(0, +) / n
        let mr = results.map(\.r).reduce(0, +) / n
        let mf = results.map(\.f).reduce(0, +) / n
        if worst > 0 {
            for r in results.sorted(by: { $0.f < $1.f }).prefix(worst) {
                print("\(r.id.prefix(12))  P \(fmt(r.p))  R \(fmt(r.r))  F1 \(fmt(r.f))")
            }
        }
        let wall = Date().timeIntervalSince(wallStart)
        print("precision \(fmt(mp)) recall \(fmt(mr)) f1 \(fmt(mf)) (\(results.count) pages, extraction \(String(format: "%.2f", extractSeconds)) s, total \(String(format: "%.2f", wall)) s)")
    }

    private func fmt(_ x: Double) -> String { String(format: "%.3f", x) }

    private func loadGold(_ url: URL) throws -> [String: String] {
        let data = try Data(contentsOf: url)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("ground-truth.json is not an object")
        }
        var out: [String: String] = [:]
        for (id, value) in json {
            if let entry = value as? [String: Any], let body = entry["articleBody"] as? String { out[id] = body }
        }
        return out
    }

    /// `gzip -dc` keeps the benchmark free of a zlib link dependency.
    private func gunzip(_ url: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("gzip failed on \(url.path)") }
        return [UInt8](data)
    }
}

/// The benchmark's metric: multisets of 4-token shingles (tokens = runs of word characters,
/// lower-cased); per-document precision, recall and F1.
enum Shingles {
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for u in text.lowercased().unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(u)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        let t = tokens(text)
        var out: [String: Int] = [:]
        guard !t.isEmpty else { return out }
        // Texts shorter than n tokens form a single short shingle, as in the reference script.
        for i in 0..<max(1, t.count - n + 1) {
            out[t[i..<min(i + n, t.count)].joined(separator: " "), default: 0] += 1
        }
        return out
    }

    static func score(predicted: String, truth: String) -> (Double, Double, Double) {
        let p = shingles(predicted), g = shingles(truth)
        var tp = 0, fp = 0, fn = 0
        for key in Set(p.keys).union(g.keys) {
            let pc = p[key] ?? 0, gc = g[key] ?? 0
            tp += min(pc, gc)
            fp += max(0, pc - gc)
            fn += max(0, gc - pc)
        }
        if p.isEmpty && g.isEmpty { return (1, 1, 1) }
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }
}
