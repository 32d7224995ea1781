/// A calendar date as news text gives it: to the day, the month or only the year.
/// Kept apart from `Foundation.Date` because articles rarely carry a time zone and
/// "March 2024" must not pretend to be the 1st of March.
public struct DayDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable { case day, month, year }

    public var year: Int
    public var month: Int
    public var day: Int
    public var precision: Precision

    public init?(year: Int, month: Int = 1, day: Int = 1, precision: Precision = .day) {
        guard (1000...2999).contains(year), (1...12).contains(month),
              (1...DayDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day; self.precision = precision
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` by precision.
    public var description: String {
        switch precision {
        case .day: return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        case .month: return "\(pad(year, 4))-\(pad(month, 2))"
        case .year: return pad(year, 4)
        }
    }

    /// Parses the `description` forms back, and the date part of ISO 8601 timestamps.
    public init?(iso: String) {
        let bytes = Array(iso.utf8.prefix(10))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for b in bytes[range] { guard b >= 48 && b <= 57 else { return nil }; value = value * 10 + Int(b - 48) }
            return value
        }
        guard let y = number(0..<4) else { return nil }
        if bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, let m = number(5..<7), let d = number(8..<10) {
            self.init(year: y, month: m, day: d)
        } else if bytes.count >= 7, bytes[4] == 45, let m = number(5..<7) {
            self.init(year: y, month: m, precision: .month)
        } else if bytes.count == 4 {
            self.init(year: y, precision: .year)
        } else { return nil }
    }

    public static func < (a: DayDate, b: DayDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic without Foundation.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m; self.day = d; self.precision = .day
    }

    public func adding(days: Int) -> DayDate { DayDate(dayNumber: dayNumber + days) }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = DayDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
