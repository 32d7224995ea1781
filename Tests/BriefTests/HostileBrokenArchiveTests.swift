import BriefModel
import BriefSite
import Foundation
import XCTest

/// The broken archives under `Fixtures/broken/`: every problem is reported with its file and line.
final class BrokenArchiveTests: XCTestCase {
    static let broken = TestPaths.fixtures.appendingPathComponent("broken")

    /// Builds a copy of the fixture (so the build's output and cache stay in a temporary folder).
    func build(_ name: String) -> (error: Diagnostic?, diagnostics: [Diagnostic], output: URL) {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        Hostile.copy(Self.broken.appendingPathComponent(name), to: content)
        let output = root.appendingPathComponent("Output")
        Hostile.write(["index.html": "previous site"], under: output)
        do {
            let summary = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: output),
                                            buildDate: "2024-01-01", force: true)
            return (nil, summary.diagnostics, output)
        } catch {
            XCTAssertEqual(Hostile.snapshot(output), ["index.html": Data("previous site".utf8)], "\(name): failed build touched Output")
            return (error, [], output)
        }
    }

    func check(_ name: String) -> [Diagnostic] {
        SiteCheck.problems(content: Self.broken.appendingPathComponent(name), output: nil)
    }

    func assertStops(_ name: String, file: String, line: Int, _ message: String, sourceLine: UInt = #line) {
        let result = build(name)
        guard let error = result.error else { return XCTFail("\(name): build should stop", line: sourceLine) }
        XCTAssertEqual(error.file, file, "\(error)", line: sourceLine)
        XCTAssertEqual(error.line, line, "\(error)", line: sourceLine)
        XCTAssertTrue(error.message.contains(message), "\(error)", line: sourceLine)
        XCTAssertTrue(check(name).contains { $0.file == file && $0.line == line }, "brief check should report it too", line: sourceLine)
    }

    func assertReports(_ name: String, file: String, line: Int?, _ message: String, sourceLine: UInt = #line) {
        let result = build(name)
        XCTAssertNil(result.error, "\(name): bad input in \(file) must not stop the build", line: sourceLine)
        let found = result.diagnostics.filter { $0.file == file }
        XCTAssertFalse(found.isEmpty, "\(name): nothing reported for \(file): \(result.diagnostics)", line: sourceLine)
        if let line { XCTAssertTrue(found.contains { $0.line == line }, "\(name): wrong line: \(found)", line: sourceLine) }
        XCTAssertTrue(found.contains { $0.message.contains(message) }, "\(name): \(found)", line: sourceLine)
        XCTAssertTrue(check(name).contains { $0.file == file && (line == nil || $0.line == line) }, "brief check: \(check(name))", line: sourceLine)
    }

    /// `language: [en` is on line 3; libyaml notices the missing `]` on line 4, and that is the line reported.
    func testBadSiteYML() { assertStops("bad-site-yml", file: "site.yml", line: 4, "not valid YAML") }
    func testUnknownSetting() { assertStops("unknown-setting", file: "site.yml", line: 3, "base_ur1") }
    func testBadEntitiesYML() {
        let result = build("bad-entities-yml")
        let problem = result.error ?? result.diagnostics.first { $0.file == "entities.yml" }
        XCTAssertEqual(problem?.file, "entities.yml", "\(String(describing: result.error)) \(result.diagnostics)")
        XCTAssertNotNil(problem?.line, "entities.yml problem without a line: \(String(describing: problem))")
        XCTAssertTrue((4...5).contains(problem?.line ?? 0), "\(String(describing: problem))")
    }
    func testBadNoteFrontMatter() { assertReports("bad-note-front-matter", file: "notes/bad.md", line: 5, "YAML") }
    func testBadNoteDate() { assertReports("bad-note-date", file: "notes/bad-date.md", line: 4, "2024-13-45") }
    func testUnclosedFrontMatter() { assertReports("unclosed-front-matter", file: "notes/open.md", line: 1, "never closed") }
    func testUnresolvedWikilink() { assertReports("unresolved-wikilink", file: "notes/links.md", line: 6, "Nobody Anyone") }
    func testUnreadableArticles() {
        assertReports("unreadable-article", file: "articles/binary.txt", line: nil, "binary")
        assertReports("unreadable-article", file: "articles/empty.txt", line: nil, "empty")
        assertReports("unreadable-article", file: "articles/broken.json", line: nil, "JSON")
    }

    /// A file the build cannot open at all (permissions; skipped when running as root, who can read anything).
    func testArticleWithoutReadPermission() throws {
        guard getuid() != 0 else { throw XCTSkip("running as root: a chmod 000 file is still readable") }
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        Hostile.copy(Self.broken.appendingPathComponent("unreadable-article"), to: content)
        let file = content.appendingPathComponent("articles/locked.txt")
        Hostile.write(["articles/locked.txt": "Locked\ndate 2024-01-01\nText.\n"], under: content)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path) }
        let summary = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates,
                                                          output: root.appendingPathComponent("Output")), buildDate: "2024-01-01")
        XCTAssertTrue(summary.diagnostics.contains { $0.file == "articles/locked.txt" }, "\(summary.diagnostics)")
    }
}
