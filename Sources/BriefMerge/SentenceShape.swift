/// What the summary checks of a lead sentence before scoring it: its words (runs between
/// spaces) and whether it is mostly a quotation. Both count Characters; grapheme breaking
/// made that a large part of the merge stage, so text in which every scalar is a Character
/// of its own (ASCII, Latin letters, common punctuation, currency signs: what news is mostly
/// written in) is counted on its UTF-8 bytes, and any other text as Characters.
struct SentenceShape: Equatable {
    var words: Int
    var isQuoteOnly: Bool

    init(_ sentence: String) {
        var text = sentence
        if let counted = text.withUTF8(SentenceShape.init(bytes:)) { self = counted; return }
        self.init(characters: sentence)
    }

    init(words: Int, isQuoteOnly: Bool) {
        self.words = words
        self.isQuoteOnly = isQuoteOnly
    }

    /// The definition: over Characters.
    init(characters s: String) {
        words = s.split(separator: " ").count
        var inside = 0, total = 0, open = false
        for c in s {
            if c == "\"" { open.toggle(); continue }
            if c == "“" { open = true; continue }
            if c == "”" { open = false; continue }
            total += 1
            if open { inside += 1 }
        }
        isQuoteOnly = SentenceShape.mostlyInside(inside, of: total)
    }

    /// The same over bytes, or nil when a scalar could join a neighbour into one Character.
    init?(bytes b: UnsafeBufferPointer<UInt8>) {
        var words = 0, inside = 0, total = 0, open = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                guard c != 0x0D else { return nil } // CR LF is one Character
                if c != 0x20 && (i == 0 || b[i - 1] == 0x20) { words += 1 }
                if c == 0x22 { open.toggle() } else { total += 1; if open { inside += 1 } }
                i += 1
                continue
            }
            if i == 0 || b[i - 1] == 0x20 { words += 1 }
            if c < 0xCC { // U+0080..U+02FF: Latin-1 and Latin Extended letters, IPA, modifier letters
                total += 1; if open { inside += 1 }
                i += 2
                continue
            }
            guard c == 0xE2, i + 2 < b.count, SentenceShape.isSinglePunctuation(b[i + 1], b[i + 2]) else { return nil }
            if b[i + 1] == 0x80 && b[i + 2] == 0x9C { open = true } // “
            else if b[i + 1] == 0x80 && b[i + 2] == 0x9D { open = false } // ”
            else { total += 1; if open { inside += 1 } }
            i += 3
        }
        self.init(words: words, isQuoteOnly: SentenceShape.mostlyInside(inside, of: total))
    }

    private static func mostlyInside(_ inside: Int, of total: Int) -> Bool {
        total > 0 && Double(inside) / Double(total) > 0.6
    }

    /// U+2000-200A spaces, U+2010-2027 dashes, quotes, bullets and ellipsis, U+2030-205E
    /// per-mille to dotted punctuation, U+20A0-20BF currency signs (UTF-8 E2 xx yy): none
    /// joins the scalar before or after it into one Character. Zero-width joiners and
    /// format controls (U+200B-200F, U+2028-202F, U+205F-206F) are left to Characters.
    static func isSinglePunctuation(_ b1: UInt8, _ b2: UInt8) -> Bool {
        switch b1 {
        case 0x80: return (0x80...0x8A).contains(b2) || (0x90...0xA7).contains(b2) || (0xB0...0xBF).contains(b2)
        case 0x81: return (0x80...0x9E).contains(b2)
        case 0x82: return (0xA0...0xBF).contains(b2)
        default: return false
        }
    }
}
