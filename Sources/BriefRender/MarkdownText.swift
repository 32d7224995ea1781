import Foundation

/// Untrusted plain text made safe to place in Markdown.
extension Markdown {
    /// Backslash-escapes what would make untrusted plain text turn into Markdown syntax.
    ///
    /// Defined by `Character` (see `characterEscapeText`); this walks UTF-8 and only hands the text to
    /// the `Character` version when a syntax character touches a non-ASCII byte, where it might be
    /// part of a larger character (and so, as before, left alone). Text with nothing to escape
    /// (most paragraphs) is returned as it is, without copying it twice.
    static func escapeText(_ text: String) -> String {
        var text = text
        var unchanged = false
        let escaped: String? = text.withUTF8 { utf8 -> String? in
            let n = utf8.count
            var out: [UInt8] = []
            var runStart = 0
            var i = 0
            while i < n {
                let b = utf8[i]
                let syntax = isSyntax(b)
                guard syntax || b == 0x0A || b == 0x0D else { i += 1; continue }
                if syntax && ((i > 0 && utf8[i - 1] >= 0x80) || (i + 1 < n && utf8[i + 1] >= 0x80)) { return nil }
                if out.isEmpty { out.reserveCapacity(n + 8) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                if syntax {
                    out.append(UInt8(ascii: "\\")); out.append(b); i += 1
                } else if b == 0x0D && i + 1 < n && utf8[i + 1] == 0x0A {
                    out.append(0x0D); out.append(0x0A); i += 2  // "\r\n" is one Character, kept as it is
                } else {
                    out.append(0x20); i += 1
                }
                runStart = i
            }
            // Every escape or replaced line break appended something: an empty `out` means none.
            if out.isEmpty { unchanged = true; return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
            return String(decoding: out, as: UTF8.self)
        }
        guard var out = unchanged ? text : escaped else { return characterEscapeText(text) }
        escapeLeadingMarkers(&out)
        return out
    }

    /// The reference definition, by `Character`.
    static func characterEscapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count + 8)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "!", "#", "&":
                out.append("\\"); out.append(c)
            case "\n", "\r": out.append(" ")
            default: out.append(c)
            }
        }
        escapeLeadingMarkers(&out)
        return out
    }

    /// Leading list / heading markers (`-`, `+`, `=`, `1.`, `1)`).
    private static func escapeLeadingMarkers(_ out: inout String) {
        if let first = out.first, first == "-" || first == "+" || first == "=" { out.insert("\\", at: out.startIndex) }
        if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
           out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
    }

    private static func isSyntax(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "!"),
             UInt8(ascii: "#"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }
}

/// `trimmingCharacters(in: .whitespacesAndNewlines)` without the trip through NSString.
enum Whitespace {
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return s }
        return String(scalars[first...last])
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
        return CharacterSet.whitespacesAndNewlines.contains(c)
    }
}
