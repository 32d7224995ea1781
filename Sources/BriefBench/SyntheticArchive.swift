// The deterministic synthetic archive `brief-bench scale` builds: real ECB+ sentences
// recombined into articles, with known shares of copies, same-event variants, HTML and JSON.
import BriefModel
import Foundation

/// SplitMix64: small, fast, deterministic on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
    }
}

/// Sentences of the corpus, grouped by source article, and frequent two-word names.
struct SentencePool {
    var sentences: [String] = []
    var byFile: [[Int]] = []
    var names: [String] = []
    var files = 0

    init(corpus: String) throws {
        let fm = FileManager.default
        let list = try fm.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        var nameCounts: [String: Int] = [:]
        for file in list {
            guard let text = try? String(contentsOfFile: corpus + "/" + file, encoding: .utf8) else { continue }
            var mine: [Int] = []
            for para in text.components(separatedBy: "\n\n") {
                let p = para.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
                guard p.count >= 80, !p.hasPrefix("http") else { continue }
                for s in SentencePool.split(p) where (30...400).contains(s.count) {
                    mine.append(sentences.count)
                    sentences.append(s)
                    let words = s.split(separator: " ")
                    for i in 1..<max(words.count, 1) where i + 1 < words.count {
                        let a = words[i], b = words[i + 1]
                        if a.count > 2, b.count > 2, a.first!.isUppercase, b.first!.isUppercase,
                           a.allSatisfy(\.isLetter), b.allSatisfy(\.isLetter) {
                            nameCounts["\(a) \(b)", default: 0] += 1
                        }
                    }
                }
            }
            if !mine.isEmpty { byFile.append(mine); files += 1 }
        }
        names = nameCounts.filter { $0.value >= 3 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(60).map(\.key)
    }

    static func split(_ p: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(p)
        for (i, c) in chars.enumerated() {
            current.append(c)
            if c == "." || c == "!" || c == "?", i + 2 < chars.count, chars[i + 1] == " ",
               chars[i + 2].isUppercase || chars[i + 2] == "\"" || chars[i + 2] == "“" {
                out.append(current.trimmingCharacters(in: .whitespaces)); current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }
}

/// Writes the synthetic archive: ~10% exact duplicates, ~15% same-event variants, ~10% HTML,
/// ~10% JSON, the rest plain text; ~20 notes.
struct Generator {
    struct Item { var title: String; var date: Int; var outlet: Int; var sentences: [Int] }

    let pool: SentencePool
    var rng: SplitMix64
    let total: Int
    var items: [Item] = []
    var duplicates = 0, variants = 0, html = 0, json = 0

    static let outlets = ["Daily Ledger", "Harbor Times", "Continental Wire", "Morning Post Herald", "Valley Courier",
                          "Northern Gazette", "Metro Chronicle", "Global Dispatch", "Capital Observer", "Coastal Tribune",
                          "Evening Standard Review", "Pacific Monitor", "Union Press", "Lakeside Journal", "Frontier News"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    /// Days 2015-01-01 .. : about ten articles a day, so density stays constant as N grows.
    static let epoch = 16436

    init(pool: SentencePool, seed: UInt64, total: Int) {
        self.pool = pool; rng = SplitMix64(seed: seed); self.total = total
    }

    mutating func write(into content: String) throws -> (files: Int, notes: Int) {
        let fm = FileManager.default
        try fm.createDirectory(atPath: content + "/articles", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: content + "/notes", withIntermediateDirectories: true)
        try """
        title: Scale Benchmark Archive
        description: A synthetic archive for brief-bench scale.
        language: en
        """.write(toFile: content + "/site.yml", atomically: false, encoding: .utf8)
        for i in 0..<total { try writeArticle(i, into: content) }
        for k in 0..<20 { try writeNote(k, into: content) }
        return (total, 20)
    }

    /// One more fresh article, for the add-one rebuild.
    mutating func writeExtra(into content: String, index: Int) throws {
        let item = fresh()
        try write(item, index: index, format: 0, into: content)
    }

    private mutating func fresh() -> Item {
        let days = max(365, total / 10)
        let date = Generator.epoch + rng.below(days)
        let own = rng.pick(pool.byFile)
        var sents = Array(own.shuffledPrefix(3 + rng.below(4), &rng))
        for _ in 0..<(2 + rng.below(4)) { sents.append(rng.below(pool.sentences.count)) }
        let title = headline(from: pool.sentences[sents[0]])
        return Item(title: title, date: date, outlet: rng.below(Generator.outlets.count), sentences: sents)
    }

    private func headline(from sentence: String) -> String {
        let words = sentence.split(separator: " ").prefix(9).map { $0.trimmingCharacters(in: .punctuationCharacters) }
        let h = words.filter { !$0.isEmpty }.joined(separator: " ")
        return h.prefix(1).uppercased() + h.dropFirst()
    }

    private mutating func writeArticle(_ i: Int, into content: String) throws {
        let roll = rng.unit()
        var item: Item
        if roll < 0.10, !items.isEmpty {
            // exact duplicate (same bytes, another file) of an earlier article
            duplicates += 1
            let j = rng.below(items.count)
            item = items[j]
            items.append(item)
            try write(item, index: i, format: formatOf(j), into: content, duplicateOf: j)
            return
        } else if roll < 0.25, !items.isEmpty {
            variants += 1
            let base = items[rng.below(items.count)]
            var sents = base.sentences
            rng.shuffle(&sents)
            sents = Array(sents.prefix(max(2, Int(Double(sents.count) * (0.6 + 0.4 * rng.unit())))))
            if rng.unit() < 0.5 { sents.append(rng.below(pool.sentences.count)) }
            let title = rng.unit() < 0.5 ? base.title : headline(from: pool.sentences[sents[0]])
            item = Item(title: title, date: base.date + rng.below(5) - 2, outlet: rng.below(Generator.outlets.count), sentences: sents)
        } else {
            item = fresh()
        }
        items.append(item)
        try write(item, index: i, format: formatOf(i), into: content)
    }

    /// 0 text, 1 HTML, 2 JSON; by index so that duplicates keep the format of their original.
    private func formatOf(_ i: Int) -> Int {
        let h = SplitMix64(seed: UInt64(i) &* 7919).state &* 0x9E3779B97F4A7C15 >> 32
        let r = h % 10
        return r == 0 ? 1 : r == 1 ? 2 : 0
    }

    private mutating func write(_ item: Item, index i: Int, format: Int, into content: String, duplicateOf: Int? = nil) throws {
        let outlet = Generator.outlets[item.outlet]
        let day = DayParts(item.date)
        let slug = item.title.lowercased().filter { $0.isLetter || $0 == " " }.split(separator: " ").prefix(6).joined(separator: "-")
        let urlIndex = duplicateOf ?? i
        let url = "https://www.\(outlet.lowercased().replacingOccurrences(of: " ", with: "")).example/\(day.iso)/\(slug)-\(urlIndex)"
        let paragraphs = stride(from: 0, to: item.sentences.count, by: 2).map { k in
            item.sentences[k..<min(k + 2, item.sentences.count)].map { pool.sentences[$0] }.joined(separator: " ")
        }
        let dir = content + "/articles/\(String(format: "%03d", i / 1000))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let name = String(format: "a%06d", i)
        switch format {
        case 1:
            html += 1
            let body = paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
            let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(item.title)) | \(outlet)</title>
            <meta property="og:title" content="\(escape(item.title))">
            <meta property="og:site_name" content="\(outlet)">
            <meta property="og:url" content="\(url)">
            <meta property="article:published_time" content="\(day.iso)T09:30:00Z">
            </head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
            <main><article><h1>\(escape(item.title))</h1><time datetime="\(day.iso)">\(day.long)</time>
            \(body)
            </article>
            <aside><h2>Related</h2><ul><li><a href="/x">More from \(outlet)</a></li></ul></aside></main>
            <footer><p>© \(outlet). All rights reserved.</p></footer>
            </body></html>
            """
            try page.write(toFile: "\(dir)/\(name).html", atomically: false, encoding: .utf8)
        case 2:
            json += 1
            let object: [String: Any] = ["title": item.title, "published": day.iso, "source": outlet, "url": url,
                                         "body": paragraphs.joined(separator: "\n\n")]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            try data.write(to: URL(fileURLWithPath: "\(dir)/\(name).json"))
        default:
            let text = "\(url)\n\n\(item.title)\n\n\(day.long)\n\nSource: \(outlet)\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
            try text.write(toFile: "\(dir)/\(name).txt", atomically: false, encoding: .utf8)
        }
    }

    private mutating func writeNote(_ k: Int, into content: String) throws {
        let day = DayParts(Generator.epoch + rng.below(max(365, total / 10)))
        let a = rng.pick(pool.names), b = rng.pick(pool.names)
        var body = "Notes on [[\(a)]] and [[\(b)]].\n\n"
        for _ in 0..<3 { body += pool.sentences[rng.below(pool.sentences.count)] + "\n\n" }
        body += "- follow up with [[\(rng.pick(pool.names))]]\n"
        let note = """
        ---
        title: "Analyst note \(k): \(a)"
        date: \(day.iso)
        author: Analyst \(k % 4)
        tags: [scale, bench]
        ---
        \(body)
        """
        try note.write(toFile: content + "/notes/note-\(String(format: "%02d", k)).md", atomically: false, encoding: .utf8)
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A day number (days since 1970-01-01) as ISO and long English dates.
struct DayParts {
    var iso: String, long: String
    init(_ dayNumber: Int) {
        let date = DayDate(dayNumber: dayNumber)
        let (y, m, d) = (date.year, date.month, date.day)
        iso = String(format: "%04d-%02d-%02d", y, m, d)
        long = "\(Generator.months[m - 1]) \(d), \(y)"
    }
}

extension Array {
    /// A deterministic random subset of `k` elements, in random order.
    func shuffledPrefix(_ k: Int, _ rng: inout SplitMix64) -> ArraySlice<Element> {
        var copy = self
        rng.shuffle(&copy)
        return copy.prefix(k)
    }
}
