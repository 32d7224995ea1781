import XCTest
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

    /// The keys made while reading Content are each article's `BuildMemo.key`, in order (the
    /// fingerprint and ingest's cache use them instead of hashing the articles again).
    func testArticleKeysAreTheArticlesKeys() throws {
        let content = try ContentFolder.read(TestPaths.content)
        XCTAssertFalse(content.articles.isEmpty)
        XCTAssertEqual(content.articleKeys, content.articles.map { BuildMemo.key(of: $0) })
        var changed = content
        changed.articles.removeLast()
        XCTAssertTrue(changed.articleKeys.isEmpty, "keys of other articles are not kept")
    }
}
