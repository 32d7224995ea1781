import Foundation

/// The article-relevant fields of a page's schema.org JSON-LD.
struct JSONLDArticle {
    var headline: String?
    var datePublished: String?
    var publisher: String?
    var author: String?
    var url: String?
    var articleBody: String?
}

enum JSONLD {
    /// schema.org types that describe the article itself (as opposed to WebSite, Organization, BreadcrumbList...).
    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "webpage", "scholarlyarticle", "techarticle", "report", "socialmediaposting", "posting",
    ]

    /// Merges all article-like objects of all JSON-LD scripts; the first value found wins,
    /// except that a proper *Article type beats a generic WebPage.
    static func parse(scripts: [String]) -> JSONLDArticle {
        var objects: [[String: Any]] = []
        for script in scripts {
            guard let value = decode(script) else { continue }
            collect(value, into: &objects, depth: 0)
        }
        // Specific article types first, then WebPage.
        let ranked = objects.filter { !isGenericPage($0) } + objects.filter { isGenericPage($0) }
        var out = JSONLDArticle()
        for o in ranked {
            if out.headline == nil { out.headline = string(o["headline"]) ?? string(o["name"]) }
            if out.datePublished == nil { out.datePublished = string(o["datePublished"]) ?? string(o["dateCreated"]) }
            if out.publisher == nil { out.publisher = name(o["publisher"]) }
            if out.author == nil { out.author = name(o["author"]) ?? name(o["creator"]) }
            if out.url == nil { out.url = string(o["url"]) ?? name(o["mainEntityOfPage"], key: "@id") }
            if out.articleBody == nil, let body = o["articleBody"] as? String, !body.isEmpty { out.articleBody = body }
        }
        return out
    }

    private static func decode(_ script: String) -> Any? {
        let trimmed = script.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let v = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed]) { return v }
        // Hand-written JSON-LD often has raw newlines/tabs inside strings, which JSON forbids;
        // outside strings they are plain whitespace, so replacing them everywhere is safe.
        var bytes = Array(trimmed.utf8)
        for i in bytes.indices where bytes[i] < 0x20 { bytes[i] = 0x20 }
        // Some CMSs wrap JSON-LD in HTML comments or CDATA markers.
        var s = String(decoding: bytes, as: UTF8.self)
        for marker in ["<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"] {
            s = s.replacingOccurrences(of: marker, with: "")
        }
        return try? JSONSerialization.jsonObject(with: Data(s.utf8), options: [.fragmentsAllowed])
    }

    /// Finds article-like dictionaries in arrays and @graph containers.
    private static func collect(_ value: Any, into out: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for v in array { collect(v, into: &out, depth: depth + 1) }
        } else if let dict = value as? [String: Any] {
            if types(dict).contains(where: articleTypes.contains) { out.append(dict) }
            if let graph = dict["@graph"] { collect(graph, into: &out, depth: depth + 1) }
            // WebPage objects sometimes nest the article as mainEntity.
            if let main = dict["mainEntity"] { collect(main, into: &out, depth: depth + 1) }
        }
    }

    private static func types(_ dict: [String: Any]) -> [String] {
        if let t = dict["@type"] as? String { return [t.lowercased()] }
        if let ts = dict["@type"] as? [Any] { return ts.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    private static func isGenericPage(_ dict: [String: Any]) -> Bool {
        types(dict).allSatisfy { $0 == "webpage" }
    }

    private static func string(_ v: Any?) -> String? {
        if let s = v as? String {
            let c = s.collapsedWhitespace
            return c.isEmpty ? nil : c
        }
        if let a = v as? [Any], let first = a.first { return string(first) }
        return nil
    }

    /// A person/organisation value may be a string, an object with `name`, or an array of either.
    private static func name(_ v: Any?, key: String = "name") -> String? {
        if let s = v as? String { return string(s) }
        if let d = v as? [String: Any] { return string(d[key]) }
        if let a = v as? [Any] {
            let names = a.compactMap { name($0, key: key) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }
}
