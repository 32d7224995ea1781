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

        let index = PostingLists(vectors: vectors, active: active, maxLength: CandidatePairs.postingCap)

        // Each article's query is independent: a chunk of articles per task, with its own scores,
        // sorted there too, so the chunks only need merging.
        let chunk = 512
        related = CandidatePairs.merged(parallelMap(Array(stride(from: 0, to: n, by: chunk))) { start in
            CandidatePairs.unique(CandidatePairs.related(start..<min(start + chunk, n), vectors: vectors, index: index,
                                                         active: active, datesAllow: datesAllow))
        })

        // LSH: any shared band bucket makes a candidate; verified against the full signature later.
        let bands = parallelMap(Array(0..<n)) { i in
            active[i] && !signatures[i].isEmpty ? MinHash.bandKeys(signatures[i], rows: CandidatePairs.bandRows) : []
        }
        // A bucket is one key: split four ways by the keys' top two bits, bucketed on all cores.
        nearDuplicates = CandidatePairs.merged(parallelMap(Array(0..<4)) { part in
            CandidatePairs.unique(CandidatePairs.sharedBuckets(bands, part: UInt64(part)))
        })
    }

    /// The pairs of articles that share a band key whose top two bits are `part`: bucket ids by
    /// a table of keys, then a counting sort that keeps article order inside each bucket.
    private static func sharedBuckets(_ bands: [[UInt64]], part: UInt64) -> [UInt64] {
        var ids = DenseIDs(capacity: bands.count * 8)
        var entries: [(bucket: Int32, article: Int32)] = []
        for (i, keys) in bands.enumerated() {
            for key in keys where key >> 62 == part { entries.append((ids.id(key).id, Int32(i))) }
        }
        var starts = [Int](repeating: 0, count: ids.count + 1)
        for e in entries { starts[Int(e.bucket) + 1] += 1 }
        for b in 0..<ids.count { starts[b + 1] += starts[b] }
        var next = starts
        var members = [Int32](repeating: 0, count: entries.count)
        for e in entries { members[next[Int(e.bucket)]] = e.article; next[Int(e.bucket)] += 1 }
        var near: [UInt64] = []
        for b in 0..<ids.count {
            let (lo, hi) = (starts[b], starts[b + 1])
            guard hi - lo > 1 && hi - lo <= postingCap * 4 else { continue }
            for x in lo..<hi {
                for y in (x + 1)..<hi { near.append(key(Int(members[x]), Int(members[y]))) }
            }
        }
        return near
    }

    /// The pairs each active article of `chunk` makes with its best-scoring others: score = the
    /// summed products of weights on the article's heaviest terms. Buffers, not arrays, in the
    /// loop: it runs over millions of postings.
    private static func related(_ chunk: Range<Int>, vectors: [TermVector], index: PostingLists, active: [Bool],
                                datesAllow: (Int, Int) -> Bool) -> [UInt64] {
        var keys: [UInt64] = []
        var score = [Float](repeating: 0, count: vectors.count)
        // Each article touched once per query, so `vectors.count` slots always suffice.
        var touched = [Int32](repeating: 0, count: vectors.count)
        var values: [Float] = []
        index.starts.withUnsafeBufferPointer { starts in index.entries.withUnsafeBufferPointer { entries in
        score.withUnsafeMutableBufferPointer { score in touched.withUnsafeMutableBufferPointer { touched in
            for i in chunk where active[i] {
                let v = vectors[i]
                var count = 0
                // The heaviest terms, heaviest first (ties by position, as a stable sort gives them):
                // their order fixes the order scores are summed in.
                for k in v.weights.withUnsafeBufferPointer({ top(queryTerms, of: $0) }) {
                    let id = Int(v.ids[k]), w = v.weights[k]
                    for e in entries[Int(starts[id])..<Int(starts[id + 1])] where Int(e.article) != i {
                        let j = Int(e.article)
                        // Written always, kept only on a first touch: no branch to mispredict.
                        touched[count] = e.article
                        count += score[j] == 0 ? 1 : 0
                        score[j] += w * e.weight
                    }
                }
                values.removeAll(keepingCapacity: true)
                for j in touched[..<count] { values.append(score[Int(j)]); score[Int(j)] = 0 }
                for t in values.withUnsafeBufferPointer({ top(perArticle, of: $0) }) where datesAllow(i, Int(touched[t])) {
                    keys.append(key(i, Int(touched[t])))
                }
            }
        } } } }
        return keys
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

    /// The union of ascending, repeat-free lists: two at a time on all cores, halving their
    /// number each round, instead of sorting all their keys again on one core.
    static func merged(_ lists: [[UInt64]]) -> [UInt64] {
        var lists = lists
        while lists.count > 1 {
            let round = lists
            lists = parallelMap(Array(stride(from: 0, to: round.count, by: 2))) { k in
                k + 1 < round.count ? union(round[k], round[k + 1]) : round[k]
            }
        }
        return lists.first ?? []
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
    /// Each position is ranked by one integer (the value's bits turned to sort descending,
    /// then the position), so sorting and the heap compare plain integers, not through a closure.
    static func top(_ k: Int, of values: UnsafeBufferPointer<Float>) -> [Int] {
        func rank(_ p: Int) -> UInt64 {
            // + 0 turns -0 into 0, which compares equal to it; negative values reverse their bits.
            let bits = (values[p] + 0).bitPattern
            let ascending = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
            return UInt64(~ascending) << 32 | UInt64(p)
        }
        if values.count <= k {
            var ranks = values.indices.map(rank)
            ranks.sort()
            return ranks.map { Int($0 & 0xffff_ffff) }
        }
        // A max-heap of the best k ranks so far: its root is the weakest kept.
        var heap = (0..<k).map(rank)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < k && heap[l] > heap[m] { m = l }
                if r < k && heap[r] > heap[m] { m = r }
                if m == i { return }
                heap.swapAt(i, m); i = m
            }
        }
        for i in stride(from: k / 2 - 1, through: 0, by: -1) { siftDown(i) }
        // Later positions lose ties, so only a larger value gets in: one float comparison for most.
        var weakest = values[Int(heap[0] & 0xffff_ffff)]
        for p in k..<values.count where values[p] > weakest {
            heap[0] = rank(p)
            siftDown(0)
            weakest = values[Int(heap[0] & 0xffff_ffff)]
        }
        heap.sort()
        return heap.map { Int($0 & 0xffff_ffff) }
    }
}
