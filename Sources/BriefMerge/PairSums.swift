/// Summed similarity per unordered pair of clusters, for average-link clustering: an
/// open-addressing table keyed by the pair, because a `Dictionary` per cluster spent most of
/// clustering's time hashing its Int keys. Merges only move pairs (one removed for each one
/// added at most), so the table never holds more than it started with and never grows.
struct PairSums {
    /// `CandidatePairs.key` of the pair; 0 (the pair 0, 0, never stored) marks an empty slot.
    private var keys: [UInt64]
    private var sums: [Float]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        sums = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    func value(_ a: Int, _ b: Int) -> Float? {
        let key = CandidatePairs.key(a, b)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return sums[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `s` to the pair's sum (from 0 if absent); true when the pair was absent.
    mutating func add(_ a: Int, _ b: Int, _ s: Float) -> Bool {
        let key = CandidatePairs.key(a, b)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { sums[slot] += s; return false }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        sums[slot] = 0 + s
        return true
    }

    /// Takes the pair out, returning its sum; nil if it was not there.
    mutating func remove(_ a: Int, _ b: Int) -> Float? {
        let key = CandidatePairs.key(a, b)
        var slot = home(key)
        while keys[slot] != key {
            if keys[slot] == 0 { return nil }
            slot = (slot + 1) & mask
        }
        let sum = sums[slot]
        // Later entries of the run move back into the gap when their home allows it, so
        // lookups never need markers of removed entries.
        var gap = slot, next = slot
        while true {
            next = (next + 1) & mask
            if keys[next] == 0 { break }
            let h = home(keys[next])
            // Stays when its home lies cyclically in (gap, next].
            let stays = gap <= next ? (gap < h && h <= next) : (gap < h || h <= next)
            if stays { continue }
            keys[gap] = keys[next]; sums[gap] = sums[next]
            gap = next
        }
        keys[gap] = 0
        return sum
    }

    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
