/// One word or punctuation mark of a paragraph, with what name finding needs to know about it.
struct Token {
    enum Kind { case word, number, punct }
    var kind: Kind
    /// The word as written, dots of "U.S." and a possessive "'s" removed.
    var text: String
    var lower: String
    /// Unicode scalar range in the paragraph.
    var start: Int
    var end: Int
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

/// Splits a paragraph into tokens by walking its Unicode scalars once; no regular expressions,
/// because this runs over every word of the archive.
enum TextScanner {
    /// Words after which a dot does not end the sentence.
    static let abbreviations: Set<String> = [
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

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        var sentenceStart = true
        // Reused per word: allocating a fresh array for every word dominated the scan.
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(32)
        var bytes: [UInt8] = []
        var lowerBytes: [UInt8] = []
        bytes.reserveCapacity(64); lowerBytes.reserveCapacity(64)
        while i < n {
            let s = scalars[i]
            if s == "\n" || s == "\r" { sentenceStart = true; i += 1; continue }
            if s == " " || s == "\t" || (s.value >= 128 && s.properties.isWhitespace) { i += 1; continue }
            if isLetter(s) || isDigit(s) {
                var j = i
                letters.removeAll(keepingCapacity: true)
                var dotted = false
                // "U.S.", "p.m.": single letters each followed by a dot.
                if isLetter(s), i + 3 < n, scalars[i + 1] == ".", isLetter(scalars[i + 2]), scalars[i + 3] == "." {
                    while j + 1 < n, isLetter(scalars[j]), scalars[j + 1] == "." {
                        letters.append(scalars[j]); j += 2
                        if j < n, isLetter(scalars[j]), j + 1 < n, scalars[j + 1] == "." { continue }
                        break
                    }
                    dotted = true
                } else {
                    while j < n {
                        let c = scalars[j]
                        if isLetter(c) || isDigit(c) || (c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark) {
                            // camelCase glued by a lost space ("PressEurope"): split when the lower part is long.
                            if isUpper(c), letters.count >= 4, let last = letters.last, isLetter(last), !isUpper(last),
                               isUpper(letters[0]) {
                                break
                            }
                            letters.append(c); j += 1
                        } else if isApostrophe(c), j + 1 < n, isLetter(scalars[j + 1]),
                                  !(scalars[j + 1] == "s" && (j + 2 >= n || !isLetter(scalars[j + 2]))) {
                            letters.append("'"); j += 1 // O'Neal, don't
                        } else { break }
                    }
                }
                var token = Token(kind: isDigit(s) ? .number : .word, text: "", lower: "", start: i, end: j)
                for c in letters where isLetter(c) { token.kind = .word; break }
                // Possessive: "Iran's", "Thomas'".
                if j < n, isApostrophe(scalars[j]) {
                    if j + 1 < n, scalars[j + 1] == "s" || scalars[j + 1] == "S", j + 2 >= n || !isLetter(scalars[j + 2]) {
                        token.possessive = true; j += 2
                    } else if letters.last == "s", j + 1 >= n || !isLetter(scalars[j + 1]) {
                        token.possessive = true; j += 1
                    }
                }
                bytes.removeAll(keepingCapacity: true); lowerBytes.removeAll(keepingCapacity: true)
                var ascii = true
                for c in letters {
                    if c.value < 128 {
                        let b = UInt8(c.value)
                        bytes.append(b); lowerBytes.append(b >= 65 && b <= 90 ? b + 32 : b)
                    } else {
                        ascii = false
                        UTF8.encode(c) { bytes.append($0) }
                    }
                }
                token.text = String(decoding: bytes, as: UTF8.self)
                token.lower = ascii ? String(decoding: lowerBytes, as: UTF8.self) : token.text.lowercased()
                if token.kind == .word, let first = letters.first {
                    token.capitalized = isUpper(first)
                    if letters.count >= 2 {
                        var upperLetters = 0, lowerLetters = 0
                        for c in letters where isLetter(c) { if isUpper(c) { upperLetters += 1 } else { lowerLetters += 1 } }
                        token.allCaps = upperLetters >= 2 && lowerLetters == 0 || (dotted && lowerLetters == 0)
                    }
                    token.initial = letters.count == 1 && token.capitalized && j < n && scalars[j] == "."
                }
                token.sentenceStart = sentenceStart && token.kind == .word
                if token.kind != .punct { sentenceStart = false }
                token.end = j
                out.append(token)
                // Consume the dot of an initial or abbreviation so it does not end the sentence.
                if j < n, scalars[j] == ".", token.initial || abbreviations.contains(token.lower) {
                    j += 1
                }
                i = j
                continue
            }
            var token = Token(kind: .punct, text: "", lower: "", start: i, end: i + 1)
            token.scalar = s
            out.append(token)
            if s == "." || s == "!" || s == "?" || s == ":" || s == "|" || s == "\u{2026}" {
                sentenceStart = true
            }
            i += 1
        }
        return out
    }
}
