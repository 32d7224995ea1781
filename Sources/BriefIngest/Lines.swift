import BriefModel

/// Text split into clean, numbered lines and paragraphs, the shape every reader hands on.
struct Line: Hashable {
    /// Setting it counts the new text's words again.
    var text: String { didSet { simpleWords = ScalarText.simpleWordCount(text) } }
    /// 1-based line in the source text, for evidence and messages.
    var number: Int
    /// `ScalarText.simpleWordCount(text)`: counted where the line is made (normalising reads every
    /// byte anyway), so the reader's header, boilerplate and repeat tests do not walk the text again.
    private(set) var simpleWords: Int?

    init(text: String, number: Int) {
        self.init(text: text, number: number, simpleWords: ScalarText.simpleWordCount(text))
    }

    /// A line whose `simpleWords` its maker already knows.
    fileprivate init(text: String, number: Int, simpleWords: Int?) {
        self.text = text
        self.number = number
        self.simpleWords = simpleWords
    }

    /// `ScalarText.wordCount(text)`.
    var words: Int { simpleWords ?? text.split(separator: " ").count }
}

enum Lines {
    /// Normalises white space (tabs, no-break and other spaces, runs of spaces) in one line.
    static func normalise(_ line: Substring) -> String {
        ScalarText.withBytes(line) { normalise($0).text }
    }

    /// One normalised line of a page's or a feed's paragraphs.
    static func line(_ text: Substring, number: Int) -> Line {
        let (normalised, words) = ScalarText.withBytes(text) { normalise($0) }
        return Line(text: normalised, number: number, simpleWords: words)
    }

    /// The same on bytes: ASCII decides by byte, other scalars by their Unicode properties. Also
    /// returns the result's `ScalarText.simpleWordCount`: it holds no CR (a space now) and single
    /// spaces only, so its words are its spaces plus one, and it is simple when each kept non-ASCII
    /// scalar stands alone.
    private static func normalise(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, simpleWords: Int?) {
        var spaces = 0
        var simple = true
        let text = String(unsafeUninitializedCapacity: bytes.count, initializingUTF8With: { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // Printable ASCII other than space, most of any text, decided by one comparison.
                if b &- 0x21 < 0x5E {
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false; spaces += 1 }
                    out[count] = b
                    count += 1
                    i += 1
                    continue
                }
                if b < 0x80 {
                    i += 1
                    if ScalarText.isASCIIWhitespace(b) { pendingSpace = count > 0; continue }
                    if b < 32 || b == 127 { continue }
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false; spaces += 1 }
                    out[count] = b
                    count += 1
                    continue
                }
                let (s, length) = UTF8Scalar.decode(bytes, at: i)
                if s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}" {
                    pendingSpace = count > 0
                } else {
                    // A collapsed run is one space where it had at least one byte, so the output never outgrows the input.
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false; spaces += 1 }
                    for k in 0..<length { out[count + k] = bytes[i + k] }
                    count += length
                    simple = simple && ScalarText.isStandalone(s.value)
                }
                i += length
            }
            return count
        })
        return (text, simple ? (text.isEmpty ? 0 : spaces + 1) : nil)
    }

    /// Paragraphs: each non-empty line, or, for hard-wrapped text and Markdown, each blank-line-separated block joined.
    static func paragraphs(_ text: String, joinBlocks: Bool? = nil) -> [Line] {
        var lines: [Line] = []
        var blocks: [[Line]] = [[]]
        ScalarText.withBytes(text) { bytes in
            // Lines end at "\n" but not inside "\r\n", which is one Character: the splitting
            // on Characters this replaces kept CRLF text in one line, and results must not change.
            var start = 0
            var number = 1
            var i = 0
            while i <= bytes.count {
                if i == bytes.count || (bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D)) {
                    let (t, words) = normalise(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    if t.isEmpty {
                        if !(blocks.last!.isEmpty) { blocks.append([]) }
                    } else {
                        let line = Line(text: t, number: number, simpleWords: words)
                        lines.append(line)
                        blocks[blocks.count - 1].append(line)
                    }
                    number += 1
                    start = i + 1
                }
                i += 1
            }
        }
        let join = joinBlocks ?? looksHardWrapped(blocks)
        guard join else { return lines }
        return blocks.filter { !$0.isEmpty }.map { block in
            // Joined by one space, lines without end spaces: simple when each is, their words summed.
            let words = block.allSatisfy { $0.simpleWords != nil } ? block.reduce(0) { $0 + $1.simpleWords! } : nil
            return Line(text: block.map(\.text).joined(separator: " "), number: block[0].number, simpleWords: words)
        }
    }

    /// Hard-wrapped text: most lines of multi-line blocks are 40-80 characters long.
    private static func looksHardWrapped(_ blocks: [[Line]]) -> Bool {
        let inner = blocks.filter { $0.count >= 2 }.flatMap { $0.dropLast() }
        guard inner.count >= 4 else { return false }
        let wrapped = inner.filter { $0.text.utf8.count >= 40 && (40...80).contains($0.text.count) }.count
        return wrapped * 10 >= inner.count * 7
    }
}
