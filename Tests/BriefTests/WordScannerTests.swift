import BriefIngest
import BriefModel
import Foundation
import XCTest
@testable import BriefMerge

/// The byte-level word scanner and sentence shape give what the scalar and `Character` code
/// they replaced gave, on real reports and on the non-ASCII corners. The old scanner is kept
/// here as the oracle (with `Set` lookups of the word lists, as it had).
final class WordScannerTests: XCTestCase {
    static let samples: [String] = SentenceSplitterTests.samples + [
        "Iran's sanctions, Iran’s cities; the boss's glasses. 6,000 troops, 2.5 percent, 1,2,3. Don't. It's 'quoted'.",
        "İstanbul ǅemal ẞtraße ΣΊΣΥΦΟΣ Ⱥ ﬁnances \u{301}e\u{301} naïve café’s CAFÉS. 1990s 12th O'Neill’s",
        "Monday's talks: May said. \r\nThe U.S.-led \"coalition\" — “said” — ‘no’… 👩‍👩‍👧 🇮🇷 \u{200D}x \u{00AD}y",
        "", "s", "'s", "a's", "ies", "cities's", "  leading and trailing  ", "９ ６ ²",
    ]

    enum OldScanner {
        static let stopHashes: Set<UInt64> = Set(Lexicon.stopWords.map(hash))
        static let calendarHashes: Set<UInt64> = Set(Lexicon.calendarWords.map(hash))

        static func words(_ text: String) -> [Word] {
            var out: [Word] = []
            out.reserveCapacity(text.utf8.count / 5)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(32)
            var inWord = false
            var numeric = true
            var capital = false
            var startsSentence = true
            var wordStartsSentence = true
            var pendingApostrophe = false

            func flush() {
                guard inWord else { return }
                inWord = false
                if !numeric { stem(&buffer) }
                if buffer.isEmpty { return }
                let h = fnv(buffer)
                let isStop = !numeric && (buffer.count < 3 || stopHashes.contains(h))
                let name = capital && !wordStartsSentence && !numeric && !calendarHashes.contains(h)
                out.append(Word(hash: h, isName: name, isNumber: numeric, isStop: isStop, length: buffer.count))
                buffer.removeAll(keepingCapacity: true)
            }

            let scalars = Array(text.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let s = scalars[i]
                let v = s.value
                if v >= 48 && v <= 57 {
                    if !inWord { begin(digit: true) }
                    if pendingApostrophe { pendingApostrophe = false }
                    buffer.append(UInt8(v))
                } else if (v >= 97 && v <= 122) || (v >= 65 && v <= 90) {
                    if !inWord { begin(digit: false); capital = v <= 90 }
                    if pendingApostrophe {
                        pendingApostrophe = false
                        // "Iran's" -> "iran": a possessive s is not part of the name.
                        let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                        if (v == 115 || v == 83) && !isLetter(next) { i += 1; continue }
                    }
                    numeric = false
                    buffer.append(UInt8(v | 0x20))
                } else if v > 127 && s.properties.isAlphabetic {
                    if !inWord { begin(digit: false); capital = s.properties.isUppercase }
                    pendingApostrophe = false
                    numeric = false
                    for b in String(s).lowercased().utf8 { buffer.append(b) }
                } else if inWord && (v == 39 || v == 0x2019) && !numeric {
                    pendingApostrophe = true
                } else if inWord && numeric && (v == 44 || v == 46) && i + 1 < scalars.count
                            && scalars[i + 1].value >= 48 && scalars[i + 1].value <= 57 {
                    // "6,000" and "2.5" stay one number.
                } else {
                    pendingApostrophe = false
                    flush()
                    if v == 46 || v == 33 || v == 63 || v == 10 || v == 58 { startsSentence = true }
                }
                i += 1
            }
            flush()
            return out

            func begin(digit: Bool) {
                inWord = true
                numeric = digit
                capital = false
                wordStartsSentence = startsSentence
                startsSentence = false
            }
        }

        private static func isLetter(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v > 127 && s.properties.isAlphabetic)
        }

        /// Plural folding only: "sanctions" and "sanction" should meet, anything heavier
        /// starts joining different words.
        static func stem(_ w: inout [UInt8]) {
            let n = w.count
            guard n > 4, w[n - 1] == 115 else { return }
            if w[n - 2] == 101 && w[n - 3] == 105 { w.removeLast(3); w.append(121); return } // ies -> y
            if w[n - 2] == 115 || w[n - 2] == 117 || w[n - 2] == 105 { return } // ss, us, is
            w.removeLast()
        }

