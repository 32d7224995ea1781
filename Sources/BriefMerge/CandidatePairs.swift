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

    /// Pairs (i < j) as one key each, `i << 32 | j`.
    var related: Set<UInt64> = []
    var nearDuplicates: Set<UInt64> = []

    static func key(_ i: Int, _ j: Int) -> UInt64 {
        let (a, b) = i < j ? (i, j) : (j, i)
        return UInt64(a) << 32 | UInt64(b)
    }

    init(vectors: [TermVector], signatures: [[UInt64]], days: [Int?], active: [Bool], maxDayGap: Int) {
        let n = vectors.count
        func datesAllow(_ i: Int, _ j: Int) -> Bool {
            guard let a = days[i], let b = days[j] else { return true }
            return abs(a - b) <= maxDayGap
        }

        // Inverted index: term id -> (article, weight), only for terms rare enough.
        var df: [Int32: Int] = [:]
        for (i, v) in vectors.enumerated() where active[i] { for id in v.ids { df[id, default: 0] += 1 } }
        var postings: [Int32: [(Int32, Float)]] = [:]
        for (i, v) in vectors.enumerated() where active[i] {
            for (k, id) in v.ids.enumerated() where df[id]! > 1 && df[id]! <= CandidatePairs.postingCap {
                postings[id, default: []].append((Int32(i), v.weights[k]))
            }
        }

        var score = [Float](repeating: 0, count: n)
        var touched: [Int] = []
        for i in 0..<n where active[i] {
            let v = vectors[i]
            let order = v.weights.indices.sorted { v.weights[$0] > v.weights[$1] }
            for k in order.prefix(CandidatePairs.queryTerms) {
                guard let list = postings[v.ids[k]] else { continue }
                let w = v.weights[k]
                for (j32, wj) in list {
                    let j = Int(j32)
                    if j == i { continue }
                    if score[j] == 0 { touched.append(j) }
                    score[j] += w * wj
                }
            }
            touched.sort { score[$0] > score[$1] }
            for j in touched.prefix(CandidatePairs.perArticle) where datesAllow(i, j) {
                related.insert(CandidatePairs.key(i, j))
            }
            for j in touched { score[j] = 0 }
            touched.removeAll(keepingCapacity: true)
        }

        // LSH: any shared band bucket makes a candidate; verified against the full signature later.
        var buckets: [UInt64: [Int32]] = [:]
        for i in 0..<n where active[i] && !signatures[i].isEmpty {
            for key in MinHash.bandKeys(signatures[i], rows: CandidatePairs.bandRows) {
                buckets[key, default: []].append(Int32(i))
            }
        }
        for (_, list) in buckets where list.count > 1 && list.count <= CandidatePairs.postingCap * 4 {
            for a in 0..<list.count {
                for b in (a + 1)..<list.count { nearDuplicates.insert(CandidatePairs.key(Int(list[a]), Int(list[b]))) }
            }
        }
    }
}
