/// Splitting text into search terms.
extension SearchIndex {
    /// The lowercased runs of letters and digits (by `Character`) of at least two characters.
    ///
    /// Works on UTF-8: text is cut at ASCII separators and at a few quotes and dashes (`isMark`)
    /// whose neighbours are ASCII or such marks (there the separator is a character of its own,
    /// whatever the Unicode rules); a piece of only ASCII is
    /// then one word, and a piece with anything else goes through `characterTerms`, so the result is
    /// what `characterTerms` gives for the whole text.
    static func terms(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(text) { term, _ in out.append(String(decoding: term, as: UTF8.self)) }
        return out
    }

    /// Each term of `text` as `terms` cuts it, as lowercased UTF-8 bytes valid only during `body`,
    /// so that callers that look terms up need not make a String of each; and whether it is all
    /// ASCII (known without looking at its bytes again for the usual piece of only ASCII).
    static func forEachTerm(_ text: String, _ body: (UnsafeRawBufferPointer, _ isASCII: Bool) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            var start = 0
            var ascii = true
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { lower in
                func flush(_ end: Int) {
                    guard start < end else { return }
                    if ascii {
                        guard end - start >= 2 else { return }
                        for i in start..<end {
                            let b = utf8[i]
                            lower[i - start] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b
                        }
                        body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: lower[0..<(end - start)])), true)
                    } else {
                        let piece = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
                        for term in characterTerms(piece) {
                            var term = term
                            term.withUTF8 { body(UnsafeRawBufferPointer($0), !$0.contains(where: { $0 >= 0x80 })) }
                        }
                    }
                }
                var i = 0
                while i < n {
                    let b = utf8[i]
                    if b >= 0x80 {
                        // A quote or dash between ASCII characters is a character of its own too: news
                        // text is full of them, and a piece with one went through `characterTerms`.
                        let end = i + 3
                        if isMark(utf8, at: i), standsAlone(utf8, before: i), standsAlone(utf8, after: end) {
                            flush(i)
                            start = end
                            ascii = true
                            i = end
                        } else {
                            ascii = false
                            i += 1
                        }
                        continue
                    }
                    i += 1
                    if isASCIIAlphanumeric(b) { continue }
                    guard standsAlone(utf8, before: i - 1), standsAlone(utf8, after: i) else { ascii = false; continue }
                    flush(i - 1)
                    start = i
                    ascii = true
                }
                flush(n)
            }
        }
    }

    /// Whether a mark that is its own `Character` whatever follows or precedes it, and neither
    /// letter nor number, starts at `i`: ‘ ’ “ ” – — … (U+2018, 2019, 201C, 201D, 2013, 2014, 2026).
    private static func isMark(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 2 < utf8.count, utf8[i] == 0xE2, utf8[i + 1] == 0x80 else { return false }
        switch utf8[i + 2] {
        case 0x98, 0x99, 0x9C, 0x9D, 0x93, 0x94, 0xA6: return true
        default: return false
        }
    }

    /// Whether nothing before `i` joins the character at `i`: the text's start, ASCII, or a mark.
    private static func standsAlone(_ utf8: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        i == 0 || utf8[i - 1] < 0x80 || (i >= 3 && isMark(utf8, at: i - 3))
    }

    /// Whether nothing from `i` on joins the character before `i`: the text's end, ASCII, or a mark.
    private static func standsAlone(_ utf8: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        i == utf8.count || utf8[i] < 0x80 || isMark(utf8, at: i)
    }

    /// The reference definition of a term, by `Character`.
    static func characterTerms(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { word.append(c) } else {
                if word.count >= 2 { out.append(word) }
                word = ""
            }
        }
        if word.count >= 2 { out.append(word) }
        return out
    }

    static func isLowerASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }

    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}
