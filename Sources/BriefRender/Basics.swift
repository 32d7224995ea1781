import BriefModel
import CMark
import Foundation

/// One output file, path relative to the output folder (e.g. `briefs/x.html`).
public struct Page: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    public init(path: String, text: String) { self.path = path; self.bytes = Array(text.utf8) }
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// CommonMark to HTML through libcmark.
public enum Markdown {
    /// Safe by default: raw HTML is dropped and `javascript:`/`data:` links are emptied.
    public static func html(_ markdown: String, unsafe: Bool = false) -> String {
        let options = CMARK_OPT_DEFAULT | (unsafe ? CMARK_OPT_UNSAFE : 0)
        var markdown = markdown
        let result: UnsafeMutablePointer<CChar>? = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_markdown_to_html($0.baseAddress, $0.count, options) }
        }
        guard let result else { return "" }
        defer { free(result) }
        return String(cString: result)
    }

    /// A link destination safe to put between `<` and `>`.
    static func destination(_ url: String) -> String {
        // Most addresses have nothing to encode.
        let plain = !url.utf8.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ")
            || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\\") }
        if plain { return "<" + url + ">" }
        var out = ""
        for c in url.unicodeScalars {
            switch c {
            case "<", ">", " ", "\n", "\r", "\t", "\\":
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(c.value >> 4)]) + String(hex[Int(c.value & 0xF)])
            default: out.unicodeScalars.append(c)
            }
        }
        return "<" + out + ">"
    }

    /// Prefixes relative `href`/`src` values (no scheme, not `#…`, not `/…`) with `prefix`.
    static func rebaseLinks(_ html: String, prefix: String) -> String {
        guard !prefix.isEmpty else { return html }
        var out = ""
        var rest = Substring(html)
        while let r = rest.range(of: #"(href|src)=""#, options: .regularExpression) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(of: "\"") ?? rest.endIndex
            let value = String(rest[..<end])
            if !value.isEmpty && !value.hasPrefix("#") && !value.hasPrefix("/") && !hasScheme(value) {
                out += prefix
            }
        }
        out += rest
        return out
    }

    static func hasScheme(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        let scheme = value[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

/// Escaping for HTML/XML built in Swift (Mustache only escapes its own `{{var}}`): `<>&"'` as
/// entities, and the control characters XML 1.0 does not allow dropped.
func esc(_ s: String) -> String {
    var copy = s
    let escaped = copy.withUTF8 { utf8 -> String? in
        var out: [UInt8] = []
        var runStart = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            let entity: StaticString
            switch b {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            case 0x0A, 0x09, 0x0D: continue
            case 0..<0x20: entity = ""
            default: continue
            }
            if out.isEmpty { out.reserveCapacity(utf8.count + 16) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = i + 1
        }
        if runStart == 0 { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        return String(decoding: out, as: UTF8.self)
    }
    return escaped ?? s
}

/// Finds relative links in HTML pages that point at nothing.
public enum LinkCheck {
    /// Every `href`/`src` in every `.html` page that is relative (no scheme, not `//`, not only a fragment)
    /// must resolve, after dropping `?query` and `#fragment`, to a page path or one of `extraFiles`
    /// (e.g. `assets/style.css`). Returns `"<page>: <href>"` for each broken one, in page order.
    public static func brokenLinks(in pages: [Page], extraFiles: Set<String>) -> [String] {
        var known = extraFiles
        for page in pages { known.insert(page.path) }
        var broken: [String] = []
        for page in pages where page.path.hasSuffix(".html") {
            for link in links(in: page.text) {
                guard let target = resolve(link, from: page.path) else { continue }
                if !known.contains(target) { broken.append("\(page.path): \(link)") }
            }
        }
        return broken
    }

    /// The raw values of `href="…"` and `src="…"` attributes (entity `&amp;` decoded).
    public static func links(in html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let r = rest.range(of: #"\s(href|src)\s*=\s*["']"#, options: .regularExpression) {
            let quote = rest[rest.index(before: r.upperBound)]
            rest = rest[r.upperBound...]
            let end = rest.firstIndex(of: quote) ?? rest.endIndex
            found.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[end...]
        }
        return found
    }

    /// Output-relative path a link points at, or nil when it is external or only a fragment.
    static func resolve(_ link: String, from page: String) -> String? {
        if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("//") || Markdown.hasScheme(link) { return nil }
        var path = link
        if let i = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<i]) }
        path = path.removingPercentEncoding ?? path
        var parts: [String] = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
        for piece in path.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." {
                if parts.isEmpty { return "../" + path } // climbs out of the site
                parts.removeLast()
            } else { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
