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
        // Each linked pair's summed similarity once, in one table keyed by the pair; each
        // cluster's neighbours as a list that may still name clusters merged away since (their
        // pairs are gone from the table) until the cluster itself next merges.
        var sums = PairSums(capacity: pairs.count)
        var neighbours = [[Int32]](repeating: [], count: n)
        // Live neighbours per cluster: the larger side of a merge is the one with more.
        var degree = [Int](repeating: 0, count: n)
        for (a, b, s) in pairs where a != b {
            if sums.add(a, b, s) {
                neighbours[a].append(Int32(b)); neighbours[b].append(Int32(a))
                degree[a] += 1; degree[b] += 1
            }
        }
        var parent = Array(0..<n)
        var alive = [Bool](repeating: true, count: n)
        var version = [Int](repeating: 0, count: n)
        var heap = MaxHeap()

        func average(_ a: Int, _ b: Int, _ sum: Float) -> Float { sum / Float(groups[a].size * groups[b].size) }
        for a in 0..<n {
            for b in neighbours[a] where a < Int(b) {
                let avg = average(a, Int(b), sums.value(a, Int(b))!)
                if avg >= threshold { heap.push(.init(score: avg, a: a, b: Int(b), va: 0, vb: 0)) }
            }
        }

        while let top = heap.pop() {
            let a0 = top.a, b0 = top.b
            guard alive[a0], alive[b0], version[a0] == top.va, version[b0] == top.vb else { continue }
            guard spanAllows(groups[a0], groups[b0]) else { continue } // spans only grow: never again
            // The larger side absorbs the smaller.
            let (a, b) = degree[a0] >= degree[b0] ? (a0, b0) : (b0, a0)
            groups[a].size += groups[b].size
            groups[a].firstDay = minOptional(groups[a].firstDay, groups[b].firstDay)
            groups[a].lastDay = maxOptional(groups[a].lastDay, groups[b].lastDay)
            alive[b] = false
            parent[b] = a
            version[a] += 1
            _ = sums.remove(a, b)
            degree[a] -= 1
            for k in neighbours[b].lazy.map(Int.init) where k != a {
                guard let s = sums.remove(b, k) else { continue } // merged away before
                degree[k] -= 1
                if sums.add(a, k, s) {
                    neighbours[a].append(Int32(k)); neighbours[k].append(Int32(a))
                    degree[a] += 1; degree[k] += 1
                }
            }
            neighbours[b] = []
            degree[b] = 0
            // New proposals for the merged cluster; its list keeps only live neighbours.
            var live: [Int32] = []
            live.reserveCapacity(degree[a])
            for k in neighbours[a] {
                guard let s = sums.value(a, Int(k)) else { continue }
                live.append(k)
                let avg = average(a, Int(k), s)
                if avg >= threshold {
                    heap.push(.init(score: avg, a: a, b: Int(k), va: version[a], vb: version[Int(k)]))
                }
            }
            neighbours[a] = live
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
    /// Groups and versions as 32-bit integers: 20 bytes an entry instead of 40, as the heap
    /// holds every proposal still unpopped and sifting moves entries around.
    struct Entry {
        var score: Float
        private var groups: (Int32, Int32), versions: (Int32, Int32)
        var a: Int { Int(groups.0) }
        var b: Int { Int(groups.1) }
        var va: Int { Int(versions.0) }
        var vb: Int { Int(versions.1) }

        init(score: Float, a: Int, b: Int, va: Int, vb: Int) {
            self.score = score
            groups = (Int32(a), Int32(b))
            versions = (Int32(va), Int32(vb))
        }

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
