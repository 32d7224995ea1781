/// 64-bit hashes (terms, LSH band keys) -> dense ids, numbered in order of first sight: an
/// open-addressing table, because merging looks up every term of every article (about 1.5
/// million at 10,000 articles) and a `Dictionary` spends most of that time hashing keys that
/// are hashes already.
struct DenseIDs {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The id of `key`, and whether it was given just now.
    mutating func id(_ key: UInt64) -> (id: Int32, isNew: Bool) {
        if count * 2 >= keys.count { grow() }
        var slot = DenseIDs.slot(key, mask)
        while values[slot] >= 0 {
            if keys[slot] == key { return (values[slot], false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(count)
        count += 1
        return (values[slot], true)
    }

    /// The id `key` was given earlier (it must have one): a lookup that writes nothing.
    func existing(_ key: UInt64) -> Int32 {
        var slot = DenseIDs.slot(key, mask)
        while values[slot] < 0 || keys[slot] != key { slot = (slot + 1) & mask }
        return values[slot]
    }

    /// FNV hashes are weak in their low bits: a multiply spreads them.
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 {
            var slot = DenseIDs.slot(k, mask)
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = v
        }
    }
}
