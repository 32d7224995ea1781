import BriefModel

/// What clustering needs from one article, computed once.
struct ArticleFeatures: Sendable {
    /// Content-word hash -> weighted count (title words count extra).
    var termCounts: [UInt64: Float]
    /// Terms written with a capital mid-sentence somewhere: names of people, places, ships.
    var names: Set<UInt64>
    var numbers: Set<UInt64>
    var signature: [UInt64]
    /// Day number of `eventDate ?? published` when known to the day, else of the address.
    var day: Int?
    var wordCount: Int

    static let minHash = MinHash(count: 64)

    init(_ article: Article) {
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
        termCounts = counts
        self.names = names
        self.numbers = numbers
        signature = ArticleFeatures.minHash.signature(MinHash.shingles(all))
        wordCount = total
        if let d = article.eventDate ?? article.published, d.precision == .day {
            day = d.dayNumber
        } else {
            day = article.url.flatMap(URLDate.day)?.dayNumber
        }
    }
}
