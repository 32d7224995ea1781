/// A fixed set of word hashes (stop words, calendar words) that every word of every text is
/// looked up in: open addressing on the hash's own bits, where a `Set<UInt64>` would hash
/// the hash again with SipHash on each lookup.
struct WordHashes: Sendable {
    private var slots: [UInt64]
    private var shift: UInt64
    /// 0 marks an empty slot; a word hashing to 0 is kept aside.
    private var hasZero = false

    init(_ hashes: some Sequence<UInt64>) {
        let unique = Set(hashes)
        var bits: UInt64 = 4
        while 1 << bits < unique.count * 4 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
        for h in unique {
            if h == 0 { hasZero = true; continue }
            var slot = index(h)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = h
        }
    }

    func contains(_ h: UInt64) -> Bool {
        if h == 0 { return hasZero }
        var slot = index(h)
        while true {
            let s = slots[slot]
            if s == h { return true }
            if s == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// FNV hashes are weak in their low bits: a multiply spreads them into the high ones.
    private func index(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
