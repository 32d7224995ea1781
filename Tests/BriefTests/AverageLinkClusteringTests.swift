import XCTest
@testable import BriefMerge

/// Average-link clustering against the plain version it replaced (a Dictionary of sums per
/// cluster), on sparse graphs with tied similarities and date limits: the same clusters.
final class AverageLinkClusteringTests: XCTestCase {
    /// SplitMix64: the same graphs every run.
    private struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    func testSameClustersAsDictionaryOfSumsPerCluster() {
        var numbers = Numbers(state: 7)
        for round in 0..<60 {
            let n = 20 + numbers.next(300)
            let groups = (0..<n).map { _ in
                let day = numbers.next(4) == 0 ? nil : numbers.next(120)
                return AverageLinkClustering.Group(size: 1 + numbers.next(3), firstDay: day, lastDay: day)
            }
            var pairs: [(Int, Int, Float)] = []
            for _ in 0..<(n * (1 + numbers.next(6))) {
                // Few distinct values, so that many proposals tie.
                pairs.append((numbers.next(n), numbers.next(n), Float(1 + numbers.next(8)) / 8))
            }
            let clustering = AverageLinkClustering(threshold: 0.3, maxDaySpan: 45)
            XCTAssertEqual(clustering.cluster(groups: groups, pairs: pairs),
                           dictionaryCluster(clustering, groups: groups, pairs: pairs), "round \(round)")
        }
    }

    func testPairSumsAgreeWithADictionary() {
        var numbers = Numbers(state: 11)
        // Small capacity for the pairs used: long probe runs, so removals move entries back.
        var sums = PairSums(capacity: 200)
        var truth: [UInt64: Float] = [:]
        for _ in 0..<20_000 {
            let a = numbers.next(40), b = numbers.next(40)
            guard a != b else { continue }
            let key = CandidatePairs.key(a, b)
            if numbers.next(3) == 0 || truth.count >= 380 {
                XCTAssertEqual(sums.remove(a, b), truth.removeValue(forKey: key))
            } else {
                let s = Float(numbers.next(10))
                XCTAssertEqual(sums.add(b, a, s), truth[key] == nil)
                truth[key, default: 0] += s
            }
            XCTAssertEqual(sums.value(a, b), truth[key])
        }
        for (key, s) in truth { XCTAssertEqual(sums.value(Int(key >> 32), Int(key & 0xffff_ffff)), s) }
    }

    /// The clustering as it was written first: a Dictionary of summed similarities per cluster.
    private func dictionaryCluster(_ c: AverageLinkClustering, groups: [AverageLinkClustering.Group],
                                   pairs: [(Int, Int, Float)]) -> [Int] {
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
        func allows(_ x: AverageLinkClustering.Group, _ y: AverageLinkClustering.Group) -> Bool {
            let firsts = [x.firstDay, y.firstDay].compactMap { $0 }, lasts = [x.lastDay, y.lastDay].compactMap { $0 }
            guard let lo = firsts.min(), let hi = lasts.max() else { return true }
            return hi - lo <= c.maxDaySpan
        }
        for a in 0..<n {
            for (b, s) in sums[a] where a < b {
                let avg = average(a, b, s)
                if avg >= c.threshold { heap.push(.init(score: avg, a: a, b: b, va: 0, vb: 0)) }
            }
        }
        while let top = heap.pop() {
            let a0 = top.a, b0 = top.b
            guard alive[a0], alive[b0], version[a0] == top.va, version[b0] == top.vb else { continue }
            guard allows(groups[a0], groups[b0]) else { continue }
            let (a, b) = sums[a0].count >= sums[b0].count ? (a0, b0) : (b0, a0)
            groups[a].size += groups[b].size
            let firsts = [groups[a].firstDay, groups[b].firstDay].compactMap { $0 }
            let lasts = [groups[a].lastDay, groups[b].lastDay].compactMap { $0 }
            groups[a].firstDay = firsts.min()
            groups[a].lastDay = lasts.max()
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
                if avg >= c.threshold { heap.push(.init(score: avg, a: a, b: k, va: version[a], vb: version[k])) }
            }
        }
        return (0..<n).map { x in
            var r = x
            while parent[r] != r { r = parent[r] }
            return r
        }
    }
}
