import BriefModel
import Foundation   // the fallbacks are Foundation's searches, as the code they replace used

/// Byte-level scanning of UTF-8 text for the hot paths of ingest.
///
/// Walking `Character`s asks the grapheme and property tables for every letter; most news text
/// is ASCII, where a byte answers the same question. Non-ASCII scalars still ask the Unicode
/// properties, and text whose characters are not all single scalars (combining marks, emoji
/// sequences, Hangul jamo...) goes back to the `Character` code, so the answers never change.
enum ScalarText {
    /// White space as `Unicode.Scalar.Properties.isWhitespace` has it, without the table lookup for ASCII.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? isASCIIWhitespace(UInt8(truncatingIfNeeded: scalar.value)) : scalar.properties.isWhitespace
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    /// Runs `body` over the UTF-8 bytes of the text, without copying native strings.
    @inline(__always)
    /// Where the scalar ending at byte `end` starts.
    static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
        var i = end - 1
        while bytes[i] & 0xC0 == 0x80 { i -= 1 }   // back to the scalar's first byte
        return i
    }

    /// The bytes left when white space is trimmed from both ends.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end {
            let (s, length) = UTF8Scalar.decode(bytes, at: start)
            guard isWhitespace(s) else { break }
            start += length
        }
        while end > start {
            let lead = scalarStart(bytes, before: end)
            guard isWhitespace(UTF8Scalar.decode(bytes, at: lead).scalar) else { break }
            end = lead
        }
        return start..<end
    }

    static func withBytes<R>(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// A String's own view, not the Substring's: that one goes through `Slice`'s generic path.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    static func isASCII(_ text: String) -> Bool {
        withBytes(text) { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }

    @inline(__always)
    static func asciiLowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// `String(decoding: bytes, as: UTF8.self).lowercased()` for valid UTF-8. The standard library
    /// lowercases scalar by scalar with `lowercaseMapping`; here ASCII bytes map by arithmetic and
    /// only the other scalars ask the Unicode tables, which is most of the cost for text with a few
    /// curly quotes or accents.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var ascii = 0
        while ascii < bytes.count && bytes[ascii] < 0x80 { ascii += 1 }
        if ascii == bytes.count {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in 0..<bytes.count { out[i] = asciiLowercased(bytes[i]) }
                return bytes.count
            }
        }
        var result = ""
        result.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count && bytes[end] < 0x80 { end += 1 }
            if end > i {
                let run = UnsafeBufferPointer(rebasing: bytes[i..<end])
                result += String(unsafeUninitializedCapacity: run.count) { out in
                    for k in 0..<run.count { out[k] = asciiLowercased(run[k]) }
                    return run.count
                }
                i = end
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
            result += scalar.properties.lowercaseMapping
            i += length
        }
        return result
    }

    /// Whether every scalar of the text is a `Character` of its own that equals no other scalar,
    /// so that scalar and byte scans answer what `Character` code answers. True for ASCII (without
    /// carriage returns) and the usual non-ASCII of news text: Latin letters, Cyrillic, curly quotes,
    /// dashes, no-break space, symbols, CJK; false for combining marks and other joining scalars.
    static func isSimple(_ text: String) -> Bool {
        withBytes(text) { isSimple($0) }
    }

    /// `isSimple` of valid UTF-8 bytes.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0D { return false }
                i += 1
                continue
            }
            let (s, length) = UTF8Scalar.decode(bytes, at: i)
            if !isStandalone(s.value) { return false }
            i += length
        }
        return true
    }

    /// Non-ASCII scalars that never join a neighbour into one grapheme (no Extend, SpacingMark,
    /// ZWJ, Prepend, regional indicator or Hangul jamo) and have no canonical singleton twin.
    static func isStandalone(_ v: UInt32) -> Bool {
        switch v {
        case 0x00A0...0x02FF, 0x0400...0x0482, 0x048A...0x052F, 0x1E00...0x1EFF,
             0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2190...0x2328, 0x232B...0x23FF, 0x2460...0x27BF,
             0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF9D, 0xFFFD:
            return true
        default:
            return false
        }
    }

    /// `text.split(separator: " ").count`: the words between spaces. Counted by bytes in the same
    /// pass that finds the text simple; other text is split by Characters.
    static func wordCount(_ text: String) -> Int {
        simpleWordCount(text) ?? text.split(separator: " ").count
    }

    /// `wordCount` of simple text; nil when the text is not simple.
    static func simpleWordCount(_ text: String) -> Int? {
        withBytes(text) { bytes -> Int? in
            var words = 0
            var inWord = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x0D { return nil }
                    if b == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
                    i += 1
                    continue
                }
                let (s, length) = UTF8Scalar.decode(bytes, at: i)
                guard isStandalone(s.value) else { return nil }
                if !inWord { inWord = true; words += 1 }
                i += length
            }
            return words
        }
    }

    /// Byte offset of the first occurrence of `needle` in `bytes`: `memchr` finds each place of the
    /// needle's rarest byte in English text, `memcmp` checks the whole needle there. Many needles start
    /// with a space or a common letter (" will ", "reports "), which would stop `memchr` in nearly every word.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count, let base = bytes.baseAddress, let n = needle.baseAddress else { return nil }
        let key = rarestByte(needle)
        // The key byte of a match starting at 0...last stands at key...last + key.
        let last = bytes.count - needle.count
        var i = key
        while i <= last + key {
            guard let hit = memchr(base + i, Int32(n[key]), last + key - i + 1) else { return nil }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if memcmp(base + at - key, n, needle.count) == 0 { return at - key }
            i = at + 1
        }
        return nil
    }

    /// Where the needle's least common byte stands: a space is the most common, then lowercase
    /// letters by their frequency in English; anything else is rare.
    private static func rarestByte(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        let letters = letterCommonness   // once: each use of a global checks that it is made
        func commonness(_ b: UInt8) -> Int {
            if b == 0x20 { return 27 }
            guard b >= 0x61 && b <= 0x7A else { return 0 }
            return letters[Int(b - 0x61)]
        }
        var best = 0
        for i in 1..<needle.count where commonness(needle[i]) < commonness(needle[best]) { best = i }
        return best
    }

    /// a...z ranked by frequency in English text, "etaoinshrdlcumwfgypbvkjxqz": e 26 ... z 1.
    private static let letterCommonness: [Int] = {
        var rank = [Int](repeating: 0, count: 26)
        for (i, c) in "etaoinshrdlcumwfgypbvkjxqz".utf8.enumerated() { rank[Int(c - 0x61)] = 26 - i }
        return rank
    }()

    /// Whether the text holds `needle` byte for byte. An ASCII needle without a canonical twin
    /// (no K, `;` or backquote) that is missing byte for byte is missing for Foundation's search too.
    static func mayContain(_ needle: String, in text: String) -> Bool {
        withBytes(needle) { n in withBytes(text) { find(n, in: $0) != nil } }
    }

    /// `text.contains(needle)` (Foundation's) for such a needle: by bytes when the text is simple.
    static func contains(_ needle: String, in text: String) -> Bool {
        guard mayContain(needle, in: text) else { return false }
        return isSimple(text) || text.range(of: needle) != nil
    }

    /// `text.range(of: needle)` (Foundation's), by bytes where `firstOffset` searches by bytes.
    static func firstRange(of needle: String, in text: String, simple: Bool) -> Range<String.Index>? {
        guard simple, let f = needle.utf8.first, let l = needle.utf8.last, f < 0x80, l < 0x80 else { return text.range(of: needle) }
        guard let offset = withBytes(needle, { n in withBytes(text) { find(n, in: $0) } }) else { return nil }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: offset)
        return from..<utf8.index(from, offsetBy: needle.utf8.count)
    }

    /// UTF-8 offset of the first occurrence of `needle` in `text`, as `text.range(of: needle)` finds it.
    /// Byte search for simple text and a needle starting and ending with ASCII letters, digits or
    /// punctuation (a date's text); Foundation's search otherwise.
    static func firstOffset(of needle: String, in text: String, simple: Bool) -> Int? {
        if simple, let f = needle.utf8.first, let l = needle.utf8.last, f < 0x80, l < 0x80 {
            return withBytes(needle) { n in withBytes(text) { find(n, in: $0) } }
        }
        guard let r = text.range(of: needle) else { return nil }
        return text.utf8.distance(from: text.startIndex, to: r.lowerBound)
    }
}

/// Text compared and hashed by its UTF-8 bytes. For simple text (`ScalarText.isSimple`) that is
/// what `String` equality decides, without normalising non-ASCII text for every hash.
struct SimpleText: Hashable {
    var text: String

    static func == (a: SimpleText, b: SimpleText) -> Bool {
        ScalarText.withBytes(a.text) { x in
            ScalarText.withBytes(b.text) { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    /// The length and the first 64 bytes: lines of a page rarely share both unless they are equal.
    func hash(into hasher: inout Hasher) {
        ScalarText.withBytes(text) { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(64))))
        }
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks (Foundation-free, for hot paths).
    public func trimmingSpaces() -> String {
        let text = Substring(self)
        let (start, end) = ScalarText.withBytes(text) { bytes -> (Int, Int) in
            let r = ScalarText.trimmed(bytes)
            return (r.lowerBound, r.upperBound)
        }
        if start == 0 && end == text.utf8.count { return String(text) }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(from, offsetBy: end - start)
        return String(text.unicodeScalars[from..<to])
    }
}
