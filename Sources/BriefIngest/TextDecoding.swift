import Foundation   // memchr

/// Turns file bytes into text without losing an article to a bad encoding.
///
/// Order: valid UTF-8 (BOM dropped); else Windows-1252 when the bytes read as text in it
/// (the usual culprit of scraped pages); else UTF-8 with replacement characters. Anything
/// that looks binary is refused.
enum TextDecoding {
    enum Outcome {
        case text(String, repair: String?)
        case binary
    }

    static func decode(_ bytes: [UInt8]) -> Outcome {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if looksBinary(body) { return .binary }
        if holdsCR(body) { body = unixLineEnds(body) }
        if let text = String(validating: body, as: UTF8.self) { return .text(text, repair: nil) }
        if readsAsWindows1252(body) {
            return .text(windows1252(body), repair: "not valid UTF-8; decoded as Windows-1252")
        }
        return .text(String(decoding: body, as: UTF8.self),
                     repair: "not valid UTF-8; undecodable bytes replaced with U+FFFD")
    }

    /// CR LF (Windows) and a lone CR (old Mac) become LF, so that a file saved on any system
    /// splits into the same lines and paragraphs, and its front matter closes.
    static func unixLineEnds(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 13 {
                out.append(10)
                if i + 1 < bytes.endIndex, bytes[i + 1] == 10 { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out[...]
    }

    /// `bytes.contains(13)` by memchr: most files have no CR, and the generic search walks all of them byte by byte.
    private static func holdsCR(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { b in b.baseAddress.map { memchr($0, 13, b.count) != nil } ?? false }
    }

    /// NUL bytes, or many control characters other than tab/newline/CR/form feed, mean binary.
    private static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.prefix(8192).withUnsafeBufferPointer { sample in
            // A NUL anywhere decides at once; the count of other controls is a loop without exits.
            if let base = sample.baseAddress, memchr(base, 0, sample.count) != nil { return true }
            // Bit b is set for the controls that count: all below 32 but tab, LF, FF and CR. Counted
            // without a branch per byte.
            let counted: UInt32 = ~(1 << 9 | 1 << 10 | 1 << 12 | 1 << 13)
            var controls = 0
            for b in sample { controls &+= Int(counted &>> UInt32(b & 31) & (b < 32 ? 1 : 0)) }
            return controls * 20 > max(sample.count, 1)
        }
    }

    /// Windows-1252 leaves five bytes undefined; text that uses them is not Windows-1252.
    private static func readsAsWindows1252(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.contains { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
    }

    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
