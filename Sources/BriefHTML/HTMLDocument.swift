import CLibXML2

/// A libxml2 node pointer; the extractor walks the C tree directly (no copying into a Swift DOM).
typealias Node = UnsafeMutablePointer<xmlNode>

/// Owns a parsed libxml2 HTML document and frees it when done.
final class HTMLDocument {
    let doc: htmlDocPtr

    /// libxml2 needs one global initialisation before concurrent use from several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses with libxml2's error-recovering HTML parser. Returns nil when libxml2 produces no tree.
    init?(bytes: [UInt8]) {
        _ = HTMLDocument.initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        // Saved pages are overwhelmingly UTF-8 but often don't declare it, and libxml2 would then
        // fall back to Latin-1; so force UTF-8 when the bytes are valid UTF-8 and let libxml2
        // sniff <meta charset> otherwise.
        let encoding: String? = HTMLDocument.isValidUTF8(bytes) ? "UTF-8" : nil
        let parsed: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { chars in
                if let encoding {
                    return htmlReadMemory(chars, Int32(buf.count), nil, encoding, options)
                }
                return htmlReadMemory(chars, Int32(buf.count), nil, nil, options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: Node? { xmlDocGetRootElement(doc) }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var it = bytes.makeIterator()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// Deep trees are walked recursively; beyond this depth subtrees are ignored so hostile input
/// cannot exhaust the stack (libxml2 itself stops at 256 levels, this is a second fence).
let maxWalkDepth = 400

extension UnsafeMutablePointer where Pointee == xmlNode {
    var isElement: Bool { pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointee.type == XML_TEXT_NODE || pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-cased tag name (libxml2's HTML parser already lower-cases element names).
    var tag: String {
        guard let name = pointee.name else { return "" }
        return String(cString: name)
    }

    var firstChild: Node? { pointee.children }
    var nextSibling: Node? { pointee.next }
    var parentNode: Node? { pointee.parent }

    /// Attribute value without allocating through libxml2 (walks the attribute list directly).
    func attr(_ name: String) -> String? {
        var a = pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == name {
                var out = ""
                var c = attr.pointee.children
                while let child = c {
                    if let content = child.pointee.content { out += String(cString: content) }
                    c = child.pointee.next
                }
                return out
            }
            a = attr.pointee.next
        }
        return nil
    }

    func hasAttr(_ name: String) -> Bool {
        var a = pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == name { return true }
            a = attr.pointee.next
        }
        return false
    }

    /// Element children in document order.
    var elementChildren: [Node] {
        var out: [Node] = []
        var c = pointee.children
        while let n = c {
            if n.isElement { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    /// All descendant text, whitespace-collapsed (used for small things: titles, bylines, scripts).
    var textContent: String {
        var buf = TextBuffer()
        appendText(into: &buf, depth: 0)
        return buf.string
    }

    private func appendText(into buf: inout TextBuffer, depth: Int) {
        guard depth < maxWalkDepth else { return }
        var c = pointee.children
        while let n = c {
            if n.isText, let content = n.pointee.content {
                buf.append(content)
            } else if n.isElement {
                let t = n.tag
                if t != "script" && t != "style" && t != "noscript" { n.appendText(into: &buf, depth: depth + 1) }
                if t == "br" || blockTags.contains(t) { buf.appendSpace() }
            }
            c = n.pointee.next
        }
    }

    /// Raw text of a script element (JSON-LD), not whitespace-collapsed.
    var rawText: String {
        var out = ""
        var c = pointee.children
        while let n = c {
            if let content = n.pointee.content { out += String(cString: content) }
            c = n.pointee.next
        }
        return out
    }
}

/// Accumulates UTF-8 bytes while collapsing runs of whitespace (including no-break spaces) to
/// one space, so we never build intermediate Strings per text node.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count + (pendingSpace && !bytes.isEmpty ? 1 : 0) }

    mutating func append(_ p: UnsafePointer<xmlChar>) {
        var i = 0
        while true {
            let b = p[i]
            if b == 0 { break }
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true
            } else if b == 0xC2 && p[i + 1] == 0xA0 { // U+00A0 no-break space
                pendingSpace = true
                i += 1
            } else if b == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0x8B || p[i + 2] == 0xAF || p[i + 2] == 0x89 || p[i + 2] == 0x8A) {
                // U+200B zero-width space, U+202F / U+2009 / U+200A thin spaces
                if p[i + 2] != 0x8B { pendingSpace = true }
                i += 2
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(b)
            }
            i += 1
        }
    }

    mutating func append(_ s: UnsafeMutablePointer<xmlChar>) { append(UnsafePointer(s)) }

    mutating func appendSpace() { pendingSpace = true }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Elements that start a new text block (paragraph boundary) when flattening the DOM.
let blockTags: Set<String> = [
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "figure", "figcaption", "form", "fieldset", "address", "hr", "center", "body", "html",
    "details", "summary", "dialog", "menu",
]

extension String {
    /// Collapses whitespace runs to single spaces and trims.
    var collapsedWhitespace: String {
        String(unsafeUninitializedCapacity: utf8.count) { out in
            var count = 0
            var pending = false
            for ch in unicodeScalars {
                // ASCII white space by value; only other scalars ask the Unicode property table.
                let white = ch.value < 0x80 ? ch == " " || (0x09...0x0D).contains(ch.value) : ch.properties.isWhitespace || ch == "\u{200B}"
                if white { pending = true; continue }
                // A collapsed run is one space where it had at least one byte: the text never grows.
                if pending && count > 0 { out[count] = 0x20; count += 1 }
                pending = false
                for b in UTF8.encode(ch)! { out[count] = b; count += 1 }
            }
            return count
        }
    }
}
