import BriefModel
import Foundation

/// The Mustache contexts of the site's pages (all but the timeline's).
extension SiteIndex {
    // MARK: shared pieces

    func base(root: String, title: String, nav: String, capacity: Int = 0) -> [String: Any] {
        var d = SiteIndex.chromeContext(archive.config, buildDate: buildDate, root: root, nav: nav, capacity: 18 + capacity)
        d["pageTitle"] = title
        let chrome = chromes[ChromeKey(root: root, nav: nav)] ?? Chrome(templates, d)
        d["header"] = chrome.header; d["footer"] = chrome.footer
        return d
    }

    /// What the header and footer are made from: the same on every page of one folder and section.
    static func chromeContext(_ c: SiteConfig, buildDate: String, root: String, nav: String, capacity: Int = 16) -> [String: Any] {
        var d: [String: Any] = [:]
        d.reserveCapacity(capacity)
        d["root"] = root; d["lang"] = c.language.isEmpty ? "en" : c.language
        d["siteTitle"] = c.title; d["siteDescription"] = c.description; d["hasSiteDescription"] = !c.description.isEmpty
        d["buildDate"] = buildDate
        d["navBriefs"] = nav == "briefs"; d["navTimeline"] = nav == "timeline"; d["navEntities"] = nav == "entities"
        d["navNotes"] = nav == "notes"; d["navSources"] = nav == "sources"; d["navSearch"] = nav == "search"
        d["navHome"] = nav == "home"
        return d
    }

    /// A page's context: what every page has (`base`), then the page's own values, which win.
    func page(root: String, title: String, nav: String, _ own: KeyValuePairs<String, Any>) -> [String: Any] {
        var d = base(root: root, title: title, nav: nav, capacity: own.count)
        for (key, value) in own { d[key] = value }
        return d
    }

    /// `fragments: false` leaves out the item's `link` and its entities' chips, for a list whose
    /// template cannot read them.
    func briefItem(_ b: Brief, root: String, fragments: Bool = true) -> [String: Any] {
        if root == ContextItems.root, let item = items.brief(b.id) { return item }
        return ContextItems.briefItem(b, root: root, templates: fragments ? templates : nil) {
            entityByID[$0].map { entityLink($0, root: root, fragments: fragments) }
        }
    }

    func entityLink(_ e: Entity, root: String, count: Int? = nil, fragments: Bool = true) -> [String: Any] {
        if count == nil, root == ContextItems.root, let link = items.entity(e.id) { return link }
        return ContextItems.entityLink(e, root: root, count: count, templates: fragments ? templates : nil)
    }

    func noteItem(_ n: Note, root: String) -> [String: Any] {
        ["id": n.id, "title": n.title, "url": "\(root)notes/\(n.id).html", "date": n.date?.description ?? "",
         "hasDate": n.date != nil, "author": n.author ?? "", "hasAuthor": !(n.author ?? "").isEmpty]
    }

    // MARK: pages

    func homeContext() -> [String: Any] {
        page(root: "", title: archive.config.title, nav: "home", [
            "latestBriefs": briefsByDate.prefix(10).map { briefItem($0, root: "") },
            "recentNotes": notesByDate.prefix(5).map { noteItem($0, root: "") },
            "topEntities": entitiesByMentions.prefix(12).map { entityLink($0, root: "") },
            "briefCount": archive.briefs.count, "entityCount": archive.entities.count,
            "noteCount": archive.notes.count, "sourceCount": archive.briefs.reduce(0) { $0 + $1.sources.count },
            "outletCount": outlets.count,
        ])
    }

    /// One page (from 1) of the briefs, newest first, `Pager.size` to a page.
    func briefListContext(page number: Int) -> [String: Any] {
        let pager = Pager(page: number, of: briefsByDate.count, first: "index.html", folder: "page")
        let root = pager.root("../")
        // Pages after the first are one folder deeper than the shared items: each item is made for
        // its page, without the fragments the stock list does not show (13,000 fragments at 10,000 articles).
        let fragments = listShowsFragments
        var d = page(root: root, title: number == 1 ? "Briefs" : "Briefs, page \(number)", nav: "briefs", [
            "briefs": briefsByDate[pager.range].map { briefItem($0, root: root, fragments: fragments) }, "briefCount": archive.briefs.count,
        ])
        for (key, value) in pager.context { d[key] = value }
        return d
    }

