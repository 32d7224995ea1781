import BriefModel

extension Boilerplate {
    /// `Boilerplate.key` of a simple line (one scalar per Character), read from its bytes without
    /// lowercasing a whole paragraph: whole when short enough to be a listed line, else only its
    /// head, since a long key can match a listed prefix but never a whole listed line.
    struct LineKey {
        /// The whole key, when at most `keyLimit` characters.
        var full: String?
        /// The key's first `2 * keyLimit` characters, lowercased.
        var head: String
        /// The first `2 * keyLimit` characters of the lowercased, trimmed line, trailing marks kept.
        var trimmedHead: String
        /// The whole key of a long line of exactly three words ("<n> minute read").
        var threeWords: String?

        /// Nil for a line that is not simple: the `Character` code decides those.
        init?(_ line: String) {
            guard ScalarText.isSimple(line) else { return nil }
            self.init(simple: line)
        }

        /// The key of a line known to be simple.
        init(simple line: String) {
            (full, head, trimmedHead, threeWords) = ScalarText.withBytes(line) { LineKey.parts($0) }
        }

        // Lowercasing maps scalar by scalar and never makes or removes white space, so trimming
        // and cutting the line before lowercasing gives the same key as lowercasing first.
        private static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (String?, String, String, String?) {
            func scalarStart(before end: Int) -> Int { ScalarText.scalarStart(bytes, before: end) }
            func lastScalar(before end: Int) -> Unicode.Scalar { UTF8Scalar.decode(bytes, at: scalarStart(before: end)).scalar }
            /// The byte offset `count` scalars after `start`, at most `end`, and whether `end` came first.
            func advance(_ start: Int, by count: Int, end: Int) -> (Int, Bool) {
                var i = start
                var n = 0
                while i < end && n < count { i += UTF8Scalar.decode(bytes, at: i).length; n += 1 }
                return (i, i >= end)
            }
            func lower(_ range: Range<Int>) -> String { ScalarText.lowercased(UnsafeBufferPointer(rebasing: bytes[range])) }
            let trimmed = ScalarText.trimmed(bytes)
            let start = trimmed.lowerBound
            var end = trimmed.upperBound
            let headLength = 2 * Boilerplate.keyLimit
            let headEnd = advance(start, by: headLength, end: end).0
            let trimmedHead = lower(start..<headEnd)
            // Trailing marks go, with the spaces before them.
            while end > start, [":", ".", "…", "-", "»", ">"].contains(lastScalar(before: end)) {
                end = scalarStart(before: end)
                while end > start, ScalarText.isWhitespace(lastScalar(before: end)) { end = scalarStart(before: end) }
            }
            let (_, short) = advance(start, by: Boilerplate.keyLimit, end: end)
            if short { let k = lower(start..<end); return (k, k, trimmedHead, nil) }
            // Only whether there are exactly three words matters: counting stops at the fourth.
            var words = 0
            var inWord = false
            var i = start
            while i < end && words < 4 {
                if bytes[i] == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
                i += 1
            }
            // The key's head is the trimmed line's head unless the trailing marks went into it.
            let head = headEnd <= end ? trimmedHead : lower(start..<advance(start, by: headLength, end: end).0)
            return (nil, head, trimmedHead, words == 3 ? lower(start..<end) : nil)
        }
    }
}
