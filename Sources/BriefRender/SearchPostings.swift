import BriefModel
import Foundation

/// The search index's terms and, for each, the docs it occurs in, made in one pass over the docs'
/// UTF-8. Words are looked up by their bytes in an open-addressing table, so a String is made only
/// for a term's first occurrence in the archive: making one per word, with a set per doc to drop
/// repeats, was most of the search index's time (0.5 s of a 10,000-article rebuild).
/// The terms are those of `SearchIndex.terms`, less stopwords, and the postings what a dictionary
/// keyed by each doc's distinct terms gave.
struct SearchPostings {
    /// Distinct terms, in order of first occurrence.
    private(set) var terms: [String] = []
    /// Doc numbers of each term, ascending and distinct: slices of one array, made at the end
    /// from the (term, doc) hits in doc order. Appending to an array per term checked two arrays
    /// for sharing on every hit.
    private(set) var postings: [ArraySlice<Int>] = []
    private var hits: [(term: Int32, doc: Int32)] = []

    /// ASCII terms' bytes, one after another; each id's place in it (count -1: not an ASCII term).
    private var arena: [UInt8] = []
    private var spans: [(start: Int, count: Int)] = []
    private var unicodeTerms: [String: Int] = [:]
    private var lastDoc: [Int] = []
    private var isStopword: [Bool] = []
    private var slots: [Int32]
    private var mask: Int

    init(texts: [String], stopwords: Set<String>) {
        slots = Array(repeating: -1, count: 1 << 16)
        mask = (1 << 16) - 1
        for word in stopwords.sorted() {
            var word = word
            word.withUTF8 { let id = self.id(of: UnsafeRawBufferPointer($0)); isStopword[id] = true }   // all ASCII
        }
        for (doc, text) in texts.enumerated() { add(text, doc: doc) }
        // Each term's docs, the hits grouped by term (stable: docs stay ascending).
        let byTerm = Buckets(hits, count: terms.count, bucket: { Int($0.term) }, value: { Int($0.doc) })
        postings = terms.indices.map { byTerm[$0] }
        hits = []
    }

    /// Adds the terms of one doc's text.
    private mutating func add(_ text: String, doc: Int) {
        SearchIndex.forEachTerm(text) { occurs($0, isASCII: $1, doc: doc) }
    }

    private mutating func occurs(_ word: UnsafeRawBufferPointer, isASCII: Bool, doc: Int) {
        let id = isASCII ? id(of: word) : id(ofUnicode: String(decoding: word, as: UTF8.self))
        guard !isStopword[id], lastDoc[id] != doc else { return }
        lastDoc[id] = doc
        hits.append((Int32(id), Int32(doc)))
    }

    /// The id of a term with letters beyond ASCII. Such terms are Strings compared as Swift compares
    /// them, by canonical equivalence, as the index always keyed them: "é" typed as one code point
    /// and as "e" with an accent are one term.
    private mutating func id(ofUnicode term: String) -> Int {
        if let id = unicodeTerms[term] { return id }
        let id = newTerm(term)
        unicodeTerms[term] = id
        spans.append((0, -1))
        return id
    }

    private mutating func newTerm(_ term: String) -> Int {
        terms.append(term)
        lastDoc.append(-1)
        isStopword.append(false)
        return terms.count - 1
    }

    /// The id of an ASCII term, found by its bytes, added when new.
    private mutating func id(of word: UnsafeRawBufferPointer) -> Int {
        var slot = SearchPostings.slot(word, mask: mask)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            let span = spans[id]
            if span.count == word.count, arena.withUnsafeBytes({ SearchPostings.same($0.baseAddress! + span.start, word.baseAddress!, word.count) }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = newTerm(String(decoding: word, as: UTF8.self))
        slots[slot] = Int32(id)
        spans.append((arena.count, word.count))
        arena.append(contentsOf: word)
        if terms.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the table, placing every term again (kept under half full).
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        arena.withUnsafeBytes { all in
            for (id, span) in spans.enumerated() where span.count >= 0 {
                var slot = SearchPostings.slot(UnsafeRawBufferPointer(rebasing: all[span.start..<span.start + span.count]), mask: mask)
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
            }
        }
    }

    /// Where a word's probe starts: its bytes taken eight at a time (FNV-1a, a multiply per byte,
    /// was most of the time spent finding a term). Only the table's layout depends on it.
    private static func slot(_ word: UnsafeRawBufferPointer, mask: Int) -> Int {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = word.count
        var h = UInt64(n) &* k
        var i = 0
        while i + 8 <= n {
            h = (h ^ word.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(word[i]) << shift; shift += 8; i += 1 }
        // A multiply moves bits only upwards: fold the high half down before and after the last one.
        h = (h ^ tail) &* k
        h = (h ^ (h >> 32)) &* k
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    /// Whether `count` bytes at `a` and `b` are equal, eight at a time (terms are short: calling
    /// `memcmp` cost more than comparing).
    private static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < count {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }
}
