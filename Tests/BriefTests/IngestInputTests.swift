import BriefModel
import XCTest
@testable import BriefIngest

/// Date forms, readers and bad input.
final class IngestInputTests: XCTestCase {
    func testDateForms() {
        let cases = [
            ("date 2023-12-08", "2023-12-08"), ("December 8, 2023", "2023-12-08"),
            ("19 January 2022 | 13:57", "2022-01-19"), ("Tuesday 19 March 2024 - 22:33", "2024-03-19"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26"), ("May 03, 2013", "2013-05-03"), ("Apr. 7, 2011", "2011-04-07"),
            ("2024-03-19T22:33:00+03:30", "2024-03-19"), ("December 15th, 2008, 7:35 am", "2008-12-15"),
            ("Tue, 19 Mar 2024 22:33:00 GMT", "2024-03-19"), ("UPDATED 05/03/2013 at 11:00 AM EDT", "2013-05-03"),
        ]
        for (text, iso) in cases { XCTAssertEqual(DatePhrase.first(in: text)?.date.description, iso, text) }
        XCTAssertNil(DatePhrase.first(in: "31 February 2023"))
        XCTAssertNil(DatePhrase.first(in: "the 20 per cent rise in 2023 trade"))
    }

    /// A seed saved with Windows (CR LF) or old Mac (CR) line ends reads exactly as the original,
    /// and front matter written with CR LF closes.
    /// The file name is found from the end of the path; these are the answers splitting the
    /// whole path on "/" gave, for the seeds' names and for odd ones.
    func testFileNameExtensionAndStem() {
        let cases: [(path: String, ext: String, stem: String)] = [
            ("articles/000_9edaa20b011edeb8.txt", "txt", "000_9edaa20b011edeb8"),
            ("articles/feeds/Reuters.JSON", "json", "Reuters"), ("articles/saved.page.HTM", "htm", "saved.page"),
            ("articles/.hidden", "", ".hidden"), ("articles/notes.d/plain", "", "plain"),
            ("articles/dir/", "", "dir"), ("noext", "", "noext"), ("a//b.md//", "md", "b"),
            ("///", "", "///"), ("", "", ""), ("articles/ünïcode.Txt", "txt", "ünïcode"),
        ]
        for c in cases {
            let raw = RawArticle(path: c.path, bytes: [])
            XCTAssertEqual(raw.pathExtension, c.ext, c.path)
            XCTAssertEqual(raw.stem, c.stem, c.path)
        }
    }

    func testLineEndsOfAnySystemReadTheSame() throws {
        for prefix in ["000", "002", "004"] {
            let url = TestPaths.seed(prefix)
            let bytes = [UInt8](try Data(contentsOf: url))
            let original = Ingest.articles(from: RawArticle(path: "articles/x.txt", bytes: bytes)).articles[0]
            XCTAssertGreaterThan(original.paragraphs.count, 3)
            for ending in [[UInt8]([13, 10]), [13]] {
                let converted = bytes.flatMap { $0 == 10 ? ending : [$0] }
                let article = Ingest.articles(from: RawArticle(path: "articles/x.txt", bytes: converted)).articles[0]
                XCTAssertEqual(article.paragraphs, original.paragraphs, "\(prefix) with \(ending)")
                XCTAssertEqual(article.title, original.title)
                XCTAssertEqual(article.published, original.published)
                XCTAssertEqual(article.eventDate, original.eventDate)
                XCTAssertEqual(article.outlet, original.outlet)
            }
        }
        let front = Array("---\r\ntitle: Set by hand\r\nstory: own\r\n---\r\nTehran, Iran: The two presidents met on Monday.\r\n".utf8)
        let article = Ingest.articles(from: RawArticle(path: "articles/y.md", bytes: front)).articles[0]
        XCTAssertEqual(article.title, "Set by hand")
        XCTAssertEqual(article.storyChoice, .own)
    }

    func testEventDateFromRelativeReferences() {
        let friday = DayDate(year: 2023, month: 12, day: 8)!
        XCTAssertEqual(EventDate.resolve(paragraphs: ["They met yesterday in Moscow."], published: friday)?.date.description, "2023-12-07")
        XCTAssertEqual(EventDate.resolve(paragraphs: ["They met on Monday in Moscow."], published: friday)?.date.description, "2023-12-04")
        XCTAssertEqual(EventDate.resolve(paragraphs: ["They met last week."], published: friday)?.date.description, "2023-12-01")
        XCTAssertNil(EventDate.resolve(paragraphs: ["They met on Monday."], published: nil))
        XCTAssertEqual(EventDate.resolve(paragraphs: ["The talks held on December 5, 2023 in Moscow ended."], published: friday)?.date.description, "2023-12-05")
        XCTAssertEqual(EventDate.resolve(paragraphs: ["Putin, born on October 7, 1952, met Raisi."], published: friday)?.date.description, "2023-12-08",
                       "a date decades before publication is background")
        XCTAssertEqual(EventDate.resolve(paragraphs: ["The talks held on December 5 in Moscow ended."], published: friday)?.date.description, "2023-12-05")
        XCTAssertEqual(EventDate.resolve(paragraphs: ["She checked in after a crash on June 8, police said."], published: friday)?.date.description, "2023-12-08",
                       "a yearless date months before publication is background too")
        // A day still to come is not the event: the publication date stands.
        XCTAssertEqual(EventDate.resolve(paragraphs: ["Cars are on display this week. The show opens to the public on Friday."],
                                         published: DayDate(year: 2019, month: 11, day: 20))?.date.description, "2019-11-20")
    }

    func testMarkdownFrontMatterOverridesExtraction() throws {
        let text = "---\ntitle: Corrected title\npublished: 2024-03-20\noutlet: Mehr News\nstory: own\n---\n# Original heading\n\nTehran: The two presidents spoke by telephone on Tuesday about railway projects and trade.\n"
        let a = try XCTUnwrap(Ingest.articles(from: RawArticle(path: "articles/x.md", bytes: Array(text.utf8))).articles.first)
        XCTAssertEqual(a.title, "Corrected title")
        XCTAssertEqual(a.published?.description, "2024-03-20")
        XCTAssertEqual(a.outlet, "Mehr News")
        XCTAssertEqual(a.storyChoice, .own)
        XCTAssertEqual(a.dateline, "Tehran")
    }

    func testJSONArrayWithNewsAPIFieldNames() throws {
        let seed = try String(contentsOf: TestPaths.seed("003"), encoding: .utf8)
        let body = seed.components(separatedBy: "\n\n").dropFirst(2).joined(separator: "\n\n")
        let objects: [[String: Any]] = [
            ["headline": "Raeisi to Putin", "publishedAt": "2022-01-19T13:57:00Z", "source": ["name": "Iran Daily"], "content": body, "link": "https://example.org/a"],
            ["title": "No body here"],
        ]
        let data = try JSONSerialization.data(withJSONObject: objects)
        let result = Ingest.articles(from: RawArticle(path: "articles/feed.json", bytes: [UInt8](data)))
        XCTAssertEqual(result.articles.count, 1)
        let a = try XCTUnwrap(result.articles.first)
        XCTAssertEqual(a.title, "Raeisi to Putin")
        XCTAssertEqual(a.published?.description, "2022-01-19")
        XCTAssertEqual(a.outlet, "Iran Daily")
        XCTAssertEqual(a.url, "https://example.org/a")
        XCTAssertTrue(a.body.contains("Speaking face to face with Putin in the Kremlin"))
    }

    func testBadInputIsSkippedWithReason() {
        let cases: [(String, [UInt8], String)] = [
            ("empty.txt", [], "empty"),
            ("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D], "binary"),
            ("broken.json", Array("{\"title\": \"x\", ".utf8), "not valid JSON"),
            ("huge.txt", [UInt8](repeating: 65, count: Ingest.maxFileBytes + 1), "larger than"),
        ]
        for (name, bytes, reason) in cases {
            let result = Ingest.articles(from: RawArticle(path: "articles/" + name, bytes: bytes))
            XCTAssertTrue(result.articles.isEmpty, name)
            XCTAssertTrue(result.diagnostics.first?.description.contains("articles/\(name)") ?? false, name)
            XCTAssertTrue(result.skipped?.contains(reason) ?? false, "\(name): \(result.skipped ?? "nil")")
        }
    }

    func testWindows1252IsRepaired() throws {
        var bytes = Array("Tehran: President Raisi said the talks were \u{0}".utf8.dropLast())
        bytes += [0x93] + Array("constructive".utf8) + [0x94] + Array(" and that trade would grow several times over the next year.".utf8)
        let result = Ingest.articles(from: RawArticle(path: "articles/cp1252.txt", bytes: bytes))
        XCTAssertTrue(result.repaired)
        XCTAssertTrue(try XCTUnwrap(result.articles.first).body.contains("“constructive”"))
    }

    /// README's limits: front matter size and depth.
    func testFrontMatterLimits() {
        let big = "---\ntitle: x\nsummary: \"" + String(repeating: "a", count: FrontMatter.maxBytes) + "\"\n---\nbody"
        XCTAssertThrowsError(try FrontMatter.parse(big, file: "notes/big.md")) { error in
            XCTAssertTrue("\(error)".contains("notes/big.md:1"), "\(error)")
            XCTAssertTrue("\(error)".contains("larger than 64 KiB"), "\(error)")
        }
        let deep = "---\nx: " + String(repeating: "[", count: FrontMatter.maxDepth + 5) + String(repeating: "]", count: FrontMatter.maxDepth + 5) + "\n---\nbody"
        XCTAssertThrowsError(try FrontMatter.parse(deep, file: "notes/deep.md")) { error in
            XCTAssertTrue("\(error)".contains("deeper than \(FrontMatter.maxDepth)"), "\(error)")
        }
        let fine = "---\nx: " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "\n---\nbody"
        XCTAssertNoThrow(try FrontMatter.parse(fine, file: "notes/fine.md"))
    }

    func testNestedAliasFrontMatterIsRefused() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { yaml += "\(Character(UnicodeScalar(97 + i)!)): &\(Character(UnicodeScalar(97 + i)!)) [*\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!)), *\(Character(UnicodeScalar(96 + i)!))]\n" }
        XCTAssertThrowsError(try FrontMatter.parse("---\n" + yaml + "---\nbody", file: "notes/bomb.md")) { error in
            XCTAssertTrue("\(error)".contains("notes/bomb.md"))
            XCTAssertTrue("\(error)".contains("refused"))
        }
    }
}
