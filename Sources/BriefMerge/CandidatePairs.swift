import BriefModel

/// Which article pairs are worth comparing, found from indexes instead of all n² pairs:
/// an inverted index over rare terms (long posting lists skipped) for same-event reports,
/// and MinHash LSH bands for near-duplicate copies.
struct CandidatePairs {
    /// Terms in more articles than this are too common to find candidates by.
    static let postingCap = 150
    /// Each article looks candidates up by its heaviest terms only.
    static let queryTerms = 30
    /// And keeps its best-scoring candidates only.
    static let perArticle = 40
    static let bandRows = 2

    /// Pairs (i < j) as one key each, `i << 32 | j`; ascending, no repeats.
    var related: [UInt64] = []
    var nearDuplicates: [UInt64] = []
    /// Both kinds, ascending, no repeats.
    var all: [UInt64] { CandidatePairs.union(related, nearDuplicates) }

    static func key(_ i: Int, _ j: Int) -> UInt64 {
        let (a, b) = i < j ? (i, j) : (j, i)
        return UInt64(a) << 32 | UInt64(b)
    }

    init(vectors: [TermVector], signatures: [[UInt64]], days: [Int?], active: [Bool], maxDayGap: Int) {
        let n = vectors.count
        @Sendable func datesAllow(_ i: Int, _ j: Int) -> Bool {
            guard let a = days[i], let b = days[j] else { return true }
            return abs(a - b) <= maxDayGap
        }

        // Inverted index: term id -> (article, weight), only for terms rare enough. Term ids
        // are dense, so plain arrays index them.
        var vocabulary = 0
        for v in vectors { if let last = v.ids.last { vocabulary = max(vocabulary, Int(last) + 1) } }
        var df = [Int](repeating: 0, count: vocabulary)
        for (i, v) in vectors.enumerated() where active[i] { for id in v.ids { df[Int(id)] += 1 } }
        var postings = [[(Int32, Float)]](repeating: [], count: vocabulary)
        for (i, v) in vectors.enumerated() where active[i] {
            for (k, id) in v.ids.enumerated() where df[Int(id)] > 1 && df[Int(id)] <= CandidatePairs.postingCap {
                postings[Int(id)].append((Int32(i), v.weights[k]))
            }
        }

        // Each article's query is independent: a chunk of articles per task, with its own scores.
        let chunk = 512
        let index = postings
        let found = parallelMap(Array(stride(from: 0, to: n, by: chunk))) { start -> [UInt64] in
            var keys: [UInt64] = []
            var score = [Float](repeating: 0, count: n)
            var touched: [Int] = []
            for i in start..<min(start + chunk, n) where active[i] {
                let v = vectors[i]
                // The heaviest terms, heaviest first (ties by position, as a stable sort gives them):
                // their order fixes the order scores are summed in.
                let order = CandidatePairs.top(CandidatePairs.queryTerms, of: v.weights.indices) { v.weights[$0] }
                for k in order {
                    let list = index[Int(v.ids[k])]
                    if list.isEmpty { continue }
                    let w = v.weights[k]
                    for (j32, wj) in list {
                        let j = Int(j32)
                        if j == i { continue }
                        if score[j] == 0 { touched.append(j) }
                        score[j] += w * wj
                    }
                }
                for j in CandidatePairs.top(CandidatePairs.perArticle, of: touched.indices, by: { score[touched[$0]] }) where datesAllow(i, touched[j]) {
                    keys.append(CandidatePairs.key(i, touched[j]))
                }
                for j in touched { score[j] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return keys
        }
        related = CandidatePairs.unique(found.flatMap { $0 })

        // LSH: any shared band bucket makes a candidate; verified against the full signature later.
        var buckets: [UInt64: [Int32]] = [:]
        for i in 0..<n where active[i] && !signatures[i].isEmpty {
            for key in MinHash.bandKeys(signatures[i], rows: CandidatePairs.bandRows) {
                buckets[key, default: []].append(Int32(i))
            }
        }
        var near: [UInt64] = []
        for (_, list) in buckets where list.count > 1 && list.count <= CandidatePairs.postingCap * 4 {
            for a in 0..<list.count {
                for b in (a + 1)..<list.count { near.append(CandidatePairs.key(Int(list[a]), Int(list[b]))) }
            }
        }
        nearDuplicates = CandidatePairs.unique(near)
    }

    /// Sorted, repeats removed: sorting an array beats hashing millions of keys into a set.
    static func unique(_ keys: [UInt64]) -> [UInt64] {
        var keys = keys
        keys.sort()
        var out: [UInt64] = []
        out.reserveCapacity(keys.count)
        for k in keys where out.last != k { out.append(k) }
        return out
    }

    /// The union of two ascending, repeat-free lists.
    static func union(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    /// The positions of the `k` largest values, largest first, ties by position: what a stable
    /// descending sort and `prefix(k)` give, without sorting every candidate of every article.
    static func top(_ k: Int, of positions: Range<Int>, by value: (Int) -> Float) -> [Int] {
        func above(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (value(a), value(b))
            return x != y ? x > y : a < b
        }
        if positions.count <= k { return positions.sorted(by: above) }
        // A min-heap (by `above`) of the best k so far: its root is the weakest kept.
        var heap = Array(positions.prefix(k))
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && above(heap[m], heap[l]) { m = l }
                if r < heap.count && above(heap[m], heap[r]) { m = r }
                if m == i { return }
                heap.swapAt(i, m); i = m
            }
        }
        for i in stride(from: k / 2 - 1, through: 0, by: -1) { siftDown(i) }
        for p in positions.dropFirst(k) where above(p, heap[0]) {
            heap[0] = p
            siftDown(0)
        }
        return heap.sorted(by: above)
    }
}
