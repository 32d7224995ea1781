import BriefIngest
import BriefModel
import BriefNotes
import Foundation
import XCTest

/// Seeded mutation fuzzing of every reader: no crash, no hang, whatever the bytes.
final class FuzzTests: XCTestCase {
    static let noteSeed = (try? String(contentsOf: TestPaths.content.appendingPathComponent("notes/2023/moscow-summit-reading.md"), encoding: .utf8)) ?? "---\ntitle: x\n---\nbody"

    static var seeds: [[UInt8]] {
        var seeds: [[UInt8]] = []
        let articles = TestPaths.content.appendingPathComponent("articles")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: articles.path).sorted()) ?? [] {
            if let data = FileManager.default.contents(atPath: articles.appendingPathComponent(name).path) {
                seeds.append(Array(data.prefix(3000)))
            }
        }
        seeds.append(Array(noteSeed.utf8))
        seeds.append(Array(#"{"title":"Raisi meets Putin","date":"2023-12-08","source":"IRNA","url":"https://x.org/a","body":"Tehran: Raisi met Putin on Thursday."}"#.utf8))
        seeds.append(Array("<html><head><title>Raisi in Moscow</title><meta property=\"og:title\" content=\"Raisi\"></head><body><article><p>Moscow: Raisi met Putin on Thursday, officials said in a statement.</p><p>Second paragraph with more words about trade and energy.</p></article></body></html>".utf8))
        return seeds
    }

    static let insertions: [[UInt8]] = ["---\n", "{", "[", "<", "&", "*a", "&a ", "]]", "[[", "}", "\"", "\n", "\r\n", "\u{0}",
                                        ":", "- ", "<!--", "<script>", "&#x0;", "\u{FEFF}", "\\u0000", "! ", "? ", "|"].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !bytes.isEmpty: // byte flip
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1 where !bytes.isEmpty: // random byte
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 2: // truncation
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            case 3, 4: // insertion of syntax
                let piece = insertions[Int.random(in: 0..<insertions.count, using: &rng)]
                let at = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(contentsOf: piece, at: at)
            case 5: // deep nesting
                let piece = [UInt8]([UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<")].randomElement(using: &rng).map { [$0] }!)
                let depth = Int.random(in: 10...400, using: &rng)
                let at = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(contentsOf: Array(repeating: piece, count: depth).joined(), at: at)
            default: // duplicate a slice
                guard bytes.count > 2 else { continue }
                let a = Int.random(in: 0..<bytes.count - 1, using: &rng)
                let b = Int.random(in: a..<min(bytes.count, a + 200), using: &rng)
                bytes.insert(contentsOf: bytes[a...b], at: Int.random(in: 0...bytes.count, using: &rng))
            }
        }
        return bytes
    }

    /// Time one call; report the slowest.
    static func timed(_ label: String, _ slowest: inout (Double, String), _ body: () -> Void) {
        let start = Date()
        body()
        let t = Date().timeIntervalSince(start)
        if t > slowest.0 { slowest = (t, label) }
    }

    func testIngestSurvivesMutatedInputs() {
        var rng = SplitMix64(seed: 0xB21EF)
        let seeds = Self.seeds
        let extensions = ["txt", "md", "html", "json", "jsonl"]
        var slowest = (0.0, "")
        let start = Date()
        var runs = 0
        for i in 0..<4000 {
            let seed = seeds[i % seeds.count]
            let bytes = Self.mutate(seed, &rng)
            let ext = extensions[Int.random(in: 0..<extensions.count, using: &rng)]
            Self.timed("case \(i) .\(ext)", &slowest) {
                let result = Ingest.articles(from: RawArticle(path: "articles/fuzz-\(i).\(ext)", bytes: bytes))
                for d in result.diagnostics { XCTAssertFalse(d.file.isEmpty, "diagnostic without a file") }
            }
            runs += 1
            if Date().timeIntervalSince(start) > 12 { break }
        }
        XCTAssertGreaterThan(runs, 300, "too few fuzz cases ran in the time budget")
        XCTAssertLessThan(slowest.0, 2.0, "slowest ingest: \(slowest.1) took \(slowest.0) s")
    }

    func testFrontMatterAndNotesSurviveMutatedInputs() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        let seed = Array(Self.noteSeed.utf8)
        var slowest = (0.0, "")
        let start = Date()
        var runs = 0
        for i in 0..<8000 {
            let text = String(decoding: Self.mutate(seed, &rng), as: UTF8.self)
            let path = "notes/fuzz-\(i).md"
            Self.timed("case \(i)", &slowest) {
                do { _ = try FrontMatter.parse(text, file: path) } catch {
                    XCTAssertEqual((error as? Diagnostic)?.file, path)
                }
                do { _ = try NoteReader.note(path: path, text: text) } catch {
                    XCTAssertEqual((error as? Diagnostic)?.file, path)
                }
            }
            runs += 1
            if Date().timeIntervalSince(start) > 6 { break }
        }
        XCTAssertGreaterThan(runs, 300)
        XCTAssertLessThan(slowest.0, 1.0, "slowest note: \(slowest.1) took \(slowest.0) s")
    }

    /// Deeply nested flow collections in front matter: refused (depth limit) or parsed, never a stack overflow.
    func testDeepNestingInFrontMatter() {
        for depth in [33, 200, 5000] {
            for (open, close) in [("[", "]"), ("{a: ", "}")] {
                let yaml = "title: x\nnested: " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                let text = "---\n\(yaml)\n---\nbody\n"
                let start = Date()
                XCTAssertThrowsError(try NoteReader.note(path: "notes/deep.md", text: text)) { error in
                    XCTAssertEqual((error as? Diagnostic)?.file, "notes/deep.md")
                }
                XCTAssertLessThan(Date().timeIntervalSince(start), 2.0)
            }
        }
    }

    func testBillionLaughsIsRefusedNamingTheFile() {
        var yaml = "title: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        yaml += "tags: *a9\n"
        let text = "---\n\(yaml)---\nHa.\n"
        let start = Date()
        XCTAssertThrowsError(try NoteReader.note(path: "notes/laughs.md", text: text)) { error in
            guard let d = error as? Diagnostic else { return XCTFail("not a Diagnostic: \(error)") }
            XCTAssertEqual(d.file, "notes/laughs.md")
            XCTAssertEqual(d.severity, .error)
            XCTAssertTrue(d.description.contains("notes/laughs.md"), d.description)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.0, "billion laughs must be refused quickly")

        // The same document as an article's front matter: skipped or reported, quickly, naming the file.
        let articleStart = Date()
        let result = Ingest.articles(from: RawArticle(path: "articles/laughs.md", bytes: Array((text + "Tehran: Raisi met Putin on Thursday.\n").utf8)))
        XCTAssertLessThan(Date().timeIntervalSince(articleStart), 2.0)
        XCTAssertTrue(result.diagnostics.contains { $0.file == "articles/laughs.md" }, "\(result.diagnostics)")
    }

    func testSplitMixIsReproducible() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        XCTAssertEqual((0..<5).map { _ in a.next() }, (0..<5).map { _ in b.next() })
        var c = SplitMix64(seed: 0)
        XCTAssertEqual(c.next(), 0xE220_A839_7B1D_CDAF)
    }
}
