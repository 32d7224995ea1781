import BriefModel

/// What each non-lead source says that the lead does not: its sentences no earlier text
/// covers (by word overlap), grouped by paragraph, so a detail only one source reported
/// is never lost and a detail two sources repeat appears once.
enum AdditionFinder {
    static let coveredOverlap = 0.6

    static func additions(lead: Article, others: [Article]) -> [Brief.Addition] {
        var covered = lead.paragraphs.flatMap(SentenceSplitter.sentences).map(WordScanner.contentSet)
        var out: [Brief.Addition] = []
        for article in others {
            var paragraphs: [String] = []
            for p in article.paragraphs {
                var kept: [String] = []
                for s in SentenceSplitter.sentences(p) {
                    let set = WordScanner.contentSet(s)
                    guard set.count >= 3 else { continue }
                    if covered.contains(where: { SummaryChoice.overlap(set, $0) >= coveredOverlap }) { continue }
                    kept.append(s)
                    covered.append(set)
                }
                if !kept.isEmpty { paragraphs.append(kept.joined(separator: " ")) }
            }
            if !paragraphs.isEmpty { out.append(.init(source: article.file, paragraphs: paragraphs)) }
        }
        return out
    }
}
