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

    var ids: [UInt64: Int32] = [:]
    var documentFrequency: [Int32] = []
    var vectors: [TermVector] = []

    init(_ features: [ArticleFeatures]) {
        for f in features {
            for term in f.termCounts.keys.sorted() {
                if let id = ids[term] {
                    documentFrequency[Int(id)] += 1
                } else {
                    ids[term] = Int32(documentFrequency.count)
                    documentFrequency.append(1)
                }
            }
        }
        // A background of pseudo-articles that contain none of the terms: in a small archive a
        // term in every article is still a real word of the event, not noise.
        let n = Float(features.count + TermSpace.background)
        let idf = documentFrequency.map { log(1 + n / Float($0)) }
        // Each article's vector is its own: made on all cores.
        let ids = self.ids
        vectors = parallelMap(features) { f in
            var pairs: [(Int32, Float)] = []
            pairs.reserveCapacity(f.termCounts.count)
            for (term, count) in f.termCounts {
                let id = ids[term]!
                var w = (count >= 1 ? 1 + log(count) : count) * idf[Int(id)]
                if f.names.contains(term) { w *= TermSpace.nameBoost } else if f.numbers.contains(term) { w *= TermSpace.numberBoost }
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
