import BriefModel
import Foundation

/// Atom feed and sitemap.
enum Feeds {
    static func base(_ site: SiteIndex) -> String {
        guard var b = site.archive.config.baseURL?.trimmingCharacters(in: .whitespaces), !b.isEmpty else { return "" }
        if !b.hasSuffix("/") { b += "/" }
        return b
    }

    static func atom(site: SiteIndex) -> String {
        let root = base(site)
        let c = site.archive.config
        func stamp(_ d: DayDate?) -> String {
            guard let d else { return site.buildDate + "T00:00:00Z" }
            let full = DayDate(year: d.year, month: d.month, day: d.day) ?? d
            return full.description + "T00:00:00Z"
        }
        func id(_ path: String) -> String { root.isEmpty ? "urn:brief:" + esc(path) : esc(root + path) }
        var x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        x += "  <title>\(esc(c.title))</title>\n"
        if !c.description.isEmpty { x += "  <subtitle>\(esc(c.description))</subtitle>\n" }
        x += "  <id>\(id(""))</id>\n  <updated>\(site.buildDate)T00:00:00Z</updated>\n"
        x += "  <link rel=\"self\" href=\"\(esc(root + "feed.xml"))\"/>\n  <link href=\"\(esc(root.isEmpty ? "index.html" : root))\"/>\n"
        x += "  <author><name>\(esc(c.title))</name></author>\n"
        var entries: [(DayDate?, String)] = []
        for b in site.briefsByDate {
            let path = "briefs/\(b.id).html"
            var e = "  <entry>\n    <title>\(esc(b.title))</title>\n    <id>\(id(path))</id>\n"
            e += "    <link href=\"\(esc(root + path))\"/>\n    <updated>\(stamp(SiteIndex.sortDate(b)))</updated>\n"
            if !b.summary.isEmpty { e += "    <summary>\(esc(b.summary.joined(separator: " ")))</summary>\n" }
            e += "    <category term=\"brief\"/>\n  </entry>\n"
            entries.append((SiteIndex.sortDate(b), e))
        }
        for n in site.notesByDate {
            let path = "notes/\(n.id).html"
            var e = "  <entry>\n    <title>\(esc("Note: " + n.title))</title>\n    <id>\(id(path))</id>\n"
            e += "    <link href=\"\(esc(root + path))\"/>\n    <updated>\(stamp(n.date))</updated>\n"
            if let a = n.author, !a.isEmpty { e += "    <author><name>\(esc(a))</name></author>\n" }
            e += "    <category term=\"note\"/>\n  </entry>\n"
            entries.append((n.date, e))
        }
        let sorted = entries.enumerated().sorted { a, b in
            switch (a.element.0, b.element.0) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }
        for e in sorted { x += e.element.1 }
        return x + "</feed>\n"
    }

    /// The sitemap's `<url>` lines of some of the site's pages (its HTML pages but 404.html), made
    /// by the thread that made those pages; `base` is `Feeds.base`.
    static func sitemapEntries(_ paths: [String], base: String) -> [UInt8] {
        var x: [UInt8] = []
        for path in paths where path.hasSuffix(".html") && path != "404.html" {
            x += "  <url><loc>".utf8; x += esc(base + path).utf8; x += "</loc></url>\n".utf8
        }
        return x
    }

    /// The sitemap: every part's entries (`sitemapEntries`), in the parts' order.
    static func sitemap(_ entries: [[UInt8]]) -> [UInt8] {
        var x = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        x.reserveCapacity(entries.reduce(x.count + 12) { $0 + $1.count })
        for e in entries { x += e }
        x += "</urlset>\n".utf8
        return x
    }
}
