/// Pass 1 over many texts in a row: each text's counts kept apart (the build cache stores them
/// per text) and their sum. Words are numbered as first met, so a word is hashed once where it
/// occurs and never again to sum the texts; summing one dictionary per text hashed every word
/// of every text a second time.
public struct CountedTexts {
    public typealias Entry = (word: String, counts: NameStatistics.Counts)

    private var numbers: [String: Int] = [:]
    private var words: [String] = []
    private var sums: [NameStatistics.Counts] = []
    /// The text at hand, by word number, and the numbers it met in order.
    private var current: [NameStatistics.Counts] = []
    private var met: [Int] = []

    public init() {}

    /// Counts one text into the sum and returns its own counts, words in the order first met.
    public mutating func count(_ text: EntityText) -> [Entry] {
        EntityExtraction.forEachParagraph(text) { tokens, _, headline in
            for t in tokens {
                guard let use = NameStatistics.use(of: t, headline: headline) else { continue }
                let n: Int
                if let known = numbers[t.lower] {
                    n = known
                } else {
                    n = words.count
                    numbers[t.lower] = n
                    words.append(t.lower); sums.append(.init()); current.append(.init())
                }
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
            entries.append((words[n], c))
            sums[n].lower += c.lower
            sums[n].capitalizedInside += c.capitalizedInside
            current[n] = .init()
        }
        met.removeAll(keepingCapacity: true)
        return entries
    }

    /// The counts of all texts counted so far.
    public var sum: NameStatistics {
        var counts: [String: NameStatistics.Counts] = [:]
        counts.reserveCapacity(words.count)
        for (word, c) in zip(words, sums) { counts[word] = c }
        return NameStatistics(counts: counts)
    }
}
