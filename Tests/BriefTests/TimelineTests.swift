import BriefModel
import BriefRender
import XCTest
@testable import BriefSite

/// The timeline of a large archive: split into month pages of at most about 200 entries, nothing dropped.
final class TimelineTests: XCTestCase {
    /// 450 briefs from seed 003's text, two days apart from 2021-01-01 (brief-7 undated).
    static func largeArchive() throws -> Archive {
        let seed = try String(contentsOf: TestPaths.seed("003"), encoding: .utf8)
        let paragraphs = seed.components(separatedBy: "\n\n").dropFirst(2).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var briefs: [Brief] = []
        for i in 0..<450 {
            let date = DayDate(year: 2021, month: 1, day: 1)!.adding(days: i * 2 + i / 50)
            briefs.append(Brief(id: "brief-\(i)", title: "Raeisi and Putin, meeting \(i)", date: i == 7 ? nil : date,
                                dateEvidence: "test", published: date, dateline: nil, summary: [paragraphs[0]],
                                paragraphs: Array(paragraphs.prefix(3)),
                                sources: [.init(file: "articles/\(i).txt", outlet: "Iran Daily", title: nil, published: date, url: nil)],
                                additions: [], formerIDs: []))
        }
        return Archive(config: SiteConfig(), briefs: briefs, entities: [], notes: [],
                       timeline: TimelineAssembly.entries(briefs: briefs, notes: []), redirects: [:])
    }

    func testLargeTimelineIsPagedByYearAndLinksResolve() throws {
        let archive = try Self.largeArchive()
        let briefs = archive.briefs
        let pages = try SiteRenderer.pages(for: archive, templates: try TemplateFolder.read(TestPaths.templates), buildDate: "2026-11-23")
        let byPath = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })

        // 450 briefs over about 2.5 years, ~15 a month: a page per month, none over the limit.
        let monthPages = byPath.keys.filter { $0.hasPrefix("timeline/") && $0 != "timeline/index.html" }.sorted()
        XCTAssertGreaterThan(monthPages.count, 25)
        var listed: [String] = []
        for path in monthPages {
            let ids = byPath[path]!.components(separatedBy: "href=\"../briefs/brief-").dropFirst().map { "brief-" + String($0.prefix { $0 != "." }) }
            XCTAssertLessThanOrEqual(ids.count, SiteIndexLimit.value, path)
            listed += ids
        }
        let index = try XCTUnwrap(byPath["timeline/index.html"])
        XCTAssertTrue(index.contains("href=\"2021-01.html\""))
        XCTAssertTrue(index.contains("href=\"2021-01.html#m-2021-01\""), "chart bars lead to the month's page")
        XCTAssertTrue(index.contains("href=\"../briefs/brief-7.html\""), "undated brief stays on the index")
        XCTAssertTrue(Set(listed + ["brief-7"]) == Set(briefs.map(\.id)), "every brief is on exactly one page")
        XCTAssertEqual(listed.count, 449)

        var assets = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.templates.appendingPathComponent("assets").path) {
            assets.insert("assets/" + name)
        }
        XCTAssertEqual(LinkCheck.brokenLinks(in: pages, extraFiles: assets), [])
    }

    /// A brief known only to the year sorts as "YYYY-00", before that year's months: ordered as
    /// January 1 it split January into two sections (the same anchor twice) and, paged, into two
    /// pages of one name, one overwriting the other.
    func testYearOnlyDateDoesNotSplitItsYearsFirstMonth() throws {
        let full = try Self.largeArchive()
        var briefs = full.briefs
        briefs[3].date = DayDate(year: 2021, precision: .year)
        briefs[3].published = nil
        for small in [false, true] {
            let some = small ? Array(briefs.prefix(40)) : briefs
            let archive = Archive(config: SiteConfig(), briefs: some, entities: [], notes: [],
                                  timeline: TimelineAssembly.entries(briefs: some, notes: []), redirects: [:])
            let pages = try SiteRenderer.pages(for: archive, templates: try TemplateFolder.read(TestPaths.templates), buildDate: "2026-11-23")
            XCTAssertEqual(Set(pages.map { $0.path }).count, pages.count, "two pages of one name")
            let timeline = pages.filter { $0.path.hasPrefix("timeline/") }.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
            XCTAssertEqual(timeline.components(separatedBy: "id=\"m-2021-01\"").count, 2, "January once")
            XCTAssertEqual(timeline.components(separatedBy: "id=\"m-2021-00\"").count, 2, "the year-only brief's own section")
            let listed = timeline.components(separatedBy: "<a href=\"../briefs/brief-").count - 1
            XCTAssertEqual(listed, some.count, "every brief on the timeline once")
        }
    }
}

private enum SiteIndexLimit { static let value = 200 }
