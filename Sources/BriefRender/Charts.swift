import BriefModel
import Foundation

/// Inline SVG charts built with escaped text; no scripts, no inline styles (CSP).
enum Charts {
    /// Bars of how many dates fall in each month, from the first month to the last (empty months shown).
    /// Each bar links to `linkPrefix + "YYYY-MM"`. Empty string when there is no month-precise date.
    /// `monthLink` gives the address of a month ("YYYY-MM") the bar links to.
    static func monthBars(dates: [DayDate], label: String, monthLink: (String) -> String) -> String {
        let monthly = dates.filter { $0.precision != .year }
        guard let first = monthly.min(), let last = monthly.max() else { return "" }
        var counts: [Int: Int] = [:]
        for d in monthly { counts[d.year * 12 + d.month - 1, default: 0] += 1 }
        let start = first.year * 12 + first.month - 1, end = last.year * 12 + last.month - 1
        let n = end - start + 1
        let maxCount = max(counts.values.max() ?? 1, 1)
        let barWidth = 18, gap = 4, height = 120, top = 14, bottom = 22
        let width = max(n * (barWidth + gap) + gap, 120)
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height + top + bottom)\" role=\"img\" aria-label=\"\(esc(label))\">"
        svg += "<title>\(esc(label))</title>"
        svg += "<line class=\"axis\" x1=\"0\" y1=\"\(top + height)\" x2=\"\(width)\" y2=\"\(top + height)\"/>"
        for i in 0..<n {
            let m = start + i
            let key = padded(m / 12, 4) + "-" + padded(m % 12 + 1, 2)
            let count = counts[m] ?? 0
            let h = count == 0 ? 0 : max(2, count * height / maxCount)
            let x = gap + i * (barWidth + gap)
            let tip = "\(key): \(count) brief\(count == 1 ? "" : "s")"
            let rect = "<rect class=\"bar\" x=\"\(x)\" y=\(quote(top + height - h)) width=\"\(barWidth)\" height=\"\(h)\"><title>\(esc(tip))</title></rect>"
            if count > 0 {
                svg += "<a href=\"\(esc(monthLink(key)))\" aria-label=\"\(esc(tip))\">\(rect)"
                svg += "<text class=\"count\" x=\"\(x + barWidth / 2)\" y=\"\(top + height - h - 3)\" text-anchor=\"middle\">\(count)</text></a>"
            } else {
                svg += rect
            }
            if m % 12 == 0 || i == 0 || n <= 12 {
                let text = n <= 12 ? String(key.suffix(2)) + (m % 12 == 0 || i == 0 ? "/" + String(key.prefix(4)).suffix(2) : "") : String(key.prefix(4))
                svg += "<text class=\"label\" x=\"\(x)\" y=\"\(top + height + 15)\">\(esc(text))</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func quote(_ v: Int) -> String { "\"\(v)\"" }

    /// `String(format: "%0<width>d", v)` without Foundation's formatter.
    static func padded(_ v: Int, _ width: Int) -> String {
        let digits = String(v.magnitude)
        let sign = v < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}
