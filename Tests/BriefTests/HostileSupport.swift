import BriefModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Helpers for the hardening tests: writing archives, snapshotting folders, scanning markup.
enum Hostile {
    /// Writes `files` (path relative to `root` → text) under `root`, creating folders.
    static func write(_ files: [String: String], under root: URL) {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
    }

    /// Every regular file under `root` (hidden ones too), relative path → bytes.
    static func snapshot(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return [:] }
        for case let path as String in walker {
            var isDir: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[path] = fm.contents(atPath: full) ?? Data()
        }
        return out
    }

    /// Copies a folder tree.
    static func copy(_ from: URL, to: URL) {
        try? FileManager.default.removeItem(at: to)
        try! FileManager.default.copyItem(at: from, to: to)
    }

    // MARK: markup scanning

    struct Tag { var name: String; var attributes: [(name: String, value: String)] }

    /// A tolerant tokenizer in the spirit of a browser's: every start tag with its attributes.
    /// Comments are skipped; text is ignored. Good enough to see what a browser would treat as markup.
    static func tags(in html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                // comment
                var j = i + 4
                while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                i = j + 3
                continue
            }
            guard i + 1 < s.count, s[i + 1].properties.isAlphabetic, s[i + 1].isASCII else { i += 1; continue }
            var j = i + 1
            var name = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < s.count, s[j] != ">" {
                if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
                var attr = ""
                while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "=", !(s[j] == "/" && attr.isEmpty) {
                    attr.unicodeScalars.append(s[j]); j += 1
                }
                while j < s.count, isSpace(s[j]) { j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let q = s[j]; j += 1
                        while j < s.count, s[j] != q { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                if !attr.isEmpty { attributes.append((attr.lowercased(), decodeEntities(value))) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            i = j + 1
        }
        return tags
    }

    /// Decodes the entities a browser would decode in an attribute value (numeric and the common named ones).
    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            if let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) < 12 {
                let body = rest[rest.index(after: rest.startIndex)..<semi]
                var decoded: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    decoded = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"][String(body)]
                }
                if let decoded {
                    out += decoded
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest.dropFirst()
        }
        return out + rest
    }

    /// Problems a browser would execute: scripts other than the templates' own, event handler
    /// attributes, and `javascript:`/`data:`/`vbscript:` URLs in link-like attributes.
    static func executableMarkup(in html: String, page: String) -> [String] {
        var problems: [String] = []
        for tag in tags(in: html) {
            if tag.name == "script" {
                let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
                if !(src.hasSuffix("assets/search.js") && !src.contains(":")) {
                    problems.append("\(page): <script> \(tag.attributes.map { "\($0.name)=\($0.value)" })")
                }
            }
            if ["iframe", "object", "embed", "base", "frame", "applet"].contains(tag.name) {
                problems.append("\(page): <\(tag.name)>")
            }
            if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" && $0.value.lowercased() == "refresh" }),
               let content = tag.attributes.first(where: { $0.name == "content" })?.value, dangerousURL(content.components(separatedBy: "url=").last ?? "") {
                problems.append("\(page): meta refresh to \(content)")
            }
            for a in tag.attributes {
                if a.name.hasPrefix("on") { problems.append("\(page): <\(tag.name) \(a.name)=…>") }
                if ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background"].contains(a.name), dangerousURL(a.value) {
                    // The templates' favicon may be a data: image; nothing from content may be.
                    problems.append("\(page): <\(tag.name) \(a.name)=\"\(a.value.prefix(60))\">")
                }
            }
        }
        return problems
    }

    static func dangerousURL(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("data:") || squeezed.hasPrefix("vbscript:")
    }

    /// Parses XML with Foundation; returns the parse error, or nil, plus the text of every element.
    static func parseXML(_ data: Data) -> (error: String?, texts: [(element: String, type: String?, text: String)]) {
        final class Collector: NSObject, XMLParserDelegate {
            var stack: [(String, String?)] = []
            var texts: [(String, String?, String)] = []
            var current = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                stack.append((name, attributes["type"])); current = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
            func parser(_ parser: XMLParser, foundCDATA block: Data) { current += String(decoding: block, as: UTF8.self) }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                texts.append((name, stack.last?.1, current)); current = ""; stack.removeLast()
            }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok ? nil : (parser.parserError.map { "\($0)" } ?? "parse failed") + " at line \(parser.lineNumber)", collector.texts)
    }

    /// Files (not folders) written anywhere under `root`, relative.
    static func allFiles(_ root: URL) -> [String] { snapshot(root).keys.sorted() }
}

/// SplitMix64: a tiny seeded PRNG, so every fuzz run is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
