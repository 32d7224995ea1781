/// File-name-safe ids made from untrusted titles and names.
///
/// Only `a-z`, `0-9` and `-` survive, so no id can climb out of its folder (`../`), hit a
/// reserved Windows name or differ only by case on a case-insensitive disk. Text with no
/// Latin letters (Persian, Russian) gets a stable hash-based id instead of an empty one.
public enum Slug {
    public static let maxLength = 60

    public static func make(_ text: String, fallbackPrefix: String = "x") -> String {
        var out: [UInt8] = []
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue } // "Iran's" -> "irans"
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash { out.append(45); pendingDash = false }
            out.append(contentsOf: folded)
            if out.count >= maxLength { break }
        }
        while out.last == 45 { out.removeLast() }
        var slug = String(decoding: out.prefix(maxLength), as: UTF8.self)
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty || reserved.contains(slug) {
            slug = (slug.isEmpty ? fallbackPrefix : slug) + "-" + hash(text)
        }
        return slug
    }

    /// Short stable hex hash (FNV-1a, 32 bits) of the text.
    public static func hash(_ text: String) -> String {
        var h: UInt32 = 2166136261
        for b in text.utf8 { h ^= UInt32(b); h = h &* 16777619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    private static let reserved: Set<String> = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "index", "assets",
    ]

    /// ASCII letters and digits as they are; common Latin accents to their base letter; the rest nothing.
    private static func fold(_ s: Unicode.Scalar) -> [UInt8] {
        let v = s.value
        if (97...122).contains(v) || (48...57).contains(v) { return [UInt8(v)] }
        switch v {
        case 0xE0...0xE5: return [97]
        case 0xE7: return [99]
        case 0xE8...0xEB: return [101]
        case 0xEC...0xEF: return [105]
        case 0xF1: return [110]
        case 0xF2...0xF6, 0xF8: return [111]
        case 0xF9...0xFC: return [117]
        case 0xFD, 0xFF: return [121]
        case 0xDF: return [115, 115]
        default: return []
        }
    }
}
