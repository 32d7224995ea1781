import BriefModel
import ArgumentParser
import Foundation

/// End-to-end scale: a deterministic synthetic archive of N articles built from ECB+ sentences,
/// built by the real `brief` binary (full, no-op, one article added, one note edited), and the
/// same briefs built by Hugo for comparison.
struct ScaleBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Time `brief build` on a synthetic archive of N articles (full, no-op, add one, edit note) against Hugo.")

    @Option(help: "Number of articles.")
    var articles: Int = 1000

    @Option(help: "Comma-separated sizes, run one after the other (overrides --articles).")
    var sizes: String?

    @Option(help: "Work folder for the generated archives, outputs and Hugo sites (not for git).")
    var work: String = ".brief-bench-work"

    @Option(help: "The brief release binary.")
    var brief: String = ".build/release/brief"

    @Option(help: "Templates folder passed to brief.")
    var templates: String = "Templates"

    @Option(help: "Corpus folder holding articles/*.txt.")
    var corpus: String = "../shared/corpora/ecbplus-dev"

    @Option(help: "The hugo binary ('' skips Hugo).")
    var hugo: String = "hugo"

    @Option(help: "Generator seed.")
    var seed: UInt64 = 42

    @Option(help: "Runs of each measurement; the table shows the fastest (the machine is shared, so runs are noisy).")
    var runs: Int = 3

    @Flag(help: "Print brief's own output.")
    var verbose = false

    func run() throws {
        let ns = sizes.map { $0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } } ?? [articles]
        let briefPath = absolute(brief)
        guard FileManager.default.isExecutableFile(atPath: briefPath) else {
            throw ValidationError("no brief binary at \(briefPath); build it with swift build -c release --product brief")
        }
        let pool = try SentencePool(corpus: absolute(corpus) + "/articles")
        print("corpus: \(pool.sentences.count) sentences from \(pool.files) articles, \(pool.names.count) names")
        var rows: [Row] = []
        for n in ns {
            let row = try measure(n: n, pool: pool, briefPath: briefPath)
            rows.append(row)
            printTable(rows)
        }
    }

    struct Row {
        var n = 0, files = 0, briefs = ""
        var full = 0.0, noop = 0.0, addOne = 0.0, editNote = 0.0
        var rssKB = 0, outBytes = 0, outFiles = 0
        var hugo: Double?
        var stages: [(String, Double)] = []
    }

    private func measure(n: Int, pool: SentencePool, briefPath: String) throws -> Row {
        let fm = FileManager.default
        let root = absolute(work) + "/n\(n)"
        try? fm.removeItem(atPath: root)
        let content = root + "/Content"
        let output = root + "/Output"
        let t0 = Date()
        var gen = Generator(pool: pool, seed: seed &+ UInt64(n), total: n)
        let written = try gen.write(into: content)
        print(String(format: "n=%d: generated %d article files (%d duplicates, %d variants, %d html, %d json) and %d notes in %.1f s",
                     n, written.files, gen.duplicates, gen.variants, gen.html, gen.json, written.notes, Date().timeIntervalSince(t0)))

        sync()   // flush the generated files first, so their writeback is not billed to the first build
        var row = Row(n: n, files: written.files)
        let args = ["build", "--content", content, "--templates", absolute(templates), "--output", output, "--timings"]
        var full = try timed(briefPath, args, log: root + "/full.log")
        var fulls = [full.seconds]
        for k in 1..<max(runs, 1) {   // the same full build again (--force), into an existing Output
            let again = try timed(briefPath, args + ["--force"], log: root + "/full\(k).log")
            fulls.append(again.seconds)
            if again.seconds < full.seconds { full.seconds = again.seconds; full.stdout = again.stdout }
            full.rssKB = max(full.rssKB, again.rssKB)
        }
        row.full = full.seconds; row.rssKB = full.rssKB
        row.stages = stages(in: full.stdout)
        row.briefs = full.stdout.split(separator: "\n").first { $0.contains(" briefs, ") }.map(String.init) ?? ""
        (row.outBytes, row.outFiles) = size(of: output)
        print("  full build    \(fulls.map(fmt).joined(separator: " / ")) s, \(full.rssKB / 1024) MB  \(row.briefs)")

        var noop = try timed(briefPath, args, log: root + "/noop.log")
        for _ in 1..<max(runs, 1) { let r = try timed(briefPath, args, log: root + "/noop.log"); noop.seconds = min(noop.seconds, r.seconds) }
        row.noop = noop.seconds; row.rssKB = max(row.rssKB, noop.rssKB)
        print("  no-op rebuild \(fmt(noop.seconds)) s, \(noop.rssKB / 1024) MB  \(noop.stdout.split(separator: "\n").last ?? "")")

        let hugoSeconds = try hugoRun(output: output, site: root + "/hugo")

        var adds: [Double] = [], edits: [Double] = []
        for k in 0..<max(runs, 1) {
            try gen.writeExtra(into: content, index: n + k)
            let add = try timed(briefPath, args, log: root + "/add\(k).log")
            adds.append(add.seconds); row.rssKB = max(row.rssKB, add.rssKB)
        }
        row.addOne = adds.min()!
        print("  add one       \(adds.map(fmt).joined(separator: " / ")) s")

        for k in 0..<max(runs, 1) {
            let notePath = content + "/notes/note-\(String(format: "%02d", k)).md"
            let note = try String(contentsOfFile: notePath, encoding: .utf8)
            try (note + "\nAn added line after review.\n").write(toFile: notePath, atomically: true, encoding: .utf8)
            let edit = try timed(briefPath, args, log: root + "/edit\(k).log")
            edits.append(edit.seconds); row.rssKB = max(row.rssKB, edit.rssKB)
        }
        row.editNote = edits.min()!
        print("  edit note     \(edits.map(fmt).joined(separator: " / ")) s")
        row.hugo = hugoSeconds
        return row
    }

    // MARK: running brief

    struct Run { var seconds: Double; var rssKB: Int; var stdout: String }

    /// Runs under `/usr/bin/time -f "%e %M"` (wall seconds, max RSS in KB of that one child).
    private func timed(_ exe: String, _ args: [String], log: String) throws -> Run {
        let timeFile = log + ".time"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        p.arguments = ["-f", "%e %M", "-o", timeFile, exe] + args
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardOutput = out
        p.standardError = out
        let start = Date()
        try p.run()
        p.waitUntilExit()
        let wall = Date().timeIntervalSince(start)
        try out.close()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        if verbose { print(text) }
        guard p.terminationStatus == 0 else {
            throw ValidationError("\(exe) \(args.joined(separator: " ")) failed (\(p.terminationStatus)); see \(log)\n" + text.suffix(2000))
        }
        let fields = ((try? String(contentsOfFile: timeFile, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
        let rss = fields.count >= 2 ? Int(fields[fields.count - 1]) ?? 0 : 0
        return Run(seconds: wall, rssKB: rss, stdout: text)
    }

    private func stages(in text: String) -> [(String, Double)] {
        text.split(separator: "\n").compactMap { line in
            // "  ingest       0.516 s" or "  ingest       0.057 s  (10001 from the cache)"
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            let parts = line.split(separator: " ")
            guard parts.count >= 3, parts[2] == "s", let s = Double(parts[1]) else { return nil }
            return (String(parts[0]), s)
        }
    }

    private func size(of folder: String) -> (Int, Int) {
        var bytes = 0, files = 0
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() {
            guard let attrs = try? fm.attributesOfItem(atPath: folder + "/" + path),
                  attrs[.type] as? FileAttributeType == .typeRegular else { continue }
            bytes += (attrs[.size] as? Int) ?? 0
            files += 1
        }
        return (bytes, files)
    }

    // MARK: Hugo

    /// The briefs of `archive.json`, each `briefs/<id>.md` with its front matter, as a minimal
    /// Hugo site (no theme, one single and one list layout); returns `hugo --quiet` seconds.
    private func hugoRun(output: String, site: String) throws -> Double? {
        guard !hugo.isEmpty else { return nil }
        let fm = FileManager.default
        try? fm.removeItem(atPath: site)
        try fm.createDirectory(atPath: site + "/content/briefs", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: site + "/layouts/_default", withIntermediateDirectories: true)
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/archive.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let briefs = json["briefs"] as? [[String: Any]] ?? []
        for b in briefs {
            guard let id = b["id"] as? String else { continue }
            var md = try String(contentsOfFile: "\(output)/briefs/\(id).md", encoding: .utf8)
            md = md.replacingOccurrences(of: "\ndate: null\n", with: "\n").replacingOccurrences(of: "\npublished: null\n", with: "\n")
            try md.write(toFile: "\(site)/content/briefs/\(id).md", atomically: false, encoding: .utf8)
        }
        try """
        baseURL = "http://localhost/"
        title = "Scale benchmark"
        languageCode = "en"
        relativeURLs = true
        buildFuture = true
        """.write(toFile: site + "/config.toml", atomically: false, encoding: .utf8)
        try """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
        <body><nav><a href="{{ "/" | relURL }}">Home</a> <a href="{{ "/briefs/" | relURL }}">Briefs</a></nav>
        <article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}</article></body></html>
        """.write(toFile: site + "/layouts/_default/single.html", atomically: false, encoding: .utf8)
        try """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
        <body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul></body></html>
        """.write(toFile: site + "/layouts/_default/list.html", atomically: false, encoding: .utf8)
        let exe = hugo.contains("/") ? absolute(hugo) : "/usr/bin/env"
        let args = (hugo.contains("/") ? [] : [hugo]) + ["--quiet", "--source", site, "--destination", site + "/public"]
        var times: [Double] = [], rss = 0
        for _ in 0..<max(runs, 1) {
            try? fm.removeItem(atPath: site + "/public")
            let r = try timed(exe, args, log: site + ".log")
            times.append(r.seconds); rss = max(rss, r.rssKB)
        }
        let (bytes, files) = size(of: site + "/public")
        print("  hugo          \(times.map(fmt).joined(separator: " / ")) s, \(rss / 1024) MB, \(briefs.count) briefs -> \(files) files, \(bytes / 1024) KB")
        return times.min()!
    }

    // MARK: table

    private func printTable(_ rows: [Row]) {
        print("")
        print("best of \(max(runs, 1)) runs each (seconds are wall time; peak RSS is the largest of any brief run)")
        print("|      N | files | full s | no-op s | add-one s | edit-note s | peak RSS MB | output MB | output files | hugo s | brief/hugo |")
        print("|-------:|------:|-------:|--------:|----------:|------------:|------------:|----------:|-------------:|-------:|-----------:|")
        for r in rows {
            let hugo = r.hugo.map { fmt($0) } ?? "-"
            let ratio = r.hugo.map { String(format: "%.2f", r.full / max($0, 0.001)) } ?? "-"
            print("| \(pad(r.n, 6)) | \(pad(r.files, 5)) | \(pad(fmt(r.full), 6)) | \(pad(fmt(r.noop), 7)) | \(pad(fmt(r.addOne), 9)) | \(pad(fmt(r.editNote), 11)) | \(pad(r.rssKB / 1024, 11)) | \(pad(String(format: "%.1f", Double(r.outBytes) / 1_048_576), 9)) | \(pad(r.outFiles, 12)) | \(pad(hugo, 6)) | \(pad(ratio, 10)) |")
        }
        for r in rows where !r.stages.isEmpty {
            let total = r.stages.map(\.1).reduce(0, +)
            let slowest = r.stages.max { $0.1 < $1.1 }!
            print("N=\(r.n) stages: " + r.stages.map { "\($0.0) \(fmt($0.1))" }.joined(separator: ", ")
                  + String(format: "; slowest %@ (%.0f%% of staged time)", slowest.0, 100 * slowest.1 / max(total, 0.001)))
        }
        print("")
    }

    private func fmt(_ s: Double) -> String { String(format: "%.2f", s) }
    private func pad(_ v: Any, _ w: Int) -> String {
        let s = "\(v)"
        return String(repeating: " ", count: max(0, w - s.count)) + s
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

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
