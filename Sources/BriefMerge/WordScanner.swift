import BriefModel

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

/// Splits text into words by walking its UTF-8 bytes once, decoding a scalar only where a
/// byte is not ASCII; no regular expressions, because this runs over every word of every
/// article (twice: for the clustering features and for the brief's sentences).
enum WordScanner {
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        words(text, into: &out)
        return out
    }

    /// The words of `text` appended to `out`, which callers reuse across texts.
    static func words(_ text: String, into out: inout [Word]) {
        WordScan().run(text, into: &out)
    }

    /// `ContentSets` of one text.
    static func contentSet(_ text: String) -> [UInt64] {
        var sets = ContentSets()
        var text = text
        _ = text.withUTF8 { sets.append($0) }
        return sets.hashes
    }

    /// The hash a word of the text gets (lowercased, plural folded): for word lists.
    static func hash(_ word: String) -> UInt64 {
        var folded = FoldedWord()
        for b in word.lowercased().utf8 { folded.append(b) }
        return folded.stemmed().hash
    }
}

/// Content-word hashes of texts, each text's ascending and without repeats, for overlap tests
/// between sentences: sorted arrays compare by one merge, without hashing. The sets of many
/// texts (an article's sentences) go one after another into one array, read by one scanner
/// into one word buffer.
struct ContentSets {
    private(set) var hashes: [UInt64] = []
    private let scan = WordScan()
    private var words: [Word] = []

    /// Appends the set of the words of `bytes`; returns where it is in `hashes`.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        words.removeAll(keepingCapacity: true)
        words.reserveCapacity(bytes.count / 5)
        scan.run(bytes, into: &words)
        let start = hashes.count
        for w in words where !w.isStop { hashes.append(w.hash) }
        let kept = hashes.withUnsafeMutableBufferPointer { ContentSets.sortUnique(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        hashes.removeLast(hashes.count - start - kept)
        return start..<hashes.count
    }

    /// Sorts `set` and moves its distinct values to the front, ascending; returns how many there are.
    static func sortUnique(_ set: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var set = set
        set.sort()
        var kept = 0
        for k in set.indices where kept == 0 || set[k] != set[kept - 1] {
            set[kept] = set[k]
            kept += 1
        }
        return kept
    }
}

/// The bytes of the word being read, folded to lower case, kept only as their FNV-1a hash:
/// with the hashes before the last three bytes and those bytes, which is all plural folding
/// needs to hash the stemmed word without a buffer.
struct FoldedWord {
    static let basis = FNV1a.basis

    private(set) var count = 0
    private var hash = FoldedWord.basis
    /// Hashes before the last byte, the last two, the last three.
    private var before1 = FoldedWord.basis, before2 = FoldedWord.basis, before3 = FoldedWord.basis
    /// The last three bytes, the last in the low byte.
    private var last: UInt32 = 0

    var isEmpty: Bool { count == 0 }

    mutating func append(_ b: UInt8) {
        (before3, before2, before1) = (before2, before1, hash)
        last = last << 8 | UInt32(b)
        hash = FoldedWord.step(hash, b)
        count += 1
    }

    /// The word as it is: hash and length.
    func plain() -> (hash: UInt64, length: Int) { (hash, count) }

    /// Plural folding only: "sanctions" and "sanction" should meet, anything heavier
    /// starts joining different words. "-ies" -> "-y"; "-ss", "-us", "-is" stay; "-s" goes.
    func stemmed() -> (hash: UInt64, length: Int) {
        guard count > 4, last & 0xFF == 115 else { return (hash, count) }
        let (last2, last3) = (last >> 8 & 0xFF, last >> 16 & 0xFF)
        if last2 == 101 && last3 == 105 { return (FoldedWord.step(before3, 121), count - 2) }
        if last2 == 115 || last2 == 117 || last2 == 105 { return (hash, count) }
        return (before1, count - 1)
    }

