/// Agglomerative clustering over a sparse similarity graph with average linkage:
/// two clusters merge only while the mean similarity over all their cross pairs (absent
/// pairs count as 0) stays above the threshold, so one bridging article cannot chain two
/// events together the way single link would. A date span limit is a hard constraint.
struct AverageLinkClustering {
    struct Group {
        var size: Int
        var firstDay: Int?
        var lastDay: Int?
    }

    var threshold: Float
    var maxDaySpan: Int

    /// `pairs`: (group a, group b, similarity summed over their member pairs).
    /// Returns for each group the index of its cluster's representative group.
    func cluster(groups: [Group], pairs: [(Int, Int, Float)]) -> [Int] {
        let n = groups.count
        var groups = groups
        var sums = [[Int: Float]](repeating: [:], count: n)
        for (a, b, s) in pairs where a != b {
            sums[a][b, default: 0] += s
            sums[b][a, default: 0] += s
        }
        var parent = Array(0..<n)
        var alive = [Bool](repeating: true, count: n)
        var version = [Int](repeating: 0, count: n)
        var heap = MaxHeap()

        func average(_ a: Int, _ b: Int, _ sum: Float) -> Float { sum / Float(groups[a].size * groups[b].size) }
        for a in 0..<n {
            for (b, s) in sums[a] where a < b {
                let avg = average(a, b, s)
                if avg >= threshold { heap.push(.init(score: avg, a: a, b: b, va: 0, vb: 0)) }
            }
        }

        while let top = heap.pop() {
            let a0 = top.a, b0 = top.b
            guard alive[a0], alive[b0], version[a0] == top.va, version[b0] == top.vb else { continue }
            guard spanAllows(groups[a0], groups[b0]) else { continue } // spans only grow: never again
            // Keep the larger side's dictionary and fold the smaller into it.
            let (a, b) = sums[a0].count >= sums[b0].count ? (a0, b0) : (b0, a0)
            groups[a].size += groups[b].size
            groups[a].firstDay = minOptional(groups[a].firstDay, groups[b].firstDay)
            groups[a].lastDay = maxOptional(groups[a].lastDay, groups[b].lastDay)
            alive[b] = false
            parent[b] = a
            version[a] += 1
            sums[a][b] = nil
            for (k, s) in sums[b] where k != a {
                sums[a][k, default: 0] += s
                sums[k][b] = nil
                sums[k][a, default: 0] += s
            }
            sums[b] = [:]
            for (k, s) in sums[a] {
                let avg = average(a, k, s)
                if avg >= threshold {
                    heap.push(.init(score: avg, a: a, b: k, va: version[a], vb: version[k]))
                }
            }
        }

        func root(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            return r
        }
        return (0..<n).map(root)
    }

    private func spanAllows(_ x: Group, _ y: Group) -> Bool {
        guard let lo = minOptional(x.firstDay, y.firstDay), let hi = maxOptional(x.lastDay, y.lastDay) else { return true }
        return hi - lo <= maxDaySpan
    }
}

private func minOptional(_ a: Int?, _ b: Int?) -> Int? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
}

private func maxOptional(_ a: Int?, _ b: Int?) -> Int? {
    guard let a else { return b }
    guard let b else { return a }
    return max(a, b)
}

/// Binary max-heap of merge proposals; stale entries are skipped when popped.
struct MaxHeap {
    struct Entry {
        var score: Float; var a: Int; var b: Int; var va: Int; var vb: Int
        /// Ties broken by group index so the result never depends on hash order.
        func above(_ o: Entry) -> Bool {
            if score != o.score { return score > o.score }
            return (min(a, b), max(a, b)) < (min(o.a, o.b), max(o.a, o.b))
        }
    }
    private var items: [Entry] = []

    mutating func push(_ e: Entry) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if !items[i].above(items[p]) { break }
            items.swapAt(p, i); i = p
        }
    }

    mutating func pop() -> Entry? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return first }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && items[l].above(items[m]) { m = l }
            if r < items.count && items[r].above(items[m]) { m = r }
            if m == i { break }
            items.swapAt(m, i); i = m
        }
        return first
    }
}
