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
}
