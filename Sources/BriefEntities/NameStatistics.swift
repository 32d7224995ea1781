/// How each word is written across the whole archive. A capitalised word at a sentence start
/// says nothing by itself; it is taken as a name only if the archive also writes it capitalised
/// in mid-sentence at least as often as in lowercase.
///
/// Additive per text, so a build can keep each text's counts and update the archive's sum by
/// the texts that came and went instead of counting every text again.
public struct NameStatistics: Sendable {
    public struct Counts: Sendable, Equatable {
        public var lower = 0
        public var capitalizedInside = 0
        public init(lower: Int = 0, capitalizedInside: Int = 0) { self.lower = lower; self.capitalizedInside = capitalizedInside }
    }
    public private(set) var counts: [String: Counts] = [:]

    public init() {}
    public init(counts: [String: Counts]) { self.counts = counts }

    /// What a token adds to the counts of its word.
    enum Use { case lower, capitalizedInside }

    /// A word in lowercase, or capitalised where the capital says something (not at a sentence
    /// start, not in a headline, not all capitals); nil for anything else.
    static func use(of t: Token, headline: Bool) -> Use? {
        guard t.kind == .word else { return nil }
        if !t.capitalized { return .lower }
        return !t.sentenceStart && !headline && !t.allCaps ? .capitalizedInside : nil
    }

    mutating func add(_ tokens: [Token], headline: Bool) {
        for t in tokens {
            switch Self.use(of: t, headline: headline) {
            case .lower?: counts[t.lower, default: Counts()].lower += 1
            case .capitalizedInside?: counts[t.lower, default: Counts()].capitalizedInside += 1
            case nil: continue
            }
        }
    }

    /// Adds the counts of another part of the archive.
    public mutating func add(_ other: NameStatistics) {
        if counts.isEmpty { counts = other.counts; return }
        for (word, c) in other.counts {
            counts[word, default: Counts()].lower += c.lower
            counts[word, default: Counts()].capitalizedInside += c.capitalizedInside
        }
    }

    /// Takes away the counts of a part of the archive that is gone. A word left with no count is
    /// dropped, so the result equals counting the remaining texts afresh.
    public mutating func subtract(_ other: NameStatistics) {
        for (word, c) in other.counts {
            guard var mine = counts[word] else { continue }
            mine.lower -= c.lower
            mine.capitalizedInside -= c.capitalizedInside
            counts[word] = mine.lower == 0 && mine.capitalizedInside == 0 ? nil : mine
        }
    }

    /// The answers name finding in a text takes from these counts for a word (`writtenAsName`,
    /// `isCommonWord`); a text that looked at a word whose answers changed is searched again.
    public func answers(_ lower: String) -> Int {
        (writtenAsName(lower) ? 1 : 0) | (isCommonWord(lower) ? 2 : 0)
    }

    func writtenAsName(_ lower: String) -> Bool {
        guard let c = counts[lower] else { return false }
        return c.capitalizedInside > 0 && c.capitalizedInside >= c.lower
    }

    /// Written in lowercase somewhere and mostly so.
    func isCommonWord(_ lower: String) -> Bool {
        guard let c = counts[lower] else { return false }
        return c.lower > 0 && c.lower >= c.capitalizedInside
    }

    /// Clearly a name: capitalised inside sentences at least twice as often as not.
    func stronglyWrittenAsName(_ lower: String) -> Bool {
        guard let c = counts[lower] else { return false }
        return c.capitalizedInside >= 2 && c.capitalizedInside >= 2 * c.lower
    }

    /// A paragraph in Title Case (headline, menu, related-story link): its capitals are style.
    static func isHeadline(_ tokens: [Token]) -> Bool {
        // Headlines do not end with a full stop; sentences full of names ("Raisi met Putin.") do.
        if let last = tokens.last, last.kind == .punct, last.scalar == "." { return false }
        var words = 0, long = 0, capitalized = 0
        for i in tokens.indices where tokens[i].kind == .word {
            words += 1
            if words > 30 { return false }
            guard tokens[i].length >= 4, !NameLexicon.neverName.contains(tokens[i]) else { continue }
            long += 1
            if tokens[i].capitalized { capitalized += 1 }
        }
        return long >= 2 && capitalized * 10 >= long * 7
    }
}
