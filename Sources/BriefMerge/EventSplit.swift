import Foundation

/// A second look at each clustered story. Two events of one kind (two actresses entering
/// rehab, two navy actions years apart) share their topic words, which are rare in the
/// archive and so weigh a lot in the global TF-IDF; inside the story, though, those words are
/// in every member and say nothing. Re-weighted by how few members of the story carry a
/// term, what is left are the participants of each event (the ship, the player, the figures),
/// and if the members then fall into two groups that share almost none of them, the story
/// is two events and is cut in two (and each half looked at again).
struct EventSplit {
    /// Cut when the mean story-local similarity across the halves is below this fraction of
    /// the mean inside them.
    var maxLocalRatio: Float
    /// Neither half may be smaller than this: one odd report is not a second event.
    var minSide: Int
    /// And the halves must also be clearly apart on the archive-wide weights: one event's
    /// reports that each add their own details are split locally but stay close globally.
    var maxGlobalRatio: Float = 0.75
    /// Halves with dated reports within this many days of each other are one event reported
    /// by different outlets, however differently they tell it.
    var sameDays = 3
    /// Larger stories are left alone: the pass is quadratic in the story size.
    static let maxSize = 400

    /// `units`: the vectors of the story's members (one per copy group), with their days.
    /// Returns the partition of `0..<units.count`, one array per event.
    func split(_ units: [TermVector], days: [Int?]) -> [[Int]] {
        let all = Array(units.indices)
        guard units.count >= 2 * minSide, units.count <= EventSplit.maxSize else { return [all] }
        var pending = [all]
        var done: [[Int]] = []
        while let part = pending.popLast() {
            if part.count >= 2 * minSide, let (a, b) = bisect(part.map { units[$0] }, days: part.map { days[$0] }) {
                pending.append(a.map { part[$0] })
                pending.append(b.map { part[$0] })
            } else {
                done.append(part)
            }
        }
        return done.sorted { $0[0] < $1[0] }
    }

    /// The normalized cut of the members by story-local similarity, if it separates well.
    func bisect(_ vectors: [TermVector], days: [Int?]) -> ([Int], [Int])? {
        let local = EventSplit.similarities(EventSplit.localVectors(vectors))
        let (a, b) = NormalizedCut.bisect(local)
        guard a.count >= minSide, b.count >= minSide else { return nil }
        guard EventSplit.separation(a, b, local) < maxLocalRatio else { return nil }
        guard EventSplit.separation(a, b, EventSplit.similarities(vectors)) < maxGlobalRatio else { return nil }
        let da = a.compactMap { days[$0] }, db = b.compactMap { days[$0] }
        if let a0 = da.min(), let a1 = da.max(), let b0 = db.min(), let b1 = db.max(),
           max(a0, b0) - min(a1, b1) <= sameDays { return nil }
        return (a, b)
    }

    /// Each weight times log((n + 1) / (members carrying the term + 0.5)), then unit length:
    /// a term every member carries is the topic, not the event.
    static func localVectors(_ vectors: [TermVector]) -> [TermVector] {
        var df: [Int32: Int] = [:]
        for v in vectors { for id in v.ids { df[id, default: 0] += 1 } }
        let n = Float(vectors.count)
        return vectors.map { v in
            var weights = v.weights
            var norm: Float = 0
            for k in weights.indices {
                weights[k] *= log((n + 1) / (Float(df[v.ids[k]]!) + 0.5))
                norm += weights[k] * weights[k]
            }
            norm = norm > 0 ? norm.squareRoot() : 1
            return TermVector(ids: v.ids, weights: weights.map { $0 / norm })
        }
    }

    static func similarities(_ vectors: [TermVector]) -> [[Float]] {
        let n = vectors.count
        var sim = [[Float]](repeating: [Float](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let s = TermVector.cosine(vectors[i], vectors[j])
                sim[i][j] = s; sim[j][i] = s
            }
        }
        return sim
    }

    /// Mean similarity across the halves over the mean inside them (pairs pooled); 1 when
    /// nothing inside is alike.
    static func separation(_ a: [Int], _ b: [Int], _ sim: [[Float]]) -> Float {
        var inside: Float = 0, insidePairs = 0
        for half in [a, b] {
            for (k, i) in half.enumerated() { for j in half[(k + 1)...] { inside += sim[i][j]; insidePairs += 1 } }
        }
        var across: Float = 0
        for i in a { for j in b { across += sim[i][j] } }
        let meanInside = inside / Float(max(insidePairs, 1))
        guard meanInside > 0 else { return 1 }
        return (across / Float(a.count * b.count)) / meanInside
    }
}
