import BriefModel
import Foundation
import XCTest
@testable import BriefRender

final class RenderTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func templates() throws -> TemplateSet { try TemplateSet(files: templateFiles()) }

    static func templateFiles() throws -> [String: String] {
        let folder = repo.appendingPathComponent("Templates")
        var files: [String: String] = [:]
        let items = FileManager.default.enumerator(atPath: folder.path)!
        while let item = items.nextObject() as? String {
            guard item.hasSuffix(".mustache") else { continue }
            files[String(item.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(item), encoding: .utf8)
        }
        return files
    }

    static func assetFiles() -> Set<String> {
        let folder = repo.appendingPathComponent("Templates/assets")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(names.map { "assets/" + $0 })
    }

    static func paragraphs(_ file: String) -> [String] {
        let text = (try? String(contentsOf: repo.appendingPathComponent("Content/articles/" + file), encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static func archive() -> Archive {
        let p3 = paragraphs("003_d2f133d6d71d6eb9.txt")
        let p4 = paragraphs("004_eb876af45d241ae0.txt")
        XCTAssertGreaterThan(p3.count, 3)
        var b1 = Brief(id: "raeisi-putin-moscow", title: p3[0], date: DayDate(iso: "2022-01-19"), dateEvidence: "line 3",
                       published: DayDate(iso: "2022-01-19"), dateline: "Moscow", summary: [p3[3]],
                       paragraphs: Array(p3.dropFirst(3)),
                       sources: [.init(file: "articles/003_d2f133d6d71d6eb9.txt", outlet: "Tehran Times", title: p3[0],
                                       published: DayDate(iso: "2022-01-19"), url: "https://example.org/a?x=1&y=2"),
                                 .init(file: "articles/004_eb876af45d241ae0.txt", outlet: "Mehr <News>", title: p4.first,
                                       published: DayDate(iso: "2022-01-20"), url: "javascript:alert(1)",
                                       copyOf: "articles/003_d2f133d6d71d6eb9.txt")],
                       additions: [.init(source: "articles/004_eb876af45d241ae0.txt", paragraphs: Array(p4.suffix(2)))],
                       formerIDs: ["old-raeisi"])
        b1.entities = ["ebrahim-raeisi", "vladimir-putin", "moscow"]
        var b2 = Brief(id: "xss-brief", title: "<script>alert(1)</script> headline", date: DayDate(iso: "2022-03"),
                       dateEvidence: nil, published: nil, dateline: nil,
                       summary: ["See [click](javascript:alert(1)) and <img src=x onerror=alert(1)>"],
                       paragraphs: ["Body with <script>alert(2)</script> and [bad](javascript:alert(3))."],
                       sources: [.init(file: "articles/x.txt", outlet: nil, title: nil, published: nil, url: nil)],
                       additions: [], formerIDs: [])
        b2.entities = ["ebrahim-raeisi"]
        let b3 = Brief(id: "undated-brief", title: "Undated story", date: nil, dateEvidence: nil, published: nil,
                       dateline: nil, summary: [], paragraphs: ["Text."], sources: [], additions: [], formerIDs: [])
        var raeisi = Entity(id: "ebrahim-raeisi", name: "Ebrahim Raeisi", kind: .person, aliases: ["Raeisi", "Raisi"],
                            description: "President of Iran <b>", briefs: ["raeisi-putin-moscow", "xss-brief"], mentions: 7)
        raeisi.related = [(id: "vladimir-putin", count: 1), (id: "missing", count: 1)]
        raeisi.quotes = [.init(text: "We have been resisting", brief: "raeisi-putin-moscow")]
        raeisi.notes = ["sanctions-note"]
        let putin = Entity(id: "vladimir-putin", name: "Vladimir Putin", kind: .person, aliases: [], description: nil,
                           briefs: ["raeisi-putin-moscow"], mentions: 3)
        let moscow = Entity(id: "moscow", name: "Moscow", kind: .place, aliases: [], description: nil,
                            briefs: ["raeisi-putin-moscow"], mentions: 2)
        var note = Note(id: "sanctions-note", file: "notes/2022/sanctions.md", title: "Sanctions <em>watch</em>",
                        date: DayDate(iso: "2022-02-01"), author: "Analyst A", tags: ["Iran", "sanctions policy"],
                        declaredEntities: [], declaredBriefs: [],
                        markdown: "See [Raeisi](entities/ebrahim-raeisi.html) and [the brief](briefs/raeisi-putin-moscow.html).\n\n[x](javascript:alert(1)) <script>alert(1)</script> [ext](https://example.org) [top](#top)",
                        bodyLine: 5, links: [])
        note.entities = ["ebrahim-raeisi"]
        note.briefs = ["raeisi-putin-moscow"]
        let timeline: [Archive.TimelineEntry] = [
            .init(date: DayDate(iso: "2022-01-19"), kind: .brief, id: "raeisi-putin-moscow"),
            .init(date: DayDate(iso: "2022-02-01"), kind: .note, id: "sanctions-note"),
            .init(date: DayDate(iso: "2022-03"), kind: .brief, id: "xss-brief"),
            .init(date: nil, kind: .brief, id: "undated-brief"),
        ]
        return Archive(config: SiteConfig(title: "Test <Archive>", description: "Seed & test", language: "en"),
                       briefs: [b1, b2, b3], entities: [raeisi, putin, moscow], notes: [note], timeline: timeline,
                       redirects: ["old-raeisi": "raeisi-putin-moscow"])
    }

    func render() throws -> [Page] {
        try SiteRenderer.pages(for: Self.archive(), templates: Self.templates(), buildDate: "2026-11-23")
    }

    func testRenderPagesExist() throws {
        let pages = try render()
        let paths = Set(pages.map(\.path))
        XCTAssertEqual(paths.count, pages.count, "duplicate paths")
        for p in ["index.html", "briefs/index.html", "briefs/raeisi-putin-moscow.html", "briefs/raeisi-putin-moscow.md",
                  "briefs/old-raeisi.html", "briefs/undated-brief.html", "entities/index.html", "entities/ebrahim-raeisi.html",
                  "timeline/index.html", "notes/index.html", "notes/sanctions-note.html", "tags/iran.html",
                  "tags/sanctions-policy.html", "sources/index.html", "sources/tehran-times.html", "search.html",
                  "search/docs.json", "search/ra.json", "archive.json", "feed.xml", "sitemap.xml", "404.html"] {
            XCTAssertTrue(paths.contains(p), "missing \(p)")
        }
        let csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
        for page in pages where page.path.hasSuffix(".html") {
            XCTAssertTrue(page.text.contains(csp), page.path)
            XCTAssertTrue(page.text.contains("<html lang=\"en\">"), page.path)
            XCTAssertTrue(page.text.contains("built 2026-11-23"), page.path)
            XCTAssertFalse(page.text.contains(" style="), page.path)
        }
        let timeline = pages.first { $0.path == "timeline/index.html" }!.text
        XCTAssertTrue(timeline.contains("id=\"m-2022-01\""))
        XCTAssertTrue(timeline.contains("href=\"#m-2022-03\""))
        XCTAssertTrue(timeline.contains("Undated story"))
        XCTAssertTrue(timeline.contains(">Note<"))
        let entity = pages.first { $0.path == "entities/ebrahim-raeisi.html" }!.text
        XCTAssertTrue(entity.contains("<svg"))
        XCTAssertTrue(entity.contains("href=\"../entities/vladimir-putin.html\""))
        XCTAssertTrue(entity.contains("First seen <time>2022-01-19</time>"))
        let brief = pages.first { $0.path == "briefs/raeisi-putin-moscow.html" }!.text
        XCTAssertTrue(brief.contains("href=\"../notes/sanctions-note.html\""))
        XCTAssertTrue(brief.contains("What other sources add"))
        let md = SiteRenderer.briefMarkdown(Self.archive().briefs[0])
        XCTAssertTrue(md.hasPrefix("---\nid: \"raeisi-putin-moscow\"\n"))
        XCTAssertTrue(md.contains("same text as `articles/003_d2f133d6d71d6eb9.txt`"))
        let redirect = pages.first { $0.path == "briefs/old-raeisi.html" }!.text
        XCTAssertTrue(redirect.contains("http-equiv=\"refresh\" content=\"0; url=raeisi-putin-moscow.html\""))
    }

    func testRenderLinksResolve() throws {
        let pages = try render()
        let broken = LinkCheck.brokenLinks(in: pages, extraFiles: Self.assetFiles())
        XCTAssertEqual(broken, [])
        let note = pages.first { $0.path == "notes/sanctions-note.html" }!.text
        XCTAssertTrue(note.contains("href=\"../entities/ebrahim-raeisi.html\""))
        XCTAssertTrue(note.contains("href=\"https://example.org\""))
        XCTAssertTrue(note.contains("href=\"#top\""))
        // The checker does find broken ones.
        let bad = Page(path: "briefs/a.html", text: "<a href=\"../nowhere.html\">x</a><a href=\"b.html#x\">y</a><img src=\"https://x/y.png\">")
        XCTAssertEqual(LinkCheck.brokenLinks(in: [bad], extraFiles: ["briefs/b.html"]), ["briefs/a.html: ../nowhere.html"])
    }

    func testRenderUntrustedTextIsInert() throws {
        let pages = try render()
        for page in pages where page.path.hasSuffix(".html") || page.path.hasSuffix(".xml") {
            let t = page.text.lowercased()
            XCTAssertFalse(t.contains("<script>alert"), page.path)
            XCTAssertFalse(t.contains("href=\"javascript:"), page.path)
            XCTAssertFalse(t.contains("<img src=x"), page.path)
            XCTAssertFalse(t.contains("<em>watch</em>"), page.path)
            XCTAssertFalse(t.contains("<archive>"), page.path)
            let scripts = t.components(separatedBy: "<script").count - 1
            XCTAssertEqual(scripts, page.path == "search.html" ? 1 : 0, page.path)
        }
        XCTAssertFalse(Markdown.html("[x](javascript:alert(1))").contains("javascript:"))
        XCTAssertFalse(Markdown.html("<script>alert(1)</script>").contains("<script"))
        XCTAssertTrue(Markdown.html("<b>x</b>", unsafe: true).contains("<b>x</b>"))
    }

    func testRenderArchiveJSON() throws {
        let pages = try render()
        let data = Data(pages.first { $0.path == "archive.json" }!.bytes)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let site = try XCTUnwrap(root["site"] as? [String: Any])
        XCTAssertEqual(site["built"] as? String, "2026-11-23")
        XCTAssertEqual(site["title"] as? String, "Test <Archive>")
        let briefs = try XCTUnwrap(root["briefs"] as? [[String: Any]])
        XCTAssertEqual(briefs.count, 3)
        XCTAssertEqual(briefs[0]["date"] as? String, "2022-01-19")
        XCTAssertTrue(briefs[2]["date"] is NSNull)
        XCTAssertTrue(briefs[0]["summary"] is String)
        XCTAssertEqual((briefs[0]["sources"] as? [[String: Any]])?.count, 2)
        XCTAssertEqual(briefs[0]["entities"] as? [String], ["ebrahim-raeisi", "vladimir-putin", "moscow"])
        let entities = try XCTUnwrap(root["entities"] as? [[String: Any]])
        XCTAssertEqual(entities[0]["type"] as? String, "person")
        XCTAssertEqual(entities[0]["url"] as? String, "entities/ebrahim-raeisi.html")
        let timeline = try XCTUnwrap(root["timeline"] as? [[String: Any]])
        XCTAssertEqual(timeline.compactMap { $0["brief"] as? String }, ["raeisi-putin-moscow", "xss-brief", "undated-brief"])
        XCTAssertNotNil(root["notes"] as? [[String: Any]])
        XCTAssertEqual(root["redirects"] as? [String: String], ["old-raeisi": "raeisi-putin-moscow"])
        let docs = try JSONSerialization.jsonObject(with: Data(pages.first { $0.path == "search/docs.json" }!.bytes)) as? [[String: Any]]
        XCTAssertEqual(docs?.first?["url"] as? String, "briefs/raeisi-putin-moscow.html")
        let shard = try JSONSerialization.jsonObject(with: Data(pages.first { $0.path == "search/ra.json" }!.bytes)) as? [String: [Int]]
        XCTAssertNotNil(shard?["raeisi"])
        let feed = pages.first { $0.path == "feed.xml" }!.text
        XCTAssertTrue(feed.contains("<title>Test &lt;Archive&gt;</title>"))
        XCTAssertTrue(feed.contains("<link href=\"briefs/raeisi-putin-moscow.html\"/>"))
    }

    /// Header, footer, brief links and entity chips are fragments rendered once and pasted in:
    /// each page still gets those of its own depth and section, and a missing fragment is named.
    func testRenderFragmentsFollowEachPage() throws {
        let pages = try render()
        func text(_ path: String) -> String { pages.first { $0.path == path }?.text ?? "" }
        let home = text("index.html"), brief = text("briefs/raeisi-putin-moscow.html"), entity = text("entities/ebrahim-raeisi.html")
        XCTAssertTrue(home.contains("<a class=\"site-title\" href=\"index.html\">Test &lt;Archive&gt;</a>"), home)
        XCTAssertTrue(brief.contains("<a class=\"site-title\" href=\"../index.html\">Test &lt;Archive&gt;</a>"))
        XCTAssertTrue(brief.contains("<li><a href=\"../briefs/index.html\" aria-current=\"page\">Briefs</a></li>"))
        XCTAssertTrue(entity.contains("<li><a href=\"../entities/index.html\" aria-current=\"page\">Entities</a></li>"))
        XCTAssertTrue(entity.contains("<li><a href=\"../briefs/index.html\">Briefs</a></li>"))
        XCTAssertTrue(brief.contains("<a href=\"../feed.xml\">Atom feed</a>"))
        XCTAssertTrue(brief.contains("<li><a href=\"../entities/vladimir-putin.html\" class=\"kind-person\">Vladimir Putin</a></li>\n<li>"))
        XCTAssertTrue(brief.contains("<li><a href=\"../entities/moscow.html\" class=\"kind-place\">Moscow</a></li>\n</ul>"))
        XCTAssertTrue(entity.contains("<li><time>2022-01-19</time> <a href=\"../briefs/raeisi-putin-moscow.html\">"))
        XCTAssertTrue(entity.contains("&lt;script&gt;alert(1)&lt;/script&gt; headline</a></li>\n</ol>"), entity)
        XCTAssertFalse(entity.contains("<script>"))

        var files = try Self.templateFiles()
        files["entity-chip"] = nil
        do {
            _ = try SiteRenderer.pages(for: Self.archive(), templates: TemplateSet(files: files), buildDate: "2026-11-23")
            XCTFail("should throw")
        } catch {
            XCTAssertEqual(error.file, "Templates/entity-chip.mustache")
        }
    }

    /// `headLinks`, `briefLinks`, `relatedLinks`, `entityChips` and `entityLinks` show exactly what the tags and
    /// sections they replaced in the stock templates showed, line breaks included.
    func testJoinedFragmentsShowWhatSectionsShow() throws {
        var files = try Self.templateFiles()
        func replace(_ name: String, _ joined: String, with section: String) {
            XCTAssertTrue(files[name]?.contains(joined) == true, "\(name) places \(joined)")
            files[name] = files[name]?.replacingOccurrences(of: joined, with: section)
        }
        replace("base", "{{{headLinks}}}\n", with: files["head-links"] ?? "")
        replace("entity", "{{{briefLinks}}}\n", with: "{{#briefs}}\n{{{link}}}\n{{/briefs}}\n")
        replace("entity", "{{{relatedLinks}}}\n", with: "{{#related}}" + (files["related-entity"] ?? "") + "{{/related}}\n")
        replace("brief", "{{{entityChips}}}\n", with: "{{#entities}}\n{{{chip}}}\n{{/entities}}\n")
        replace("timeline", "{{#hasEntities}}<span class=\"meta\"> · </span>{{{entityLinks}}}{{/hasEntities}}",
                with: "{{#entities}}{{#first()}}<span class=\"meta\"> · </span>{{/first()}}" + (files["timeline-entity"] ?? "").dropLast()
                    + "{{^last()}}, {{/last()}}{{/entities}}")
        files["timeline-entity"] = nil   // optional: a folder from before it existed
        let joined = try render()
        let sections = try SiteRenderer.pages(for: Self.archive(), templates: TemplateSet(files: files), buildDate: "2026-11-23")
        XCTAssertEqual(joined.map(\.path), sections.map(\.path))
        for (a, b) in zip(joined, sections) { XCTAssertEqual(a.bytes, b.bytes, a.path) }
        let entity = joined.first { $0.path == "entities/ebrahim-raeisi.html" }?.text ?? ""
        XCTAssertTrue(entity.contains("<ul class=\"chips\">\n<li><a href=\"../entities/vladimir-putin.html\">Vladimir Putin</a> <span class=\"count\" title=\"shared briefs\">1</span></li>\n</ul>"), entity)
        XCTAssertTrue(entity.contains("<meta name=\"description\" content=\"Seed &amp; test\">\n<link rel=\"stylesheet\" href=\"../assets/style.css\">"))
        let timeline = joined.first { $0.path == "timeline/index.html" }?.text ?? ""
        XCTAssertTrue(timeline.contains("<span class=\"meta\"> · </span><a class=\"entity\" href=\"../entities/ebrahim-raeisi.html\">Ebrahim Raeisi</a>, <a class=\"entity\""), timeline)
    }

    func testRenderBrokenTemplateThrowsDiagnostic() throws {
        do {
            _ = try TemplateSet(files: ["base": "<p>ok</p>", "brief": "line one\n{{#items}}\n<li>{{name}}</li>\n"])
            XCTFail("should throw")
        } catch {
            XCTAssertEqual(error.file, "Templates/brief.mustache")
            XCTAssertEqual(error.severity, .error)
            XCTAssertNotNil(error.line)
        }
        do {
            _ = try TemplateSet(files: ["home": "a\nb\n{{> partials/missing}}\n"])
            XCTFail("should throw")
        } catch {
            XCTAssertEqual(error.file, "Templates/home.mustache")
            XCTAssertEqual(error.line, 3)
        }
        XCTAssertNoThrow(try Self.templates())
    }

    func testRenderDeterministic() throws {
        let a = try render(), b = try render()
        XCTAssertEqual(a.map(\.path), b.map(\.path))
        XCTAssertEqual(a.map(\.bytes), b.map(\.bytes))
        // RENDER_DUMP=/some/folder writes the test site there for a look in a browser.
        if let dump = ProcessInfo.processInfo.environment["RENDER_DUMP"] {
            let out = URL(fileURLWithPath: dump)
            for page in a {
                let file = out.appendingPathComponent(page.path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(page.bytes).write(to: file)
            }
        }
    }

    // MARK: fast paths agree with the definitions they replace

    /// Deterministic strings mixing ASCII syntax with what Unicode joins onto it: combining marks,
    /// prepend marks, CR LF, case mappings that change length, emoji sequences, odd spaces.
    static func trickyStrings(count: Int) -> [String] {
        let pieces = ["a", "Z", "7", "0", "12", " ", "\n", "\r", "\r\n", "\t", "\\", "`", "*", "_", "[", "]", "<", ">", "|",
                      "!", "#", "&", "-", "+", "=", ".", ")", "\"", "'", "/", "\u{301}", "\u{600}", "\u{200D}", "é", "e\u{301}",
                      "İ", "\u{212A}", "ß", "Σ", "\u{1F1EB}\u{1F1F7}", "👩\u{200D}💻", "\u{A0}", "\u{200B}", "\u{2028}",
                      "\u{85}", "\u{3000}", "\u{FEFF}", "١٢", "中文", "\u{1}", "\u{1F}", "\u{7F}", "word", "Ünïcödé",
                      "‘", "’", "“", "”", "–", "—", "…", "\u{2019}\u{301}", "\u{2010}"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var out = ["", " ", "-x", "+x", "=x", "1. x", "12) x", "1\u{301}. x", "*\u{301}", "\u{600}*", "x\r\ny", " \u{301}x ", "The company’s “Big Plan”—again…", "“\u{301}x”", "\u{600}“ab”", "’’ab’\u{200D}cd"]
        for _ in 0..<count { out.append((0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()) }
        return out
    }

    func testRenderTextFastPathsMatchCharacterDefinitions() {
        for s in Self.trickyStrings(count: 4000) {
            XCTAssertEqual(Markdown.escapeText(s), Markdown.characterEscapeText(s), s.debugDescription)
            XCTAssertEqual(SearchIndex.terms(s), SearchIndex.characterTerms(s), s.debugDescription)
            XCTAssertEqual(Whitespace.trimmed(s), s.trimmingCharacters(in: .whitespacesAndNewlines), s.debugDescription)
        }
    }

    /// A chart's bars, tips and labels: every month from the first to the last, a short chart
    /// labelled by month ("MM", "MM/YY" where a year starts), a long one by year.
    func testMonthBarsLabelsAndTips() throws {
        let dates = ["2023-11-05", "2024-01-10", "2024-01-20", "2024"].compactMap(DayDate.init(iso:))
        let short = Charts.monthBars(dates: dates, label: "Briefs mentioning A & B per month") { "t/\($0).html#m-\($0)" }
        XCTAssertTrue(short.hasPrefix("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"156\" viewBox=\"0 0 120 156\" role=\"img\" aria-label=\"Briefs mentioning A &amp; B per month\">"), short)
        XCTAssertTrue(short.contains("<a href=\"t/2023-11.html#m-2023-11\" aria-label=\"2023-11: 1 brief\"><rect class=\"bar\" x=\"4\" y=\"74\" width=\"18\" height=\"60\"><title>2023-11: 1 brief</title></rect>"), short)
        XCTAssertTrue(short.contains("<rect class=\"bar\" x=\"26\" y=\"134\" width=\"18\" height=\"0\"><title>2023-12: 0 briefs</title></rect><text class=\"label\" x=\"26\" y=\"149\">12</text>"), short)
        XCTAssertTrue(short.contains("<title>2024-01: 2 briefs</title></rect><text class=\"count\" x=\"57\" y=\"11\" text-anchor=\"middle\">2</text></a><text class=\"label\" x=\"48\" y=\"149\">01/24</text></svg>"), short)
        XCTAssertTrue(short.contains("<text class=\"label\" x=\"4\" y=\"149\">11/23</text>"), short)
        let long = Charts.monthBars(dates: dates + [DayDate(iso: "2025-03-01")!], label: "x") { $0 }
        XCTAssertEqual(long.components(separatedBy: "<text class=\"label\"").count - 1, 3, long)   // 2023 (first bar), 2024, 2025
        XCTAssertTrue(long.contains(">2024</text>") && long.contains(">2025</text>") && !long.contains(">01/24<"), long)
        XCTAssertEqual(Charts.monthBars(dates: [DayDate(iso: "2024")!], label: "x") { $0 }, "")
    }

    /// The search index's one-pass postings are what each doc's own terms give, stopwords left out.
    func testSearchPostingsMatchEachDocsTerms() throws {
        var texts = Self.trickyStrings(count: 2000)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.content.appendingPathComponent("articles").path) {
            texts.append(try String(contentsOf: TestPaths.content.appendingPathComponent("articles/\(name)"), encoding: .utf8))
        }
        var expected: [String: [Int]] = [:]
        for (doc, text) in texts.enumerated() {
            var seen = Set<String>()
            for t in SearchIndex.terms(text) where !SearchIndex.stopwords.contains(t) && seen.insert(t).inserted {
                expected[t, default: []].append(doc)
            }
        }
        let index = SearchPostings(texts: texts, stopwords: SearchIndex.stopwords)
        var found: [String: [Int]] = [:]
        for (term, docs) in zip(index.terms, index.postings) where !docs.isEmpty { found[term] = Array(docs) }
        XCTAssertEqual(found, expected)
        XCTAssertGreaterThan(found.count, 500)
        XCTAssertEqual(Set(index.terms).count, index.terms.count, "each term once, canonically equivalent spellings as one")
    }

    /// A doc's searched text is its title, a space, and each group joined by spaces, a space between groups.
    func testSearchTextIsTitleThenJoinedGroups() {
        for b in Self.archive().briefs {
            let outlets = b.sources.compactMap(\.outlet)
            XCTAssertEqual(SearchIndex.searchText(b.title, [b.allParagraphs, outlets]),
                           b.title + " " + b.allParagraphs.joined(separator: " ") + " " + outlets.joined(separator: " "))
        }
        XCTAssertEqual(SearchIndex.searchText("T", [[], ["a", "b"], [""]]), "T  a b ")
        XCTAssertEqual(SearchIndex.searchText("", []), "")
    }

    /// Numbers are written as `String` writes them, at every digit count and sign.
    func testJSONIntsAreDecimalDigits() {
        var values = [0, 9, 10, 11, 99, 100, 101, 999, 1000, 10002, 123_456_789, Int.max, -1, -9, -10, -12345, Int.min]
        var power = 1
        for _ in 0..<18 { power *= 10; values += [power - 1, power, power + 1] }
        var j = JSONText(pretty: false)
        j.ints(values)
        XCTAssertEqual(String(decoding: j.bytes, as: UTF8.self), "[" + values.map(String.init).joined(separator: ",") + "]")
    }

    func testRenderJSONMatchesFoundation() throws {
        let strings = Self.trickyStrings(count: 300)
        // Keys: search-like terms, slugs, numbers, and anything else.
        let keys = Set(strings + ["raeisi", "ra", "raisi", "a1", "a10", "a9", "a-b", "ab", "a_b", "2023", "202", "007", "7"])
        var object: [String: Any] = ["empty": [Any](), "null": NSNull()]
        for (i, key) in keys.sorted().enumerated() where object[key] == nil {
            object[key] = i % 3 == 0 ? [i, i + 1] : strings[i % strings.count]
        }
        for pretty in [false, true] {
            var j = JSONText(pretty: pretty)
            j.beginObject()
            for key in JSONKeyOrder.sorted(object.keys) {
                j.key(key)
                switch object[key] {
                case let ints as [Int]: j.ints(ints)
                case let s as String: j.string(s)
                case is NSNull: j.null()
                default: j.beginArray(); j.endArray()
                }
            }
            j.endObject()
            var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
            if pretty { options.insert(.prettyPrinted) }
            let foundation = try JSONSerialization.data(withJSONObject: object, options: options)
            XCTAssertEqual(String(decoding: j.bytes, as: UTF8.self), String(decoding: foundation, as: UTF8.self))
        }
    }

    func testRenderHTMLEscapingCoversCombiningMarks() throws {
        XCTAssertEqual(HTMLEscaping.escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        XCTAssertEqual(HTMLEscaping.escape("plain — text"), "plain — text")
        // A quote followed by a combining mark is one Character; it must not end an attribute value.
        XCTAssertEqual(HTMLEscaping.escape("x\"\u{301} onmouseover=alert(1)"), "x&quot;\u{301} onmouseover=alert(1)")
        var archive = Self.archive()
        archive.briefs[0].title = "Q\"\u{301} onmouseover=\"alert(1)"
        let pages = try SiteRenderer.pages(for: archive, templates: Self.templates(), buildDate: "2026-11-23")
        for page in pages where page.path.hasSuffix(".html") {
            XCTAssertFalse(page.text.contains("\"\u{301}"), page.path)
        }
    }

    /// Pages' contexts are `Fields` of `TagText` (for speed); a template must read them exactly as
    /// the dictionaries of Strings and Ints they replaced: names, dotted names, sections, inverted
    /// sections, list positions and transforms.
    func testFieldsAndTagTextReadAsDictionariesOfStringsAndInts() throws {
        let text = """
        {{title}}|{{{html}}}|{{html}}|{{count}}|{{plusone(count)}}|{{#even(count)}}even{{/even(count)}}|{{uppercased(title)}}|\
        {{#empty(summary)}}empty{{/empty(summary)}}|{{#count}}[{{.}}]{{/count}}|{{#zero}}[{{.}}]{{/zero}}|{{^zero}}no zero{{/zero}}|\
        {{^missing}}none{{/missing}}|{{#items}}{{#first()}}<{{/first()}}{{name}}:{{n}}/{{title}}{{^last()}},{{/last()}}{{/items}}|\
        {{count(items)}}|{{item.name}}|{{#item}}{{name}}/{{title}}{{/item}}|{{count(item)}}|{{#sorted(item)}}{{key}}={{value}};{{/sorted(item)}}|\
        {{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}|{{#reversed(title)}}{{.}}{{/reversed(title)}}
        """
        let templates = try TemplateSet(files: ["t": text])
        let title = "Tom & \"Jerry\" <é>"
        let dictionary: [String: Any] = [
            "title": title, "html": "<b>bold</b>", "count": 41, "zero": 0, "summary": "", "flag": false,
            "items": [["name": "a", "n": 1], ["name": "b<", "n": 2]] as [[String: Any]],
            "item": ["name": "x", "size": 3] as [String: Any],
        ]
        let fields: Fields = [
            "title": TagText(title), "html": TagText("<b>bold</b>"), "count": TagText(41), "zero": TagText(0),
            "summary": TagText(""), "flag": false,
            "items": [["name": TagText("a"), "n": TagText(1)], ["name": TagText("b<"), "n": TagText(2)]] as [Fields],
            "item": ["name": TagText("x"), "size": TagText(3)] as Fields,
        ]
        let expected = try XCTUnwrap(templates.library.render(dictionary, withTemplate: "t"))
        XCTAssertEqual(try templates.render("t", fields), expected)
        XCTAssertTrue(expected.hasPrefix("Tom &amp; &quot;Jerry&quot; &lt;é&gt;|<b>bold</b>|&lt;b&gt;bold&lt;/b&gt;|41|42||TOM"), expected)
        XCTAssertTrue(expected.contains("|[41]|[0]||none|<a:1/Tom"), expected)
        XCTAssertTrue(expected.contains("|2|x|x/Tom &amp; &quot;Jerry&quot; &lt;é&gt;|2|name=x;size=3;|no|"), expected)
    }

    /// A number a TagText shows is read back whole (transforms use it), a text is never a number,
    /// and a TagText fits in an `Any`'s inline buffer (no box per context value).
    func testTagTextKeepsItsNumberAndFitsInAnAny() {
        for n in [0, -1, 41, Int.max, Int.min] { XCTAssertEqual(TagText(n).number, n) }
        XCTAssertNil(TagText("41").number)
        XCTAssertLessThanOrEqual(MemoryLayout<TagText>.size, 3 * MemoryLayout<Int>.size)
    }

    /// `with` is setting a value on a copy: a new name goes last, a name there already is replaced
    /// in place, and the Fields it was made from keep their values.
    func testFieldsWithAddsOrReplacesOnACopy() throws {
        let templates = try TemplateSet(files: ["t": "{{#sorted(.)}}{{key}}={{value}};{{/sorted(.)}}|{{name}}|{{count}}|{{chip}}"])
        let link: Fields = ["name": TagText("Ann"), "url": TagText("a.html")]
        let counted = link.with("count", TagText(3))
        let renamed = counted.with("name", TagText("Bo"))
        XCTAssertEqual(counted.count, 3)
        XCTAssertEqual(renamed.count, 3)
        XCTAssertEqual(try templates.render("t", link), "name=Ann;url=a.html;|Ann||")
        XCTAssertEqual(try templates.render("t", counted), "count=3;name=Ann;url=a.html;|Ann|3|")
        XCTAssertEqual(try templates.render("t", renamed), "count=3;name=Bo;url=a.html;|Bo|3|")
    }

    func testRenderTemplateErrorLinesCountTheAuthorsLines() {
        do {
            _ = try TemplateSet(files: ["home": "a\nb\n{{/x}}\n"])
            XCTFail("should throw")
        } catch {
            XCTAssertEqual(error.line, 3)
        }
    }
}
