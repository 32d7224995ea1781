import BriefSite
import Foundation
import XCTest

/// Brief and entity pages whose inputs did not change are kept from Output instead of rendered
/// (`PageKeys`); a kept page must always be the page a fresh build makes.
final class KeptPagesTests: CopiedSiteTestCase {
    @discardableResult
    func build(_ output: String, force: Bool = false) throws -> SiteBuild.Summary { try build(into: output, force: force) }

    func assertSameAsFresh(file: StaticString = #filePath, line: UInt = #line) throws {
        try build("Fresh", force: true)
        let cached = Hostile.snapshot(root.appendingPathComponent("Cached")), fresh = Hostile.snapshot(root.appendingPathComponent("Fresh"))
        XCTAssertEqual(cached.count, fresh.count, file: file, line: line)
        for (path, bytes) in fresh where cached[path] != bytes { XCTFail("\(path) differs from a fresh build", file: file, line: line) }
    }

    /// A new article about Raisi: his mention count changes, which the stock templates do not show
    /// on brief pages, so the seeds' brief pages are kept.
    func addArticleAboutRaisi() throws {
        let text = """
        ---
        title: Raisi meets Putin again in Tehran
        outlet: Test Wire
        date: 2025-06-02
        ---

        Iranian President Ebrahim Raisi met Russian President Vladimir Putin in Tehran on Monday to discuss a new gas pipeline and a rail link through Azerbaijan.

        Raisi said the pipeline talks with Putin would continue in Baku next month.
        """
        try text.write(to: content.appendingPathComponent("articles/zz-raisi-putin.txt"), atomically: true, encoding: .utf8)
    }

    func testUnchangedPagesAreKeptAndChangedOnesMade() throws {
        let first = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(first.reused["render"], 0, "nothing to keep on a first build")
        try addArticleAboutRaisi()
        let added = try build("Cached")
        try assertSameAsFresh()
        let kept = added.reused["render"] ?? 0
        XCTAssertGreaterThan(kept, 0, "the seeds' brief pages did not change")
        XCTAssertLessThan(kept, added.filesWritten)
        let raisi = try String(contentsOf: root.appendingPathComponent("Cached/entities/ebrahim-raisi.html"), encoding: .utf8)
        XCTAssertTrue(raisi.contains("Raisi meets Putin again in Tehran"), "an entity page listing the new brief is made again")

        // Templates changed: nothing is kept.
        let brief = templates.appendingPathComponent("brief.mustache")
        try (String(contentsOf: brief, encoding: .utf8).replacingOccurrences(of: "Markdown source", with: "Markdown text"))
            .write(to: brief, atomically: true, encoding: .utf8)
        let edited = try build("Cached")
        XCTAssertEqual(edited.reused["render"], 0)
        try assertSameAsFresh()
    }

    /// Where a template does show an entity's mention count beside each chip, a new mention
    /// makes every page with that chip again.
    func testCountsShownByTemplatesKeepPagesCurrent() throws {
        let chip = templates.appendingPathComponent("entity-chip.mustache")
        try "<li><a href=\"{{url}}\">{{name}}</a> ({{mentions}})</li>\n".write(to: chip, atomically: true, encoding: .utf8)
        try build("Cached")
        try build("Fresh", force: true)
        let before = try String(contentsOf: root.appendingPathComponent("Cached/entities/ebrahim-raisi.html"), encoding: .utf8)
        try addArticleAboutRaisi()
        try build("Cached")
        try assertSameAsFresh()
        XCTAssertNotEqual(before, try String(contentsOf: root.appendingPathComponent("Cached/entities/ebrahim-raisi.html"), encoding: .utf8))
    }

