import BriefModel
import Foundation
import XCTest
@testable import BriefIngest

/// The byte-level scans of ingest give what the `Character` and Unicode-property code they
/// replaced gave, on ASCII and on the non-ASCII of real pages. The old code is kept here as the oracle.
final class IngestScalarTextTests: XCTestCase {
    /// Lines with accents, no-break and other spaces, dashes, curly quotes, CJK, combining marks,
    /// a Prepend mark, emoji sequences, the Kelvin sign, CRLF, ZWSP and BOM, and listed boilerplate.
    static let samples: [String] = [
        "", " ", "\u{00A0}", "plain ascii line", "  Share  ", "Share:", "Share this article …", "Read more »",
        "Related: more news", "Latest from Iran Press", "5 min read", "Reading time: 4 minutes",
        "  Tags :  Iran, Russia", "Copyright © 2023 Tehran Times", "© Copyright Mehr", "Don’t miss",
        "Don’t miss:", "Café Müller – São Paulo’s “best” señor", "Crème brûlée\u{00A0}\u{00A0}on 7 décembre 2023.",
        "Über 12.\u{00A0}Dezember\u{2003}2023 — the day", "“We will meet on Monday,” he said.",
        "He said: ‘Not yet’ — on Dec. 8, 2023 at 10:00", "東京 2023年12月8日 on December 8, 2023 報道",
        "Москва, 8 декабря 2023 — Moscow, December 8, 2023 -", "e\u{301}te\u{301} on Monday", "Cafe\u{301} ",
        "2023-12-08\u{301} then 2023-12-08", "8th\u{301} of May 2023", "Dec\u{301} 8, 2023", "- \u{301}word another",
        "\u{0600} 12 May 2023", "word \u{0600}.", "flag 🇮🇷 on 🇷🇺 Monday 👩‍👩‍👧 yesterday", "\u{212A}elvin 8th May 2023",
        "line\r\nwith crlf 2023-12-08", "zero\u{200B}width\u{FEFF}space", "tab\tand\u{000B}vt\u{000C}ff",
        "ends with marks…»>-.:", "x » » ", "İSTANBUL: Ankara", "ΣΊΣΥΦΟΣ day", "ﬁnal oﬃce 15th, 2008",
        "CLEVELAND, Feb 26 - Something happened", "Tuesday 19 March 2024 - 22:33",
        "December 15th, 2008, 7:35 am", "26-FEB-1987 15:01:01.79", "UPDATED 05/03/2013 at 11:00 AM EDT",
        String(repeating: "long words ", count: 30) + "…", "３ min read", "12\u{00A0}min read", "03 minutes read",
        String(repeating: "x", count: 200) + " min read", "0000000000000000000000000000000000000000000000005 min read",
        "Also read: “Iran” and Russia " + String(repeating: "é", count: 120),
    ]

    // MARK: the old code

