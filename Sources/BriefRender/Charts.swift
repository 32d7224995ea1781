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
        svg += "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "; svg += width; svg += " "
        svg += height + top + bottom; svg += "\" role=\"img\" aria-label=\""; svg += label; svg += "\">"
        svg += "<title>"; svg += label; svg += "</title>"
        svg += "<line class=\"axis\" x1=\"0\" y1=\""; svg += top + height; svg += "\" x2=\""; svg += width
        svg += "\" y2=\""; svg += top + height; svg += "\"/>"
        for i in 0..<n {
            let m = start + i
            let key = padded(m / 12, 4) + "-" + padded(m % 12 + 1, 2)
            let count = counts[i]
            let h = count == 0 ? 0 : max(2, count * height / maxCount)
            let x = gap + i * (barWidth + gap)
            // The tip is digits, a dash and letters: nothing to escape.
            let tip = "\(key): \(count) brief\(count == 1 ? "" : "s")"
            if count > 0 { svg += "<a href=\""; svg += esc(monthLink(key)); svg += "\" aria-label=\""; svg += tip; svg += "\">" }
            svg += "<rect class=\"bar\" x=\""; svg += x; svg += "\" y=\""; svg += top + height - h
            svg += "\" width=\""; svg += barWidth; svg += "\" height=\""; svg += h; svg += "\"><title>"; svg += tip; svg += "</title></rect>"
            if count > 0 {
                svg += "<text class=\"count\" x=\""; svg += x + barWidth / 2; svg += "\" y=\""; svg += top + height - h - 3
                svg += "\" text-anchor=\"middle\">"; svg += count; svg += "</text></a>"
            }
            if m % 12 == 0 || i == 0 || n <= 12 {
                let text = n <= 12 ? String(key.suffix(2)) + (m % 12 == 0 || i == 0 ? "/" + String(key.prefix(4)).suffix(2) : "") : String(key.prefix(4))
                svg += "<text class=\"label\" x=\""; svg += x; svg += "\" y=\""; svg += top + height + 15; svg += "\">"
                svg += text; svg += "</text>"
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
        var string: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// `String(format: "%0<width>d", v)` without Foundation's formatter.
    static func padded(_ v: Int, _ width: Int) -> String {
        let digits = String(v.magnitude)
        let sign = v < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}
