/// Text split into clean, numbered lines and paragraphs, the shape every reader hands on.
struct Line: Hashable {
    var text: String
    /// 1-based line in the source text, for evidence and messages.
    var number: Int
}

enum Lines {
    /// Normalises white space (tabs, no-break and other spaces, runs of spaces) in one line.
    static func normalise(_ line: Substring) -> String {
        ScalarText.withBytes(line) { normalise($0) }
    }

    /// The same on bytes: ASCII decides by byte, other scalars by their Unicode properties.
    private static func normalise(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count, initializingUTF8With: { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    if ScalarText.isASCIIWhitespace(b) { pendingSpace = count > 0; continue }
                    if b < 32 || b == 127 { continue }
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = b
                    count += 1
                    continue
                }
                let (s, length) = ScalarText.decode(bytes, at: i)
                if s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}" {
                    pendingSpace = count > 0
                } else {
                    // A collapsed run is one space where it had at least one byte, so the output never outgrows the input.
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    for k in 0..<length { out[count + k] = bytes[i + k] }
                    count += length
                }
                i += length
            }
            return count
        })
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
                    let t = normalise(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    if t.isEmpty {
                        if !(blocks.last!.isEmpty) { blocks.append([]) }
                    } else {
                        let line = Line(text: t, number: number)
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
            Line(text: block.map(\.text).joined(separator: " "), number: block[0].number)
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
