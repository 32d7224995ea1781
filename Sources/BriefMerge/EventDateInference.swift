import BriefModel

/// Last-resort event date when ingest found none: news says "on Thursday" and means the
/// last Thursday up to the day it was published.
enum EventDateInference {
    private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func infer(_ article: Article) -> (date: DayDate, evidence: String)? {
        guard let published = article.published, published.precision == .day else { return nil }
        for paragraph in article.paragraphs.prefix(2) {
            let words = paragraph.lowercased().split(whereSeparator: { !$0.isLetter })
            for (k, w) in words.enumerated() where k > 0 && words[k - 1] == "on" {
                guard let day = weekdays.firstIndex(of: String(w)) else { continue }
                let back = (published.weekday - day + 7) % 7
                return (published.adding(days: -back),
                        "\"on \(weekdays[day].titleCased)\" in \(article.file), counted back from its publication date \(published)")
            }
        }
        return nil
    }
}

private extension String {
    var titleCased: String { prefix(1).uppercased() + dropFirst() }
}