        static func fnv<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
            var h: UInt64 = 0xcbf29ce484222325
            for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
            return h
        }

        static func hash(_ word: String) -> UInt64 {
            var bytes = Array(word.lowercased().utf8)
            stem(&bytes)
            return fnv(bytes)
        }
    }

    private func assertScansAsBefore(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let new = WordScanner.words(text), old = OldScanner.words(text)
        XCTAssertEqual(new.map(\.hash), old.map(\.hash), text.debugDescription, file: file, line: line)
        XCTAssertEqual(new.map(\.length), old.map(\.length), text.debugDescription, file: file, line: line)
        XCTAssertEqual(new.map { [$0.isName, $0.isNumber, $0.isStop] }, old.map { [$0.isName, $0.isNumber, $0.isStop] },
                       text.debugDescription, file: file, line: line)
        XCTAssertEqual(WordScanner.contentSet(text), Set(old.filter { !$0.isStop }.map(\.hash)).sorted(), file: file, line: line)
    }

    func testSamplesScanAsBefore() {
        for s in Self.samples { assertScansAsBefore(s) }
        for w in Lexicon.stopWords + Lexicon.calendarWords + ["Iranians", "cities", "IES", "İstanbuls", "glasses", "virus"] {
            XCTAssertEqual(WordScanner.hash(w), OldScanner.hash(w), w)
        }
        let words = WordScanner.words("Iran's navy seized the ships on Monday, Tehran said.")
        XCTAssertEqual(words.map(\.hash), ["iran", "navy", "seized", "the", "ship", "on", "monday", "tehran", "said"].map(OldScanner.hash))
        XCTAssertEqual(words.map(\.isName), [false, false, false, false, false, false, false, true, false])
    }

    /// Every sentence shape counted on bytes is the one counted on Characters.
    func testSentenceShapeAsCountedOnCharacters() {
        for s in Self.samples {
            XCTAssertEqual(SentenceShape(s), SentenceShape(characters: s), s.debugDescription)
            for sentence in SentenceSplitter.sentences(s) {
                XCTAssertEqual(SentenceShape(sentence), SentenceShape(characters: sentence), sentence.debugDescription)
            }
        }
        XCTAssertEqual(SentenceShape("“We will win this war, and we will win it soon,” he said."),
                       SentenceShape(words: 13, isQuoteOnly: true))
        XCTAssertEqual(SentenceShape("He  said \"no\" twice —  then left."), SentenceShape(words: 7, isQuoteOnly: false))
    }

    /// The byte count assumes each scalar it accepts is a Character of its own next to any other.
    func testScalarsCountedOnBytesAreCharactersOfTheirOwn() {
        var accepted: [Unicode.Scalar] = (0..<0x300).compactMap { $0 == 0x0D ? nil : Unicode.Scalar(UInt32($0)) }
        for b1 in UInt8(0x80)...0xBF { for b2 in UInt8(0x80)...0xBF where SentenceShape.isSinglePunctuation(b1, b2) {
            accepted.append(Unicode.Scalar(0x2000 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F))!)
        } }
        XCTAssertGreaterThan(accepted.count, 800)
        for s in accepted {
            for pair in ["a\(s)", "\(s)a", "\(s)\(s)"] {
                XCTAssertEqual(pair.count, 2, "U+\(String(s.value, radix: 16))")
            }
            XCTAssertEqual(SentenceShape("x \(s) y\(s)"), SentenceShape(characters: "x \(s) y\(s)"), "U+\(String(s.value, radix: 16))")
        }
    }

    /// Every paragraph and sentence of every ECB+ report, through the real ingest.
    func testRealReportsScanAsBefore() throws {
        let folder = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 500)
        for name in names {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            for article in Ingest.articles(from: RawArticle(path: "articles/\(name)", bytes: bytes)).articles {
                if let title = article.title { assertScansAsBefore(title) }
                for p in article.paragraphs {
                    assertScansAsBefore(p)
                    for s in SentenceSplitter.sentences(p) { XCTAssertEqual(SentenceShape(s), SentenceShape(characters: s), s) }
                }
            }
        }
    }
}
