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

    init(_ features: [ArticleFeatures]) {
        // Ids in order of first appearance (articles in order, each one's terms ascending).
        var ids = TermIDs(capacity: features.count * 64)
        var termIDs: [[Int32]] = []
        termIDs.reserveCapacity(features.count)
        for f in features {
            termIDs.append(f.terms.map { term in
                let (id, isNew) = ids.id(term)
                if isNew { documentFrequency.append(1) } else { documentFrequency[Int(id)] += 1 }
                return id
            })
        }
        // A background of pseudo-articles that contain none of the terms: in a small archive a
        // term in every article is still a real word of the event, not noise.
        let n = Float(features.count + TermSpace.background)
        let idf = documentFrequency.map { log(1 + n / Float($0)) }
        let articleTerms = termIDs
        // Each article's vector is its own: made on all cores.
        vectors = parallelMap(Array(features.indices)) { a in
            let f = features[a]
            var pairs: [(Int32, Float)] = []
            pairs.reserveCapacity(f.terms.count)
            for (k, id) in articleTerms[a].enumerated() {
                let count = f.counts[k]
                var w = (count >= 1 ? 1 + log(count) : count) * idf[Int(id)]
                switch f.kinds[k] {
                case .name: w *= TermSpace.nameBoost
                case .number: w *= TermSpace.numberBoost
                case .word: break
                }
                pairs.append((id, w))
            }
            pairs.sort { $0.0 < $1.0 }
            var norm: Float = 0
            for p in pairs { norm += p.1 * p.1 }
            norm = norm > 0 ? sqrt(norm) : 1
            return TermVector(ids: pairs.map(\.0), weights: pairs.map { $0.1 / norm })
        }
    }
}
