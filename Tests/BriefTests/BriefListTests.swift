import BriefModel
import BriefRender
import XCTest
@testable import BriefSite

/// The briefs list and an outlet's page in a large archive: pages of 200, newest first, every
/// brief or article on exactly one page, and the pager's links lead between them.
final class BriefListTests: XCTestCase {
    func testLargeBriefListIsPagedNewestFirst() throws {
        let archive = try TimelineTests.largeArchive()
        let pages = try SiteRenderer.pages(for: archive, templates: try TemplateFolder.read(TestPaths.templates), buildDate: "2026-11-23")
        let byPath = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let listPages = ["briefs/index.html", "briefs/page/2.html", "briefs/page/3.html"]
        XCTAssertEqual(byPath.keys.filter { $0.hasPrefix("briefs/page/") }.sorted(), Array(listPages.dropFirst()))

        var listed: [String] = []
        for (k, path) in listPages.enumerated() {
            let html = try XCTUnwrap(byPath[path])
            let prefix = k == 0 ? "<li><a href=\"../briefs/brief-" : "<li><a href=\"../../briefs/brief-"
            let ids = html.components(separatedBy: prefix).dropFirst().map { "brief-" + String($0.prefix { $0 != "." }) }
            XCTAssertEqual(ids.count, k < 2 ? 200 : 50, path)
            XCTAssertTrue(html.contains("<ol class=\"items\" start=\"\(k * 200 + 1)\">"), path)
            XCTAssertTrue(html.contains("Page \(k + 1) of 3"), path)
            listed += ids
        }
        XCTAssertEqual(listed.count, 450)
        XCTAssertEqual(Set(listed), Set(archive.briefs.map(\.id)), "every brief on exactly one page")
        // Newest first across pages (brief-7 has no event date: its publication date places it).
        XCTAssertEqual(listed, (0..<450).reversed().map { "brief-\($0)" })

        let second = try XCTUnwrap(byPath["briefs/page/2.html"])
        XCTAssertTrue(second.contains("<a href=\"../index.html\" rel=\"prev\">Newer</a>"))
        XCTAssertTrue(second.contains("<a href=\"3.html\" rel=\"next\">Older</a>"))
        XCTAssertTrue(try XCTUnwrap(byPath["briefs/index.html"]).contains("<a href=\"page/2.html\" rel=\"next\">Older</a>"))
        XCTAssertFalse(try XCTUnwrap(byPath["briefs/page/3.html"]).contains("rel=\"next\""))

        // One outlet's 450 articles are paged the same way, each listed once.
        let sourcePages = ["sources/iran-daily.html", "sources/iran-daily/2.html", "sources/iran-daily/3.html"]
        XCTAssertEqual(byPath.keys.filter { $0.hasPrefix("sources/iran-daily") }.sorted(), sourcePages.sorted())
        var files: [String] = []
        for (k, path) in sourcePages.enumerated() {
            let html = try XCTUnwrap(byPath[path])
            files += html.components(separatedBy: "<code>articles/").dropFirst().map { String($0.prefix { $0 != "<" }) }
            XCTAssertTrue(html.contains("<ol class=\"items\" start=\"\(k * 200 + 1)\">"), path)
            XCTAssertTrue(html.contains("<a href=\"\(k == 0 ? "" : "../")index.html\">All sources</a>"), path)
        }
        XCTAssertEqual(files, (0..<450).reversed().map { "\($0).txt" }, "newest first, each article once")

        var assets = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.templates.appendingPathComponent("assets").path) {
            assets.insert("assets/" + name)
        }
        XCTAssertEqual(LinkCheck.brokenLinks(in: pages, extraFiles: assets), [])
    }

    /// The stock list leaves out each item's `link` fragment on pages after the first; a list
    /// template that shows it gets it on every page.
    func testAListTemplateThatShowsLinksGetsThemOnEveryPage() throws {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.templates.path) where name.hasSuffix(".mustache") {
            files[String(name.dropLast(".mustache".count))] = try String(contentsOf: TestPaths.templates.appendingPathComponent(name), encoding: .utf8)
        }
        files["brief-list"] = "{{<base}}{{$content}}<ol>{{#briefs}}{{{link}}}{{/briefs}}</ol>{{/content}}{{/base}}"
        let pages = try SiteRenderer.pages(for: try TimelineTests.largeArchive(), templates: try TemplateSet(files: files), buildDate: "2026-11-23")
        let second = try XCTUnwrap(pages.first { $0.path == "briefs/page/2.html" }).text
        XCTAssertEqual(second.components(separatedBy: "<li><time>").count - 1, 200)
        XCTAssertTrue(second.contains("<a href=\"../../briefs/brief-249.html\">"))
    }
}
