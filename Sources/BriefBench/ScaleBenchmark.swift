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
    var runs: Int = 5


    @Flag(help: "Print brief's own output.")
    var verbose = false

    /// Folders of earlier runs, deleted when this run is done (`measure`).
    private var oldFolders: [String] = []

    mutating func run() throws {
        let ns = sizes.map { $0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } } ?? [articles]
        let briefPath = absolute(brief)
        guard FileManager.default.isExecutableFile(atPath: briefPath) else {
            throw ValidationError("no brief binary at \(briefPath); build it with swift build -c release --product brief")
        }
        let pool = try SentencePool(corpus: absolute(corpus) + "/articles")
        print("corpus: \(pool.sentences.count) sentences from \(pool.files) articles, \(pool.names.count) names")
        var rows: [Row] = []
        defer {
            if !oldFolders.isEmpty { print("deleting the last run's folders") }
            for folder in oldFolders { try? FileManager.default.removeItem(atPath: folder) }
        }
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
        /// The median of brief / Hugo over runs made side by side.
        var pairRatio: Double?
        var stages: [(String, Double)] = []
    }

    private mutating func measure(n: Int, pool: SentencePool, briefPath: String) throws -> Row {
        let fm = FileManager.default
        let root = absolute(work) + "/n\(n)"
        // The last run's folder is moved aside and deleted only after this run's measurements:
        // on ext4 without a journal (this machine's), creating files for minutes after tens of
        // thousands were deleted skips the freed inodes one by one, and the first build paid
        // seconds of kernel time for the benchmark's own cleanup.
        if fm.fileExists(atPath: root) {
            let aside = absolute(work) + "/.old-n\(n)-\(getpid())"
            try fm.moveItem(atPath: root, toPath: aside)
            oldFolders.append(aside)
        }
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
        // Each brief build is followed by one Hugo run doing the same kind of work, and only
        // such pairs are compared (`pairs`: brief / Hugo of each), because this machine's speed
        // drifts by up to a factor of two within minutes. The first pair builds into empty
        // folders; the next ones build everything again (brief --force) into the existing
        // Output and public/.
        let site = try hugoSite(output: output, site: root + "/hugo")
        var hugos: [Double] = [], pairs: [Double] = [], hugoRSS = 0
        func hugoAfter(_ brief: Double) throws {
            guard let site, let h = try hugoOnce(site: site) else { return }
            hugos.append(h.seconds); hugoRSS = max(hugoRSS, h.rssKB)
            pairs.append(brief / max(h.seconds, 0.001))
        }
        try hugoAfter(full.seconds)
        for k in 1..<max(runs, 2) {
            let again = try timed(briefPath, args + ["--force"], log: root + "/full\(k).log")
            fulls.append(again.seconds)
            if again.seconds < full.seconds { full.seconds = again.seconds; full.stdout = again.stdout }
            full.rssKB = max(full.rssKB, again.rssKB)
            try hugoAfter(again.seconds)
        }
        row.full = full.seconds; row.rssKB = full.rssKB
        row.stages = stages(in: full.stdout)
        row.briefs = full.stdout.split(separator: "\n").first { $0.contains(" briefs, ") }.map(String.init) ?? ""
        (row.outBytes, row.outFiles) = size(of: output)
        print("  full build    \(fulls.map(fmt).joined(separator: " / ")) s (first from scratch, then --force), \(full.rssKB / 1024) MB  \(row.briefs)")
        if let site, !hugos.isEmpty {
            let (bytes, files) = size(of: site + "/public")
            print("  hugo          \(hugos.map(fmt).joined(separator: " / ")) s, \(hugoRSS / 1024) MB -> \(files) files, \(bytes / 1024) KB")
            print("  brief / hugo  \(pairs.map(fmt).joined(separator: " / ")) (each brief build against the Hugo run right after it)")
            row.hugo = hugos.min()
            let sorted = pairs.sorted(), mid = sorted.count / 2
            row.pairRatio = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }

        var noop = try timed(briefPath, args, log: root + "/noop.log")
        for _ in 1..<max(runs, 1) { let r = try timed(briefPath, args, log: root + "/noop.log"); noop.seconds = min(noop.seconds, r.seconds) }
        row.noop = noop.seconds; row.rssKB = max(row.rssKB, noop.rssKB)
        print("  no-op rebuild \(fmt(noop.seconds)) s, \(noop.rssKB / 1024) MB  \(noop.stdout.split(separator: "\n").last ?? "")")

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
    /// Hugo site (no theme, one single and one list layout); nil when Hugo is skipped.
    private func hugoSite(output: String, site: String) throws -> String? {
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
        return site
    }

    /// One `hugo --quiet` run (into `public/` as the last run left it).
    private func hugoOnce(site: String) throws -> Run? {
        guard !hugo.isEmpty else { return nil }
        let exe = hugo.contains("/") ? absolute(hugo) : "/usr/bin/env"
        let args = (hugo.contains("/") ? [] : [hugo]) + ["--quiet", "--source", site, "--destination", site + "/public"]
        return try timed(exe, args, log: site + ".log")
    }

    // MARK: table

    private func printTable(_ rows: [Row]) {
        print("")
        print("best of \(max(runs, 1)) runs each (seconds are wall time; peak RSS is the largest of any brief run;")
        print("brief/hugo is the median over pairs of a full brief build and the Hugo run right after it)")
        print("|      N | files | full s | no-op s | add-one s | edit-note s | peak RSS MB | output MB | output files | hugo s | brief/hugo |")
        print("|-------:|------:|-------:|--------:|----------:|------------:|------------:|----------:|-------------:|-------:|-----------:|")
        for r in rows {
            let hugo = r.hugo.map { fmt($0) } ?? "-"
            let ratio = r.pairRatio.map { String(format: "%.2f", $0) } ?? "-"
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
