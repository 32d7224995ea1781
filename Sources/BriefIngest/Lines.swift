/// Text split into clean, numbered lines and paragraphs, the shape every reader hands on.
struct Line: Hashable {
    var text: String
    /// 1-based line in the source text, for evidence and messages.
    var number: Int
}

enum Lines {
    /// Normalises white space (tabs, no-break and other spaces, runs of spaces) in one line.
    static func normalise(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in line.unicodeScalars {
            if s.properties.isWhitespace || s == "\u{200B}" || s == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if s.value < 32 || s.value == 127 { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    /// Paragraphs: each non-empty line, or, for hard-wrapped text and Markdown, each blank-line-separated block joined.
    static func paragraphs(_ text: String, joinBlocks: Bool? = nil) -> [Line] {
        let raw = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        var lines: [Line] = []
        var blocks: [[Line]] = [[]]
        for (i, l) in raw.enumerated() {
            let t = normalise(l)
            if t.isEmpty {
                if !(blocks.last!.isEmpty) { blocks.append([]) }
            } else {
                let line = Line(text: t, number: i + 1)
                lines.append(line)
                blocks[blocks.count - 1].append(line)
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
        let wrapped = inner.filter { (40...80).contains($0.text.count) }.count
        return wrapped * 10 >= inner.count * 7
    }
}