    static func oldTrim(_ s: some StringProtocol) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    static func oldNormalise(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in line.unicodeScalars {
            if s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}" { pendingSpace = !out.isEmpty; continue }
            if s.value < 32 || s.value == 127 { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    static func oldLines(_ text: String) -> [(String, Int)] {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        return raw.enumerated().map { (oldNormalise($1), $0 + 1) }.filter { !$0.0.isEmpty }
    }

    static func oldKey(_ line: String) -> String {
        var k = oldTrim(line.lowercased())
        while let last = k.last, last == ":" || last == "." || last == "…" || last == "-" || last == "»" || last == ">" {
            k.removeLast()
            k = oldTrim(k)
        }
        return k
    }

    static func oldTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        func offset(_ i: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: i) }
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isNumber, c.isASCII {
                var j = i
                var value = 0
                var count = 0
                while j < text.endIndex, text[j].isASCII, let v = text[j].wholeNumberValue {
                    if count < 9 { value = value * 10 + v }
                    count += 1
                    j = text.index(after: j)
                }
                var k = j
                if ["st", "nd", "rd", "th"].contains(text[j...].prefix(2).lowercased()) {
                    k = text.index(j, offsetBy: 2)
                    if k < text.endIndex, text[k].isLetter { k = j }
                }
                tokens.append("n\(value)/\(count)@\(offset(i))..<\(offset(k))")
                i = k
            } else if c.isLetter {
                var j = i
                while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
                tokens.append("w\(text[i..<j].lowercased())@\(offset(i))..<\(offset(j))")
                i = j
            } else if c.isWhitespace {
                i = text.index(after: i)
            } else {
                let j = text.index(after: i)
                tokens.append("s\(c)@\(offset(i))..<\(offset(j))")
                i = j
            }
        }
        return tokens
    }

    static func describe(_ tokens: [DateToken], in text: String) -> [String] {
        tokens.map { t in
            let at = "@\(t.range.lowerBound)..<\(t.range.upperBound)"
            if let n = t.number { return "n\(n)/\(t.digits)" + at }
            if t.word != nil { return "w\(DateToken.slice(text, t.range).lowercased())" + at }
            return "s\(DateToken.slice(text, t.range))" + at
        }
    }

    // MARK: the same answers

    func testTrimmingMatchesScalarProperties() {
        for s in Self.samples + ["\u{3000}全角\u{3000}", "\u{2028}x\u{2029}", "\u{0085}y\u{00A0}", " \u{301} "] {
            XCTAssertEqual(s.trimmingSpaces(), Self.oldTrim(s), s.debugDescription)
            let sub = s.dropFirst()
            XCTAssertEqual(sub.trimmingSpaces(), Self.oldTrim(sub), s.debugDescription)
        }
    }

    func testNormaliseAndLinesMatchCharacterSplitting() {
        for s in Self.samples { XCTAssertEqual(Lines.normalise(Substring(s)), Self.oldNormalise(Substring(s)), s.debugDescription) }
        let text = Self.samples.joined(separator: "\n") + "\r\nlast\r\n\n\u{00A0}\nend\r"
        let new = Lines.paragraphs(text, joinBlocks: false)
        let old = Self.oldLines(text)
        XCTAssertEqual(new.map(\.text), old.map(\.0))
        XCTAssertEqual(new.map(\.number), old.map(\.1))
    }

    func testWordCountMatchesSplit() {
        for s in Self.samples + ["a  b", " a b ", "a \u{301}b", "\u{0600} b c"] {
            XCTAssertEqual(ScalarText.wordCount(s), s.split(separator: " ").count, s.debugDescription)
        }
    }

    func testSimpleTextIsOneScalarPerCharacter() {
        for s in Self.samples where ScalarText.isSimple(s) {
            XCTAssertEqual(s.count, s.unicodeScalars.count, s.debugDescription)
        }
        XCTAssertTrue(ScalarText.isSimple("Café “quoted” — en–dash\u{00A0}£5 東京 Москва ½ ®"))
        XCTAssertFalse(ScalarText.isSimple("e\u{301}"))
        XCTAssertFalse(ScalarText.isSimple("\u{212A}"))
        XCTAssertFalse(ScalarText.isSimple("a\r\nb"))
        XCTAssertFalse(ScalarText.isSimple("👩‍👧"))
    }

    func testDateTokensMatchCharacterScan() {
        for s in Self.samples {
            XCTAssertEqual(Self.describe(DateToken.scan(s), in: s), Self.oldTokens(s), s.debugDescription)
            XCTAssertEqual(DatePhrase.first(in: s)?.text, DatePhrase.first(in: s + " ")?.text, s.debugDescription)
        }
    }

    func testDateWordsAreTheLowercasedWords() {
        let names = Array(DateWord.names.keys)
        let words = Self.samples + names + names.map { $0.uppercased() } + names.map { $0.capitalized + "s" }
            + ["Sept.", "MAYDAY", "tue", "T10:00", "ON", "wednesdays", "\u{212A}", "wee\u{212A}", "İ"]
            // Words that pass the length-and-initial test and must miss in the vocabulary's table.
            + ["of", "and", "said", "mar", "Mon", "jane", "Dean", "sent", "oct", "yes", "tonights", "ago", "to", "o"]
        for s in words {
            for token in DateToken.scan(s) where token.word != nil {
                let lowercased = DateToken.slice(s, token.range).lowercased()
                XCTAssertEqual(token.word, DateWord.names[lowercased] ?? .other, "\(s.debugDescription): \(lowercased)")
                XCTAssertEqual(token.month, DateWord.names[lowercased]?.monthNumber, s.debugDescription)
            }
        }
        XCTAssertEqual(DateToken.scan("Last WEEK on 8 Sept").map(\.word), [.last, .week, .on, nil, .monthName(9)])
        XCTAssertEqual(DateToken.scan("WEE\u{212A}").map(\.word), [.week])   // not simple: the Character scan
        XCTAssertEqual(DateWord.names.count, 24 + 7 + 11)   // "may" is its own abbreviation; "sept" too
    }

    func testLowercasedMatchesStandardLibrary() {
        for s in Self.samples + ["İSTANBUL Σ ΣΑΣ Ǆ ǅ ß ẞ \u{212A} Å ﬁ", "ＡＢＣ", "ΌΣΟΣ"] {
            XCTAssertEqual(ScalarText.withBytes(s) { ScalarText.lowercased($0) }, s.lowercased(), s.debugDescription)
        }
    }

    func testRepeatedLinesDropLikeStringKeyedTable() {
        func old(_ lines: [Line], title: String?) -> [Line] {
            var seen: [String: (last: Int, count: Int)] = [:]
            for (i, l) in lines.enumerated() { seen[l.text, default: (i, 0)].last = i; seen[l.text]!.count += 1 }
            return lines.enumerated().compactMap { i, l in
                if l.text == title { return nil }
                let body = TextReader.isBodyParagraph(l)
                if seen[l.text]!.last != i && body { return nil }
                if !body && seen[l.text]!.count > 1 { return nil }
                return l
            }
        }
        let long = "The committee said on Monday that it would publish the full report next week, officials said."
        let texts = [long, "Photo: Reuters", long, "Café “quoted”", "Photo: Reuters", "Cafe\u{301} “quoted”",
                     "Café “quoted”", "Title", String(repeating: "x", count: 70) + " a", String(repeating: "x", count: 70) + " b"]
        for variant in [texts, texts.filter { !$0.contains("\u{301}") }, Self.samples + Self.samples] {
            let lines = variant.enumerated().map { Line(text: $1, number: $0 + 1) }
            for title in [nil, "Title", long] {
                XCTAssertEqual(TextReader.dropRepeats(lines, title: title), old(lines, title: title))
            }
        }
    }

    /// Lines count their words while normalising: the counts are those of the text they hold.
    func testLineWordCountsMatchTheirText() {
        let text = Self.samples.joined(separator: "\n") + "\n\n" + Self.samples.joined(separator: "\n\n")
        for join in [false, true] {
            let lines = Lines.paragraphs(text, joinBlocks: join)
            XCTAssertFalse(lines.isEmpty)
            for line in lines { XCTAssertEqual(line.simpleWords, ScalarText.simpleWordCount(line.text), line.text.debugDescription) }
        }
        for s in Self.samples {
            let line = Lines.line(Substring(s), number: 1)
            XCTAssertEqual(line.simpleWords, ScalarText.simpleWordCount(line.text), s.debugDescription)
        }
        var line = Lines.line("two words", number: 1)
        XCTAssertEqual(line.simpleWords, 2)
        line.text = "Cafe\u{301} here"
        XCTAssertNil(line.simpleWords)
        XCTAssertEqual(line.words, 2)
    }

    /// The reading-time key is split only when its first word can read as an Int.
    func testReadingTimeKeys() {
        for k in ["5 min read", "12 minutes read", "+3 mins read", "-1 minute read", "reading time: 4 minutes", "reading time"] {
            XCTAssertTrue(Boilerplate.isReadingTime(k), k)
        }
        for k in ["five min read", "5 min", "5 min read now", "x5 min read", "5x min read", "5 hours read", "", "min read 5"] {
            XCTAssertFalse(Boilerplate.isReadingTime(k), k)
        }
    }

    func testOutletReadingMatchesCharacterCode() {
        func oldDatelineRest(_ paragraph: String) -> Bool { Outlet.dateline(paragraph).map { $0.rest.count > 20 } ?? true }
        for s in Self.samples + ["CLEVELAND, Feb 26 (Reuters) - Something happened in the city on Tuesday",
                                 "Tehran: Iran says it will talk", "Tehran: Iran says it will talk to everyone soon",
                                 "MOSCOW(IP)- " + String(repeating: "é", count: 30), "Paris:" + String(repeating: "x\u{301}", count: 21)] {
            XCTAssertTrue(oldDatelineRest(s), s.debugDescription)
        }
        // The ASCII byte head answers as the Character head does.
        for s in Self.samples + ["CLEVELAND, Feb 26 (Reuters) - Something happened in the city on Tuesday",
                                 "Moscow(IP)- Iranian and Russian officials met in the capital on Monday",
                                 "NEW DELHI, March 3 (IANS) — The government said on Friday it would act",
                                 "Tehran: Iran says it will talk to everyone soon", "New Delhi: India and Iran signed a deal",
                                 "Iran Press Europe said on Monday - that the talks would go on for a week",
                                 "BEIRUT – Lebanese officials said the border had been quiet for two days now",
                                 "Washington D.C. (AP) - The Senate voted on Tuesday to pass the spending bill"] {
            let byBytes = Outlet.dateline(s)
            let byCharacters = Outlet.dateline(s, head: Array(s.prefix(80)))
            XCTAssertEqual(byBytes?.place, byCharacters?.place, s.debugDescription)
            XCTAssertEqual(byBytes?.agency, byCharacters?.agency, s.debugDescription)
            XCTAssertEqual(byBytes?.rest, byCharacters?.rest, s.debugDescription)
        }
        XCTAssertEqual(Outlet.dateline("Moscow(IP)- Iranian and Russian officials met in the capital on Monday")?.agency, "IP")
        XCTAssertEqual(Outlet.dateline("NEW DELHI, March 3 (IANS) - The government said on Friday it would act")?.place, "New Delhi")
        XCTAssertEqual(Outlet.dateline("Tehran: Iran says it will talk to everyone soon")?.place, "Tehran")
        XCTAssertNil(Outlet.dateline("Tehran: Iran will talk soon"))   // 19 characters after the colon
        XCTAssertNil(Outlet.dateline("Paris: " + String(repeating: "e\u{301}", count: 20)))   // 20 characters after the colon
        XCTAssertEqual(Outlet.dateline("Paris: " + String(repeating: "e\u{301}", count: 21))?.place, "Paris")
        for line in ["Source: Iran Daily", "SOURCE : Mehr News", "Sources: Tehran Times", "Sourced: x", "Source", "source:",
                     "Source:\u{301} Iran Daily", "S\u{301}ource: Iran Daily", "Source: iran daily"] {
            let lower = line.lowercased()
            let old = (lower.hasPrefix("source:") || lower.hasPrefix("source :") || lower.hasPrefix("sources:"))
                ? Outlet.capitalisedName(String(line[line.index(after: line.firstIndex(of: ":")!)...]).trimmingSpaces()) : nil
            XCTAssertEqual(Outlet.sourceLine(line), old, line.debugDescription)
        }
    }

    func testLeadingDateFindsTheDateWhereFoundationDoes() {
        for s in Self.samples + ["Published on December 8, 2023 by staff", "date 2023-12-08 Tehran: talks", "Tuesday 19 March 2024 - 22:33"] {
            guard let (match, range) = TextReader.leadingDate(s) else { continue }
            XCTAssertEqual(range, s.range(of: match.text), s.debugDescription)
        }
        XCTAssertEqual(TextReader.leadingDate("Published on December 8, 2023 by staff")?.0.text, "December 8, 2023")
    }

    func testBoilerplateMatchesLowercasedKeys() {
        func oldIsNoise(_ s: String) -> Bool {
            let k = Self.oldKey(s)
            return k.isEmpty || Boilerplate.noise.contains(k) || Boilerplate.isReadingTime(k)
                || Boilerplate.noisePrefixes.contains { k.hasPrefix($0) }
        }
        func oldIsTailMarker(_ s: String) -> Bool {
            let lower = Self.oldTrim(s.lowercased())
            return Boilerplate.tailMarkers.contains(Self.oldKey(s)) || Boilerplate.tailPrefixes.contains { lower.hasPrefix($0) }
        }
        let listed = Array(Boilerplate.noise) + Array(Boilerplate.tailMarkers) + Boilerplate.noisePrefixes + Boilerplate.tailPrefixes
        let lines = Self.samples + listed.flatMap { [$0, $0.uppercased() + " :", "\u{00A0}" + $0 + " …", $0 + "\u{301}", $0 + " x"] }
        for s in lines {
            XCTAssertEqual(Boilerplate.isNoise(s), oldIsNoise(s), s.debugDescription)
            XCTAssertEqual(Boilerplate.isTailMarker(s), oldIsTailMarker(s), s.debugDescription)
            XCTAssertEqual(Boilerplate.LineKey(s).flatMap(\.full) ?? Self.oldKey(s), Self.oldKey(s), s.debugDescription)
        }
        XCTAssertTrue(Boilerplate.isNoise("3 min read"))
        XCTAssertFalse(Boilerplate.isNoise(String(repeating: "x", count: 200) + " min read"))
        XCTAssertTrue(Boilerplate.isNoise("0000000000000000000000000000000000000000000000005 min read"))
        XCTAssertTrue(Boilerplate.isNoise("Also read: “Iran” and Russia " + String(repeating: "é", count: 120)))
        XCTAssertTrue(Boilerplate.isNoise("Share ......................................................................"))
        XCTAssertTrue(Boilerplate.isTailMarker("Don’t miss »"))
        XCTAssertFalse(Boilerplate.isTailMarker("Don\u{301}t miss"))
    }

    func testFormatHeadMatchesCharacterPrefix() {
        for s in Self.samples + [String(repeating: "A“", count: 400), "<HTML>" + String(repeating: "\r\n", count: 300),
                                String(repeating: "é", count: 512) + "\u{301}", String(repeating: "x", count: 511) + "e\u{301}"] {
            XCTAssertEqual(ArticleFormat.lowercasedHead(s), Self.oldTrim(s.prefix(512).lowercased()), s.debugDescription)
        }
        let crlf = String(repeating: "x\r\n", count: 200) + "<html>"
        XCTAssertEqual(ArticleFormat.lowercasedHead(crlf), Self.oldTrim(crlf.prefix(512).lowercased()))
    }

    func testSearchesMatchFoundation() {
        for s in Self.samples {
            for needle in ["2023-12-08", "December 8, 2023", "Monday", " will ", "reports ", " : ", "May 2023"] {
                let foundation = s.range(of: needle).map { s.utf8.distance(from: s.startIndex, to: $0.lowerBound) }
                XCTAssertEqual(ScalarText.firstOffset(of: needle, in: s, simple: ScalarText.isSimple(s)), foundation, s.debugDescription)
                XCTAssertEqual(ScalarText.contains(needle, in: s), s.range(of: needle) != nil, s.debugDescription)
            }
        }
    }

    func testSentenceAroundMatchesCharacterWalk() {
        let text = "Café “opens” today. The show – on Friday! Will it? Yes."
        for token in DateToken.scan(text) {
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: token.range.lowerBound)
            let old = EventDate.sentence(around: from..<utf8.index(from, offsetBy: token.range.count), in: text)
            XCTAssertEqual(EventDate.sentence(around: token.range, in: text, simple: true), old)
        }
    }

    func testFutureMarkersAreFoundWhateverTheirCase() {
        XCTAssertTrue(EventDate.isFuture("The show OPENS to the public on Friday"[...]))
        XCTAssertTrue(EventDate.isFuture("it will"[...]))
        XCTAssertFalse(EventDate.isFuture("willowy opensesame"[...]))
    }

    func testBinaryTestCountsTheControlsTheOldLoopCounted() {
        func isBinary(_ bytes: [UInt8]) -> Bool {
            if case .binary = TextDecoding.decode(bytes) { return true }
            return false
        }
        // Over one in 20 bytes a counted control is binary; tab, LF, FF, CR and bytes from 32 up never count.
        for control: UInt8 in [1, 8, 11, 14, 27, 31] {
            let text = Array(String(repeating: "abcdefghijklmnopqrs", count: 20).utf8)
            XCTAssertFalse(isBinary(text.enumerated().map { $0.offset % 20 == 0 ? control : $0.element }), "\(control)")
            XCTAssertTrue(isBinary(text.enumerated().map { $0.offset % 19 == 0 ? control : $0.element }), "\(control)")
        }
        for free: UInt8 in [9, 10, 12, 13, 32, 127] {
            XCTAssertFalse(isBinary([UInt8](repeating: free, count: 100) + Array("x".utf8)), "\(free)")
        }
        XCTAssertFalse(isBinary(Array("Caf\u{E9} \u{1F600} \r\n".utf8)))
    }
}
