import ArgumentParser
import BriefIngest
import BriefMerge
import BriefModel
import Foundation

/// Same-event clustering quality against ECB+ gold (B-cubed and pairwise P/R/F1), and the
/// speed of `Merge.stories` on a corpus replicated to `--scale` articles.
struct ClusteringBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clustering",
        abstract: "Score Merge.stories against ecbplus gold clusters; --scale N times merging N articles.")

    @Option(help: "Corpus folder holding articles/*.txt and clusters.tsv.")
    var corpus: String = "../shared/corpora/ecbplus-dev"

    @Option(help: "Also replicate the corpus, perturbed, to N articles and time merging them.")
    var scale: Int?

    @Option(help: "Average-link cosine threshold (default: the stage's own).")
    var threshold: Float?

    @Option(help: "Largest day span of one story (default: the stage's own).")
    var maxDays: Int?

    @Option(help: "Story split cross/inside similarity ratio (0: no split; default: the stage's own).")
    var splitRatio: Float?

    @Option(help: "Smallest half a story split may cut off (default: the stage's own).")
    var splitMinSide: Int?

    @Option(help: "Straggler attachment mean similarity (0: off; default: the stage's own).")
    var attach: Float?

    @Flag(help: "List the gold clusters that were split or mixed.")
    var errors = false

    @Flag(help: "List every story with its gold events and its members' dates.")
    var verbose = false

    func run() throws {
        let base = URL(fileURLWithPath: corpus)
        let gold = try loadGold(base.appendingPathComponent("clusters.tsv"))
        var tuning = Merge.Tuning()
        if let threshold { tuning.eventThreshold = threshold }
        if let maxDays { tuning.maxDaySpan = maxDays }
        if let splitRatio { tuning.splitCrossRatio = splitRatio }
        if let splitMinSide { tuning.splitMinSide = splitMinSide }
        if let attach { tuning.attachThreshold = attach }

        let t0 = Date()
        var articles: [Article] = []
        for file in gold.keys.sorted() {
            let bytes = try [UInt8](Data(contentsOf: base.appendingPathComponent("articles/\(file)")))
            articles += Ingest.articles(from: RawArticle(path: "articles/\(file)", bytes: bytes)).articles
        }
        let t1 = Date()
        let stories = Merge.stories(from: articles, tuning: tuning)
        let t2 = Date()

        var predicted: [String: Int] = [:]
        for (k, s) in stories.enumerated() { for m in s.members { predicted[name(m.article.file)] = k } }
        let score = ClusterScore(predicted: predicted, gold: gold)
        print("ecbplus-dev: \(articles.count) articles, \(Set(gold.values).count) gold clusters, \(stories.count) stories")
        print(String(format: "B-cubed precision %.3f recall %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f",
                     score.bcubedP, score.bcubedR, score.bcubedF1, score.pairP, score.pairR, score.pairF1))
        print(String(format: "time: ingest %.2f s, merge %.3f s", t1.timeIntervalSince(t0), t2.timeIntervalSince(t1)))
        if errors { printErrors(predicted: predicted, gold: gold) }
        if verbose { printStories(stories, gold: gold) }

        if let scale { try runScale(articles: articles, gold: gold, target: scale, tuning: tuning) }
    }

    /// Replicas rename every capitalised word and number (a different set of people and
    /// figures, same kind of event) and drop some words, so each replica is a new corpus.
    private func runScale(articles: [Article], gold: [String: String], target: Int, tuning: Merge.Tuning) throws {
        var big: [Article] = []
        var bigGold: [String: String] = [:]
        var replica = 0
        while big.count < target {
            for a in articles where big.count < target {
                var b = a
                b.file = "r\(replica)/\(a.file)"
                b.paragraphs = a.paragraphs.map { Replica.perturb($0, replica: replica) }
                b.title = a.title.map { Replica.perturb($0, replica: replica) }
                if let d = a.published { b.published = d.adding(days: replica * 40) }
                if let d = a.eventDate { b.eventDate = d.adding(days: replica * 40) }
                // A replica is a new article: the original's address (and the day in it) is not its own.
                if replica > 0 { b.url = nil }
                big.append(b)
                bigGold[b.file] = "\(replica)/\(gold[name(a.file)] ?? "?")"
            }
            replica += 1
        }
        let t0 = Date()
        let stories = Merge.stories(from: big, tuning: tuning)
        let seconds = Date().timeIntervalSince(t0)
        var predicted: [String: Int] = [:]
        for (k, s) in stories.enumerated() { for m in s.members { predicted[m.article.file] = k } }
        let score = ClusterScore(predicted: predicted, gold: bigGold)
        print(String(format: "scale: %d articles (%d replicas) merged in %.2f s into %d stories; B-cubed F1 %.3f",
                     big.count, replica, seconds, stories.count, score.bcubedF1))
    }

    private func printErrors(predicted: [String: Int], gold: [String: String]) {
        var byPredicted: [Int: [String: Int]] = [:]
        for (f, k) in predicted { byPredicted[k, default: [:]][gold[f] ?? "?", default: 0] += 1 }
        for mix in byPredicted.values where mix.count > 1 {
            print("mixed story: " + mix.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }.joined(separator: ", "))
        }
        var byGold: [String: [String]] = [:]
        for (f, g) in gold { byGold[g, default: []].append(f) }
        for g in byGold.keys.sorted() {
            let files = byGold[g]!
            let parts = Dictionary(grouping: files) { predicted[$0] ?? -1 }
            let mixed = parts.keys.contains { k in predicted.contains { $0.value == k && gold[$0.key] != g } }
            if parts.count > 1 || mixed {
                let desc = parts.values.map { $0.sorted().joined(separator: ",") }.sorted().joined(separator: " | ")
                print("\(g)\(mixed ? " (mixed)" : ""): \(desc)")
            }
        }
    }

    /// One line per story: its gold events with counts, then each member with its day
    /// (`-` when undated), so a wrong merge or split shows what the dates said.
    private func printStories(_ stories: [Story], gold: [String: String]) {
        for s in stories {
            var events: [String: Int] = [:]
            for m in s.members { events[gold[name(m.article.file)] ?? "?", default: 0] += 1 }
            let mark = events.count > 1 ? "MIXED " : ""
            print(mark + events.sorted { $0.key < $1.key }.map { "\($0.key) x\($0.value)" }.joined(separator: ", "))
            let members = s.members.map { m -> String in
                let d = m.article.eventDate ?? m.article.published
                return name(m.article.file) + "@" + (d?.description ?? "-")
            }
            print("    " + members.sorted().joined(separator: " "))
        }
    }

    private func name(_ file: String) -> String {
        String(file.split(separator: "/").last ?? Substring(file)).split(separator: "#").first.map(String.init) ?? file
    }

    private func loadGold(_ url: URL) throws -> [String: String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var gold: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t")
            if cols.count == 2 { gold[String(cols[0])] = String(cols[1]) }
        }
        return gold
    }
}

