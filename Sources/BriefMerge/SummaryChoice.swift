import BriefModel

/// Two or three of the lead's sentences for the summary, chosen for what the sources agree
/// on: words many sources use, sentences other reports also carry, and early position
/// (news puts the essentials first). Quote-only fragments and scraps never qualify.
enum SummaryChoice {
    static let maxWords = 90

    static func sentences(lead: SourceSentences, others: [SourceSentences]) -> [String] {
        let leadSentences = lead.sentences
        let otherSets = others.map { source in source.sentences.map(source.words) }
        let sourceSets = [lead.allWords] + others.map(\.allWords)

        var scored: [(index: Int, score: Double, words: Int)] = []
        var holders: [Int] = []
        for (k, sentence) in leadSentences.enumerated() {
            // The cheap test first: too few content words needs no look at the sentence's shape.
            let set = lead.words(of: sentence)
            guard set.count >= 4 else { continue }
            let shape = lead.shape(of: sentence)
            let words = shape.words
            guard words >= 8, words <= 60, !shape.isQuoteOnly, !lead.endsWithColon(sentence) else { continue }
            // How many sources hold each word: one merge per source, both lists ascending.
            holders.removeAll(keepingCapacity: true)
            holders.append(contentsOf: repeatElement(0, count: set.count))
            for source in sourceSets { countHeld(set, in: source, into: &holders) }
            var central = 0.0
            for h in holders { central += Double(h) / Double(sourceSets.count) }
            central /= Double(set.count)
            var cover = 0.0
            // Each source's best overlap, without an array of them: overlaps are never below 0.
            for other in otherSets {
                var best = 0.0
                for sentence in other { best = max(best, SourceSentences.overlap(set, sentence)) }
                cover += best
            }
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
        if chosen.isEmpty { return leadSentences.prefix(2).map { lead.text(of: $0) } }
        return chosen.sorted { $0.index < $1.index }.map { lead.text(of: leadSentences[$0.index]) }
    }

    /// Adds 1 to `counts[k]` for each `words[k]` that `source` holds (both ascending, no repeats).
    private static func countHeld(_ words: ArraySlice<UInt64>, in source: [UInt64], into counts: inout [Int]) {
        words.withUnsafeBufferPointer { words in
            var i = 0, j = 0
            while i < words.count && j < source.count {
                let (x, y) = (words[i], source[j])
                if x == y { counts[i] += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
            }
        }
    }
}
