import BriefModel

/// Finds calendar dates in the forms real pages print them, by hand: `DateFormatter` is slow
/// on Linux and knows one pattern at a time.
///
/// Accepted: ISO 8601 (`2023-12-08`, `2023-12-08T10:00:00Z`); `December 8, 2023`, `Dec. 8 2023`,
/// `December 15th, 2008`, `May 03, 2013`; `19 January 2022`, `Tuesday 19 March 2024 - 22:33`;
/// `26-FEB-1987 15:01:01.79`; `12/31/2023` when the day makes the order unambiguous or US order fits;
/// RFC 822 feed dates (`Tue, 19 Mar 2024 22:33:00 GMT`); `March 2024` (month precision).
enum DatePhrase {
    struct Match {
        var date: DayDate
        /// The characters of the line that made the date.
        var text: String
        /// Whether a time of day followed: pages print one with the publication date.
        var hasTime: Bool
    }

    /// Every date in the text, in order.
    static func all(in text: String) -> [Match] { all(in: text, tokens: DateToken.scan(text)) }

    /// Every date of the tokens of `text`, for callers that read the tokens themselves.
    static func all(in text: String, tokens: [DateToken]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < tokens.count {
            if let (date, used) = match(tokens, at: i) {
                let end = tokens[i + used - 1].range.upperBound
                let hasTime = timeFollows(tokens, at: i + used)
                found.append(Match(date: date, text: String(DateToken.slice(text, tokens[i].range.lowerBound..<end)), hasTime: hasTime))
                i += used
            } else {
                i += 1
            }
        }
        return found
    }

    static func first(in text: String) -> Match? { all(in: text).first }

    /// One date token sequence starting at `i`: returns the date and the number of tokens used.
    private static func match(_ t: [DateToken], at i: Int) -> (DayDate, Int)? {
        func num(_ k: Int) -> Int? { k < t.count ? t[k].number : nil }
        func month(_ k: Int) -> Int? { k < t.count ? t[k].month : nil }
        func digits(_ k: Int) -> Int { k < t.count ? t[k].digits : 0 }
        func sep(_ k: Int, _ c: Unicode.Scalar) -> Bool { k < t.count && t[k].separator == c }

        // 2023-12-08 (also inside ISO timestamps)
        if let y = num(i), digits(i) == 4, sep(i + 1, "-"), let m = num(i + 2), sep(i + 3, "-"), let d = num(i + 4),
           digits(i + 4) <= 2, let date = DayDate(year: y, month: m, day: d) {
            return (date, 5)
        }
        // 26-FEB-1987, 26 Feb 1987, 19 January 2022
        if let d = num(i), digits(i) <= 2 {
            var k = i + 1
            if sep(k, "-") || sep(k, "/") || sep(k, ".") { k += 1 }
            if let m = month(k) {
                var j = k + 1
                if sep(j, "-") || sep(j, ",") || sep(j, ".") { j += 1 }
                if let y = num(j), digits(j) == 4, let date = DayDate(year: y, month: m, day: d) { return (date, j - i + 1) }
            }
        }
        // December 8, 2023 / Apr. 7, 2011 / December 15th, 2008
        if let m = month(i) {
            var k = i + 1
            if sep(k, ".") { k += 1 }
            if let d = num(k), digits(k) <= 2 {
                var j = k + 1
                if sep(j, ",") { j += 1 }
                if let y = num(j), digits(j) == 4, let date = DayDate(year: y, month: m, day: d) { return (date, j - i + 1) }
            }
            // March 2024 (not the tail of "31 February 2023", an impossible day)
            if i == 0 || t[i - 1].number == nil, let y = num(k), digits(k) == 4, let date = DayDate(year: y, month: m, precision: .month) {
                return (date, k - i + 1)
            }
        }
        // 12/31/2023 or 31/12/2023
        if let a = num(i), digits(i) <= 2, sep(i + 1, "/"), let b = num(i + 2), digits(i + 2) <= 2, sep(i + 3, "/"),
           let y = num(i + 4), digits(i + 4) == 4 {
            let (m, d) = a > 12 ? (b, a) : (a, b)
            if let date = DayDate(year: y, month: m, day: d) { return (date, 5) }
        }
        return nil
    }

    /// `13:57`, `- 22:33`, `| 13:57`, `, 7:35 am`, `15:01:01.79`, `T10:00`.
    private static func timeFollows(_ t: [DateToken], at i: Int) -> Bool {
        var k = i
        while k < t.count, let s = t[k].separator, "-|,T@".unicodeScalars.contains(s) { k += 1 }
        if k < t.count, t[k].word == .t { k += 1 }
        return k + 2 < t.count && t[k].number != nil && t[k + 1].separator == ":" && t[k + 2].number != nil
    }
}
