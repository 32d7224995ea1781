/// Direct quotes and who said them, from the words right around the quote marks:
/// `"...," Putin said`, `“...” said Raisi`, `Putin said: "..."`.
enum QuoteFinder {
    /// A name (or role reference) found in the paragraph: its token range and what it stands for.
    struct Speaker { var tokens: Range<Int>; var ref: Int }

    struct Found { var speaker: Int; var text: String }

    static let minimumWords = 4

    static func find(_ t: [Token], bytes: UnsafeBufferPointer<UInt8>, speakers: [Speaker]) -> [Found] {
        guard !speakers.isEmpty else { return [] }
        var out: [Found] = []
        var open: Int?
        for i in t.indices where t[i].kind == .punct {  // by index: no copy of every token
            switch t[i].scalar {
            case "\u{201C}", "\u{00AB}":
                open = i
            case "\u{201D}", "\u{00BB}":
                if let o = open { attribute(o, i, t, bytes, speakers, &out) }
                open = nil
            case "\"":
                if let o = open, t[o].scalar == "\"" {
                    attribute(o, i, t, bytes, speakers, &out); open = nil
                } else {
                    open = i
                }
            default:
                continue
            }
        }
        return out
    }

    private static func attribute(_ open: Int, _ close: Int, _ t: [Token], _ bytes: UnsafeBufferPointer<UInt8>,
                                  _ speakers: [Speaker], _ out: inout [Found]) {
        // The last speaker starting or ending at a token: a paragraph has a few, and most have
        // no quote, so they are searched when a quote closes rather than indexed per paragraph.
        func byStart(_ k: Int) -> Speaker? { speakers.last { $0.tokens.lowerBound == k } }
        func byEnd(_ k: Int) -> Int? { speakers.last { $0.tokens.upperBound == k }?.ref }
        var words = 0
        for k in open + 1..<close where t[k].kind == .word { words += 1 }
        guard words >= minimumWords else { return }
        func isVerb(_ k: Int) -> Bool {
            k >= 0 && k < t.count && t[k].kind == .word && NameLexicon.speechVerbs.contains(t[k])
        }
        var speaker: Int?
        // After the quote: `," Putin said` or `," said Putin`.
        var k = close + 1
        while k < t.count, t[k].kind == .punct, t[k].scalar == "," { k += 1 }
        if let s = byStart(k), isVerb(s.tokens.upperBound) {
            speaker = s.ref
        } else if isVerb(k), let s = byStart(k + 1) {
            speaker = s.ref
        }
        // Before it: `Putin said: "` / `Putin said that "` / `Putin told reporters: "`.
        if speaker == nil {
            var b = open - 1
            if b >= 0, t[b].kind == .punct, t[b].scalar == ":" || t[b].scalar == "," { b -= 1 }
            if b >= 0, t[b].lower == "that" { b -= 1 }
            if b >= 1, !isVerb(b), t[b].kind == .word, !t[b].capitalized, isVerb(b - 1) { b -= 1 }
            if isVerb(b), let ref = byEnd(b) { speaker = ref }
        }
        guard let speaker else { return }
        var from = t[open].end, to = t[close].start
        // Spaces, commas and no-break spaces (C2 A0 in UTF-8) trimmed off both ends.
        func trimsSpaceOrComma(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2C }
        while from < to {
            if trimsSpaceOrComma(bytes[from]) { from += 1 }
            else if to - from >= 2, bytes[from] == 0xC2, bytes[from + 1] == 0xA0 { from += 2 }
            else { break }
        }
        while to > from {
            if trimsSpaceOrComma(bytes[to - 1]) { to -= 1 }
            else if to - from >= 2, bytes[to - 2] == 0xC2, bytes[to - 1] == 0xA0 { to -= 2 }
            else { break }
        }
        out.append(Found(speaker: speaker, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)))
    }
}
