import BriefModel
import Foundation

/// The Mustache contexts of the site's pages (all but the timeline's).
extension SiteIndex {
    // MARK: shared pieces

    func base(root: String, title: String, nav: String, capacity: Int = 0) -> Fields {
        let chrome = chromes[ChromeKey(root: root, nav: nav)]
            ?? Chrome(templates, SiteIndex.chromeContext(archive.config, buildDate: buildDate, root: root, nav: nav))
        var d = chrome.context
        d.reserveCapacity(d.count + 3 + capacity)
        d["pageTitle"] = TagText(title)
        d["header"] = TagText(chrome.header); d["footer"] = TagText(chrome.footer); d["headLinks"] = TagText(chrome.headLinks)
        return d
    }

    /// What the header and footer are made from: the same on every page of one folder and section.
    static func chromeContext(_ c: SiteConfig, buildDate: String, root: String, nav: String, capacity: Int = 16) -> Fields {
        var d = Fields(capacity: capacity)
        d["root"] = TagText(root); d["lang"] = TagText(c.language.isEmpty ? "en" : c.language)
        d["siteTitle"] = TagText(c.title); d["siteDescription"] = TagText(c.description); d["hasSiteDescription"] = !c.description.isEmpty
        d["buildDate"] = TagText(buildDate)
        d["navBriefs"] = nav == "briefs"; d["navTimeline"] = nav == "timeline"; d["navEntities"] = nav == "entities"
        d["navNotes"] = nav == "notes"; d["navSources"] = nav == "sources"; d["navSearch"] = nav == "search"
        d["navHome"] = nav == "home"
        return d
    }

    /// A page's context: what every page has (`base`), then the page's own values, which win.
    func page(root: String, title: String, nav: String, _ own: Fields) -> Fields {
        var d = base(root: root, title: title, nav: nav, capacity: own.count)
        d.merge(own)
        return d
    }

    /// `fragments: false` leaves out the item's `link` and its entities' chips, for a list whose
    /// template cannot read them.
    func briefItem(_ b: Brief, root: String, fragments: Bool = true) -> Fields {
        if root == ContextItems.root, let item = items.brief(b.id) { return item }
        return ContextItems.briefItem(b, root: root, templates: fragments ? templates : nil) {
            entityByID[$0].map { entityLink($0, root: root, fragments: fragments) }
        }
    }

    func entityLink(_ e: Entity, root: String, count: Int? = nil, fragments: Bool = true) -> Fields {
        if count == nil, root == ContextItems.root, let link = items.entity(e.id) { return link }
        return ContextItems.entityLink(e, root: root, count: count, templates: fragments ? templates : nil)
    }

    /// The link of entity `id`, nil when there is none; found by id so that the entity (a large
    /// value) is not copied out of `entityByID` when its shared link exists.
    func entityLink(id: String, root: String, count: Int? = nil) -> Fields? {
        if root == ContextItems.root {
            if let count { if let link = items.entity(id, count: count) { return link } } else if let link = items.entity(id) { return link }
        }
        return entityByID[id].map { entityLink($0, root: root, count: count) }
    }

    /// The rendered piece `name` (`link`, `chip`) of a list item; empty when it has none.
    static func piece(_ name: String) -> (Fields) -> String {
        { ($0[name] as? TagText)?.renderText ?? "" }
    }

    func noteItem(_ n: Note, root: String) -> Fields {
        ["id": TagText(n.id), "title": TagText(n.title), "url": TagText("\(root)notes/\(n.id).html"), "date": TagText(n.date?.description ?? ""),
         "hasDate": n.date != nil, "author": TagText(n.author ?? ""), "hasAuthor": !(n.author ?? "").isEmpty]
    }

    // MARK: pages

    func homeContext() -> Fields {
        page(root: "", title: archive.config.title, nav: "home", [
            "latestBriefs": briefsByDate.prefix(10).map { briefItem($0, root: "") },
            "recentNotes": notesByDate.prefix(5).map { noteItem($0, root: "") },
            "topEntities": entitiesByMentions.prefix(12).map { entityLink($0, root: "") },
            "briefCount": TagText(archive.briefs.count), "entityCount": TagText(archive.entities.count),
            "noteCount": TagText(archive.notes.count), "sourceCount": TagText(archive.briefs.reduce(0) { $0 + $1.sources.count }),
            "outletCount": TagText(outlets.count),
        ])
    }

    /// One page (from 1) of the briefs, newest first, `Pager.size` to a page.
    func briefListContext(page number: Int) -> Fields {
        let pager = Pager(page: number, of: briefsByDate.count, first: "index.html", folder: "page")
        let root = pager.root("../")
        // Pages after the first are one folder deeper than the shared items: each item is made for
        // its page, without the fragments the stock list does not show (13,000 fragments at 10,000 articles).
        let fragments = listShowsFragments
        var d = page(root: root, title: number == 1 ? "Briefs" : "Briefs, page \(number)", nav: "briefs", [
            "briefs": briefsByDate[pager.range].map { briefItem($0, root: root, fragments: fragments) }, "briefCount": TagText(archive.briefs.count),
        ])
        d.merge(pager.context)
        return d
    }