    /// body: the brief's Markdown after its front matter (`SiteRenderer.briefMarkdownParts`).
    func briefContext(_ b: Brief, body: String) -> [String: Any] {
        let root = "../"
        let notes = (notesByBrief[b.id] ?? []).compactMap { noteByID[$0] }.map { noteItem($0, root: root) }
        return page(root: root, title: b.title, nav: "briefs", [
            "brief": briefItem(b, root: root),
            "body": Markdown.html(body, unsafe: archive.config.unsafeHTML),
            "entities": b.entities.compactMap { entityByID[$0] }.map { entityLink($0, root: root) },
            "hasEntities": b.entities.contains { entityByID[$0] != nil },
            "notes": notes, "hasNotes": !notes.isEmpty,
            "markdownURL": "\(b.id).md",
            "dateEvidence": b.dateEvidence ?? "", "hasDateEvidence": !(b.dateEvidence ?? "").isEmpty,
        ])
    }

    func redirectContext(old: String, new: String) -> [String: Any] {
        let exists = briefByID[new] != nil
        let target = exists ? "\(new).html" : "index.html"
        return page(root: "../", title: briefByID[new]?.title ?? "Moved", nav: "briefs", [
            "target": target, "newTitle": briefByID[new]?.title ?? "Briefs", "oldID": old,
        ])
    }

    func entityIndexContext() -> [String: Any] {
        let root = "../"
        let labels: [Entity.Kind: String] = [.person: "People", .organization: "Organizations", .place: "Places", .other: "Other"]
        let groups: [[String: Any]] = Entity.Kind.allCases.compactMap { kind in
            let list = entitiesByMentions.filter { $0.kind == kind }
            guard !list.isEmpty else { return nil }
            return ["kind": kind.rawValue, "label": labels[kind]!, "count": list.count,
                    "entities": list.map { entityLink($0, root: root) }]
        }
        return page(root: root, title: "Entities", nav: "entities", [
            "groups": groups, "entityCount": archive.entities.count,
        ])
    }

