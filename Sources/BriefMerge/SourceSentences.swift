import BriefModel

/// One source's text cut into sentences, each with its content words, made once per article
/// of a story: the summary and the additions both compare sentences by their words.
struct SourceSentences {
    /// Where a sentence is, its text and its words: plain numbers, so lists of them copy
    /// without reference counting.
    struct Sentence {
        /// Its paragraph and UTF-8 offsets there. Its String is made only when a brief
        /// shows or shapes it (`text(of:)`); most are only compared.
        var paragraph: Int
        var bytes: Range<Int>
        /// Its content words in `words`.
        var words: Range<Int>
    }

    /// The article's paragraphs, which the sentences point into.
    private let texts: [String]
    /// Sentences by paragraph.
    var paragraphs: [[Sentence]]
    /// Each sentence's content-word hashes, ascending, no repeats (`ContentSets`),
    /// one sentence after another: one array per article, not one per sentence.
    private let words: [UInt64]

    init(_ article: Article) {
        texts = article.paragraphs
        var sets = ContentSets()
        var paragraphs: [[Sentence]] = []
        paragraphs.reserveCapacity(texts.count)
        for (k, p) in texts.enumerated() {
            var p = p
            // Split and scanned on the paragraph's own bytes: no copy of it, no String per sentence.
            paragraphs.append(p.withUTF8 { b in
                SentenceSplitter.ranges(b).map { r in
                    Sentence(paragraph: k, bytes: r, words: sets.append(UnsafeBufferPointer(rebasing: b[r])))
                }
            })
        }
        self.paragraphs = paragraphs
        words = sets.hashes
    }

    var sentences: [Sentence] { paragraphs.flatMap { $0 } }

    /// A sentence's text, as `SentenceSplitter.sentences` gives it.
    func text(of s: Sentence) -> String {
        var p = texts[s.paragraph]
        return p.withUTF8 { String(decoding: $0[s.bytes], as: UTF8.self) }
    }

    /// `SentenceShape` of a sentence's text, counted on its bytes in place where it can be.
    func shape(of s: Sentence) -> SentenceShape {
        var p = texts[s.paragraph]
        return p.withUTF8 { SentenceShape(bytes: UnsafeBufferPointer(rebasing: $0[s.bytes])) }
            ?? SentenceShape(characters: text(of: s))
    }

    /// Whether a sentence's text ends with the Character ":". That Character is the scalar
    /// alone (or after a prepended one), so only a last byte ":" needs the String to tell.
    func endsWithColon(_ s: Sentence) -> Bool {
        var p = texts[s.paragraph]
        return p.withUTF8 { $0[s.bytes.upperBound - 1] } == 0x3A && text(of: s).hasSuffix(":")
    }

    /// A sentence's content words, ascending, no repeats.
    func words(of s: Sentence) -> ArraySlice<UInt64> { words[s.words] }

    /// The content words of all sentences, ascending, no repeats.
    var allWords: [UInt64] {
        var all = words
        let kept = all.withUnsafeMutableBufferPointer { ContentSets.sortUnique($0) }
        all.removeLast(all.count - kept)
        return all
    }

    /// Share of `a`'s words that `b` has too: one merge of the two ascending lists, since it
    /// runs for every pair of sentences in a story.
    static func overlap(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Double {
        guard !a.isEmpty else { return 0 }
        return Double(shared(a, b)) / Double(a.count)
    }

    /// How many words two ascending, repeat-free lists have in common.
    static func shared(_ a: ArraySlice<UInt64>, _ b: ArraySlice<UInt64>) -> Int {
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
}
