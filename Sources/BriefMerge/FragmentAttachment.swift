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
        var clusterOf = [Int](repeating: -1, count: (clusters.lazy.compactMap { $0.max() }.max() ?? -1) + 1)
        for (c, members) in clusters.enumerated() { for i in members { clusterOf[i] = c } }
        // straggler cluster -> other cluster -> summed similarity
        var sums: [Int: [Int: Float]] = [:]
        for (key, s) in zip(keys, similarities) {
            let (i, j) = (Int(key >> 32), Int(key & 0xffff_ffff))
            guard i < clusterOf.count, j < clusterOf.count else { continue }
            let (ci, cj) = (clusterOf[i], clusterOf[j])
            guard ci >= 0, cj >= 0, ci != cj else { continue }
            if clusters[ci].count <= maxSize { sums[ci, default: [:]][cj, default: 0] += s }
            if clusters[cj].count <= maxSize { sums[cj, default: [:]][ci, default: 0] += s }
        }
        var result = clusters
        var moved = Set<Int>()
        for c in sums.keys.sorted() {
            var best: (Float, Int)? = nil
            for (other, sum) in sums[c]! where clusters[other].count > maxSize {
                let mean = sum / Float(clusters[c].count * clusters[other].count)
                // Equal means go to the lower story index, not to whichever the dictionary lists first.
                let better = best.map { mean > $0.0 || (mean == $0.0 && other < $0.1) } ?? true
                if mean >= threshold, better, datesAgree(clusters[c], clusters[other], days) { best = (mean, other) }
            }
            guard let (_, target) = best else { continue }
            // Checked against the target as it was: stragglers do not chain through each other.
            result[target] += clusters[c]
            moved.insert(c)
        }
        return result.indices.filter { !moved.contains($0) }.map { result[$0] }
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
