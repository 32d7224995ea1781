import BriefModel

/// A fixed set of lowercase words, looked up by a hash of the word's UTF-8 bytes that the
/// scanner makes for every token while lowering it (`Token.lowerHash`). Name finding asks the
/// word lists about the same token many times; a `Set<String>` hashed the String again each time.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table = WordTable()

    init(_ words: some Sequence<String>) {
        for w in words { _ = table.number(w, hash: WordHash.of(w)) }
    }

    init(arrayLiteral words: String...) { self.init(words) }

    mutating func insert(_ word: String) { _ = table.number(word, hash: WordHash.of(word)) }

    func contains(_ word: String) -> Bool { table.existing(word, hash: WordHash.of(word)) != nil }

    func contains(_ t: Token) -> Bool { contains(t.lower, hash: t.lowerHash) }

    /// A word whose `WordHash` is known.
    func contains(_ word: String, hash: UInt64) -> Bool { table.existing(word, hash: hash) != nil }
}

/// Lowercase words (or name keys) to entry numbers, looked up by `WordHash` like `WordSet`:
/// a token's own hash, or the hash of a key made from several tokens.
struct WordIndex: Sendable {
    private var table = WordTable()
    private var values: [Int] = []

    subscript(_ word: String) -> Int? {
        get { self[word, hash: WordHash.of(word)] }
        set { self[word, hash: WordHash.of(word)] = newValue }
    }

    subscript(_ word: String, hash hash: UInt64) -> Int? {
        get { table.existing(word, hash: hash).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("WordIndex entries are never removed") }
            let n = table.number(word, hash: hash)
            if n == values.count { values.append(newValue) } else { values[n] = newValue }
        }
    }

    subscript(_ t: Token) -> Int? { self[t.lower, hash: t.lowerHash] }
}

/// FNV-1a over a word's UTF-8 bytes: cheap to make byte by byte while a word is lowered.
enum WordHash {
    static let basis = FNV1a.basis

    @inline(__always) static func adding(_ h: UInt64, _ b: UInt8) -> UInt64 { FNV1a.adding(h, b) }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = basis
        for b in bytes { h = adding(h, b) }
        return h
    }

    static func of(_ word: String) -> UInt64 {
        var h = basis
        for b in word.utf8 { h = adding(h, b) }
        return h
    }
}

/// Words numbered as first added, found by `WordHash` with the word compared on a hash match
/// (open addressing; the numbers index the caller's own arrays).
struct WordTable: Sendable {
    private(set) var words: [String] = []
    private(set) var hashes: [UInt64] = []
    /// Word number + 1 per slot, 0 when empty; a power of two in size, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    var count: Int { words.count }

    @inline(__always) private func slot(_ hash: UInt64) -> Int {
        // Fibonacci hashing: the top bits of the product spread FNV's low-bit patterns.
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slots.count - 1)
    }

    /// The word's number, or nil when it was never added.
    func existing(_ word: String, hash: UInt64) -> Int? {
        var i = slot(hash)
        let mask = slots.count - 1
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if hashes[s - 1] == hash, words[s - 1] == word { return s - 1 }
            i = (i + 1) & mask
        }
    }

    /// The word's number, adding it if new.
    @discardableResult
    mutating func number(_ word: String, hash: UInt64) -> Int {
        var i = slot(hash)
        let mask = slots.count - 1
        while true {
            let s = Int(slots[i])
            if s == 0 { break }
            if hashes[s - 1] == hash, words[s - 1] == word { return s - 1 }
            i = (i + 1) & mask
        }
        let n = words.count
        words.append(word); hashes.append(hash)
        slots[i] = Int32(n + 1)
        if 2 * words.count > slots.count { grow() }
        return n
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for n in words.indices {
            var i = slot(hashes[n])
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(n + 1)
        }
    }
}
