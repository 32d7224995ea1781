import BriefModel

/// What each non-lead source says that the lead does not: its sentences no earlier text
/// covers (by word overlap), grouped by paragraph, so a detail only one source reported
/// is never lost and a detail two sources repeat appears once.
enum AdditionFinder {
    static let coveredOverlap = 0.6

    static func additions(lead: SourceSentences, others: [(file: String, text: SourceSentences)]) -> [Brief.Addition] {
        var covered = lead.sentences.map(lead.words)
        var out: [Brief.Addition] = []
        for (file, text) in others {
            var paragraphs: [String] = []
            for p in text.paragraphs {
                var kept: [String] = []
                for s in p {
                    let words = text.words(of: s)
                    guard words.count >= 3 else { continue }
                    if covered.contains(where: { SourceSentences.overlap(words, $0) >= coveredOverlap }) { continue }
                    kept.append(text.text(of: s))
                    covered.append(words)
                }
                if !kept.isEmpty { paragraphs.append(kept.joined(separator: " ")) }
            }
            if !paragraphs.isEmpty { out.append(.init(source: file, paragraphs: paragraphs)) }
        }
        return out
    }
}
