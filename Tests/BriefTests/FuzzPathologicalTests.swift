import BriefIngest
import BriefModel
import BriefNotes
import BriefSite
import Foundation
import XCTest

/// Inputs shaped to blow a recursive parser's stack or a quadratic loop: each is read (or refused) quickly.
final class FuzzPathologicalTests: XCTestCase {
    static let cases: [(name: String, text: String)] = [
        ("nested.json", String(repeating: "[", count: 200_000)),
        ("nested-objects.json", String(repeating: "{\"a\":", count: 100_000)),
        ("nested.jsonl", String(repeating: "[", count: 100_000) + "\n" + String(repeating: "{\"title\":", count: 50_000)),
        ("quotes.md", "# Deep quotes\n\nTehran: Raisi met Putin on Thursday.\n\n" + String(repeating: ">", count: 100_000) + " x\n"),
        ("emphasis.md", "# Stars\n\nTehran: Raisi met Putin on Thursday.\n\n" + String(repeating: "*a", count: 100_000) + "\n"),
        ("brackets.md", "# Brackets\n\nTehran: Raisi met Putin on Thursday.\n\n" + String(repeating: "[", count: 100_000) + String(repeating: "](x)", count: 1000) + "\n"),
        ("lists.md", "# Lists\n\nTehran: Raisi met Putin on Thursday.\n\n" + (0..<3000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")),
        ("front.md", "---\ntitle: " + String(repeating: "[", count: 30_000) + "\n---\nbody\n"),
        ("anchors.md", "---\ntitle: x\n" + (0..<2000).map { "k\($0): &a\($0) [" + ($0 == 0 ? "x" : "*a\($0 - 1), *a\($0 - 1)") + "]" }.joined(separator: "\n") + "\n---\nTehran: Raisi met Putin on Thursday.\n"),
        ("divs.html", "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Moscow: Raisi met Putin on Thursday.</p></body></html>"),
        ("tables.html", "<html><body>" + String(repeating: "<table><tr><td>", count: 20_000) + "x</body></html>"),
        ("oneline.txt", "Title\ndate 2023-12-08\n" + String(repeating: "x", count: 1_000_000)),
        ("dates.txt", "Title\n" + String(repeating: "date 2023-12-08 December 8, 2023 on Thursday\n", count: 12_000)),
        ("words.txt", "Raisi and Putin\ndate 2023-12-08\n" + String(repeating: "Raisi Putin Tehran Moscow Iran Russia. ", count: 20_000)),
    ]

    func testPathologicalArticlesAreReadQuickly() {
        for (name, text) in Self.cases {
            let start = Date()
            let result = Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: Array(text.utf8)))
            let seconds = Date().timeIntervalSince(start)
            XCTAssertLessThan(seconds, 5, "\(name): ingest took \(seconds) s")
            for d in result.diagnostics { XCTAssertEqual(d.file, "articles/\(name)") }
        }
    }

    func testPathologicalNotesAreReadQuickly() {
        for (name, text) in Self.cases where name.hasSuffix(".md") {
            let start = Date()
            do { _ = try NoteReader.note(path: "notes/\(name)", text: text) } catch { XCTAssertEqual(error.file, "notes/\(name)") }
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, name)
        }
    }

    /// Doubling the input must not much more than double the time (no quadratic loop on long articles).
    func testIngestScalesLinearly() {
        let shapes: [(String, (Int) -> String)] = [
            ("txt", { "Raisi and Putin\ndate 2023-12-08\n" + String(repeating: "Raisi met Putin in Moscow on Thursday, Tehran said. ", count: $0) }),
            ("txt", { "Title\n" + String(repeating: "date 2023-12-08 December 8, 2023 on Thursday\n", count: $0 / 4) }),
            ("md", { "# T\n\n" + String(repeating: "Tehran: Raisi met Putin.\n\n", count: $0) }),
            ("html", { "<html><body><article>" + String(repeating: "<p>Moscow: Raisi met Putin on Thursday in the Kremlin.</p>", count: $0) + "</article></body></html>" }),
        ]
        for (ext, make) in shapes {
            func time(_ n: Int) -> Double {
                let bytes = Array(make(n).utf8)
                let start = Date()
                _ = Ingest.articles(from: RawArticle(path: "articles/scale.\(ext)", bytes: bytes))
                return Date().timeIntervalSince(start)
            }
            let small = time(4000), large = time(16000)
            XCTAssertLessThan(large, small * 8 + 0.3, "\(ext): 4x the input took \(large / max(small, 0.001))x the time (\(small) s → \(large) s)")
        }
    }

    /// The whole pipeline (merge, entities, render with cmark) over the Markdown and text cases.
    func testPathologicalArchiveBuilds() throws {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        var files: [String: String] = [:]
        for (name, text) in Self.cases where !name.hasSuffix(".json") && !name.hasSuffix(".jsonl") && name != "oneline.txt" {
            files["articles/\(name)"] = text
            if name.hasSuffix(".md") { files["notes/\(name)"] = text }
        }
        Hostile.write(files, under: content)
        let start = Date()
        do {
            _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: root.appendingPathComponent("Output")),
                                  buildDate: "2024-01-01", force: true)
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }
}