    /// body: the brief's Markdown after its front matter (`SiteRenderer.briefMarkdownParts`).
    func briefContext(_ b: Brief, body: String) -> Fields {
        let root = "../"
        let entities = b.entities.compactMap { entityLink(id: $0, root: root) }
        let notes = (notesByBrief[b.id] ?? []).compactMap { noteByID[$0] }.map { noteItem($0, root: root) }
        return page(root: root, title: b.title, nav: "briefs", [
            "brief": briefItem(b, root: root),
            "body": TagText(Markdown.html(body, unsafe: archive.config.unsafeHTML)),
            "entities": entities, "hasEntities": !entities.isEmpty,
            "entityChips": TemplateSet.joined(entities.map(SiteIndex.piece("chip"))),
            "notes": notes, "hasNotes": !notes.isEmpty,
            "markdownURL": TagText("\(b.id).md"),
            "dateEvidence": TagText(b.dateEvidence ?? ""), "hasDateEvidence": !(b.dateEvidence ?? "").isEmpty,
        ])
    }

    func redirectContext(old: String, new: String) -> Fields {
        let exists = briefByID[new] != nil
        let target = exists ? "\(new).html" : "index.html"
        return page(root: "../", title: briefByID[new]?.title ?? "Moved", nav: "briefs", [
            "target": TagText(target), "newTitle": TagText(briefByID[new]?.title ?? "Briefs"), "oldID": TagText(old),
        ])
    }

    func entityIndexContext() -> Fields {
        let root = "../"
        let labels: [Entity.Kind: String] = [.person: "People", .organization: "Organizations", .place: "Places", .other: "Other"]
        let groups: [Fields] = Entity.Kind.allCases.compactMap { kind in
            let list = entitiesByMentions.filter { $0.kind == kind }
            guard !list.isEmpty else { return nil }
            return ["kind": TagText(kind.rawValue), "label": TagText(labels[kind]!), "count": TagText(list.count),
                    "entities": list.map { entityLink($0, root: root) }]
        }
        return page(root: root, title: "Entities", nav: "entities", [
            "groups": groups, "entityCount": TagText(archive.entities.count),
        ])
    }

    func entityContext(_ e: Entity) -> Fields {
        let root = "../"
        // Positions in the archive and dates, not copies of the briefs (large values), are sorted.
        let listed = e.briefs.compactMap { briefPosition[$0] }.map { (position: $0, date: archive.briefs[$0].date ?? archive.briefs[$0].published) }
        let order = listed.indices.sorted { a, b in
            switch (listed[a].date, listed[b].date) {
            case let (x?, y?): return x != y ? x < y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a < b
            }
        }
        let dates = order.compactMap { listed[$0].date }
        let briefItems = order.map { i in
            items.brief(at: listed[i].position) ?? briefItem(archive.briefs[listed[i].position], root: root)
        }
        // Each related entity's link and its row, rendered from its fragment when there is one.
        let showsRows = templates.names.contains(Fragment.relatedEntity)
        var related: [Fields] = [], relatedLinks: [String] = []
        related.reserveCapacity(e.related.count)
        relatedLinks.reserveCapacity(showsRows ? e.related.count : 0)
        for r in e.related {
            if let (link, row) = items.related(r.id, count: r.count) {
                related.append(link)
                if showsRows { relatedLinks.append(row) }
            } else if let link = entityLink(id: r.id, root: root, count: r.count) {
                related.append(link)
                if showsRows { relatedLinks.append(templates.fragment(Fragment.relatedEntity, link)) }
            }
        }
        let quotes: [Fields] = e.quotes.map { q in
            let title = briefByID[q.brief]?.title
            return ["text": TagText(q.text), "briefURL": TagText("\(root)briefs/\(q.brief).html"),
                    "briefTitle": TagText(title ?? q.brief), "hasBrief": title != nil]
        }
        let notes = (notesByEntity[e.id] ?? []).compactMap { noteByID[$0] }.map { noteItem($0, root: root) }
        let chart = Charts.monthBars(dates: dates, label: "Briefs mentioning \(e.name) per month") {
            "\(root)timeline/\(self.timelinePage(ofMonth: $0))#m-\($0)"
        }
        return page(root: root, title: e.name, nav: "entities", [
            "entity": ["name": TagText(e.name), "kind": TagText(e.kind.rawValue), "description": TagText(e.description ?? ""),
                       "hasDescription": !(e.description ?? "").isEmpty, "mentions": TagText(e.mentions),
                       "briefCount": TagText(e.briefs.count)] as Fields,
            "aliases": e.aliases.filter { $0 != e.name }, "hasAliases": e.aliases.contains { $0 != e.name },
            "firstSeen": TagText(dates.min()?.description ?? ""), "lastSeen": TagText(dates.max()?.description ?? ""),
            "hasSeen": !dates.isEmpty,
            "briefs": briefItems, "hasBriefs": !briefItems.isEmpty,
            "briefLinks": TemplateSet.joined(briefItems.map(SiteIndex.piece("link"))),
            "related": related, "hasRelated": !related.isEmpty, "relatedLinks": TemplateSet.joined(relatedLinks),
            "quotes": quotes, "hasQuotes": !quotes.isEmpty,
            "notes": notes, "hasNotes": !notes.isEmpty,
            "chart": TagText(chart), "hasChart": !chart.isEmpty,
        ])
    }

