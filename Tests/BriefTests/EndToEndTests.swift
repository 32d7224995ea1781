import BriefModel
import BriefRender
import XCTest
@testable import BriefSite

/// Builds the sample archive (`Content/`, the five seeds and the notes) with the real templates.
final class EndToEndTests: XCTestCase {
    var output: URL!

    override func setUpWithError() throws {
        output = TestPaths.temporaryFolder().appendingPathComponent("Output")
    }

    func build(templates: URL = TestPaths.templates) throws -> SiteBuild.Summary {
        try SiteBuild.run(SiteBuild.Options(content: TestPaths.content, templates: templates, output: output), buildDate: "2026-11-23")
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: output.appendingPathComponent(path))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testSampleArchiveBuildsWithEveryLinkResolving() throws {
        let summary = try build()
        XCTAssertEqual(summary.counts.articlesRead, 5)
        XCTAssertTrue(summary.counts.articlesSkipped.isEmpty)
        XCTAssertEqual(summary.briefs, 3)
        XCTAssertEqual(summary.notes, 2)
        XCTAssertEqual(summary.diagnostics, [], "the sample archive has no warnings")

        for page in ["index.html", "briefs/index.html", "entities/index.html", "timeline/index.html", "notes/index.html",
                     "archive.json", "feed.xml", "sitemap.xml", "404.html", "search.html", "assets/style.css"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), page)
        }
        XCTAssertEqual(SiteCheck.brokenLinks(in: output), [])
    }

    func testArchiveJSONOnTheSeeds() throws {
        _ = try build()
        let archive = try json("archive.json")
        let briefs = try XCTUnwrap(archive["briefs"] as? [[String: Any]])
        // Seeds: {000, 001, 002} on 2023-12-07, {003} on 2022-01-19, {004} on 2024-03-19.
        var groups: [String: Set<String>] = [:]
        for brief in briefs {
            let files = (brief["sources"] as? [[String: Any]] ?? []).compactMap { ($0["file"] as? String)?.prefix(12) }
            groups[brief["date"] as? String ?? "none"] = Set(files.map { String($0.dropFirst("articles/".count)) })
            let url = try XCTUnwrap(brief["url"] as? String)
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(url).path), url)
            let markdown = url.replacingOccurrences(of: ".html", with: ".md")
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(markdown).path), markdown)
        }
        XCTAssertEqual(groups, ["2023-12-07": ["000", "001", "002"], "2022-01-19": ["003"], "2024-03-19": ["004"]])

        let timeline = try XCTUnwrap(archive["timeline"] as? [[String: Any]])
        XCTAssertEqual(timeline.compactMap { $0["date"] as? String }, ["2022-01-19", "2023-12-07", "2024-03-19"])

        let entities = try XCTUnwrap(archive["entities"] as? [[String: Any]])
        func entity(_ name: String) -> [String: Any]? { entities.first { $0["name"] as? String == name } }
        let raisi = try XCTUnwrap(entity("Ebrahim Raisi"))
        XCTAssertEqual((raisi["briefs"] as? [String])?.count, 3)
        XCTAssertTrue((raisi["aliases"] as? [String] ?? []).contains("Raeisi"))
        XCTAssertEqual((try XCTUnwrap(entity("Vladimir Putin"))["briefs"] as? [String])?.count, 3)
        for name in ["Thursday", "Wednesday", "Tuesday", "The", "He", "Read More", "Previous Story"] {
            XCTAssertNil(entity(name), name)
        }

        let notes = try XCTUnwrap(archive["notes"] as? [[String: Any]])
        XCTAssertEqual(notes.count, 2)
        let moscow = try XCTUnwrap(notes.first { ($0["title"] as? String)?.hasPrefix("Reading the December") == true })
        XCTAssertTrue((moscow["entities"] as? [String] ?? []).contains(raisi["id"] as! String))
    }

    func testIdsAreStableAcrossBuilds() throws {
        _ = try build()
        let first = try json("archive.json")["briefs"] as? [[String: Any]]
        _ = try build()
        let second = try json("archive.json")["briefs"] as? [[String: Any]]
        XCTAssertEqual(first?.compactMap { $0["id"] as? String }, second?.compactMap { $0["id"] as? String })
    }

    /// A broken template fails the build with its file and line, and leaves Output as it was.
    func testBrokenTemplateLeavesOutputUntouched() throws {
        _ = try build()
        let before = try snapshot(output)
        let templates = TestPaths.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        let brief = templates.appendingPathComponent("brief.mustache")
        var text = try String(contentsOf: brief, encoding: .utf8)
        text += "\n{{#sources}}\nunclosed\n"
        try text.write(to: brief, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try build(templates: templates)) { error in
            let d = error as? Diagnostic
            XCTAssertTrue(d?.file.hasSuffix("brief.mustache") ?? false, "\(error)")
            XCTAssertNotNil(d?.line, "\(error)")
        }
        XCTAssertEqual(try snapshot(output), before)
    }

    /// A second build with nothing changed does nothing; a changed note makes it build again.
    func testUnchangedInputIsNotRebuilt() throws {
        let content = TestPaths.temporaryFolder().appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestPaths.content, to: content)
        let options = SiteBuild.Options(content: content, templates: TestPaths.templates, output: output)
        XCTAssertFalse(try SiteBuild.run(options, buildDate: "2026-11-23").upToDate)
        let before = try snapshot(output)
        XCTAssertTrue(try SiteBuild.run(options, buildDate: "2026-11-23").upToDate)
        XCTAssertEqual(try snapshot(output), before)
        let note = content.appendingPathComponent("notes/2023/moscow-summit-reading.md")
        try (try String(contentsOf: note, encoding: .utf8) + "\nA later thought on [[Gaza]].\n").write(to: note, atomically: true, encoding: .utf8)
        let rebuilt = try SiteBuild.run(options, buildDate: "2026-11-23")
        XCTAssertFalse(rebuilt.upToDate)
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("notes/moscow-summit-reading.html"), encoding: .utf8)
            .contains("A later thought on"))
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            let url = folder.appendingPathComponent(path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}

/// The built pages are valid HTML: `tidy -e` (installed by scripts/setup) reports no errors.
final class HTMLValidityTests: XCTestCase {
    func testEveryPageOfTheSampleArchiveValidates() throws {
        let tidy = ["/usr/bin/tidy", "/usr/local/bin/tidy"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tidy else { throw XCTSkip("tidy is not installed; run scripts/setup") }
        let output = TestPaths.temporaryFolder().appendingPathComponent("Output")
        _ = try SiteBuild.run(SiteBuild.Options(content: TestPaths.content, templates: TestPaths.templates, output: output))
        var checked = 0
        for case let path as String in FileManager.default.enumerator(atPath: output.path)! where path.hasSuffix(".html") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tidy)
            process.arguments = ["-e", "-q", "--show-warnings", "no", output.appendingPathComponent(path).path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = pipe
            try process.run()
            let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertLessThan(process.terminationStatus, 2, "\(path): \(report)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 40)
    }
}
