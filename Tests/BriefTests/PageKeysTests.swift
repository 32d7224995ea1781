import BriefModel
@testable import BriefRender
@testable import BriefSite
import Foundation
import XCTest

/// A page kept because its key did not change must be the page a fresh render makes: every value a
/// kept page shows must be in its key. Renders an archive, changes it, renders it again keeping
/// each page whose key is unchanged, and compares with rendering everything.
final class PageKeysTests: XCTestCase {
    /// 450 briefs over two and a half years (a paged timeline), one outlet (three pages), with
    /// entities that list many briefs and a note.
    func archive() throws -> Archive {
        var a = try TimelineTests.largeArchive()
        for i in a.briefs.indices {
            a.briefs[i].entities = i % 3 == 0 ? ["ebrahim-raisi", "vladimir-putin"] : ["ebrahim-raisi"]
        }
        var raisi = Entity(id: "ebrahim-raisi", name: "Ebrahim Raisi", kind: .person, aliases: ["Raeisi"],
                           description: "President of Iran.", briefs: a.briefs.map(\.id), mentions: 900)
        var putin = Entity(id: "vladimir-putin", name: "Vladimir Putin", kind: .person, aliases: [], description: nil,
                           briefs: a.briefs.indices.filter { $0 % 3 == 0 }.map { a.briefs[$0].id }, mentions: 300)
        raisi.related = [("vladimir-putin", putin.briefs.count)]
        putin.related = [("ebrahim-raisi", putin.briefs.count)]
        raisi.quotes = [.init(text: "The ground is prepared.", brief: "brief-10")]
        a.entities = [raisi, putin]
        var note = Note(id: "reading", file: "notes/reading.md", title: "Reading the meetings", date: DayDate(year: 2021, month: 3, day: 2),
                        author: "A. Petrova", tags: [], declaredEntities: [], declaredBriefs: [], markdown: "On [[Raisi]].", bodyLine: 1, links: [])
        note.briefs = ["brief-30"]
        note.entities = ["ebrahim-raisi"]
        a.notes = [note]
        a.timeline = TimelineAssembly.entries(briefs: a.briefs, notes: a.notes)
        return a
    }

    /// What one render made and kept, filled in from the rendering threads.
    final class Rendered: @unchecked Sendable {
        let lock = NSLock()
        var pages: [String: [UInt8]] = [:]
        var kept: [String] = []
        var keys: [String: ContentHash] = [:]
    }

    /// Renders `archive`, keeping the pages `keep` says yes to (then their bytes are not made).
    func render(_ archive: Archive, templates: TemplateSet,
                keep: (@Sendable ([String], ContentHash) -> Bool)? = nil) throws -> Rendered {
        let out = Rendered()
        let counting: (@Sendable ([String], ContentHash) -> Bool)? = keep.map { keep in
            { @Sendable (paths: [String], key: ContentHash) -> Bool in
                guard keep(paths, key) else { return false }
                out.lock.lock(); out.kept += paths; out.lock.unlock()
                return true
            }
        }
        let keyed = try SiteRenderer.render(archive, templates: templates, buildDate: "2026-11-23", keep: counting) {
            (_, pages: [Page]) throws(Diagnostic) in
            out.lock.lock(); for p in pages { out.pages[p.path] = p.bytes }; out.lock.unlock()
        }
        for files in keyed { for path in files.paths { out.keys[path] = files.key } }
        return out
    }

    /// Renders `after` keeping the pages whose keys are those `before` had, and compares the site
    /// (kept pages as `before` made them) with `after` rendered whole; returns how many were kept.
    @discardableResult
    func assertKeptPagesAreFresh(from before: Archive, to after: Archive, templates: TemplateSet,
                                 file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let old = try render(before, templates: templates)
        XCTAssertGreaterThan(old.keys.count, 900, file: file, line: line)
        let previous = old.keys
        let new = try render(after, templates: templates) { paths, key in paths.allSatisfy { previous[$0] == key } }
        var site = new.pages
        for path in new.kept { site[path] = old.pages[path] }
        let fresh = try render(after, templates: templates).pages
        XCTAssertEqual(Set(site.keys), Set(fresh.keys), file: file, line: line)
        for (path, bytes) in fresh where site[path] != bytes {
            XCTFail("\(path) \(new.kept.contains(path) ? "kept" : "made") differs from a fresh render", file: file, line: line)
        }
        return new.kept.count
    }

    func templates(chip: String? = nil, related: String? = nil) throws -> TemplateSet {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.templates.path) where name.hasSuffix(".mustache") {
            files[String(name.dropLast(".mustache".count))] = try String(contentsOf: TestPaths.templates.appendingPathComponent(name), encoding: .utf8)
        }
        if let chip { files["entity-chip"] = chip }
        if let related { files["related-entity"] = related }
        return try TemplateSet(files: files)
    }

    func testANewBriefKeepsMostPages() throws {
        let before = try archive()
        var after = before
        let date = DayDate(year: 2022, month: 5, day: 14)!
        var brief = Brief(id: "brief-new", title: "Raeisi and Putin meet again", date: date, dateEvidence: "test", published: date,
                          dateline: nil, summary: ["A new meeting."], paragraphs: ["A new meeting in May."],
                          sources: [.init(file: "articles/new.txt", outlet: "Iran Daily", title: nil, published: date, url: nil)],
                          additions: [], formerIDs: [])
        brief.entities = ["ebrahim-raisi"]
        after.briefs.append(brief)
        after.entities[0].briefs.append(brief.id)
        after.entities[0].mentions += 2
        after.timeline = TimelineAssembly.entries(briefs: after.briefs, notes: after.notes)
        let kept = try assertKeptPagesAreFresh(from: before, to: after, templates: templates())
        XCTAssertGreaterThan(kept, 900, "brief pages, other months and Putin's page do not change")

        // A chip that shows the mention count: every brief page with Raisi's chip changes.
        let counting = try templates(chip: "<li><a href=\"{{url}}\">{{name}}</a> {{mentions}}</li>")
        let keptCounting = try assertKeptPagesAreFresh(from: before, to: after, templates: counting)
        XCTAssertLessThan(keptCounting, kept)

        // A related entity that shows the mention count: Putin's page, which lists Raisi, changes.
        let relatedCounting = try templates(related: "<li><a href=\"{{url}}\">{{name}}</a> {{mentions}} ({{count}})</li>")
        let keptRelated = try assertKeptPagesAreFresh(from: before, to: after, templates: relatedCounting)
        XCTAssertEqual(keptRelated, kept - 1)
    }

    func testEditsReachEveryPageThatShowsThem() throws {
        let before = try archive()
        var retitled = before
        retitled.briefs[100].title = "A new title for meeting 100"
        XCTAssertGreaterThan(try assertKeptPagesAreFresh(from: before, to: retitled, templates: templates()), 0)

        var renamed = before
        renamed.entities[1].name = "Vladimir V. Putin"
        try assertKeptPagesAreFresh(from: before, to: renamed, templates: templates())

        var noted = before
        noted.notes[0].title = "Reading the meetings again"
        noted.notes[0].briefs.append("brief-31")
        try assertKeptPagesAreFresh(from: before, to: noted, templates: templates())

        var sourced = before
        sourced.briefs[200].sources[0].url = "https://example.org/200"
        sourced.briefs[201].summary = ["Another summary."]
        sourced.entities[0].quotes = [.init(text: "The ground is prepared.", brief: "brief-11")]
        try assertKeptPagesAreFresh(from: before, to: sourced, templates: templates())
    }
}
