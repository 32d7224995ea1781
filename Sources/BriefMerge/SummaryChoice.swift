import BriefModel

/// Two or three of the lead's sentences for the summary, chosen for what the sources agree
/// on: words many sources use, sentences other reports also carry, and early position
/// (news puts the essentials first). Quote-only fragments and scraps never qualify.
enum SummaryChoice {
    static let maxWords = 90

    static func sentences(lead: SourceSentences, others: [SourceSentences]) -> [String] {
        let leadSentences = lead.sentences
        let otherSets = others.map { $0.sentences.map(\.words) }
        let sourceSets = [Set(leadSentences.flatMap(\.words))] + otherSets.map { Set($0.flatMap { $0 }) }

        var scored: [(index: Int, score: Double, words: Int)] = []
        for (k, sentence) in leadSentences.enumerated() {
            let s = sentence.text
            let words = s.split(separator: " ").count
            guard words >= 8, words <= 60, !isQuoteOnly(s), !s.hasSuffix(":") else { continue }
            let set = sentence.words
            guard set.count >= 4 else { continue }
            var central = 0.0
            for w in set {
                var holders = 0
                for source in sourceSets where source.contains(w) { holders += 1 }
                central += Double(holders) / Double(sourceSets.count)
            }
            central /= Double(set.count)
            var cover = 0.0
            for other in otherSets { cover += other.map { SourceSentences.overlap(set, $0) }.max() ?? 0 }
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
        if chosen.isEmpty { return leadSentences.prefix(2).map(\.text) }
        return chosen.sorted { $0.index < $1.index }.map { leadSentences[$0.index].text }
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
