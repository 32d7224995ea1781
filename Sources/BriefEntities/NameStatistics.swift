/// How each word is written across the whole archive. A capitalised word at a sentence start
/// says nothing by itself; it is taken as a name only if the archive also writes it capitalised
/// in mid-sentence at least as often as in lowercase.
struct NameStatistics: Sendable {
    struct Counts { var lower = 0; var capitalizedInside = 0 }
    private(set) var counts: [String: Counts] = [:]

    mutating func add(_ tokens: [Token], headline: Bool) {
        for t in tokens where t.kind == .word {
            if !t.capitalized {
                counts[t.lower, default: Counts()].lower += 1
            } else if !t.sentenceStart && !headline && !t.allCaps {
                counts[t.lower, default: Counts()].capitalizedInside += 1
            }
        }
    }

    /// Adds the counts of another part of the archive.
    mutating func add(_ other: NameStatistics) {
        if counts.isEmpty { counts = other.counts; return }
        for (word, c) in other.counts {
            counts[word, default: Counts()].lower += c.lower
            counts[word, default: Counts()].capitalizedInside += c.capitalizedInside
        }
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
        for t in tokens where t.kind == .word {
            words += 1
            if words > 30 { return false }
            guard t.end - t.start >= 4, !NameLexicon.neverName.contains(t.lower) else { continue }
            long += 1
            if t.capitalized { capitalized += 1 }
        }
        return long >= 2 && capitalized * 10 >= long * 7
    }
}