/// B-cubed and pairwise precision/recall/F1 of a clustering against gold labels.
struct ClusterScore {
    var bcubedP = 0.0, bcubedR = 0.0, bcubedF1 = 0.0, pairP = 0.0, pairR = 0.0, pairF1 = 0.0

    init(predicted: [String: Int], gold: [String: String]) {
        let items = gold.keys.filter { predicted[$0] != nil }
        var cell: [String: Int] = [:]        // "cluster|gold" -> count
        var clusterSize: [Int: Int] = [:]
        var goldSize: [String: Int] = [:]
        for f in items {
            cell["\(predicted[f]!)|\(gold[f]!)", default: 0] += 1
            clusterSize[predicted[f]!, default: 0] += 1
            goldSize[gold[f]!, default: 0] += 1
        }
        var p = 0.0, r = 0.0
        for f in items {
            let both = Double(cell["\(predicted[f]!)|\(gold[f]!)"]!)
            p += both / Double(clusterSize[predicted[f]!]!)
            r += both / Double(goldSize[gold[f]!]!)
        }
        let n = Double(max(items.count, 1))
        bcubedP = p / n; bcubedR = r / n
        bcubedF1 = bcubedP + bcubedR > 0 ? 2 * bcubedP * bcubedR / (bcubedP + bcubedR) : 0
        func pairs(_ k: Int) -> Double { Double(k * (k - 1) / 2) }
        let tp = cell.values.map(pairs).reduce(0, +)
        let predictedPairs = clusterSize.values.map(pairs).reduce(0, +)
        let goldPairs = goldSize.values.map(pairs).reduce(0, +)
        pairP = predictedPairs > 0 ? tp / predictedPairs : 1
        pairR = goldPairs > 0 ? tp / goldPairs : 1
        pairF1 = pairP + pairR > 0 ? 2 * pairP * pairR / (pairP + pairR) : 0
    }
}

/// Deterministic perturbation for the scale run.
enum Replica {
    static func perturb(_ text: String, replica: Int) -> String {
        guard replica > 0 else { return text }
        let suffix = String(UnicodeScalar(UInt8(97 + replica % 26))) + String(UnicodeScalar(UInt8(97 + (replica / 26) % 26)))
        var out: [Substring] = []
        var n = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            n += 1
            if (n + replica) % 11 == 0 { continue } // drop a word now and then
            if let f = word.first, f.isUppercase || f.isNumber {
                out.append(Substring(word + suffix))
            } else {
                out.append(word)
            }
        }
        return out.joined(separator: " ")
    }
}