    func entityContext(_ e: Entity) -> [String: Any] {
        let root = "../"
        let briefs = e.briefs.compactMap { briefByID[$0] }.enumerated().sorted { a, b in
            switch (SiteIndex.sortDate(a.element), SiteIndex.sortDate(b.element)) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        let dates = briefs.compactMap(SiteIndex.sortDate)
        let related: [[String: Any]] = e.related.compactMap { r in
            entityByID[r.id].map { entityLink($0, root: root, count: r.count) }
        }
        let quotes: [[String: Any]] = e.quotes.map { q in
            ["text": q.text, "briefURL": "\(root)briefs/\(q.brief).html", "briefTitle": briefByID[q.brief]?.title ?? q.brief,
             "hasBrief": briefByID[q.brief] != nil]
        }
        let notes = (notesByEntity[e.id] ?? []).compactMap { noteByID[$0] }.map { noteItem($0, root: root) }
        let chart = Charts.monthBars(dates: dates, label: "Briefs mentioning \(e.name) per month") {
            "\(root)timeline/\(self.timelinePage(ofMonth: $0))#m-\($0)"
        }
        return page(root: root, title: e.name, nav: "entities", [
            "entity": ["name": e.name, "kind": e.kind.rawValue, "description": e.description ?? "",
                       "hasDescription": !(e.description ?? "").isEmpty, "mentions": e.mentions,
                       "briefCount": e.briefs.count] as [String: Any],
            "aliases": e.aliases.filter { $0 != e.name }, "hasAliases": e.aliases.contains { $0 != e.name },
            "firstSeen": dates.min()?.description ?? "", "lastSeen": dates.max()?.description ?? "",
            "hasSeen": !dates.isEmpty,
            "briefs": briefs.map { briefItem($0, root: root) }, "hasBriefs": !briefs.isEmpty,
            "related": related, "hasRelated": !related.isEmpty,
            "quotes": quotes, "hasQuotes": !quotes.isEmpty,
            "notes": notes, "hasNotes": !notes.isEmpty,
            "chart": chart, "hasChart": !chart.isEmpty,
        ])
    }

    func noteIndexContext() -> [String: Any] {
        let root = "../"
        return page(root: root, title: "Notes", nav: "notes", [
            "notes": notesByDate.map { n -> [String: Any] in
                var d = noteItem(n, root: root)
                d["tags"] = tagLinks(n, root: root)
                return d
            },
            "hasNotes": !archive.notes.isEmpty, "noteCount": archive.notes.count,
            "tags": tags.map { ["name": $0.name, "url": "\(root)tags/\($0.slug).html", "count": $0.notes.count] as [String: Any] },
            "hasTags": !tags.isEmpty,
        ])
    }

    func tagLinks(_ n: Note, root: String) -> [[String: Any]] {
        var seen = Set<String>()
        return n.tags.compactMap { t in
            guard !t.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let slug = Slug.make(t, fallbackPrefix: "tag")
            guard seen.insert(slug).inserted else { return nil }
            return ["name": t, "url": "\(root)tags/\(slug).html"]
        }
    }

    func noteContext(_ n: Note) -> [String: Any] {
        let root = "../"
        let html = Markdown.rebaseLinks(Markdown.html(n.markdown, unsafe: archive.config.unsafeHTML), prefix: root)
        let entities = n.entities.compactMap { entityByID[$0] }.map { entityLink($0, root: root) }
        let briefs = n.briefs.compactMap { briefByID[$0] }.map { briefItem($0, root: root) }
        let tags = tagLinks(n, root: root)
        return page(root: root, title: n.title, nav: "notes", [
            "note": noteItem(n, root: root), "body": html,
            "tags": tags, "hasTags": !tags.isEmpty,
            "entities": entities, "hasEntities": !entities.isEmpty,
            "briefs": briefs, "hasBriefs": !briefs.isEmpty,
        ])
    }

    func tagContext(_ t: Tag) -> [String: Any] {
        let root = "../"
        let notes = notesByDate.filter { t.notes.contains($0.id) }.map { noteItem($0, root: root) }
        return page(root: root, title: "Tag: \(t.name)", nav: "notes", [
            "tag": t.name, "notes": notes, "noteCount": notes.count,
        ])
    }

    func sourceIndexContext() -> [String: Any] {
        let root = "../"
        return page(root: root, title: "Sources", nav: "sources", [
            "outlets": outlets.map { ["name": $0.name, "url": "\(root)sources/\($0.slug).html", "count": $0.articles.count] as [String: Any] },
            "outletCount": outlets.count,
        ])
    }

    /// One page (from 1) of an outlet's articles (newest first, as `SiteIndex` sorts them), `Pager.size` to a page.
    func sourceContext(_ o: Outlet, page number: Int) -> [String: Any] {
        let pager = Pager(page: number, of: o.articles.count, first: "\(o.slug).html", folder: o.slug)
        let root = pager.root("../")
        let articles: [[String: Any]] = o.articles[pager.range].map { a in
            let brief = briefByID[a.brief]
            let external = a.source.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            return ["title": a.source.title ?? brief?.title ?? a.source.file, "date": a.source.published?.description ?? "",
                    "hasDate": a.source.published != nil, "file": a.source.file,
                    "briefURL": "\(root)briefs/\(a.brief).html", "briefTitle": brief?.title ?? a.brief,
                    "originalURL": external ?? "", "hasOriginal": external != nil,
                    "isCopy": a.source.copyOf != nil, "copyOf": a.source.copyOf ?? ""]
        }
        var d = page(root: root, title: number == 1 ? o.name : "\(o.name), page \(number)", nav: "sources", [
            "outlet": o.name, "articles": articles, "articleCount": o.articles.count,
            "indexURL": number == 1 ? "index.html" : "../index.html",
        ])
        for (key, value) in pager.context { d[key] = value }
        return d
    }

    func searchPageContext() -> [String: Any] {
        base(root: "", title: "Search", nav: "search")
    }

    func notFoundContext() -> [String: Any] {
        base(root: "", title: "Page not found", nav: "")
    }
}