    private static func step(_ h: UInt64, _ b: UInt8) -> UInt64 { FNV1a.adding(h, b) }
}

/// One pass of `WordScanner` over a text: between words, bytes are only checked for ending a
/// sentence; a word is read to its end by an inner loop that keeps its state in locals.
/// Callers that scan many texts keep one: making it reads the two global word tables
/// (a `swift_once` check and retains each).
struct WordScan {
    let stops: WordHashes
    let calendar: WordHashes

    init(stops: WordHashes = Lexicon.stopHashes, calendar: WordHashes = Lexicon.calendarHashes) {
        self.stops = stops
        self.calendar = calendar
    }

    /// The words of `text` appended to `out`.
    func run(_ text: String, into out: inout [Word]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count / 5)
            run(bytes, into: &out)
        }
    }

    func run(_ b: UnsafeBufferPointer<UInt8>, into out: inout [Word]) {
        var startsSentence = true
        var i = 0
        while i < b.count {
            let c = b[i]
            var v = UInt32(c), width = 1
            if c >= 0x80 { let d = UTF8Scalar.decode(b, at: i); (v, width) = (d.scalar.value, d.length) }
            let capital: Bool
            if (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) {
                capital = v >= 65 && v <= 90
            } else if v > 127, let s = Unicode.Scalar(v), s.properties.isAlphabetic {
                capital = s.properties.isUppercase
            } else {
                if v == 46 || v == 33 || v == 63 || v == 10 || v == 58 { startsSentence = true }
                i += width
                continue
            }
            let wordStartsSentence = startsSentence
            startsSentence = false
            i = word(b, from: i, capital: capital, startsSentence: wordStartsSentence, into: &out)
            // The scalar that ended the word, if any, ends a sentence like any between words.
            if i < b.count {
                let e = b[i]
                if e == 46 || e == 33 || e == 63 || e == 10 || e == 58 { startsSentence = true }
                i += e < 0x80 ? 1 : UTF8Scalar.decode(b, at: i).length
            }
        }
    }

    /// Reads the word starting at `i` (a letter or digit), appends it, and returns the
    /// position of the scalar that ended it (or the end of the text).
    private func word(_ b: UnsafeBufferPointer<UInt8>, from start: Int, capital: Bool, startsSentence: Bool,
                      into out: inout [Word]) -> Int {
        var word = FoldedWord()
        var numeric = b[start] >= 48 && b[start] <= 57
        var pendingApostrophe = false
        var i = start
        scan: while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if (c >= 97 && c <= 122) || (c >= 65 && c <= 90) {
                    if pendingApostrophe {
                        pendingApostrophe = false
                        // "Iran's" -> "iran": a possessive s is not part of the name.
                        if (c == 115 || c == 83) && !WordScan.isLetter(b, at: i + 1) { i += 1; continue }
                    }
                    numeric = false
                    word.append(c | 0x20)
                } else if c >= 48 && c <= 57 {
                    pendingApostrophe = false
                    word.append(c)
                } else if c == 39 && !numeric {
                    pendingApostrophe = true
                } else if numeric && (c == 44 || c == 46) && i + 1 < b.count && b[i + 1] >= 48 && b[i + 1] <= 57 {
                    // "6,000" and "2.5" stay one number.
                } else {
                    break scan
                }
                i += 1
            } else {
                let (s, width) = UTF8Scalar.decode(b, at: i)
                if s.properties.isAlphabetic {
                    pendingApostrophe = false
                    numeric = false
                    for byte in String(s).lowercased().utf8 { word.append(byte) }
                } else if s.value == 0x2019 && !numeric {
                    pendingApostrophe = true
                } else {
                    break scan
                }
                i += width
            }
        }
        if word.isEmpty { return i }
        let (h, length) = numeric ? word.plain() : word.stemmed()
        let isStop = !numeric && (length < 3 || stops.contains(h))
        let name = capital && !startsSentence && !numeric && !calendar.contains(h)
        out.append(Word(hash: h, isName: name, isNumber: numeric, isStop: isStop, length: length))
        return i
    }

    /// Whether the scalar at `i` is a letter; past the end is not.
    private static func isLetter(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) }
        return UTF8Scalar.decode(b, at: i).scalar.properties.isAlphabetic
    }
}
