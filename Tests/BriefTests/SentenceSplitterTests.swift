import BriefIngest
import BriefModel
import Foundation
import XCTest
@testable import BriefMerge

/// The byte-level sentence splitter gives what the `Character` code it replaced gave, on the
/// paragraphs of real reports and on the non-ASCII corners. The old code is kept here as the oracle.
final class SentenceSplitterTests: XCTestCase {
    static let samples: [String] = [
        "", " ", "One.", "Mr. Smith went to Washington. He met Dr. Jones at 9 a.m. Then he left.",
        "George W. Bush spoke. “We will win,” he said. ‘Maybe,’ she replied. (Later.) [Note.] Done!",
        "Is it? Yes! It is… The end… and more", "Prices rose 2.5 percent. 2010 was worse. \"Quote.\" Next.",
        "U.S. troops left. The U.N. met. E.g. this. José. Ångström arrived. Été came. Über alles.",
        "He said.\u{301} Next one. Cafe\u{301}. Then. a.\u{301} B. x. \u{301}Y. Z", "Tab.\tNot split. Newline.\nStill one.",
        "Ends with spaces.   ", "   Leading spaces. Then", "Emoji 👩‍👩‍👧. Flag 🇮🇷. Done.", "Σ. Αθήνα. Москва. Done.",
        "It rained.” Then it stopped.’ Then again.) Then. ] Then.", "Sept. 11 came. Jan. 5. No. 10 Downing St. Rep. Sen. Gov.",
        "a. b. c. D. e.", "Wait. . . What?", "“Stop.” “Go.” ‘Now.’ (Here.)", "Ends with a combining dot .\u{301}",
        "Number 5. 6 people. ６ more. Ⅻ roman. ²square.", "İstanbul. ǅ digraph. ﬁne. Ǆ.",
    ]

    static func oldSentences(_ paragraph: String) -> [String] {
        let abbreviations: Set<String> = [
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "vs", "no",
            "inc", "corp", "co", "ltd", "gov", "sen", "rep", "rev", "jan", "feb", "mar", "apr", "jun", "jul",
            "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
        ]
        let chars = Array(paragraph)
        func isAbbreviation(_ dot: Int) -> Bool {
            var j = dot
            while j > 0, chars[j - 1].isLetter || chars[j - 1] == "." { j -= 1 }
            let word = String(chars[j..<dot]).lowercased()
            return word.count == 1 || abbreviations.contains(word)
        }
        func trimmed(_ slice: ArraySlice<Character>) -> String {
            var sub = Substring(String(slice))
            while let f = sub.first, " \t\n".contains(f) { sub.removeFirst() }
            while let l = sub.last, " \t\n".contains(l) { sub.removeLast() }
            return String(sub)
        }
        var out: [String] = []
        var start = 0, i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < chars.count, "\"'”’)]".contains(chars[end]) { end += 1 }
                var next = end
                while next < chars.count, chars[next] == " " { next += 1 }
                let starts = next < chars.count && (chars[next].isUppercase || chars[next].isNumber || "\"“'‘(".contains(chars[next]))
                if next > end, starts, !(c == "." && isAbbreviation(i)) {
                    let s = trimmed(chars[start..<end])
                    if !s.isEmpty { out.append(s) }
                    start = next; i = next
                    continue
                }
            }
            i += 1
        }
        let s = trimmed(chars[start...])
        if !s.isEmpty { out.append(s) }
        return out
    }

    func testSamplesSplitAsBefore() {
        for s in Self.samples {
            XCTAssertEqual(SentenceSplitter.sentences(s), Self.oldSentences(s), "\(s.debugDescription)")
            // Each mark at every place in the eight bytes the splitter looks for marks in at once.
            for k in 1...8 {
                let t = "Word" + String(repeating: "x", count: k) + ". " + s
                XCTAssertEqual(SentenceSplitter.sentences(t), Self.oldSentences(t), "\(t.debugDescription)")
            }
        }
        XCTAssertEqual(SentenceSplitter.sentences("Mr. Smith went to Washington. He met Dr. Jones at 9 a.m. Then he left."),
                       ["Mr. Smith went to Washington.", "He met Dr. Jones at 9 a.m. Then he left."])
        XCTAssertEqual(SentenceSplitter.sentences("“Stop.” “Go.” ‘Now.’ (Here.)"), ["“Stop.”", "“Go.”", "‘Now.’", "(Here.)"])
    }

    /// Every paragraph of every ECB+ report, through the real ingest.
    func testRealReportsSplitAsBefore() throws {
        let folder = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 500)
        var paragraphs = 0, sentences = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            for article in Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: bytes)).articles {
                for p in article.paragraphs {
                    let new = SentenceSplitter.sentences(p)
                    XCTAssertEqual(new, Self.oldSentences(p), "\(name): \(p)")
                    paragraphs += 1; sentences += new.count
                }
            }
        }
        XCTAssertGreaterThan(sentences, paragraphs) // most paragraphs hold more than one sentence
    }
    /// A brief's sentences point into their paragraphs: each gives the text the splitter gives
    /// and the content words, shape and final colon of that text, on every ECB+ report.
    func testRealReportsSourceSentencesAsSplitAndScanned() throws {
        let folder = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 500)
        var colons = 0
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            for article in Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: bytes)).articles {
                let source = SourceSentences(article)
                XCTAssertEqual(source.paragraphs.count, article.paragraphs.count)
                for (p, sentences) in zip(article.paragraphs, source.paragraphs) {
                    XCTAssertEqual(sentences.map { source.text(of: $0) }, SentenceSplitter.sentences(p), name)
                    XCTAssertEqual(sentences.map { Array(source.words(of: $0)) }, SentenceSplitter.sentences(p).map { WordScanner.contentSet($0) }, name)
                    for s in sentences {
                        let text = source.text(of: s)
                        XCTAssertEqual(source.shape(of: s), SentenceShape(text), text)
                        XCTAssertEqual(source.endsWithColon(s), text.hasSuffix(":"), text)
                        if text.hasSuffix(":") { colons += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(colons, 0) // the colon test meets sentences it is true of
    }
}
