/// How two written names can be the same: spelling variants and acronyms.
enum NameMatching {
    /// Shorter tokens differ by one letter too often ("Ali" / "Ari") to be merged on spelling.
    static let minimumVariantLength = 5

    /// "raisi" / "raeisi": long enough, same first letter, one edit apart (two when both are long).
    static func spellingVariant(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        // Most pairs differ in their first letter: say no before making arrays of scalars.
        guard let first = a.unicodeScalars.first, first == b.unicodeScalars.first else { return false }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count >= minimumVariantLength, y.count >= minimumVariantLength, x[0] == y[0],
              abs(x.count - y.count) <= 2 else { return false }
        let limit = min(x.count, y.count) >= 8 ? 2 : 1
        return distance(x, y, limit: limit) <= limit
    }

    /// Damerau-Levenshtein (adjacent transpositions) distance, giving up above `limit`.
    static func distance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { best = min(best, previous2[j - 2] + 1) }
                current[j] = best
                rowMin = min(rowMin, best)
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }

    /// Blocking keys for spelling variants: the word and every one-letter deletion of it, prefixed
    /// with its first letter. Two words one edit apart share a key, so candidates are found by
    /// hashing instead of comparing all pairs.
    static func variantKeys(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= minimumVariantLength else { return [word] }
        var keys = [word]
        for skip in 1..<scalars.count {
            var view = String.UnicodeScalarView()
            for (i, s) in scalars.enumerated() where i != skip { view.append(s) }
            keys.append(String(view))
        }
        return keys
    }

    /// Connector words left out of an acronym ("Shanghai Cooperation Organization" -> "SCO").
    static let acronymSkips: Set<String> = ["of", "for", "and", "the", "on", "in", "&", "de", "la", "du", "des"]

    /// Initials of a multi-word name, uppercase.
    static func initials(_ words: [String]) -> String {
        var out = ""
        for w in words where !acronymSkips.contains(w.lowercased()) {
            if let first = w.unicodeScalars.first { out.unicodeScalars.append(first) }
        }
        return out.uppercased()
    }
}
