/// One word of a text, reduced to what merging compares: a 64-bit hash of its folded,
/// lightly stemmed form plus the flags that make it a name or a number.
struct Word: Sendable {
    var hash: UInt64
    /// Capitalised where capitals mean something: not the first word of a sentence.
    var isName: Bool
    var isNumber: Bool
    var isStop: Bool
    var length: Int
}

/// Splits text into words by walking its Unicode scalars once; no regular expressions,
/// because this runs over every word of every article.
enum WordScanner {
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        out.reserveCapacity(text.utf8.count / 5)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        var inWord = false
        var numeric = true
        var capital = false
        var startsSentence = true
        var wordStartsSentence = true
        var pendingApostrophe = false

        func flush() {
            guard inWord else { return }
            inWord = false
            if !numeric { stem(&buffer) }
            if buffer.isEmpty { return }
            let h = fnv(buffer)
            let isStop = !numeric && (buffer.count < 3 || Lexicon.stopHashes.contains(h))
            let name = capital && !wordStartsSentence && !numeric && !Lexicon.calendarHashes.contains(h)
            out.append(Word(hash: h, isName: name, isNumber: numeric, isStop: isStop, length: buffer.count))
            buffer.removeAll(keepingCapacity: true)
        }

        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            if v >= 48 && v <= 57 {
                if !inWord { begin(digit: true) }
                if pendingApostrophe { pendingApostrophe = false }
                buffer.append(UInt8(v))
            } else if (v >= 97 && v <= 122) || (v >= 65 && v <= 90) {
                if !inWord { begin(digit: false); capital = v <= 90 }
                if pendingApostrophe {
                    pendingApostrophe = false
                    // "Iran's" -> "iran": a possessive s is not part of the name.
                    let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                    if (v == 115 || v == 83) && !isLetter(next) { i += 1; continue }
                }
                numeric = false
                buffer.append(UInt8(v | 0x20))
            } else if v > 127 && s.properties.isAlphabetic {
                if !inWord { begin(digit: false); capital = s.properties.isUppercase }
                pendingApostrophe = false
                numeric = false
                for b in String(s).lowercased().utf8 { buffer.append(b) }
            } else if inWord && (v == 39 || v == 0x2019) && !numeric {
                pendingApostrophe = true
            } else if inWord && numeric && (v == 44 || v == 46) && i + 1 < scalars.count
                        && scalars[i + 1].value >= 48 && scalars[i + 1].value <= 57 {
                // "6,000" and "2.5" stay one number.
            } else {
                pendingApostrophe = false
                flush()
                if v == 46 || v == 33 || v == 63 || v == 10 || v == 58 { startsSentence = true }
            }
            i += 1
        }
        flush()
        return out

        func begin(digit: Bool) {
            inWord = true
            numeric = digit
            capital = false
            wordStartsSentence = startsSentence
            startsSentence = false
        }
    }

    /// Content-word hashes of a text, for overlap tests between sentences.
    static func contentSet(_ text: String) -> Set<UInt64> {
        Set(words(text).lazy.filter { !$0.isStop }.map(\.hash))
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v > 127 && s.properties.isAlphabetic)
    }

    /// Plural folding only: "sanctions" and "sanction" should meet, anything heavier
    /// starts joining different words.
    static func stem(_ w: inout [UInt8]) {
        let n = w.count
        guard n > 4, w[n - 1] == 115 else { return }
        if w[n - 2] == 101 && w[n - 3] == 105 { w.removeLast(3); w.append(121); return } // ies -> y
        if w[n - 2] == 115 || w[n - 2] == 117 || w[n - 2] == 105 { return } // ss, us, is
        w.removeLast()
    }

    static func fnv<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return h
    }

    static func hash(_ word: String) -> UInt64 {
        var bytes = Array(word.lowercased().utf8)
        stem(&bytes)
        return fnv(bytes)
    }
}