    /// Brief pages that reach the mention counts of their entities without a tag named in the
    /// entity list (`TemplateReads`): a new mention must make them again.
    func assertBriefTemplateKeepsCountsCurrent(chips: String, head: String = "", extra: [String: String],
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let brief = templates.appendingPathComponent("brief.mustache")
        try (String(contentsOf: brief, encoding: .utf8)
            .replacingOccurrences(of: "{{{chip}}}", with: chips)
            .replacingOccurrences(of: "{{<base}}\n", with: "{{<base}}\n" + head))
            .write(to: brief, atomically: true, encoding: .utf8)
        for (name, text) in extra {
            try text.write(to: templates.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        try build("Cached")
        let briefs = root.appendingPathComponent("Cached/briefs")
        let before = Hostile.snapshot(briefs).filter { String(decoding: $0.value, as: UTF8.self).contains("Ebrahim Raisi") }
        XCTAssertFalse(before.isEmpty, file: file, line: line)
        try addArticleAboutRaisi()
        try build("Cached")
        try assertSameAsFresh(file: file, line: line)
        let after = Hostile.snapshot(briefs)
        XCTAssertTrue(before.contains { after[$0.key] != $0.value }, "Raisi's count is on his briefs' pages", file: file, line: line)
    }

    /// A partial named by the entity's kind (`{{>*kind}}`) can be any template.
    func testAPartialNamedByAValueReadsEverything() throws {
        try assertBriefTemplateKeepsCountsCurrent(chips: "{{>*kind}}", extra: ["person": "<li>{{name}} ({{mentions}})</li>\n"])
    }

    /// A block the page overrides, placed by a partial inside the entity list: the override is
    /// rendered there, with the list's entity.
    func testABlockInAPartialInsideTheListReadsTheEntity() throws {
        try assertBriefTemplateKeepsCountsCurrent(chips: "{{>chip-slot}}", head: "{{$chip}}<li>{{name}} ({{mentions}})</li>{{/chip}}\n",
                                                  extra: ["chip-slot": "{{$chip}}{{{chip}}}{{/chip}}\n"])
    }

    /// `sorted` and `enumerated` make a dictionary's values a list of `value`s: the brief item's
    /// entities are reached without a section named `entities`.
    func testADictionaryWalkedByATransformReadsItsLists() throws {
        try assertBriefTemplateKeepsCountsCurrent(chips: "{{{chip}}}\n{{/entities}}{{#sorted(brief)}}{{#value}}{{mentions}}{{/value}}{{/sorted(brief)}}{{#entities}}",
                                                  extra: [:])
    }

    /// A note's title is on the pages of the briefs and entities it links to; an entity's name
    /// (from the catalog) is on every page that lists it.
    func testNoteTitlesAndEntityNamesReachTheirPages() throws {
        let note = content.appendingPathComponent("notes/2024/phone-call-follow-up.md")
        let brief = "russia-iran-share-positions-regarding-palestine-issue"
        try (String(contentsOf: note, encoding: .utf8).replacingOccurrences(of: "date: 2024-03-21", with: "date: 2024-03-21\nbriefs: [\(brief)]"))
            .write(to: note, atomically: true, encoding: .utf8)
        try build("Cached")
        try build("Fresh", force: true)
        try (String(contentsOf: note, encoding: .utf8).replacingOccurrences(of: "what changed since Moscow", with: "what moved after Moscow"))
            .write(to: note, atomically: true, encoding: .utf8)
        let retitled = try build("Cached")
        XCTAssertGreaterThan(retitled.reused["render"] ?? 0, 0)
        try assertSameAsFresh()
        let page = try String(contentsOf: root.appendingPathComponent("Cached/briefs/\(brief).html"), encoding: .utf8)
        XCTAssertTrue(page.contains("what moved after Moscow"), "the brief page lists the note by its new title")

        let catalog = content.appendingPathComponent("entities.yml")
        try (String(contentsOf: catalog, encoding: .utf8).replacingOccurrences(of: "aliases: [Putin]", with: "aliases: [Putin, V. Putin]")
            .replacingOccurrences(of: "President of Russia.", with: "President of the Russian Federation."))
            .write(to: catalog, atomically: true, encoding: .utf8)
        try build("Cached")
        try assertSameAsFresh()
        let putin = try String(contentsOf: root.appendingPathComponent("Cached/entities/vladimir-putin.html"), encoding: .utf8)
        XCTAssertTrue(putin.contains("Russian Federation"))
    }

    /// A page changed in Output by hand is not the file the last build made: it is made again.
    func testAPageEditedInOutputIsMadeAgain() throws {
        try build("Cached")
        try build("Fresh", force: true)
        let page = root.appendingPathComponent("Cached/entities/ebrahim-raisi.html")
        let made = try Data(contentsOf: page)
        // A new file in its place (an editor's save), not a write through the link the spare tree shares.
        try FileManager.default.removeItem(at: page)
        try Data("edited by hand".utf8).write(to: page)
        let note = content.appendingPathComponent("notes/2024/phone-call-follow-up.md")
        try (String(contentsOf: note, encoding: .utf8) + "\nOne more line.\n").write(to: note, atomically: true, encoding: .utf8)
        let rebuilt = try build("Cached")
        XCTAssertGreaterThan(rebuilt.reused["render"] ?? 0, 0)
        XCTAssertEqual(try Data(contentsOf: page), made)
        try assertSameAsFresh()
    }
}
