import BriefModel
import Foundation

/// Inline SVG charts built with escaped text; no scripts, no inline styles (CSP).
enum Charts {
    /// Bars of how many dates fall in each month, from the first month to the last (empty months shown).
    /// Each bar links to `linkPrefix + "YYYY-MM"`. Empty string when there is no month-precise date.
    /// `monthLink` gives the address of a month ("YYYY-MM") the bar links to.
    static func monthBars(dates: [DayDate], label: String, monthLink: (String) -> String) -> String {
        // Months as numbers (year * 12 + month - 1): one entity page's chart has a bar per month
        // from its first brief to its last, and the SVG is written as bytes, not interpolated.
        let months = dates.compactMap { $0.precision == .year ? nil : $0.year * 12 + $0.month - 1 }
        guard let start = months.min(), let end = months.max() else { return "" }
        let n = end - start + 1
        var counts = [Int](repeating: 0, count: n)
        for m in months { counts[m - start] += 1 }
        let maxCount = max(counts.max() ?? 1, 1)
        let barWidth = 18, gap = 4, height = 120, top = 14, bottom = 22
        let width = max(n * (barWidth + gap) + gap, 120)
        let label = esc(label)
        var svg = SVGText(capacity: 300 + n * 260)
        // The natural size is written too: with only a viewBox, a browser stretches the chart to
        // the page's width, and one month's bar became a column 900 pixels tall.
        svg += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\""; svg += width
        svg += "\" height=\""; svg += height + top + bottom; svg += "\" viewBox=\"0 0 "; svg += width; svg += " "
        svg += height + top + bottom; svg += "\" role=\"img\" aria-label=\""; svg += label; svg += "\">"
        svg += "<title>"; svg += label; svg += "</title>"
        svg += "<line class=\"axis\" x1=\"0\" y1=\""; svg += top + height; svg += "\" x2=\""; svg += width
        svg += "\" y2=\""; svg += top + height; svg += "\"/>"
        for i in 0..<n {
            let m = start + i
            let (year, month) = (m / 12, m % 12 + 1)   // years are 1000...2999: four digits
            let count = counts[i]
            let h = count == 0 ? 0 : max(2, count * height / maxCount)
            let x = gap + i * (barWidth + gap)
            // "YYYY-MM: N brief(s)": digits, a dash and letters, nothing to escape.
            func tip() {
                svg += year; svg += "-"; svg.two(month); svg += ": "; svg += count; svg += count == 1 ? " brief" : " briefs"
            }
            if count > 0 {
                svg += "<a href=\""; svg += esc(monthLink("\(year)-" + (month < 10 ? "0" : "") + "\(month)"))
                svg += "\" aria-label=\""; tip(); svg += "\">"
            }
            svg += "<rect class=\"bar\" x=\""; svg += x; svg += "\" y=\""; svg += top + height - h
            svg += "\" width=\""; svg += barWidth; svg += "\" height=\""; svg += h; svg += "\"><title>"; tip(); svg += "</title></rect>"
            if count > 0 {
                svg += "<text class=\"count\" x=\""; svg += x + barWidth / 2; svg += "\" y=\""; svg += top + height - h - 3
                svg += "\" text-anchor=\"middle\">"; svg += count; svg += "</text></a>"
            }
            if m % 12 == 0 || i == 0 || n <= 12 {
                svg += "<text class=\"label\" x=\""; svg += x; svg += "\" y=\""; svg += top + height + 15; svg += "\">"
                // A short chart labels every month ("MM", "MM/YY" at a new year), a long one each year.
                if n <= 12 {
                    svg.two(month)
                    if m % 12 == 0 || i == 0 { svg += "/"; svg.two(year % 100) }
                } else {
                    svg += year
                }
                svg += "</text>"
            }
        }
        svg += "</svg>"
        return svg.string
    }

    /// An SVG's bytes, appended to in place.
    private struct SVGText {
        var bytes: [UInt8] = []
        init(capacity: Int) { bytes.reserveCapacity(capacity) }
        static func += (svg: inout SVGText, text: String) { svg.bytes.append(contentsOf: text.utf8) }
        static func += (svg: inout SVGText, number: Int) {
            if number >= 0 && number < 10 { svg.bytes.append(UInt8(ascii: "0") + UInt8(number)) } else { svg.bytes.append(contentsOf: String(number).utf8) }
        }
        /// A number from 0 to 99 as two digits.
        mutating func two(_ number: Int) {
            bytes.append(UInt8(ascii: "0") + UInt8(number / 10)); bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        var string: String { String(decoding: bytes, as: UTF8.self) }
    }
}
