import BriefModel

/// Two or three of the lead's sentences for the summary, chosen for what the sources agree
/// on: words many sources use, sentences other reports also carry, and early position
/// (news puts the essentials first). Quote-only fragments and scraps never qualify.
enum SummaryChoice {
    static let maxWords = 90

    static func sentences(lead: Article, others: [Article]) -> [String] {
        let leadSentences = lead.paragraphs.flatMap(SentenceSplitter.sentences)
        let otherSets = others.map { $0.paragraphs.flatMap(SentenceSplitter.sentences).map(WordScanner.contentSet) }
        let sourceSets = [Set(leadSentences.flatMap(WordScanner.contentSet))] + otherSets.map { Set($0.flatMap { $0 }) }

        var scored: [(index: Int, score: Double, words: Int)] = []
        for (k, s) in leadSentences.enumerated() {
            let words = s.split(separator: " ").count
            guard words >= 8, words <= 60, !isQuoteOnly(s), !s.hasSuffix(":") else { continue }
            let set = WordScanner.contentSet(s)
            guard set.count >= 4 else { continue }
            var central = 0.0
            for w in set { central += Double(sourceSets.filter { $0.contains(w) }.count) / Double(sourceSets.count) }
            central /= Double(set.count)
            var cover = 0.0
            for other in otherSets { cover += other.map { overlap(set, $0) }.max() ?? 0 }
            if !otherSets.isEmpty { cover /= Double(otherSets.count) }
            let position = 1 / (1 + 0.25 * Double(k))
            scored.append((k, central + cover + position, words))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        var chosen: [(index: Int, score: Double, words: Int)] = []
        var total = 0
        for c in scored where chosen.count < 3 {
            if chosen.count >= 2 && total + c.words > maxWords { break }
            chosen.append(c); total += c.words
        }
        if chosen.isEmpty { return Array(leadSentences.prefix(2)) }
        return chosen.sorted { $0.index < $1.index }.map { leadSentences[$0.index] }
    }

    /// Share of `a`'s words that `b` has too.
    static func overlap(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        guard !a.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(a.count)
    }

    /// A sentence that is mostly a quotation lifted out of its context.
    static func isQuoteOnly(_ s: String) -> Bool {
        var inside = 0, total = 0, open = false
        for c in s {
            if c == "\"" { open.toggle(); continue }
            if c == "“" { open = true; continue }
            if c == "”" { open = false; continue }
            total += 1
            if open { inside += 1 }
        }
        return total > 0 && Double(inside) / Double(total) > 0.6
    }
}
