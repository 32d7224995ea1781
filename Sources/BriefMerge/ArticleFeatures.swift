import BriefModel
import Foundation

/// What clustering needs from one article, computed once. A function of the article alone,
/// so the build cache keeps it per article and a rebuild scans only new or edited ones.
public struct ArticleFeatures: Sendable, Equatable {
    /// What a content word is to the term weights.
    public enum Kind: UInt8, Sendable {
        case word = 0
        /// Written with a capital mid-sentence somewhere: a person, place, ship.
        case name = 1
        /// A number of two or more digits.
        case number = 2
    }

    /// Content-word hashes, ascending, with their term frequency weights (1 + ln of the
    /// weighted count, title words counting extra; a count below 1 as it is) and kinds:
    /// sorted arrays, because the term space walks them in this order anyway and they store
    /// and load without hashing.
    public var terms: [UInt64]
    public var frequencies: [Float]
    public var kinds: [Kind]
    public var signature: [UInt64]
    /// Day number of `eventDate ?? published` when known to the day, else of the address.
    public var day: Int?
    public var wordCount: Int
    /// `LeadChoice.score` of the article: it reads the whole text, so it is kept too.
    public var leadScore: Double

    static let minHash = MinHash(count: 64)

    public init(terms: [UInt64], frequencies: [Float], kinds: [Kind], signature: [UInt64], day: Int?, wordCount: Int,
                leadScore: Double) {
        self.terms = terms; self.frequencies = frequencies; self.kinds = kinds
        self.signature = signature; self.day = day; self.wordCount = wordCount; self.leadScore = leadScore
    }

    public init(_ article: Article) {
        var counts: [UInt64: Float] = [:]
        var names = Set<UInt64>()
        var numbers = Set<UInt64>()
        var all: [UInt64] = []
        var total = 0
        func add(_ text: String, weight: Float, shingle: Bool) {
            let words = WordScanner.words(text)
            for w in words {
                if shingle { all.append(w.hash) }
                if w.isStop { continue }
                // Years and one-digit numbers are shared by unrelated events; keep only longer specific ones.
                if w.isNumber {
                    if w.length < 2 { continue }
                    numbers.insert(w.hash)
                }
                counts[w.hash, default: 0] += weight
                if w.isName { names.insert(w.hash) }
            }
            if shingle { total += words.count }
        }
        if let title = article.title, !article.titleFromLead { add(title, weight: 2, shingle: false) }
        // Later paragraphs drift into background that other events of the same kind share.
        for (k, p) in article.paragraphs.enumerated() { add(p, weight: 1 / (1 + 0.1 * Float(k)), shingle: true) }
        terms = counts.keys.sorted()
        frequencies = terms.map { term in
            let count = counts[term]!
            return count >= 1 ? 1 + log(count) : count
        }
        // A name once is a name: it outweighs being a number (the two never meet anyway).
        kinds = terms.map { names.contains($0) ? .name : numbers.contains($0) ? .number : .word }
        signature = ArticleFeatures.minHash.signature(MinHash.shingles(all))
        wordCount = total
        leadScore = LeadChoice.score(article)
        if let d = article.eventDate ?? article.published, d.precision == .day {
            day = d.dayNumber
        } else {
            day = article.url.flatMap(URLDate.day)?.dayNumber
        }
    }
}
