import BriefModel
import Foundation

/// A sparse, unit-length TF-IDF vector: term ids ascending with their weights.
struct TermVector: Sendable {
    var ids: [Int32]
    var weights: [Float]

    static func cosine(_ a: TermVector, _ b: TermVector) -> Float {
        var i = 0, j = 0, sum: Float = 0
        let ai = a.ids, bi = b.ids
        while i < ai.count && j < bi.count {
            let x = ai[i], y = bi[j]
            if x == y { sum += a.weights[i] * b.weights[j]; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
        }
        return sum
    }
}

/// The vocabulary of a batch of articles with document frequencies, turning feature
/// counts into TF-IDF vectors where names and specific numbers weigh more: two events
/// of the same kind share the topic words but not the people, ships and figures.
struct TermSpace {
    static let nameBoost: Float = 3.0
    static let numberBoost: Float = 1.5
    static let background = 200

    var documentFrequency: [Int32] = []
    var vectors: [TermVector] = []

    /// `slice`: articles per slice of the work (smaller only in tests, to check the slices).
    init(_ features: [ArticleFeatures], slice: Int = 2048) {
        // Term ids in order of first sight (articles in order, each one's terms ascending): each
        // slice of articles numbers its own terms on all cores, then the slices' new terms are
        // numbered slice by slice, which gives the ids one pass over all articles would.
        let slices = indexRanges(features.count, size: slice)
        let local = parallelMap(slices) { LocalTerms(features[$0]) }
        var ids = DenseIDs(capacity: features.count * 16)
        var globalIDs: [[Int32]] = []
        for part in local {
            globalIDs.append(part.terms.map { term in
                let (id, isNew) = ids.id(term)
                if isNew { documentFrequency.append(0) }
                return id
            })
            for (l, g) in globalIDs[globalIDs.count - 1].enumerated() { documentFrequency[Int(g)] += part.documentFrequency[l] }
        }
        // A background of pseudo-articles that contain none of the terms: in a small archive a
        // term in every article is still a real word of the event, not noise.
        let n = Float(features.count + TermSpace.background)
        let idf = documentFrequency.map { log(1 + n / Float($0)) }
        // Each article's vector is its own: made on all cores.
        let toGlobal = globalIDs
        vectors = parallelMap(Array(slices.indices)) { s in
            zip(slices[s], local[s].articleTerms).map { a, terms in
                TermSpace.vector(features[a], ids: terms.map { toGlobal[s][Int($0)] }, idf: idf)
            }
        }.flatMap { $0 }
    }

    /// `TermVector.cosine` of each pair (`i << 32 | j`, ascending): the first article's weights
    /// spread over an array by term id, then the second's terms looked up in it, in the same
    /// ascending order the cosine sums them in (a term the first lacks adds nothing there either).
    /// A lookup per term instead of a two-list merge: hundreds of thousands of pairs a build.
    func cosines(_ keys: ArraySlice<UInt64>) -> [Float] {
        var spread = [Float](repeating: 0, count: documentFrequency.count)
        var out: [Float] = []
        out.reserveCapacity(keys.count)
        spread.withUnsafeMutableBufferPointer { spread in
            var current = -1
            for key in keys {
                let (i, j) = (Int(key >> 32), Int(key & 0xffff_ffff))
                if i != current {
                    if current >= 0 { for id in vectors[current].ids { spread[Int(id)] = 0 } }
                    for (id, w) in zip(vectors[i].ids, vectors[i].weights) { spread[Int(id)] = w }
                    current = i
                }
                var sum: Float = 0
                vectors[j].ids.withUnsafeBufferPointer { ids in
                    vectors[j].weights.withUnsafeBufferPointer { weights in
                        for k in ids.indices {
                            let a = spread[Int(ids[k])]
                            if a != 0 { sum += a * weights[k] }
                        }
                    }
                }
                out.append(sum)
            }
        }
        return out
    }

    /// `ids`: the term ids of `f.terms`, in that order.
    static func vector(_ f: ArticleFeatures, ids: [Int32], idf: [Float]) -> TermVector {
        // Positions by id, as one sort of plain integers: id in the high half, position in the low.
        var order = ids.enumerated().map { UInt64(UInt32(bitPattern: $1)) << 32 | UInt64($0) }
        order.sort()
        var sorted: [Int32] = [], weights: [Float] = []
        sorted.reserveCapacity(order.count); weights.reserveCapacity(order.count)
        var norm: Float = 0
        for o in order {
            let k = Int(o & 0xffff_ffff), id = ids[k]
            var w = f.frequencies[k] * idf[Int(id)]
            switch f.kinds[k] {
            case .name: w *= TermSpace.nameBoost
            case .number: w *= TermSpace.numberBoost
            case .word: break
            }
            sorted.append(id)
            weights.append(w)
            norm += w * w
        }
        norm = norm > 0 ? sqrt(norm) : 1
        for k in weights.indices { weights[k] /= norm }
        return TermVector(ids: sorted, weights: weights)
    }
}

/// One slice of articles' terms numbered in order of first sight, with their document frequencies.
private struct LocalTerms: Sendable {
    /// Local id -> term.
    var terms: [UInt64] = []
    var documentFrequency: [Int32] = []
    /// Each article's terms as local ids, in the order of its `terms`.
    var articleTerms: [[Int32]] = []

    init(_ features: ArraySlice<ArticleFeatures>) {
        var ids = DenseIDs(capacity: features.count * 32)
        articleTerms.reserveCapacity(features.count)
        for f in features {
            articleTerms.append(f.terms.map { term in
                let (id, isNew) = ids.id(term)
                if isNew { terms.append(term); documentFrequency.append(1) } else { documentFrequency[Int(id)] += 1 }
                return id
            })
        }
    }
}
