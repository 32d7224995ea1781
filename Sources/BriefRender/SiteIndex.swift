import BriefModel
import Foundation

/// Lookups over the archive and the Mustache contexts of every page.
struct SiteIndex: Sendable {
    struct Tag: Sendable { var name: String; var slug: String; var notes: [String] }
    struct OutletArticle: Sendable { var source: Brief.Source; var brief: String }
    struct Outlet: Sendable { var name: String; var slug: String; var articles: [OutletArticle] }

    let archive: Archive
    let buildDate: String
    let briefByID: [String: Brief]
    let entityByID: [String: Entity]
    let noteByID: [String: Note]
    let notesByBrief: [String: [String]]
    let notesByEntity: [String: [String]]
    /// Briefs newest first, undated last.
    let briefsByDate: [Brief]
    /// Notes newest first, undated last.
    let notesByDate: [Note]
    let entitiesByMentions: [Entity]
    let tags: [Tag]
    let outlets: [Outlet]
    /// Every brief and note on the time axis, dated first; computed once for all timeline pages.
    let timelineEntries: [Archive.TimelineEntry]

    init(archive: Archive, buildDate: String) {
        self.archive = archive
        self.buildDate = buildDate
        timelineEntries = SiteIndex.completeTimeline(archive)
        briefByID = Dictionary(archive.briefs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        entityByID = Dictionary(archive.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        noteByID = Dictionary(archive.notes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var nb: [String: [String]] = [:], ne: [String: [String]] = [:]
        for note in archive.notes {
            for b in note.briefs where nb[b]?.contains(note.id) != true { nb[b, default: []].append(note.id) }
            for e in note.entities where ne[e]?.contains(note.id) != true { ne[e, default: []].append(note.id) }
        }
        for entity in archive.entities {
            for n in entity.notes where ne[entity.id]?.contains(n) != true { ne[entity.id, default: []].append(n) }
        }
        notesByBrief = nb; notesByEntity = ne
        briefsByDate = archive.briefs.enumerated().sorted { a, b in
            let da = SiteIndex.sortDate(a.element), db = SiteIndex.sortDate(b.element)
            switch (da, db) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        notesByDate = archive.notes.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        entitiesByMentions = archive.entities.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions
                : $0.briefs.count != $1.briefs.count ? $0.briefs.count > $1.briefs.count
                : $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
        var tagMap: [String: Tag] = [:]
        for note in archive.notes {
            for t in note.tags where !t.trimmingCharacters(in: .whitespaces).isEmpty {
                let slug = Slug.make(t, fallbackPrefix: "tag")
                if tagMap[slug] == nil { tagMap[slug] = Tag(name: t, slug: slug, notes: []) }
                if tagMap[slug]!.notes.last != note.id { tagMap[slug]!.notes.append(note.id) }
            }
        }
        tags = tagMap.values.sorted { $0.slug < $1.slug }
        var outletMap: [String: Outlet] = [:]
        for brief in archive.briefs {
            for s in brief.sources {
                let name = (s.outlet?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? "Unknown outlet"
                let slug = Slug.make(name, fallbackPrefix: "outlet")
                if outletMap[slug] == nil { outletMap[slug] = Outlet(name: name, slug: slug, articles: []) }
                outletMap[slug]!.articles.append(OutletArticle(source: s, brief: brief.id))
            }
        }
        outlets = outletMap.values.sorted {
            $0.articles.count != $1.articles.count ? $0.articles.count > $1.articles.count : $0.slug < $1.slug
        }
    }

    static func sortDate(_ b: Brief) -> DayDate? { b.date ?? b.published }

    // MARK: shared pieces

    func base(root: String, title: String, nav: String) -> [String: Any] {
        let c = archive.config
        return [
            "root": root, "lang": c.language.isEmpty ? "en" : c.language,
            "siteTitle": c.title, "siteDescription": c.description, "hasSiteDescription": !c.description.isEmpty,
            "pageTitle": title, "buildDate": buildDate,
            "navBriefs": nav == "briefs", "navTimeline": nav == "timeline", "navEntities": nav == "entities",
            "navNotes": nav == "notes", "navSources": nav == "sources", "navSearch": nav == "search",
            "navHome": nav == "home",
        ]
    }

    func briefItem(_ b: Brief, root: String) -> [String: Any] {
        let date = SiteIndex.sortDate(b)
        return [
            "id": b.id, "title": b.title, "url": "\(root)briefs/\(b.id).html",
            "date": date?.description ?? "", "hasDate": date != nil,
            "summary": b.summary.joined(separator: " "), "hasSummary": !b.summary.isEmpty,
            "sourceCount": b.sources.count, "sourcesPlural": b.sources.count != 1,
            "entities": b.entities.prefix(3).compactMap { entityByID[$0].map { entityLink($0, root: root) } },
        ]
    }

    func entityLink(_ e: Entity, root: String, count: Int? = nil) -> [String: Any] {
        var d: [String: Any] = ["name": e.name, "url": "\(root)entities/\(e.id).html", "kind": e.kind.rawValue,
                                "mentions": e.mentions, "briefCount": e.briefs.count]
        if let count { d["count"] = count }
        return d
    }

    func noteItem(_ n: Note, root: String) -> [String: Any] {
        ["id": n.id, "title": n.title, "url": "\(root)notes/\(n.id).html", "date": n.date?.description ?? "",
         "hasDate": n.date != nil, "author": n.author ?? "", "hasAuthor": !(n.author ?? "").isEmpty]
    }

    func merge(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] { a.merging(b) { $1 } }

    // MARK: pages

    func homeContext() -> [String: Any] {
        merge(base(root: "", title: archive.config.title, nav: "home"), [
            "latestBriefs": briefsByDate.prefix(10).map { briefItem($0, root: "") },
            "recentNotes": notesByDate.prefix(5).map { noteItem($0, root: "") },
            "topEntities": entitiesByMentions.prefix(12).map { entityLink($0, root: "") },
            "briefCount": archive.briefs.count, "entityCount": archive.entities.count,
            "noteCount": archive.notes.count, "sourceCount": archive.briefs.reduce(0) { $0 + $1.sources.count },
            "outletCount": outlets.count,
        ])
    }

    func briefListContext() -> [String: Any] {
        merge(base(root: "../", title: "Briefs", nav: "briefs"), [
            "briefs": briefsByDate.map { briefItem($0, root: "../") }, "briefCount": archive.briefs.count,
        ])
    }

    func briefContext(_ b: Brief) -> [String: Any] {
        let root = "../"
        let markdown = SiteRenderer.briefMarkdown(b)
        let body = markdown.range(of: "\n---\n").map { String(markdown[$0.upperBound...]) } ?? markdown
        let notes = (notesByBrief[b.id] ?? []).compactMap { noteByID[$0] }.map { noteItem($0, root: root) }
        return merge(base(root: root, title: b.title, nav: "briefs"), [
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
        return merge(base(root: "../", title: briefByID[new]?.title ?? "Moved", nav: "briefs"), [
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
        return merge(base(root: root, title: "Entities", nav: "entities"), [
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
        return merge(base(root: root, title: e.name, nav: "entities"), [
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

    /// Timeline entries: the archive's, plus any brief or note it left out (so none is dropped).
    static func completeTimeline(_ archive: Archive) -> [Archive.TimelineEntry] {
        let briefIDs = Set(archive.briefs.map(\.id)), noteIDs = Set(archive.notes.map(\.id))
        var entries = archive.timeline.filter {
            $0.kind == .brief ? briefIDs.contains($0.id) : noteIDs.contains($0.id)
        }
        var seenBriefs = Set(entries.filter { $0.kind == .brief }.map(\.id))
        var seenNotes = Set(entries.filter { $0.kind == .note }.map(\.id))
        for b in archive.briefs where seenBriefs.insert(b.id).inserted {
            entries.append(.init(date: SiteIndex.sortDate(b), kind: .brief, id: b.id))
        }
        for n in archive.notes where seenNotes.insert(n.id).inserted {
            entries.append(.init(date: n.date, kind: .note, id: n.id))
        }
        let dated = entries.enumerated().filter { $0.element.date != nil }
            .sorted { a, b in a.element.date! != b.element.date! ? a.element.date! < b.element.date! : a.offset < b.offset }
            .map(\.element)
        return dated + entries.filter { $0.date == nil }
    }

    /// Above this many entries the timeline is split into a page per year, so no page grows past it.
    static let timelinePageLimit = 200

    var timelineIsPaged: Bool { archive.briefs.count + archive.notes.count > SiteIndex.timelinePageLimit }

    /// The month a date is filed under, "YYYY-MM" ("YYYY-00" when only the year is known).
    static func monthKey(_ d: DayDate) -> String {
        d.precision == .year ? "\(d.description)-00" : String(d.description.prefix(7))
    }

    /// One page of a paged timeline: a month, cut into parts of at most `timelinePageLimit` entries.
    struct TimelinePage { var file: String; var month: String; var part: Int; var entries: [Archive.TimelineEntry] }

    /// The page that lists a month ("YYYY-MM"): the index, or the month's first page.
    func timelinePage(ofMonth key: String) -> String {
        timelineIsPaged ? "\(key).html" : "index.html"
    }

    /// The pages of a paged timeline, in date order.
    var timelinePages: [TimelinePage] {
        var pages: [TimelinePage] = []
        var month: String?
        var bucket: [Archive.TimelineEntry] = []
        func flush() {
            guard let m = month else { return }
            let limit = SiteIndex.timelinePageLimit
            for (part, start) in stride(from: 0, to: bucket.count, by: limit).enumerated() {
                pages.append(TimelinePage(file: part == 0 ? "\(m).html" : "\(m)-\(part + 1).html", month: m, part: part,
                                          entries: Array(bucket[start..<min(start + limit, bucket.count)])))
            }
            bucket = []
        }
        for t in timelineEntries {
            guard let d = t.date else { continue }
            let key = SiteIndex.monthKey(d)
            if key != month { flush(); month = key }
            bucket.append(t)
        }
        flush()
        return pages
    }

    /// The whole timeline; or, paged, the index (chart, months, undated) or one month's page.
    func timelineContext(page: TimelinePage? = nil) -> [String: Any] {
        let root = "../"
        let all = timelineEntries
        let paged = timelineIsPaged
        let entries = page?.entries ?? (paged ? all.filter { $0.date == nil } : all)
        func item(_ t: Archive.TimelineEntry) -> [String: Any] {
            if t.kind == .brief, let b = briefByID[t.id] {
                var d = briefItem(b, root: root)
                d["date"] = t.date?.description ?? ""
                d["isNote"] = false
                return d
            }
            let n = noteByID[t.id]!
            var d = noteItem(n, root: root)
            d["date"] = t.date?.description ?? ""
            d["isNote"] = true
            d["entities"] = n.entities.prefix(3).compactMap { entityByID[$0].map { entityLink($0, root: root) } }
            return d
        }
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
        var years: [[String: Any]] = []
        var currentYear: Int? = nil
        var months: [[String: Any]] = []
        var currentMonth: String? = nil
        var items: [[String: Any]] = []
        func flushMonth() {
            if let m = currentMonth, !items.isEmpty {
                let parts = m.split(separator: "-")
                let label = parts.count == 2 && parts[1] != "00" ? monthNames[Int(parts[1])! - 1] : "Month unknown"
                months.append(["anchor": "m-\(m)", "label": label, "entries": items, "count": items.count])
            }
            items = []
        }
        func flushYear() {
            flushMonth()
            if let y = currentYear, !months.isEmpty { years.append(["year": String(y), "months": months]) }
            months = []
        }
        for t in entries {
            guard let date = t.date else { continue }
            let monthKey = SiteIndex.monthKey(date)
            if date.year != currentYear { flushYear(); currentYear = date.year; currentMonth = nil }
            if monthKey != currentMonth { flushMonth(); currentMonth = monthKey }
            items.append(item(t))
        }
        flushYear()
        let undated = entries.filter { $0.date == nil }.map(item)
        let chartDates = page == nil ? all.filter { $0.kind == .brief }.compactMap(\.date) : []
        let chart = Charts.monthBars(dates: chartDates, label: "Briefs per month") { key in
            paged ? "\(key).html#m-\(key)" : "#m-\(key)"
        }
        var yearLinks: [[String: Any]] = []
        if paged && page == nil {
            var byYear: [(year: String, months: [[String: Any]])] = []
            for p in timelinePages {
                let year = String(p.month.prefix(4))
                let label = (p.month.hasSuffix("-00") ? "Month unknown" : monthNames[Int(p.month.suffix(2))! - 1])
                    + (p.part > 0 ? " (\(p.part + 1))" : "")
                let link: [String: Any] = ["label": label, "url": p.file, "count": p.entries.count]
                if byYear.last?.year == year { byYear[byYear.count - 1].months.append(link) } else { byYear.append((year, [link])) }
            }
            yearLinks = byYear.map { ["year": $0.year, "months": $0.months] }
        }
        let heading = page.map { p in
            (p.month.hasSuffix("-00") ? String(p.month.prefix(4)) : monthNames[Int(p.month.suffix(2))! - 1] + " " + p.month.prefix(4))
                + (p.part > 0 ? " (part \(p.part + 1))" : "")
        }.map { "Timeline: \($0)" } ?? "Timeline"
        return merge(base(root: root, title: heading, nav: "timeline"), [
            "yearLinks": yearLinks, "hasYearLinks": !yearLinks.isEmpty, "heading": heading,
            "isYearPage": page != nil,
            "years": years, "hasYears": !years.isEmpty, "undated": undated, "hasUndated": !undated.isEmpty,
            "chart": chart, "hasChart": !chart.isEmpty,
        ])
    }

    func noteIndexContext() -> [String: Any] {
        let root = "../"
        return merge(base(root: root, title: "Notes", nav: "notes"), [
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
        return merge(base(root: root, title: n.title, nav: "notes"), [
            "note": noteItem(n, root: root), "body": html,
            "tags": tags, "hasTags": !tags.isEmpty,
            "entities": entities, "hasEntities": !entities.isEmpty,
            "briefs": briefs, "hasBriefs": !briefs.isEmpty,
        ])
    }

    func tagContext(_ t: Tag) -> [String: Any] {
        let root = "../"
        let notes = notesByDate.filter { t.notes.contains($0.id) }.map { noteItem($0, root: root) }
        return merge(base(root: root, title: "Tag: \(t.name)", nav: "notes"), [
            "tag": t.name, "notes": notes, "noteCount": notes.count,
        ])
    }

    func sourceIndexContext() -> [String: Any] {
        let root = "../"
        return merge(base(root: root, title: "Sources", nav: "sources"), [
            "outlets": outlets.map { ["name": $0.name, "url": "\(root)sources/\($0.slug).html", "count": $0.articles.count] as [String: Any] },
            "outletCount": outlets.count,
        ])
    }

    func sourceContext(_ o: Outlet) -> [String: Any] {
        let root = "../"
        let articles: [[String: Any]] = o.articles.sorted { a, b in
            switch (a.source.published, b.source.published) {
            case let (x?, y?): return x != y ? x > y : a.source.file < b.source.file
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.source.file < b.source.file
            }
        }.map { a in
            let brief = briefByID[a.brief]
            let external = a.source.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            return ["title": a.source.title ?? brief?.title ?? a.source.file, "date": a.source.published?.description ?? "",
                    "hasDate": a.source.published != nil, "file": a.source.file,
                    "briefURL": "\(root)briefs/\(a.brief).html", "briefTitle": brief?.title ?? a.brief,
                    "originalURL": external ?? "", "hasOriginal": external != nil,
                    "isCopy": a.source.copyOf != nil, "copyOf": a.source.copyOf ?? ""]
        }
        return merge(base(root: root, title: o.name, nav: "sources"), [
            "outlet": o.name, "articles": articles, "articleCount": articles.count,
        ])
    }

    func searchPageContext() -> [String: Any] {
        base(root: "", title: "Search", nav: "search")
    }

    func notFoundContext() -> [String: Any] {
        base(root: "", title: "Page not found", nav: "")
    }
}
