/// Splits a paragraph into sentences at `.`, `!`, `?` or `…` (with any closing quotes) followed
/// by a space and a capital, digit or quote; initials and titles like "Mr." do not end one.
/// Scans UTF-8 bytes: it runs on every sentence of every brief, and Character iteration made
/// it the slowest part of the merge stage. A mark that combines with the character before it
/// keeps that character from counting as punctuation or space, as a grapheme would.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "vs", "no",
        "inc", "corp", "co", "ltd", "gov", "sen", "rep", "rev", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    ]

    static func sentences(_ paragraph: String) -> [String] {
        var paragraph = paragraph
        return paragraph.withUTF8 { b in ranges(b).map { String(decoding: b[$0], as: UTF8.self) } }
    }

    /// Where each sentence of a paragraph's UTF-8 is, trimmed: the brief makes Strings only
    /// of the few sentences it shows, and scans the words of each in place.
    static func ranges(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < b.count {
            i = nextMark(b, from: i)
            guard i < b.count else { break }
            let end0 = terminatorEnd(b, at: i)
            guard end0 > i else { i += 1; continue }
            var end = end0
            while let e = closingEnd(b, at: end) { end = e }
            var next = end
            while next < b.count, b[next] == 0x20, !extends(b, at: next + 1) { next += 1 }
            if next > end, next < b.count, startsSentence(b, at: next), !(b[i] == 0x2E && isAbbreviation(b, before: i)) {
                appendTrimmed(b, start, end, to: &out)
                start = next
                i = next
                continue
            }
            i += 1
        }
        appendTrimmed(b, start, b.count, to: &out)
        return out
    }

    /// The first position from `i` whose byte can start sentence punctuation (`.` `!` `?` or
    /// the lead byte of `…`), or the end: eight bytes at a time, since few bytes are one.
    private static func nextMark(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let raw = UnsafeRawBufferPointer(b)
        while i + 8 <= b.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let marks = zeroBytes(x ^ 0x2E2E_2E2E_2E2E_2E2E) | zeroBytes(x ^ 0x2121_2121_2121_2121)
                | zeroBytes(x ^ 0x3F3F_3F3F_3F3F_3F3F) | zeroBytes(x ^ 0xE2E2_E2E2_E2E2_E2E2)
            if marks != 0 { return i + marks.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < b.count, b[i] != 0x2E, b[i] != 0x21, b[i] != 0x3F, b[i] != 0xE2 { i += 1 }
        return i
    }

    /// The high bit of each byte of `x` that is zero, and no other bit.
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7 = (x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
        return ~(low7 | x) & 0x8080_8080_8080_8080
    }

    /// The end of the sentence punctuation at `i`, or `i` when there is none.
    private static func terminatorEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c == 0x2E || c == 0x21 || c == 0x3F { return extends(b, at: i + 1) ? i : i + 1 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0xA6 { return extends(b, at: i + 3) ? i : i + 3 } // …
        return i
    }

    /// The end of a closing quote or bracket at `i`: `"` `'` `”` `’` `)` `]`.
    private static func closingEnd(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i < b.count else { return nil }
        var end = i
        switch b[i] {
        case 0x22, 0x27, 0x29, 0x5D: end = i + 1
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0x9D || b[i + 2] == 0x99): end = i + 3
        default: return nil
        }
        return extends(b, at: end) ? nil : end
    }

    private static func startsSentence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 {
            if extends(b, at: i + 1) { return character(b, at: i).map(startsSentence) ?? false }
            return (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x22 || c == 0x27 || c == 0x28
        }
        return character(b, at: i).map(startsSentence) ?? false
    }

    private static func startsSentence(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || "\"“'‘(".contains(c)
    }

    /// Single letters ("George W. Bush") and listed titles before a dot do not end a sentence.
    private static func isAbbreviation(_ b: UnsafeBufferPointer<UInt8>, before dot: Int) -> Bool {
        var j = dot
        while j > 0 {
            let c = b[j - 1]
            if c == 0x2E || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) { j -= 1; continue }
            guard c >= 0x80 else { break }
            // A non-ASCII scalar: a letter, or a mark combining with the letter before it.
            var s = j - 1
            while s > 0, b[s] & 0xC0 == 0x80 { s -= 1 }
            guard let scalar = decode(b, s, j) else { break }
            if scalar.properties.isAlphabetic || isExtender(scalar) { j = s } else { break }
        }
        // Marks left at the start belong to the character before the word.
        while j < dot, let scalar = scalar(b, at: j), isExtender(scalar) { j += 1 + trailing(b[j]) }
        // ASCII (most words): one byte is one Character, so only short words need a String.
        if b[j..<dot].allSatisfy({ $0 < 0x80 }) {
            let length = dot - j
            if length == 1 { return true }
            if length > longestAbbreviation { return false }
        }
        let word = String(decoding: b[j..<dot], as: UTF8.self).lowercased()
        if word.count == 1 { return true }
        return abbreviations.contains(word)
    }

    private static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

    private static func appendTrimmed(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to out: inout [Range<Int>]) {
        var lo = start, hi = end
        while lo < hi, isTrimmed(b[lo]), !extends(b, at: lo + 1) { lo += 1 }
        while hi > lo, isTrimmed(b[hi - 1]) { hi -= 1 }
        if lo < hi { out.append(lo..<hi) }
    }

    private static func isTrimmed(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A }

    /// Whether the scalar at `i` joins the character before it into one grapheme.
    private static func extends(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < b.count, b[i] >= 0x80, let s = scalar(b, at: i) else { return false }
        return isExtender(s)
    }

    private static func isExtender(_ s: Unicode.Scalar) -> Bool {
        s.properties.isGraphemeExtend || s.value == 0x200D || s.properties.generalCategory == .spacingMark
    }

    private static func character(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Character? {
        var end = i + 1 + trailing(b[i])
        while end < b.count, extends(b, at: end) { end += 1 + trailing(b[end]) }
        return String(decoding: b[i..<min(end, b.count)], as: UTF8.self).first
    }

    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar? {
        decode(b, i, min(i + 1 + trailing(b[i]), b.count))
    }

    private static func trailing(_ lead: UInt8) -> Int {
        lead < 0xC0 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3
    }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Unicode.Scalar? {
        let n = to - from
        guard n > 0, n == 1 + trailing(b[from]) else { return nil }
        var v = UInt32(n == 1 ? b[from] : b[from] & (0xFF >> (n + 1)))
        for k in 1..<max(n, 1) { v = v << 6 | UInt32(b[from + k] & 0x3F) }
        return Unicode.Scalar(v)
    }
}
