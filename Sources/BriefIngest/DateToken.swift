import BriefModel

/// A word, number or punctuation mark of a line, for date matching.
struct DateToken {
    /// UTF-8 offsets in the scanned text.
    var range: Range<Int>
    var number: Int?
    var digits: Int = 0
    /// What the word is to date reading; nil for numbers and marks.
    var word: DateWord?
    /// A punctuation mark; a mark with combining marks on it is `notASCII`, equal to none of the separators.
    var separator: Unicode.Scalar?

    static let notASCII: Unicode.Scalar = "\u{FFFF}"

    /// The month the word names.
    var month: Int? { word?.monthNumber }

    init(range: Range<Int>, number: Int? = nil, digits: Int = 0, word: DateWord? = nil, separator: Unicode.Scalar? = nil) {
        self.range = range; self.number = number; self.digits = digits; self.word = word; self.separator = separator
    }

    /// The text of a token range (UTF-8 offsets on scalar boundaries).
    static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[from..<utf8.index(from, offsetBy: range.count)]
    }

    /// Numbers (ASCII digits, with an ordinal suffix: 15th), words (letters, as `DateWord`s) and marks; spaces skipped.
    static func scan(_ text: String) -> [DateToken] { scan(text, simple: ScalarText.isSimple(text)) }

    /// Simple text (one scalar per Character) is scanned by bytes; anything else by Characters.
    static func scan(_ text: String, simple: Bool) -> [DateToken] {
        simple ? ScalarText.withBytes(text) { scan($0) } : scanCharacters(text)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [DateToken] {
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        @inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 ? (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) : s.properties.isAlphabetic
        }
        let vocabulary = DateWord.vocabulary
        var tokens: [DateToken] = []
        tokens.reserveCapacity(bytes.count / 4)
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if isDigit(b) {
                var j = i
                var value = 0
                var count = 0
                while j < n, isDigit(bytes[j]) {
                    if count < 9 { value = value * 10 + Int(bytes[j] - 0x30) }
                    count += 1
                    j += 1
                }
                // Ordinal suffixes belong to the number: 15th, 1st, 2nd, 3rd.
                var k = j
                if j + 1 < n {
                    let pair = (ScalarText.asciiLowercased(bytes[j]), ScalarText.asciiLowercased(bytes[j + 1]))
                    if pair == (0x73, 0x74) || pair == (0x6E, 0x64) || pair == (0x72, 0x64) || pair == (0x74, 0x68) {
                        k = j + 2
                        if k < n, isLetter(UTF8Scalar.decode(bytes, at: k).scalar) { k = j }
                    }
                }
                tokens.append(DateToken(range: i..<k, number: value, digits: count))
                i = k
                continue
            }
            let (s, length) = UTF8Scalar.decode(bytes, at: i)
            if isLetter(s) {
                var j = i + length
                var ascii = length == 1
                while j < n {
                    let (t, l) = UTF8Scalar.decode(bytes, at: j)
                    guard isLetter(t) else { break }
                    ascii = ascii && l == 1
                    j += l
                }
                let word = ascii ? vocabulary.word(UnsafeBufferPointer(rebasing: bytes[i..<j])) : .other
                tokens.append(DateToken(range: i..<j, word: word))
                i = j
            } else if ScalarText.isWhitespace(s) {
                i += length
            } else {
                tokens.append(DateToken(range: i..<(i + length), separator: s))
                i += length
            }
        }
        return tokens
    }

    /// The Character scan, for text where a Character may hold several scalars.
    private static func scanCharacters(_ text: String) -> [DateToken] {
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }
        var tokens: [DateToken] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isNumber, c.isASCII {
                var j = i
                var value = 0
                var count = 0
                while j < text.endIndex, text[j].isASCII, let v = text[j].wholeNumberValue {
                    if count < 9 { value = value * 10 + v }
                    count += 1
                    j = text.index(after: j)
                }
                var k = j
                let suffix = text[j...].prefix(2).lowercased()
                if ["st", "nd", "rd", "th"].contains(suffix) {
                    k = text.index(j, offsetBy: 2)
                    if k < text.endIndex, text[k].isLetter { k = j }
                }
                tokens.append(DateToken(range: offset(i)..<offset(k), number: value, digits: count))
                i = k
            } else if c.isLetter {
                var j = i
                while j < text.endIndex, text[j].isLetter { j = text.index(after: j) }
                tokens.append(DateToken(range: offset(i)..<offset(j), word: DateWord(lowercased: text[i..<j].lowercased())))
                i = j
            } else if c.isWhitespace {
                i = text.index(after: i)
            } else {
                let j = text.index(after: i)
                let mark = c.unicodeScalars.count == 1 ? c.unicodeScalars.first! : notASCII
                tokens.append(DateToken(range: offset(i)..<offset(j), separator: mark))
                i = j
            }
        }
        return tokens
    }
}
