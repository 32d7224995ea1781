import BriefModel

/// A last pass for stragglers: a report of one or two articles that average link left alone
/// (a short wire item, a report with a long aside) joins the story it is most like when that
/// is clearly the best home, at a lower bar than two whole stories need to merge.
struct FragmentAttachment {
    /// Stories of at most this many articles are stragglers.
    var maxSize = 2
    /// Mean similarity to the story's members it needs.
    var threshold: Float
    var maxDaySpan: Int

    /// `pairs`: candidate article pairs with their similarity. Returns the clusters with
    /// stragglers moved into their best story.
    func attach(_ clusters: [[Int]], pairs: [(Int, Int, Float)], days: [Int?]) -> [[Int]] {
        attach(clusters, keys: pairs.map { CandidatePairs.key($0.0, $0.1) }, similarities: pairs.map(\.2), days: days)
    }

    /// The same with the pairs as `CandidatePairs` keys beside their similarities: at scale
    /// there are millions, not worth a second array of tuples.
    func attach(_ clusters: [[Int]], keys: [UInt64], similarities: [Float], days: [Int?]) -> [[Int]] {
        // Article -> its cluster (-1: in none); articles are numbered densely.
        let clusterOf = {
            var of = [Int](repeating: -1, count: (clusters.lazy.compactMap { $0.max() }.max() ?? -1) + 1)
            for (c, members) in clusters.enumerated() { for i in members { of[i] = c } }
            return of
        }()
        let straggler = clusters.map { $0.count <= maxSize }
        // Each pair between a straggler and another cluster, in the order of the keys: looked
        // for on all cores, as few pairs touch a straggler.
        let part = 65536
        let links = parallelMap(Array(stride(from: 0, to: keys.count, by: part))) { start in
            var found: [Link] = []
            for p in start..<min(start + part, keys.count) {
                let (i, j) = (Int(keys[p] >> 32), Int(keys[p] & 0xffff_ffff))
                guard i < clusterOf.count, j < clusterOf.count else { continue }
                let (ci, cj) = (clusterOf[i], clusterOf[j])
                guard ci >= 0, cj >= 0, ci != cj else { continue }
                if straggler[ci] { found.append(Link(straggler: Int32(ci), other: Int32(cj), similarity: similarities[p])) }
                if straggler[cj] { found.append(Link(straggler: Int32(cj), other: Int32(ci), similarity: similarities[p])) }
            }
            return found
        }.flatMap { $0 }
        // By straggler, in key order inside each (a stable counting sort): each straggler's sum
        // per other cluster adds its pairs in key order.
        let byStraggler = Buckets(links, count: clusters.count, bucket: { Int($0.straggler) }, value: { $0 })

        var result = clusters
        var moved = [Bool](repeating: false, count: clusters.count)
        // Summed similarity per other cluster, and which were touched (by the straggler's number).
        var sum = [Float](repeating: 0, count: clusters.count)
        var seenBy = [Int](repeating: -1, count: clusters.count)
        var others: [Int] = []
        for c in clusters.indices where !byStraggler[c].isEmpty {
            others.removeAll(keepingCapacity: true)
            for l in byStraggler[c] {
                let o = Int(l.other)
                if seenBy[o] != c { seenBy[o] = c; others.append(o) }
                sum[o] += l.similarity
            }
            var best: (Float, Int)? = nil
            for other in others {
                let total = sum[other]
                sum[other] = 0
                guard !straggler[other] else { continue }
                let mean = total / Float(clusters[c].count * clusters[other].count)
                // Equal means go to the lower story index, whatever order the others were met in.
                let better = best.map { mean > $0.0 || (mean == $0.0 && other < $0.1) } ?? true
                if mean >= threshold, better, datesAgree(clusters[c], clusters[other], days) { best = (mean, other) }
            }
            guard let (_, target) = best else { continue }
            // Checked against the target as it was: stragglers do not chain through each other.
            result[target] += clusters[c]
            moved[c] = true
        }
        return result.indices.filter { !moved[$0] }.map { result[$0] }
    }

    private struct Link {
        var straggler: Int32
        var other: Int32
        var similarity: Float
    }

    /// A dated straggler joins only a story whose dated reports are near its own day: the low
    /// bar is for text, and an undated story gives no evidence of being the same event.
    private func datesAgree(_ straggler: [Int], _ story: [Int], _ days: [Int?]) -> Bool {
        let own = straggler.compactMap { days[$0] }, theirs = story.compactMap { days[$0] }
        if own.isEmpty { return spanWithin(theirs) }
        return !theirs.isEmpty && spanWithin(own + theirs)
    }

    private func spanWithin(_ known: [Int]) -> Bool {
        guard let lo = known.min(), let hi = known.max() else { return true }
        return hi - lo <= maxDaySpan
    }
}
