/// Splitting text into search terms.
extension SearchIndex {
    /// The lowercased runs of letters and digits (by `Character`) of at least two characters.
    ///
    /// Works on UTF-8: text is cut at ASCII separators whose neighbours are ASCII too (there the
    /// separator is a character of its own, whatever the Unicode rules); a piece of only ASCII is
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
                for i in 0..<n {
                    let b = utf8[i]
                    if b >= 0x80 { ascii = false; continue }
                    if isASCIIAlphanumeric(b) { continue }
                    let separate = (i == 0 || utf8[i - 1] < 0x80) && (i + 1 == n || utf8[i + 1] < 0x80)
                    guard separate else { ascii = false; continue }
                    flush(i)
                    start = i + 1
                    ascii = true
                }
                flush(n)
            }
        }
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
