import BriefModel

/// The publication day many news sites write into an article's address
/// (`/2013/09/18/...`, `/2013/may/03/...`, `/2009/POLITICS/03/03/...`, `?ymd=20081216`).
/// Merging falls back on it for articles whose text gave no day: a dated report can be
/// held to its event's date window, an undated one cannot.
enum URLDate {
    static let years = 1990...2039
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The day the address names, if it names one to the day; `/2013/09/` alone is a month
    /// and not enough to place a report among others days apart.
    static func day(_ url: String) -> DayDate? {
        let path = url.utf8.split(whereSeparator: { $0 == 47 || $0 == 63 || $0 == 38 || $0 == 61 }).map { Array($0) }
        for (k, segment) in path.enumerated() {
            guard let y = number(segment), segment.count == 4, years.contains(y) else { continue }
            // One section name may stand between the year and the month ("/2009/POLITICS/03/03/").
            for skip in 0...1 where k + 2 + skip < path.count {
                if skip == 1 && (number(path[k + 1]) != nil || month(path[k + 1]) != nil) { break }
                guard let m = month(path[k + 1 + skip]) ?? number(path[k + 1 + skip]).flatMap({ path[k + 1 + skip].count <= 2 ? $0 : nil }),
                      let d = leadingDay(path[k + 2 + skip]) else { continue }
                if let date = DayDate(year: y, month: m, day: d) { return date }
            }
        }
        // A run of exactly eight digits that reads as a date: "ymd=20081216", "-20130504".
        var run: [UInt8] = []
        for b in url.utf8 + [0] {
            if b >= 48 && b <= 57 { run.append(b); continue }
            if run.count == 8, let y = number(run[0..<4]), years.contains(y), let m = number(run[4..<6]), let d = number(run[6..<8]),
               let date = DayDate(year: y, month: m, day: d) { return date }
            run.removeAll(keepingCapacity: true)
        }
        return nil
    }

    private static func number<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var value = 0
        for b in bytes { guard b >= 48 && b <= 57 else { return nil }; value = value * 10 + Int(b - 48) }
        return value
    }

    /// "may", "sep", "september" (any case).
    private static func month(_ segment: [UInt8]) -> Int? {
        guard segment.count >= 3, segment.count <= 9 else { return nil }
        let folded = String(decoding: segment.map { $0 | 0x20 }, as: UTF8.self)
        guard let index = monthNames.firstIndex(of: String(folded.prefix(3))) else { return nil }
        return segment.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }) ? index + 1 : nil
    }

    /// "03" or "3": a segment that is the day alone ("10revenge.html" is a file name).
    private static func leadingDay(_ segment: [UInt8]) -> Int? {
        guard segment.count <= 2, let d = number(segment), (1...31).contains(d) else { return nil }
        return d
    }
}
