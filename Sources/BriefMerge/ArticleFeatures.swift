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
        var tally = TermTally()
        if let title = article.title, !article.titleFromLead { tally.add(title, weight: 2, shingle: false) }
        // Later paragraphs drift into background that other events of the same kind share.
        for (k, p) in article.paragraphs.enumerated() { tally.add(p, weight: 1 / (1 + 0.1 * Float(k)), shingle: true) }
        // The terms sorted as plain integers, then each found again by its id in the table.
        terms = tally.hashes.sorted()
        let order = terms.map { Int(tally.ids.existing($0)) }
        frequencies = order.map { k in
            let count = tally.terms[k].count
            return count >= 1 ? 1 + log(count) : count
        }
        // A name once is a name: it outweighs being a number (the two never meet anyway).
        kinds = order.map { tally.terms[$0].isName ? .name : tally.terms[$0].isNumber ? .number : .word }
        signature = ArticleFeatures.minHash.signature(MinHash.shingles(tally.shingleWords))
        wordCount = tally.wordCount
        leadScore = LeadChoice.score(article)
        if let d = article.eventDate ?? article.published, d.precision == .day {
            day = d.dayNumber
        } else {
            day = article.url.flatMap(URLDate.day)?.dayNumber
        }
    }
}

/// An article's content words as they are read: terms numbered in order of first sight
/// with their weights summed in text order and their kinds, in a table of the word hashes
/// rather than dictionaries and sets that would hash each hash again.
private struct TermTally {
    /// What is summed per term, side by side: one array written per word, not three.
    struct Term {
        var count: Float = 0
        var isName = false
        var isNumber = false
    }

    var ids = DenseIDs(capacity: 256)
    var hashes: [UInt64] = [], terms: [Term] = []
    /// Every word of the paragraphs, stop words too, for the shingles.
    var shingleWords: [UInt64] = []
    var wordCount = 0
    private var words: [Word] = []
    /// One scanner for all the article's texts.
    private let scan = WordScan()

    mutating func add(_ text: String, weight: Float, shingle: Bool) {
        words.removeAll(keepingCapacity: true)
        scan.run(text, into: &words)
        for w in words {
            if shingle { shingleWords.append(w.hash) }
            if w.isStop { continue }
            // Years and one-digit numbers are shared by unrelated events; keep only longer specific ones.
            if w.isNumber && w.length < 2 { continue }
            let (id, isNew) = ids.id(w.hash)
            if isNew { hashes.append(w.hash); terms.append(Term()) }
            let k = Int(id)
            terms[k].count += weight
            if w.isNumber { terms[k].isNumber = true }
            if w.isName { terms[k].isName = true }
        }
        if shingle { wordCount += words.count }
    }
}
