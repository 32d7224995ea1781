import XCTest
import BriefModel
import BriefRender
@testable import BriefSite

final class OutputPathTests: XCTestCase {
    /// A page path stays inside Output: relative, no `.` or `..` part; names with dots are fine.
    func testPagePathsThatLeaveOutputAreRefused() {
        for path in ["briefs/a.html", "briefs/...html", "entities/..x.html", "a/.../b", ".gitkeep", "search/a..b.json", "x/.hidden"] {
            XCTAssertTrue(OutputFolder.isSafe(path), path)
        }
        for path in ["", "/etc/passwd", "..", ".", "../x", "./x", "briefs/../../x", "briefs/./x", "briefs/..", "briefs/.", "a//..//b"] {
            XCTAssertFalse(OutputFolder.isSafe(path), path)
        }
    }

    /// The stamp the staging tree notes for each file it places (written, linked from Output,
    /// or kept) is the stamp of that file in Output after the swap: the next build trusts it to
    /// keep pages (`KeptPages.records`). Pages of real text: two seed articles' bytes.
    func testPlacedStampsAreOutputsFilesAfterTheSwap() throws {
        let dir = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = OutputFolder(dir.appendingPathComponent("Output"))
        let first = try [UInt8](Data(contentsOf: TestPaths.seed("000"))), second = try [UInt8](Data(contentsOf: TestPaths.seed("001")))
        func assertStampsAreOutputs(_ staging: StagingTree, _ paths: [String], line: UInt = #line) {
            let stamps = staging.stamps
            XCTAssertEqual(Set(stamps.keys), Set(paths), line: line)
            for path in paths {
                XCTAssertEqual(stamps[path], FileBytes.Stamp(output.url.path + "/" + path), path, line: line)
            }
        }

        // No Output yet: every page written into a fresh folder.
        let fresh = try output.stage()
        try fresh.write([Page(path: "briefs/a.html", bytes: first), Page(path: "c.html", bytes: second)])
        _ = try output.replace(fresh, assets: nil)
        assertStampsAreOutputs(fresh, ["briefs/a.html", "c.html", ".gitkeep"])
        let before = fresh.stamps

        // Output there, no spare yet: one page unchanged (linked from Output), one changed (written).
        let beside = try output.stage()
        XCTAssertFalse(beside.isSpare)
        try beside.write([Page(path: "briefs/a.html", bytes: first), Page(path: "c.html", bytes: first), Page(path: ".gitkeep", bytes: [])])
        _ = try output.replace(beside, assets: nil)
        assertStampsAreOutputs(beside, ["briefs/a.html", "c.html", ".gitkeep"])
        XCTAssertEqual(beside.stamps["briefs/a.html"], before["briefs/a.html"], "the same file, linked")
        XCTAssertNotEqual(beside.stamps["c.html"], before["c.html"], "new bytes, a new file")

        // Over the spare tree (the first site), with a stale file where a page goes, and a kept page.
        try Data("stale".utf8).write(to: dir.appendingPathComponent(".brief-cache/Output/previous-output/c.html"))
        let spare = try output.stage()
        XCTAssertTrue(spare.isSpare)
        try spare.write([Page(path: "briefs/a.html", bytes: second), Page(path: "c.html", bytes: first)])
        XCTAssertTrue(spare.keep([".gitkeep"]))
        _ = try output.replace(spare, assets: nil)
        assertStampsAreOutputs(spare, ["briefs/a.html", "c.html", ".gitkeep"])
        XCTAssertEqual(spare.stamps["c.html"], beside.stamps["c.html"], "the same file, linked over the stale one")
        XCTAssertEqual(spare.stamps[".gitkeep"], beside.stamps[".gitkeep"], "kept")
        XCTAssertEqual(try Data(contentsOf: output.url.appendingPathComponent("briefs/a.html")), Data(second))
    }

    /// The keys made while reading Content are each article's `BuildMemo.key`, in order (the
    /// fingerprint and ingest's cache use them instead of hashing the articles again).
    func testArticleKeysAreTheArticlesKeys() throws {
        let content = try ContentFolder.read(TestPaths.content)
        XCTAssertFalse(content.articles.isEmpty)
        XCTAssertEqual(content.articleKeys, content.articles.map { BuildMemo.key(of: $0) })
        var changed = content
        changed.articles.removeLast()
        XCTAssertTrue(changed.articleKeys.isEmpty, "keys of other articles are not kept")
        XCTAssertEqual(content.keys, content.articleKeys)
        XCTAssertEqual(changed.keys, changed.articles.map { BuildMemo.key(of: $0) }, "made again for the articles now there")
    }

    /// A forced build reads the last build (its ids, by way of the cache) on a thread of its own
    /// while it reads Content: the same ids as read in line, and as archive.json says.
    func testTheLastBuildReadAheadIsTheLastBuild() throws {
        let dir = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        let options = SiteBuild.Options(content: TestPaths.content, templates: TestPaths.templates, output: output)
        _ = try SiteBuild.run(options, buildDate: "2025-01-01")
        let inLine = LastBuild.read(output, results: false).briefIDs
        XCTAssertFalse(inLine.isEmpty)
        XCTAssertEqual(Pending { LastBuild.read(output, results: false) }.take().briefIDs, inLine)
        XCTAssertEqual(PreviousBuild.briefIDs(archiveJSON: try [UInt8](Data(contentsOf: output.appendingPathComponent("archive.json")))), inLine)
        let forced = try SiteBuild.run(options, buildDate: "2025-01-01", force: true)
        XCTAssertEqual(forced.filesChanged, 0, "the same site: ids kept")
    }

    /// A fresh staging tree is not pruned, so it must start empty: whatever a killed build left
    /// at its name (a stray file, a link out of it) is gone, and only the pages are swapped in.
    func testAFreshTreeHoldsOnlyThePages() throws {
        let dir = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = dir.appendingPathComponent(".Output.new-1-2")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("briefs"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: root.appendingPathComponent("briefs/stray.html"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: dir.path)
        let staging = try StagingTree(root: root, current: dir.appendingPathComponent("Output"), isSpare: false)
        let page = try [UInt8](Data(contentsOf: TestPaths.seed("000")))
        try staging.write([Page(path: "briefs/a.html", bytes: page), Page(path: "briefs/a.html", bytes: page)])
        try staging.finish(assets: nil)
        let files = FileManager.default.enumerator(atPath: root.path)!.allObjects as! [String]
        XCTAssertEqual(Set(files), ["briefs", "briefs/a.html", ".gitkeep"])
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("briefs/a.html")), Data(page))
    }
}
