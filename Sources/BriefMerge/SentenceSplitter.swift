/// Splits a paragraph into sentences at `.`, `!`, `?` (with any closing quotes) followed by
/// a space and a capital, digit or quote; initials and titles like "Mr." do not end one.
enum SentenceSplitter {
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr", "vs", "no",
        "inc", "corp", "co", "ltd", "gov", "sen", "rep", "rev", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    ]

    static func sentences(_ paragraph: String) -> [String] {
        let chars = Array(paragraph)
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" || c == "…" {
                var end = i + 1
                while end < chars.count, "\"'”’)]".contains(chars[end]) { end += 1 }
                var next = end
                while next < chars.count, chars[next] == " " { next += 1 }
                let spaced = next > end
                if spaced, next < chars.count, startsSentence(chars[next]), !(c == "." && isAbbreviation(chars, before: i)) {
                    appendTrimmed(chars[start..<end], to: &out)
                    start = next
                    i = next
                    continue
                }
            }
            i += 1
        }
        appendTrimmed(chars[start...], to: &out)
        return out
    }

    private static func startsSentence(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || "\"“'‘(".contains(c)
    }

    private static func isAbbreviation(_ chars: [Character], before dot: Int) -> Bool {
        var j = dot
        while j > 0, chars[j - 1].isLetter || chars[j - 1] == "." { j -= 1 }
        let word = String(chars[j..<dot]).lowercased()
        if word.count == 1 { return true } // an initial: "George W. Bush"
        return abbreviations.contains(word)
    }

    private static func appendTrimmed(_ slice: ArraySlice<Character>, to out: inout [String]) {
        let s = String(slice).trimmingCharacters(in: " \t\n")
        if !s.isEmpty { out.append(s) }
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        var sub = Substring(self)
        while let f = sub.first, set.contains(f) { sub.removeFirst() }
        while let l = sub.last, set.contains(l) { sub.removeLast() }
        return String(sub)
    }
}
