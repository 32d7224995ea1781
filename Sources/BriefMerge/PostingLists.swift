/// The inverted index candidate search reads: for each term id, the active articles that
/// carry it with their weights, in article order. Only terms in more than one and at most
/// `maxLength` articles get a list (a term in one article finds nothing, a common one finds
/// everything). One flat array for all lists, article and weight side by side: the search
/// walks millions of entries, jumping from list to list, so each list is one run of memory
/// and costs no retain or bounds check.
struct PostingLists: Sendable {
    struct Entry: Sendable {
        var article: Int32
        var weight: Float
    }

    /// Term id -> where its list starts in `entries`; one more at the end.
    private(set) var starts: [Int32]
    private(set) var entries: [Entry]

    init(vectors: [TermVector], active: [Bool], maxLength: Int) {
        var vocabulary = 0
        for v in vectors { if let last = v.ids.last { vocabulary = max(vocabulary, Int(last) + 1) } }
        var df = [Int](repeating: 0, count: vocabulary)
        for (i, v) in vectors.enumerated() where active[i] { for id in v.ids { df[Int(id)] += 1 } }
        var starts = [Int32](repeating: 0, count: vocabulary + 1)
        for t in 0..<vocabulary { starts[t + 1] = starts[t] + Int32(df[t] > 1 && df[t] <= maxLength ? df[t] : 0) }
        var next = starts
        var entries = [Entry](repeating: Entry(article: 0, weight: 0), count: Int(starts[vocabulary]))
        for (i, v) in vectors.enumerated() where active[i] {
            for (k, id) in v.ids.enumerated() where df[Int(id)] > 1 && df[Int(id)] <= maxLength {
                entries[Int(next[Int(id)])] = Entry(article: Int32(i), weight: v.weights[k])
                next[Int(id)] += 1
            }
        }
        self.starts = starts; self.entries = entries
    }
}
