import BriefModel

/// When the reported event happened, read from the lead's time references and resolved
/// against the publication date: "on Thursday" in a Friday paper is the day before.
enum EventDate {
    struct Resolution {
        var date: DayDate
        var evidence: String
    }

    /// Looks at the first paragraphs only: later ones tell background ("in August 2021").
    static let leadParagraphs = 3
    /// How far before publication an explicit date in the lead may lie and still be the event.
    static let maxDaysBeforePublication = 31

    static func resolve(paragraphs: [String], published: DayDate?) -> Resolution? {
        for paragraph in paragraphs.prefix(leadParagraphs) {
            if let found = firstReference(in: paragraph, published: published) { return found }
        }
        if let published { return Resolution(date: published, evidence: "publication date (no time reference in the lead)") }
        return nil
    }

    private static func firstReference(in paragraph: String, published: DayDate?) -> Resolution? {
        let simple = ScalarText.isSimple(paragraph)
        let tokens = DateToken.scan(paragraph, simple: simple)
        let explicit = DatePhrase.all(in: paragraph, tokens: tokens)
        // Where each date's text first occurs in the paragraph, found once rather than at every word.
        let explicitStarts = explicit.map { ScalarText.firstOffset(of: $0.text, in: paragraph, simple: simple) }
        for (index, token) in tokens.enumerated() {
            guard let word = token.word else { continue }
            let previous = index > 0 ? tokens[index - 1].word : nil
            var quoted: String { "\"\(DateToken.slice(paragraph, token.range))\"" }
            if case .weekday(let weekday) = word {
                // "The show opens to the public on Friday": what is still to come is not the event reported.
                guard let published, previous != .next,
                      !isFuture(sentence(around: token.range, in: paragraph, simple: simple)) else { continue }
                // The most recent such weekday on or before publication; "next Monday" looks ahead.
                var delta = (published.weekday - weekday + 7) % 7
                if previous == .last && delta == 0 { delta = 7 }
                return Resolution(date: published.adding(days: -delta), evidence: "\(quoted) before publication \(published)")
            }
            if word == .yesterday, let published {
                return Resolution(date: published.adding(days: -1), evidence: "\(quoted), publication \(published)")
            }
            if word == .today || word == .tonight, let published {
                return Resolution(date: published, evidence: "\(quoted), publication \(published)")
            }
            if previous == .last, let published {
                switch word {
                case .week:
                    return Resolution(date: published.adding(days: -7), evidence: "\(quoted) week before \(published)")
                case .month:
                    let m = published.month == 1 ? 12 : published.month - 1
                    let y = published.month == 1 ? published.year - 1 : published.year
                    if let d = DayDate(year: y, month: m, precision: .month) {
                        return Resolution(date: d, evidence: "\"last month\" before \(published)")
                    }
                case .year:
                    if let d = DayDate(year: published.year - 1, precision: .year) {
                        return Resolution(date: d, evidence: "\"last year\" before \(published)")
                    }
                default: break
                }
            }
            // An explicit date in the lead: "on 7 December", "on December 7, 2023".
            if let k = explicitStarts.firstIndex(where: { $0 == token.range.lowerBound }) {
                let match = explicit[k]
                // A report's event is recent: a date long before publication ("born on March 4, 1923")
                // is background. Without a publication date only "on <date>" reads as the event.
                if let published {
                    let days = published.dayNumber - match.date.dayNumber
                    if days < 0 || days > maxDaysBeforePublication { continue }
                } else if previous != .on {
                    continue
                }
                return Resolution(date: match.date, evidence: "\"\(match.text)\" in the lead")
            }
            // "on June 8" without a year: the last June 8 up to publication, and like an explicit
            // date only when recent ("rear-ended a truck on June 8", eleven months back, is background).
            if token.month != nil, let published, index + 1 < tokens.count, let day = tokens[index + 1].number,
               tokens[index + 1].digits <= 2, previous == .on || previous == .since,
               let date = yearless(month: token.month!, day: day, before: published),
               published.dayNumber - date.dayNumber <= maxDaysBeforePublication {
                return Resolution(date: date, evidence: "\"\(DateToken.slice(paragraph, token.range).lowercased()) \(day)\" before publication \(published)")
            }
        }
        return nil
    }

    private static let futureMarkers = [" will ", " opens ", " is expected", " are expected", " is scheduled", " are scheduled",
                                        " is due ", " are due ", " to be held", " upcoming", " is set to ", " are set to ", " plans to "]

    static func isFuture(_ sentence: Substring) -> Bool {
        let lower = " " + ScalarText.withBytes(sentence) { ScalarText.lowercased($0) } + " "
        return futureMarkers.contains { ScalarText.contains($0, in: lower) }
    }

    /// The sentence of the paragraph that holds the range (UTF-8 offsets); simple text is cut by bytes.
    static func sentence(around range: Range<Int>, in text: String, simple: Bool) -> Substring {
        guard simple else {
            let utf8 = text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return sentence(around: from..<utf8.index(from, offsetBy: range.count), in: text)
        }
        let (start, end) = ScalarText.withBytes(text) { bytes -> (Int, Int) in
            func stops(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }   // . ! ?
            var start = range.lowerBound
            while start > 0, !stops(bytes[start - 1]) { start -= 1 }
            var end = range.upperBound
            while end < bytes.count, !stops(bytes[end]) { end += 1 }
            return (start, end)
        }
        return DateToken.slice(text, start..<end)
    }

    /// The sentence of the paragraph that holds the range.
    static func sentence(around range: Range<String.Index>, in text: String) -> Substring {
        var start = range.lowerBound
        while start > text.startIndex {
            let before = text.index(before: start)
            if ".!?".contains(text[before]) { break }
            start = before
        }
        var end = range.upperBound
        while end < text.endIndex, !".!?".contains(text[end]) { end = text.index(after: end) }
        return text[start..<end]
    }

    /// "December 7" without a year: the latest such day not after publication.
    private static func yearless(month: Int, day: Int, before published: DayDate) -> DayDate? {
        guard let same = DayDate(year: published.year, month: month, day: day) else { return nil }
        return same <= published ? same : DayDate(year: published.year - 1, month: month, day: day)
    }
}
