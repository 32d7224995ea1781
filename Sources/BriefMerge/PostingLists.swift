/// The inverted index candidate search reads: for each term id, the active articles that
/// carry it with their weights, in article order. Only terms in more than one and at most
/// `maxLength` articles get a list (a term in one article finds nothing, a common one finds
/// everything). One flat array for all lists, because the search walks millions of entries
/// and an array per term costs a retain and a bounds check on each of them.
struct PostingLists: Sendable {
    /// Term id -> where its list starts in `articles` and `weights`; one more entry at the end.
    private(set) var starts: [Int]
    private(set) var articles: [Int32]
    private(set) var weights: [Float]

    init(vectors: [TermVector], active: [Bool], maxLength: Int) {
        var vocabulary = 0
        for v in vectors { if let last = v.ids.last { vocabulary = max(vocabulary, Int(last) + 1) } }
        var df = [Int](repeating: 0, count: vocabulary)
        for (i, v) in vectors.enumerated() where active[i] { for id in v.ids { df[Int(id)] += 1 } }
        var starts = [Int](repeating: 0, count: vocabulary + 1)
        for t in 0..<vocabulary { starts[t + 1] = starts[t] + (df[t] > 1 && df[t] <= maxLength ? df[t] : 0) }
        var next = starts
        var articles = [Int32](repeating: 0, count: starts[vocabulary])
        var weights = [Float](repeating: 0, count: starts[vocabulary])
        for (i, v) in vectors.enumerated() where active[i] {
            for (k, id) in v.ids.enumerated() where df[Int(id)] > 1 && df[Int(id)] <= maxLength {
                articles[next[Int(id)]] = Int32(i)
                weights[next[Int(id)]] = v.weights[k]
                next[Int(id)] += 1
            }
        }
        self.starts = starts; self.articles = articles; self.weights = weights
    }
}
