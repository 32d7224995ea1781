import XCTest
@testable import BriefMerge

/// Counting spaces eight bytes at a time counts what a byte loop counts.
final class LeadChoiceTests: XCTestCase {
    func testSpacesCountedByWordsAsByBytes() {
        var texts = WordScannerTests.samples
        var rng = SystemRandomNumberGenerator()
        for n in 0..<200 {
            texts.append(String((0..<n).map { _ in " a\u{A0}é\u{2009}!\u{20}".randomElement(using: &rng)! }))
        }
        for t in texts { XCTAssertEqual(LeadChoice.spaces(in: t), t.utf8.filter { $0 == 32 }.count, t.debugDescription) }
        XCTAssertEqual(LeadChoice.spaces(in: "one two  three   four, five six seven"), 9)
    }
}
