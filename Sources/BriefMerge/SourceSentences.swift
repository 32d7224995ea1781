import BriefModel

/// One source's text cut into sentences, each with its content words, made once per article
/// of a story: the summary and the additions both compare sentences by their words.
struct SourceSentences {
    struct Sentence {
        var text: String
        var words: Set<UInt64>
    }

    /// Sentences by paragraph.
    var paragraphs: [[Sentence]]

    init(_ article: Article) {
        paragraphs = article.paragraphs.map { p in
            SentenceSplitter.sentences(p).map { Sentence(text: $0, words: WordScanner.contentSet($0)) }
        }
    }

    var sentences: [Sentence] { paragraphs.flatMap { $0 } }

    /// Share of `a`'s words that `b` has too; counted, not intersected, since it runs for
    /// every pair of sentences in a story.
    static func overlap(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
        guard !a.isEmpty else { return 0 }
        var shared = 0
        for w in a where b.contains(w) { shared += 1 }
        return Double(shared) / Double(a.count)
    }
}
