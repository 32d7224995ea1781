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
            let key = String(format: "%04d-%02d", m / 12, m % 12 + 1)
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
}

/// Search index: terms -> doc numbers, sharded by the term's first two characters.
enum SearchIndex {
    /// Shard name of a term; `search.js` computes the same: each of the first two code points
    /// as itself when `[a-z0-9]`, else `_` + its hex code.
    static func shard(_ term: String) -> String {
        term.unicodeScalars.prefix(2).map { s -> String in
            let v = s.value
            if (97...122).contains(v) || (48...57).contains(v) { return String(s) }
            return "_" + String(v, radix: 16)
        }.joined()
    }

    /// Words too common to narrow a search; leaving them out keeps the shards small.
    static let stopwords: Set<String> = [
        "the", "and", "of", "to", "in", "a", "an", "on", "for", "with", "that", "this", "is", "was", "were", "are",
        "be", "by", "as", "at", "from", "it", "its", "or", "but", "has", "had", "have", "he", "she", "his", "her",
        "they", "their", "which", "who", "will", "would", "said", "also", "not", "been", "into", "than", "more",
    ]

    static func terms(_ text: String) -> [String] {
        var out: [String] = []
        var word = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { word.append(c) } else {
                if word.count >= 2 { out.append(word) }
                word = ""
            }
        }
        if word.count >= 2 { out.append(word) }
        return out
    }

    static func pages(site: SiteIndex) -> [Page] {
        var docs: [[String: Any]] = []
        var index: [String: Set<Int>] = [:]
        func add(_ id: String, _ title: String, _ url: String, _ kind: String, _ text: String) {
            let n = docs.count
            docs.append(["id": id, "title": title, "url": url, "kind": kind])
            for t in terms(title + " " + text) where !stopwords.contains(t) { index[t, default: []].insert(n) }
        }
        for b in site.archive.briefs {
            add(b.id, b.title, "briefs/\(b.id).html", "brief", b.allParagraphs.joined(separator: " ") + " " + b.sources.compactMap(\.outlet).joined(separator: " "))
        }
        for e in site.archive.entities {
            add(e.id, e.name, "entities/\(e.id).html", "entity", e.aliases.joined(separator: " ") + " " + (e.description ?? ""))
        }
        for n in site.archive.notes {
            add(n.id, n.title, "notes/\(n.id).html", "note", n.tags.joined(separator: " ") + " " + n.markdown)
        }
        var shards: [String: [String: [Int]]] = [:]
        for (term, set) in index { shards[shard(term), default: [:]][term] = set.sorted() }
        var pages = [Page(path: "search/docs.json", bytes: json(docs))]
        for key in shards.keys.sorted() { pages.append(Page(path: "search/\(key).json", bytes: json(shards[key]!))) }
        return pages
    }
}

func json(_ value: Any) -> [UInt8] {
    let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    return Array(data)
}

/// `archive.json`: the whole archive as data.
enum ArchiveJSON {
    static func bytes(site: SiteIndex) -> [UInt8] {
        let a = site.archive
        func date(_ d: DayDate?) -> Any { d.map { $0.description as Any } ?? NSNull() }
        func str(_ s: String?) -> Any { s.map { $0 as Any } ?? NSNull() }
        let briefs: [[String: Any]] = a.briefs.map { b in
            ["id": b.id, "title": b.title, "date": date(b.date), "date_precision": str(b.date?.precision.rawValue), "date_evidence": str(b.dateEvidence), "published": date(b.published),
             "url": "briefs/\(b.id).html", "summary": b.summary.joined(separator: " "),
             "sources": b.sources.map { s -> [String: Any] in
                 ["file": s.file, "outlet": str(s.outlet), "title": str(s.title), "published": date(s.published), "url": str(s.url)]
             },
             "entities": b.entities]
        }
        let entities: [[String: Any]] = a.entities.map { e in
            ["id": e.id, "name": e.name, "type": e.kind.rawValue, "aliases": e.aliases, "briefs": e.briefs,
             "url": "entities/\(e.id).html"]
        }
        let timeline: [[String: Any]] = site.timelineEntries.filter { $0.kind == .brief }.map {
            ["date": date($0.date), "brief": $0.id]
        }
        let notes: [[String: Any]] = a.notes.map { n in
            ["id": n.id, "title": n.title, "date": date(n.date), "url": "notes/\(n.id).html",
             "entities": n.entities, "briefs": n.briefs]
        }
        let root: [String: Any] = [
            "site": ["title": a.config.title, "description": a.config.description, "language": a.config.language,
                     "built": site.buildDate],
            "briefs": briefs, "entities": entities, "timeline": timeline, "notes": notes, "redirects": a.redirects,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return Array(data)
    }
}

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

    static func sitemap(site: SiteIndex, pages: [Page]) -> String {
        let root = base(site)
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for p in pages where p.path.hasSuffix(".html") && p.path != "404.html" {
            x += "  <url><loc>\(esc(root + p.path))</loc></url>\n"
        }
        return x + "</urlset>\n"
    }
}
