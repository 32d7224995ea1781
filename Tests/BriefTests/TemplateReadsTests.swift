@testable import BriefRender
import Foundation
import XCTest

/// What a page's templates can read decides what goes into its key: a wrong "no" would keep a
/// stale page, so every way a tag can reach a nested value must answer yes.
final class TemplateReadsTests: XCTestCase {
    let counts: Set<String> = ["mentions", "briefCount"]

    func reads(_ files: [String: String], from template: String = "page", inside sections: Set<String> = ["entities"]) -> Bool {
        TemplateReads(files: files).reads(counts, inside: sections, from: template)
    }

    func testTheStockTemplatesDoNotShowCountsOfListedEntities() throws {
        var files: [String: String] = [:]
        let folder = TestPaths.templates
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            files[String(name.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let stock = TemplateReads(files: files)
        XCTAssertFalse(stock.reads(counts, inside: ["entities"], from: "brief"))
        XCTAssertFalse(stock.reads(counts, inside: ["entities", "related"], from: "entity"))
        XCTAssertFalse(stock.reads(counts, inside: [], from: "entity-chip"))
        XCTAssertFalse(stock.reads(counts, inside: ["entities"], from: "brief-link"))
        XCTAssertFalse(stock.reads(counts, inside: ["entities"], from: "timeline"))
        // The entity's own counts are on its page, and the index lists them.
        XCTAssertTrue(stock.reads(counts, inside: [], from: "entity"))
        XCTAssertTrue(stock.reads(counts, inside: ["entities"], from: "entity-index"))
    }

    func testTagsInsideTheListReadIt() {
        XCTAssertTrue(reads(["page": "{{#entities}}<b>{{mentions}}</b>{{/entities}}"]))
        XCTAssertTrue(reads(["page": "{{#brief}}{{#entities}}{{{briefCount}}}{{/entities}}{{/brief}}"]))
        XCTAssertTrue(reads(["page": "{{#entities}}{{#mentions}}many{{/mentions}}{{/entities}}"]), "a section on the value reads it")
        XCTAssertTrue(reads(["page": "{{#entities}}{{^mentions}}none{{/mentions}}{{/entities}}"]))
        XCTAssertTrue(reads(["page": "{{entities.mentions}}"]), "a dotted name")
        XCTAssertTrue(reads(["page": "{{#entities}}{{.}}{{/entities}}"]), "the whole item")
        XCTAssertTrue(reads(["page": "{{#entities}}{{& mentions }}{{/entities}}"]))
        XCTAssertTrue(reads(["page": "{{#first(entities)}}{{uppercase(mentions)}}{{/first(entities)}}"]), "transforms")
    }

    func testTagsOutsideTheListDoNot() {
        XCTAssertFalse(reads(["page": "{{mentions}} {{#entities}}{{name}}{{/entities}} {{briefCount}}"]))
        XCTAssertFalse(reads(["page": "{{#entity}}{{mentions}}{{/entity}}"]))
    }

    func testPartialsAndParentsAreFollowed() {
        XCTAssertTrue(reads(["page": "{{#entities}}{{> item}}{{/entities}}", "item": "{{mentions}}"]), "a partial inside the list")
        XCTAssertFalse(reads(["page": "{{> item}}{{#entities}}{{name}}{{/entities}}", "item": "{{mentions}}"]))
        XCTAssertTrue(reads(["page": "{{<base}}{{$content}}{{mentions}}{{/content}}{{/base}}",
                             "base": "<main>{{#entities}}{{$content}}{{/content}}{{/entities}}</main>"]),
                      "a block the parent places inside the list")
        XCTAssertTrue(reads(["page": "{{<base}}{{/base}}", "base": "{{#entities}}{{mentions}}{{/entities}}"]))
        XCTAssertFalse(reads(["page": "{{<base}}{{$content}}{{mentions}}{{/content}}{{/base}}",
                              "base": "<main>{{$content}}{{/content}}</main>{{#entities}}{{name}}{{/entities}}"]))
    }

    /// A page's block overrides are rendered wherever a block of that name is expanded below the
    /// parent: in the parent's partials, in parents the parent includes, in the page's own overrides.
    func testOverridesAreReadWhereverTheirBlocksAre() {
        let page = "{{<base}}{{$content}}{{mentions}}{{/content}}{{/base}}"
        XCTAssertTrue(reads(["page": page, "base": "{{#entities}}{{> slot}}{{/entities}}", "slot": "{{$content}}{{/content}}"]),
                      "a block in a partial the parent includes inside the list")
        XCTAssertTrue(reads(["page": page, "base": "{{#entities}}{{<frame}}{{/frame}}{{/entities}}", "frame": "{{$content}}{{/content}}"]),
                      "a block of a parent the parent includes inside the list")
        XCTAssertTrue(reads(["page": "{{<base}}{{$content}}{{#entities}}{{$chip}}{{name}}{{/chip}}{{/entities}}{{/content}}"
                                 + "{{$chip}}{{mentions}}{{/chip}}{{/base}}",
                             "base": "<main>{{$content}}{{/content}}</main>"]),
                      "a block the page's own override places inside the list")
        XCTAssertFalse(reads(["page": page, "base": "{{> slot}}{{#entities}}{{name}}{{/entities}}", "slot": "{{$content}}{{/content}}"]))
    }

    func testNamesFromValuesReadEverything() {
        XCTAssertTrue(reads(["page": "{{#entities}}{{>*kind}}{{/entities}}", "person": "{{mentions}}"]), "a partial named by a value")
        XCTAssertTrue(reads(["page": "{{#entities}}{{<*kind}}{{/*kind}}{{/entities}}", "person": "{{mentions}}"]), "a parent named by a value")
        XCTAssertTrue(reads(["page": "{{#sorted(brief)}}{{#value}}{{mentions}}{{/value}}{{/sorted(brief)}}"]),
                      "a dictionary's values as a list")
        XCTAssertTrue(reads(["page": "{{#enumerated(brief)}}{{#value}}{{.}}{{/value}}{{/enumerated(brief)}}"]))
        XCTAssertFalse(reads(["page": "{{#sorted(aliases)}}{{name}}{{/sorted(aliases)}}"]))
    }

    func testWhatCannotBeScannedReadsEverything() {
        XCTAssertTrue(reads(["page": "{{=<% %>=}}<%#entities%><%mentions%><%/entities%>"]), "changed delimiters")
        XCTAssertTrue(reads(["page": "{{#entities}}{{> page}}{{/entities}}"]), "a partial that includes itself")
    }
}
