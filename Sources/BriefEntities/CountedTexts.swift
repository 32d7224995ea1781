/// Pass 1 over many texts in a row: each text's counts kept apart (the build cache stores them
/// per text) and their sum. Words are numbered as first met, so a word is hashed once where it
/// occurs and never again to sum the texts; summing one dictionary per text hashed every word
/// of every text a second time.
public struct CountedTexts: Sendable {
    public typealias Entry = (word: String, counts: NameStatistics.Counts)

    /// Words by number, found by the hash their tokens carry (no String hashing per word).
    private var numbers = WordTable()
    private var sums: [NameStatistics.Counts] = []
    /// The text at hand, by word number, and the numbers it met in order.
    private var current: [NameStatistics.Counts] = []
    private var met: [Int] = []

    public init() {}

    /// Counts one text into the sum and returns its own counts, words in the order first met.
    public mutating func count(_ text: EntityText) -> [Entry] {
        EntityExtraction.forEachParagraph(text) { tokens, _, headline in
            // By index: a `for t in tokens` copied every token and retained its strings.
            for i in tokens.indices {
                guard let use = NameStatistics.use(of: tokens[i], headline: headline) else { continue }
                let n = numbers.number(tokens[i].lower, hash: tokens[i].lowerHash)
                if n == sums.count { sums.append(.init()); current.append(.init()) }
                if current[n] == .init() { met.append(n) }
                switch use {
                case .lower: current[n].lower += 1
                case .capitalizedInside: current[n].capitalizedInside += 1
                }
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(met.count)
        for n in met {
            let c = current[n]
            entries.append((numbers.words[n], c))
            sums[n].lower += c.lower
            sums[n].capitalizedInside += c.capitalizedInside
            current[n] = .init()
        }
        met.removeAll(keepingCapacity: true)
        return entries
    }

    /// Adds the sums of texts another one counted (on another core): its words are found here by
    /// the hashes it kept, so parts of the archive are summed without a dictionary per part.
    public mutating func add(_ other: CountedTexts) {
        for n in other.sums.indices {
            let m = numbers.number(other.numbers.words[n], hash: other.numbers.hashes[n])
            if m == sums.count { sums.append(.init()); current.append(.init()) }
            sums[m].lower += other.sums[n].lower
            sums[m].capitalizedInside += other.sums[n].capitalizedInside
        }
    }

    /// The counts of all texts counted so far.
    public var sum: NameStatistics {
        var counts: [String: NameStatistics.Counts] = [:]
        counts.reserveCapacity(numbers.count)
        for (word, c) in zip(numbers.words, sums) { counts[word] = c }
        return NameStatistics(counts: counts)
    }
}
