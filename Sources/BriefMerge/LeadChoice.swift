import BriefModel

/// Which report a brief shows: the most complete text, preferring one with a real
/// headline and a publication date, because the brief takes both from it.
enum LeadChoice {
    static func score(_ a: Article) -> Double {
        var words = 0
        for p in a.paragraphs { words += spaces(in: p) + 1 }
        var s = Double(words)
        if a.title == nil || a.titleFromLead { s *= 0.7 }
        if a.published == nil { s *= 0.8 }
        return s
    }

    /// Runs over the whole text of every article: eight bytes at a time, a space byte found
    /// as a zero byte of the word XOR eight spaces.
    static func spaces(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var n = 0, i = 0
            let raw = UnsafeRawBufferPointer(bytes)
            while i + 8 <= bytes.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2020_2020_2020_2020
                // High bit of each byte set exactly where that byte of `x` is zero.
                let low7 = (x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F
                n += (~(low7 | x) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < bytes.count { if bytes[i] == 32 { n += 1 }; i += 1 }
            return n
        }
    }

    /// Index of the lead; ties go to the smaller file path so builds are reproducible.
    static func best(_ articles: [Article]) -> Int { best(articles, scores: articles.map(score)) }

    /// The same, with each article's `score` known.
    static func best(_ articles: [Article], scores: [Double]) -> Int {
        guard !articles.isEmpty else { return 0 }
        var best = 0
        var bestScore = scores[0]
        for i in articles.indices.dropFirst() {
            let si = scores[i]
            if si > bestScore || (si == bestScore && articles[i].file < articles[best].file) { best = i; bestScore = si }
        }
        return best
    }

    /// The brief's headline: the lead's if it is a real one, else another member's real one.
    static func headline(_ members: [Article], lead: Article? = nil) -> String {
        let lead = lead ?? members[best(members)]
        if let t = lead.title, !lead.titleFromLead, !t.isEmpty { return t }
        let titled = members.filter { $0.title != nil && !$0.titleFromLead && !($0.title!.isEmpty) }
        if let other = titled.max(by: { score($0) < score($1) }) { return other.title! }
        if let t = lead.title, !t.isEmpty { return t }
        let first = SentenceSplitter.sentences(lead.paragraphs.first ?? "").first ?? lead.file
        return first.count > 120 ? String(first.prefix(117)) + "..." : first
    }
}
