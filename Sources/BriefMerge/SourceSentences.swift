import BriefModel

/// One source's text cut into sentences, each with its content words, made once per article
/// of a story: the summary and the additions both compare sentences by their words.
struct SourceSentences {
    struct Sentence {
        var text: String
        /// Content-word hashes, ascending, no repeats (`WordScanner.contentSet`).
        var words: [UInt64]
    }

    /// Sentences by paragraph.
    var paragraphs: [[Sentence]]

    init(_ article: Article) {
        var scratch: [Word] = []
        paragraphs = []
        paragraphs.reserveCapacity(article.paragraphs.count)
        for p in article.paragraphs {
            var sentences: [Sentence] = []
            for s in SentenceSplitter.sentences(p) {
                sentences.append(Sentence(text: s, words: WordScanner.contentSet(s, scratch: &scratch)))
            }
            paragraphs.append(sentences)
        }
    }

    var sentences: [Sentence] { paragraphs.flatMap { $0 } }

    /// Share of `a`'s words that `b` has too: one merge of the two ascending lists, since it
    /// runs for every pair of sentences in a story.
    static func overlap(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty else { return 0 }
        return Double(shared(a, b)) / Double(a.count)
    }

    /// How many words two ascending, repeat-free lists have in common.
    static func shared(_ a: [UInt64], _ b: [UInt64]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0, j = 0, n = 0
                while i < a.count && j < b.count {
                    let (x, y) = (a[i], b[j])
                    if x == y { n += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
                }
                return n
            }
        }
    }

    /// The union of ascending, repeat-free lists, the same way.
    static func union(_ lists: [[UInt64]]) -> [UInt64] {
        var all = lists.flatMap { $0 }
        all.sort()
        var out: [UInt64] = []
        out.reserveCapacity(all.count)
        for w in all where out.last != w { out.append(w) }
        return out
    }
}
