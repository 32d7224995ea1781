import Mustache

/// How `{{var}}` is escaped in every template: `<>&"'` as entities, like swift-mustache's own HTML
/// escaping, but over UTF-8 bytes instead of looking each `Character` up in a dictionary (that lookup
/// was a third of all Mustache time), and for every such byte: swift-mustache's version compares whole
/// `Characters`, so a `"` followed by a combining mark (one `Character`) went through unescaped and
/// could end an attribute value.
struct HTMLEscaping: MustacheContentType {
    /// The name templates select it by; `TemplateSet` puts the pragma at the top of every template.
    static let name = "BRIEF_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    /// Registers the content type with swift-mustache (once; the registry is global).
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }

    static func escape(_ text: String) -> String {
        var copy = text
        let escaped = copy.withUTF8 { utf8 -> String? in
            var out: [UInt8] = []
            var runStart = 0
            for i in 0..<utf8.count {
                let entity: StaticString
                switch utf8[i] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                if out.isEmpty { out.reserveCapacity(utf8.count + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = i + 1
            }
            guard runStart > 0 else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }
}
