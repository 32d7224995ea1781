/// MinHash signatures over word shingles: the estimated Jaccard similarity of two shingle
/// sets is the fraction of positions where their signatures agree.
struct MinHash: Sendable {
    let count: Int
    private let multipliers: [UInt64]
    private let offsets: [UInt64]

    init(count: Int = 64, seed: UInt64 = 0x9E3779B97F4A7C15) {
        self.count = count
        var state = seed
        var a: [UInt64] = [], b: [UInt64] = []
        for _ in 0..<count {
            a.append(MinHash.splitMix(&state) | 1) // odd, so the multiply is a bijection
            b.append(MinHash.splitMix(&state))
        }
        multipliers = a; offsets = b
    }

    /// Hashes of each run of `size` consecutive words.
    static func shingles(_ words: [UInt64], size: Int = 4) -> [UInt64] {
        guard words.count >= size else { return words.isEmpty ? [] : [combine(words[...])] }
        var out: [UInt64] = []
        out.reserveCapacity(words.count - size + 1)
        for i in 0...(words.count - size) { out.append(combine(words[i..<(i + size)])) }
        return out
    }

    /// One strong mix per shingle, then a cheap multiply-add per permutation. Four permutations
    /// at a time over all shingles: their multipliers, offsets and minima stay in registers,
    /// where one permutation at a time loads and stores them for every shingle of every article.
    func signature(_ shingles: [UInt64]) -> [UInt64] {
        let mixed = shingles.map { s in
            var x = s
            return MinHash.splitMix(&x)
        }
        var sig = [UInt64](repeating: .max, count: count)
        let (a, b) = (multipliers, offsets)
        var i = 0
        while i + 4 <= count {
            let (a0, a1, a2, a3) = (a[i], a[i + 1], a[i + 2], a[i + 3])
            let (b0, b1, b2, b3) = (b[i], b[i + 1], b[i + 2], b[i + 3])
            var (m0, m1, m2, m3) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
            for x in mixed {
                m0 = min(m0, x &* a0 &+ b0); m1 = min(m1, x &* a1 &+ b1)
                m2 = min(m2, x &* a2 &+ b2); m3 = min(m3, x &* a3 &+ b3)
            }
            (sig[i], sig[i + 1], sig[i + 2], sig[i + 3]) = (m0, m1, m2, m3)
            i += 4
        }
        for j in i..<count {
            for x in mixed { sig[j] = min(sig[j], x &* a[j] &+ b[j]) }
        }
        return sig
    }

    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty, a.count == b.count else { return 0 }
        let same = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var same = 0
                for i in 0..<a.count where a[i] == b[i] { same += 1 }
                return same
            }
        }
        return Double(same) / Double(a.count)
    }

    /// LSH band keys: documents sharing any key are near-duplicate candidates.
    static func bandKeys(_ sig: [UInt64], rows: Int) -> [UInt64] {
        var keys: [UInt64] = []
        var band = 0
        var i = 0
        while i + rows <= sig.count {
            var h: UInt64 = 0xcbf29ce484222325 &+ UInt64(band)
            for r in i..<(i + rows) { h = (h ^ sig[r]) &* 0x100000001b3 }
            keys.append(h)
            band += 1; i += rows
        }
        return keys
    }

    private static func combine(_ words: ArraySlice<UInt64>) -> UInt64 {
        var h: UInt64 = 0x84222325cbf29ce4
        for w in words { h = (h ^ w) &* 0x100000001b3; h ^= h >> 29 }
        return h
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
