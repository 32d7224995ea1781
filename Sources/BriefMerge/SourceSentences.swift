import BriefModel

/// One source's text cut into sentences, each with its content words, made once per article
/// of a story: the summary and the additions both compare sentences by their words.
struct SourceSentences {
    struct Sentence {
        /// Where the sentence is: its paragraph and UTF-8 offsets there. Its String is made
        /// only when a brief shows or shapes it (`text(of:)`); most are only compared.
        var paragraph: Int
        var bytes: Range<Int>
        /// Content-word hashes, ascending, no repeats (`WordScanner.contentSet`).
        var words: [UInt64]
    }

    /// The article's paragraphs, which the sentences point into.
    private let texts: [String]
    /// Sentences by paragraph.
    var paragraphs: [[Sentence]]

    init(_ article: Article) {
        texts = article.paragraphs
        var scratch: [Word] = []
        var paragraphs: [[Sentence]] = []
        paragraphs.reserveCapacity(texts.count)
        for (k, p) in texts.enumerated() {
            var p = p
            // Split and scanned on the paragraph's own bytes: no copy of it, no String per sentence.
            paragraphs.append(p.withUTF8 { b in
                SentenceSplitter.ranges(b).map { r in
                    Sentence(paragraph: k, bytes: r,
                             words: WordScanner.contentSet(UnsafeBufferPointer(rebasing: b[r]), scratch: &scratch))
                }
            })
        }
        self.paragraphs = paragraphs
    }

    var sentences: [Sentence] { paragraphs.flatMap { $0 } }

    /// A sentence's text, as `SentenceSplitter.sentences` gives it.
    func text(of s: Sentence) -> String {
        var p = texts[s.paragraph]
        return p.withUTF8 { String(decoding: $0[s.bytes], as: UTF8.self) }
    }

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
