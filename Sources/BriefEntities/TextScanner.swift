import BriefModel

/// One word or punctuation mark of a paragraph, with what name finding needs to know about it.
struct Token {
    enum Kind { case word, number, punct }
    var kind: Kind
    /// The word as written, dots of "U.S." and a possessive "'s" removed.
    var text: String
    var lower: String
    /// `WordHash.of(lower)`, made while lowering: the word lists and counts look words up by it.
    var lowerHash = WordHash.basis
    /// UTF-8 offsets in the paragraph.
    var start: Int
    var end: Int
    /// Unicode scalars from `start` to `end`: how long the word is as written.
    var length = 1
    var capitalized = false
    /// Two or more letters, all uppercase ("IRNA", "U.S.").
    var allCaps = false
    /// First word of a sentence, a line or a headline: its capital says nothing.
    var sentenceStart = false
    var possessive = false
    /// A single capital letter followed by a dot ("J." in "William J. Bratton").
    var initial = false
    var scalar: Unicode.Scalar = " "
}

/// Splits a paragraph into tokens by walking its UTF-8 bytes once; no regular expressions and
/// no array of scalars, because this runs over every word of the archive twice. ASCII bytes are
/// classified directly; only other scalars are decoded and asked for their Unicode properties.
enum TextScanner {
    /// Words after which a dot does not end the sentence.
    static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "jr", "sr",
        "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec",
        "prof", "rev", "mt", "ave", "fig", "est", "approx", "dept", "univ", "pres", "adm", "cmdr",
    ]

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        return s.properties.isAlphabetic
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return s.properties.isUppercase
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

    static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens($0) }
    }

    static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 6)
        let n = bytes.count
        /// The scalar starting at byte `p` (< n) and how many bytes it takes.
        func scalar(_ p: Int) -> (Unicode.Scalar, Int) { UTF8Scalar.decode(bytes, at: p) }
        /// Whether a letter starts at byte `p` (false at the end).
        func letterAt(_ p: Int) -> Bool { p < n && isLetter(scalar(p).0) }
        var i = 0
        var sentenceStart = true
        // A word's bytes when they differ from the paragraph's (apostrophes as "'", dots of "U.S."
        // left out), and lowered, reused from word to word.
        var word: [UInt8] = []
        var lowerWord: [UInt8] = []
        word.reserveCapacity(64); lowerWord.reserveCapacity(64)
        while i < n {
            let (s, width) = scalar(i)
            if s == "\n" || s == "\r" { sentenceStart = true; i += width; continue }
            if s == " " || s == "\t" || (s.value >= 128 && s.properties.isWhitespace) { i += width; continue }
            if isLetter(s) || isDigit(s) {
                var j = i
                // What name finding asks of the letters kept: count, first, last, and their case.
                var count = 0, upperLetters = 0, lowerLetters = 0
                var first: Unicode.Scalar = " ", last: Unicode.Scalar = " "
                var ascii = true
                /// Scalars from i to j, and whether the word is written with a "’" to become "'".
                var length = 0, curly = false
                func keep(_ c: Unicode.Scalar, width: Int) {
                    if count == 0 { first = c }
                    last = c; count += 1; length += 1
                    if isLetter(c) { if isUpper(c) { upperLetters += 1 } else { lowerLetters += 1 } }
                    if width > 1 { ascii = false }
                }
                var dotted = false
                // "U.S.", "p.m.": single letters each followed by a dot.
                if isLetter(s), i + width < n, bytes[i + width] == UInt8(ascii: "."), letterAt(i + width + 1),
                   i + width + 1 + scalar(i + width + 1).1 < n, bytes[i + width + 1 + scalar(i + width + 1).1] == UInt8(ascii: ".") {
                    while j < n {
                        let (c, w) = scalar(j)
                        guard isLetter(c), j + w < n, bytes[j + w] == UInt8(ascii: ".") else { break }
                        keep(c, width: w); length += 1; j += w + 1
                    }
                    dotted = true
                } else {
                    while j < n {
                        let (c, w) = scalar(j)
                        if isLetter(c) || isDigit(c) || (c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark) {
                            // camelCase glued by a lost space ("PressEurope"): split when the lower part is long.
                            if isUpper(c), count >= 4, isLetter(last), !isUpper(last), isUpper(first) { break }
                            keep(c, width: w); j += w
                        } else if isApostrophe(c), letterAt(j + w),
                                  !(bytes[j + w] == UInt8(ascii: "s") && !letterAt(j + w + 1)) {
                            count += 1; length += 1; last = "'"; curly = curly || w > 1; j += w // O'Neal, don't
                        } else { break }
                    }
                }
                let wordEnd = j
                let kind: Token.Kind = isDigit(s) && upperLetters + lowerLetters == 0 ? .number : .word
                // Possessive: "Iran's", "Thomas'".
                var possessive = false
                if j < n, case let (c, w) = scalar(j), isApostrophe(c) {
                    if j + w < n, bytes[j + w] == UInt8(ascii: "s") || bytes[j + w] == UInt8(ascii: "S"), !letterAt(j + w + 1) {
                        possessive = true; length += 2; j += w + 1
                    } else if count > 0, last == "s", !letterAt(j + w) {
                        possessive = true; length += 1; j += w
                    }
                }
                // The text is the bytes as written, unless dots of "U.S." go or a "’" becomes "'".
                let written: (text: String, lower: String, hash: UInt64)
                if dotted || curly {
                    word.removeAll(keepingCapacity: true)
                    var k = i
                    while k < wordEnd {
                        if bytes[k] == UInt8(ascii: ".") { k += 1; continue }
                        if bytes[k] == 0xE2, k + 2 < wordEnd, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 {
                            word.append(UInt8(ascii: "'")); k += 3; continue
                        }
                        word.append(bytes[k]); k += 1
                    }
                    written = word.withUnsafeBufferPointer {
                        text($0, ascii: ascii, upperLetters: upperLetters, lowered: &lowerWord)
                    }
                } else {
                    written = text(UnsafeBufferPointer(rebasing: bytes[i..<wordEnd]), ascii: ascii,
                                   upperLetters: upperLetters, lowered: &lowerWord)
                }
                var capitalized = false, allCaps = false, initial = false
                if kind == .word, count > 0 {
                    capitalized = isUpper(first)
                    if count >= 2 {
                        allCaps = upperLetters >= 2 && lowerLetters == 0 || (dotted && lowerLetters == 0)
                    }
                    initial = count == 1 && capitalized && j < n && bytes[j] == UInt8(ascii: ".")
                }
                // Consume the dot of an initial or abbreviation so it does not end the sentence.
                let consumesDot = j < n && bytes[j] == UInt8(ascii: ".")
                    && (initial || abbreviations.contains(written.lower, hash: written.hash))
                // Appended as made, not from a variable: a token variable was copied into the array
                // (retaining its strings) and then destroyed.
                out.append(Token(kind: kind, text: written.text, lower: written.lower, lowerHash: written.hash,
                                 start: i, end: j, length: length, capitalized: capitalized, allCaps: allCaps,
                                 sentenceStart: sentenceStart && kind == .word, possessive: possessive, initial: initial))
                sentenceStart = false
                i = consumesDot ? j + 1 : j
                continue
            }
            out.append(Token(kind: .punct, text: "", lower: "", start: i, end: i + width, scalar: s))
            if s == "." || s == "!" || s == "?" || s == ":" || s == "|" || s == "\u{2026}" {
                sentenceStart = true
            }
            i += width
        }
        return out
    }

    /// A word's text, its lowercase and the lowercase's hash, from its bytes; `lowered` is reused
    /// from word to word.
    private static func text(_ written: UnsafeBufferPointer<UInt8>, ascii: Bool, upperLetters: Int,
                             lowered: inout [UInt8]) -> (String, String, UInt64) {
        let text = String(decoding: written, as: UTF8.self)
        if !ascii { let lower = text.lowercased(); return (text, lower, WordHash.of(lower)) }
        // Nothing to lower: the same string, shared.
        if upperLetters == 0 { return (text, text, WordHash.of(written)) }
        lowered.removeAll(keepingCapacity: true)
        var h = WordHash.basis
        for b in written {
            let l = b >= 65 && b <= 90 ? b + 32 : b
            lowered.append(l); h = WordHash.adding(h, l)
        }
        return (text, String(decoding: lowered, as: UTF8.self), h)
    }
}