    func noteIndexContext() -> Fields {
        let root = "../"
        return page(root: root, title: "Notes", nav: "notes", [
            "notes": notesByDate.map { n -> Fields in
                var d = noteItem(n, root: root)
                d["tags"] = tagLinks(n, root: root)
                return d
            },
            "hasNotes": !archive.notes.isEmpty, "noteCount": TagText(archive.notes.count),
            "tags": tags.map { ["name": TagText($0.name), "url": TagText("\(root)tags/\($0.slug).html"), "count": TagText($0.notes.count)] as Fields },
            "hasTags": !tags.isEmpty,
        ])
    }

    func tagLinks(_ n: Note, root: String) -> [Fields] {
        var seen = Set<String>()
        return n.tags.compactMap { t in
            guard !t.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let slug = Slug.make(t, fallbackPrefix: "tag")
            guard seen.insert(slug).inserted else { return nil }
            return ["name": TagText(t), "url": TagText("\(root)tags/\(slug).html")]
        }
    }

    func noteContext(_ n: Note) -> Fields {
        let root = "../"
        let html = Markdown.rebaseLinks(Markdown.html(n.markdown, unsafe: archive.config.unsafeHTML), prefix: root)
        let entities = n.entities.compactMap { entityByID[$0] }.map { entityLink($0, root: root) }
        let briefs = n.briefs.compactMap { briefByID[$0] }.map { briefItem($0, root: root) }
        let tags = tagLinks(n, root: root)
        return page(root: root, title: n.title, nav: "notes", [
            "note": noteItem(n, root: root), "body": TagText(html),
            "tags": tags, "hasTags": !tags.isEmpty,
            "entities": entities, "hasEntities": !entities.isEmpty,
            "briefs": briefs, "hasBriefs": !briefs.isEmpty,
        ])
    }

    func tagContext(_ t: Tag) -> Fields {
        let root = "../"
        let notes = notesByDate.filter { t.notes.contains($0.id) }.map { noteItem($0, root: root) }
        return page(root: root, title: "Tag: \(t.name)", nav: "notes", [
            "tag": TagText(t.name), "notes": notes, "noteCount": TagText(notes.count),
        ])
    }

    func sourceIndexContext() -> Fields {
        let root = "../"
        return page(root: root, title: "Sources", nav: "sources", [
            "outlets": outlets.map { ["name": TagText($0.name), "url": TagText("\(root)sources/\($0.slug).html"), "count": TagText($0.articles.count)] as Fields },
            "outletCount": TagText(outlets.count),
        ])
    }

    /// One page (from 1) of an outlet's articles (newest first, as `SiteIndex` sorts them), `Pager.size` to a page.
    func sourceContext(_ o: Outlet, page number: Int) -> Fields {
        let pager = Pager(page: number, of: o.articles.count, first: "\(o.slug).html", folder: o.slug)
        let root = pager.root("../")
        let articles: [Fields] = o.articles[pager.range].map { a in
            let brief = briefByID[a.brief]
            let external = a.source.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            return ["title": TagText(a.source.title ?? brief?.title ?? a.source.file), "date": TagText(a.source.published?.description ?? ""),
                    "hasDate": a.source.published != nil, "file": TagText(a.source.file),
                    "briefURL": TagText("\(root)briefs/\(a.brief).html"), "briefTitle": TagText(brief?.title ?? a.brief),
                    "originalURL": TagText(external ?? ""), "hasOriginal": external != nil,
                    "isCopy": a.source.copyOf != nil, "copyOf": TagText(a.source.copyOf ?? "")]
        }
        var d = page(root: root, title: number == 1 ? o.name : "\(o.name), page \(number)", nav: "sources", [
            "outlet": TagText(o.name), "articles": articles, "articleCount": TagText(o.articles.count),
            "indexURL": TagText(number == 1 ? "index.html" : "../index.html"),
        ])
        d.merge(pager.context)
        return d
    }

    func searchPageContext() -> Fields {
        base(root: "", title: "Search", nav: "search")
    }

    func notFoundContext() -> Fields {
        base(root: "", title: "Page not found", nav: "")
    }
}
