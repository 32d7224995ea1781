import Foundation

/// Everything the metadata pass finds in one walk over the whole document.
struct PageMetadata {
    /// meta tags keyed by lower-cased `property`, `name` or `itemprop` (first occurrence wins).
    var meta: [String: String] = [:]
    var titleTag: String?
    var firstH1: String?
    var canonical: String?
    var firstTimeDatetime: String?
    var itempropDate: String?
    var itempropAuthor: String?
    var relAuthor: String?
    var jsonLDScripts: [String] = []

    init(root: Node) {
        visit(root, depth: 0)
    }

    private mutating func visit(_ node: Node, depth: Int) {
        guard depth < maxWalkDepth else { return }
        var c = node.firstChild
        while let n = c {
            if n.isElement { element(n, depth: depth) }
            c = n.nextSibling
        }
    }

    private mutating func element(_ n: Node, depth: Int) {
        let tag = n.tag
        switch tag {
        case "meta":
            if let content = n.attr("content")?.collapsedWhitespace, !content.isEmpty {
                for key in ["property", "name", "itemprop"] {
                    if let k = n.attr(key)?.lowercased(), meta[k] == nil { meta[k] = content }
                }
            }
            return
        case "title":
            if titleTag == nil { titleTag = n.textContent }
            return
        case "link":
            let rel = n.attr("rel")?.lowercased() ?? ""
            if rel == "canonical", canonical == nil { canonical = n.attr("href") }
            return
        case "script":
            if n.attr("type")?.lowercased().contains("ld+json") == true { jsonLDScripts.append(n.rawText) }
            return
        case "style", "noscript", "template":
            return
        case "h1":
            if firstH1 == nil { let t = n.textContent; if !t.isEmpty { firstH1 = t } }
        case "time":
            if firstTimeDatetime == nil, let d = n.attr("datetime"), !d.isEmpty { firstTimeDatetime = d }
        default:
            break
        }
        if let prop = n.attr("itemprop")?.lowercased() {
            if prop == "datepublished", itempropDate == nil {
                itempropDate = n.attr("datetime") ?? n.attr("content") ?? n.textContent
            } else if prop == "author", itempropAuthor == nil {
                itempropAuthor = n.attr("content") ?? n.textContent
            }
        }
        if tag == "a", relAuthor == nil, n.attr("rel")?.lowercased() == "author" {
            let t = n.textContent
            if !t.isEmpty { relAuthor = t }
        }
        visit(n, depth: depth + 1)
    }
}

enum MetadataResolver {
    static func resolve(_ m: PageMetadata, _ ld: JSONLDArticle) -> (title: String?, published: String?, outlet: String?, url: String?, author: String?) {
        let outlet = first(m.meta["og:site_name"], ld.publisher, m.meta["application-name"], m.meta["publisher"])
        let rawTitle = first(m.meta["og:title"], m.meta["twitter:title"], ld.headline, m.firstH1, m.titleTag)
        let title = rawTitle.map { cleanTitle($0, outlet: outlet) }
        let published = first(
            m.meta["article:published_time"], m.meta["og:published_time"], m.meta["article:published"],
            ld.datePublished, m.meta["datepublished"], m.itempropDate?.collapsedWhitespace,
            m.meta["date"], m.meta["pubdate"], m.meta["publishdate"], m.meta["publish-date"],
            m.meta["publish_date"], m.meta["parsely-pub-date"], m.meta["sailthru.date"],
            m.meta["dc.date.issued"], m.meta["dc.date"], m.meta["dcterms.created"], m.meta["dcterms.date"],
            m.meta["article.published"], m.meta["original-publish-date"], m.meta["cxenseparse:recs:publishtime"],
            m.firstTimeDatetime)
        let url = first(m.canonical, m.meta["og:url"], ld.url)
        // article:author is often a profile URL rather than a name; skip those.
        let metaAuthor = [m.meta["author"], m.meta["article:author"], m.meta["parsely-author"], m.meta["sailthru.author"], m.meta["byl"]]
            .compactMap { $0 }.first { !$0.hasPrefix("http") }
        var author = first(ld.author, metaAuthor, m.itempropAuthor?.collapsedWhitespace, m.relAuthor)
        if let a = author, a.lowercased().hasPrefix("by ") { author = String(a.dropFirst(3)) }
        return (title, published, outlet, url, author)
    }

    private static func first(_ values: String?...) -> String? {
        for v in values {
            if let v, !v.isEmpty { return v }
        }
        return nil
    }

    /// Separators sites put between headline and site name ("Headline | CNN", "Headline - BBC News").
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

    /// Whether Foundation's search may find the separator in the title. Only text that holds its
    /// bytes can: no other character is canonically equivalent to these spaces, bars, dashes and
    /// quotes, except the middle dot's twin U+0387 (GREEK ANO TELEIA). Most titles hold few of
    /// the separators, and each search by Foundation copies the title to UTF-16.
    private static func mayHold(_ title: String, _ sep: String) -> Bool {
        if sep == " · " && title.unicodeScalars.contains("\u{0387}") { return true }
        let bytes = Array(title.utf8), needle = Array(sep.utf8)
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }

    /// Removes a trailing (or leading) site-name segment, but only when it looks like one:
    /// it matches the outlet, or it is short while the remaining headline is substantial.
    static func cleanTitle(_ raw: String, outlet: String?) -> String {
        var title = raw.collapsedWhitespace
        let outletKey = outlet?.lowercased()
        for sep in separators where mayHold(title, sep) {
            guard let range = title.range(of: sep, options: .backwards) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            let tail = String(title[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            let tailWords = tail.split(separator: " ").count
            let headWords = head.split(separator: " ").count
            let matchesOutlet = outletKey.map { tail.lowercased() == $0 || $0.contains(tail.lowercased()) || tail.lowercased().contains($0) } ?? false
            if matchesOutlet || (tailWords <= 4 && headWords >= 3 && headWords > tailWords) {
                title = head
                break
            }
            // Leading site name: "CNN - Headline".
            if let lead = title.range(of: sep) {
                let prefix = String(title[..<lead.lowerBound])
                if let outletKey, prefix.lowercased() == outletKey {
                    title = String(title[lead.upperBound...])
                    break
                }
            }
        }
        return title
    }
}
