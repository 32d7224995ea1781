import BriefModel
import Foundation

/// Lookups over the archive, made once for all pages (their contexts: `PageContexts`, `TimelineContext`).
struct SiteIndex: Sendable {
    struct Tag: Sendable { var name: String; var slug: String; var notes: [String] }
    struct OutletArticle: Sendable { var source: Brief.Source; var brief: String }
    /// An outlet and its articles, newest first.
    struct Outlet: Sendable { var name: String; var slug: String; var articles: [OutletArticle] }

    let archive: Archive
    let buildDate: String
    let briefByID: [String: Brief]
    /// Position in `archive.briefs` of the brief `briefByID` has for an id.
    let briefPosition: [String: Int]
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
    /// The pages of a paged timeline, in date order (empty when it is not paged).
    let timelinePages: [TimelinePage]
    let items: ContextItems
    let templates: TemplateSet
    /// Header and footer of every folder depth and section the site's pages have.
    let chromes: [ChromeKey: Chrome]
    /// What brief and entity pages are made from, for keeping unchanged ones.
    let keys: PageKeys
    /// Whether the briefs list can show an item's `link` or its entities' chips (`TemplateReads`).
    let listShowsFragments: Bool

    init(archive: Archive, buildDate: String, templates: TemplateSet) throws(Diagnostic) {
        try Fragment.check(templates)
        self.templates = templates
        self.archive = archive
        self.buildDate = buildDate
        // Two halves of the lookups made at once (this runs before any page can be made): the
        // lists in order (outlets, timeline, briefs by date) with the headers and footers, and the
        // lookups by id with the entity ranking and the page keys.
        let (lists, byID) = inParallel({
            let timeline = SiteIndex.completeTimeline(archive)
            return (outlets: SiteIndex.outlets(archive), tags: SiteIndex.tags(archive), notesByDate: SiteIndex.notesByDate(archive),
                    briefsByDate: SiteIndex.briefsByDate(archive), chromes: SiteIndex.chromes(archive, buildDate: buildDate, templates: templates),
                    timelineEntries: timeline, timelinePages: SiteIndex.isPaged(archive) ? SiteIndex.timelinePages(timeline) : [])
        }, {
            let briefByID = Dictionary(archive.briefs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let briefPosition = Dictionary(archive.briefs.indices.map { (archive.briefs[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
            let entityByID = Dictionary(archive.entities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return (briefByID: briefByID, briefPosition: briefPosition, entityByID: entityByID,
                    entitiesByMentions: SiteIndex.entitiesByMentions(archive),
                    items: ContextItems(archive: archive, briefPosition: briefPosition, entityByID: entityByID, templates: templates),
                    keys: PageKeys(archive: archive, buildDate: buildDate, templates: templates,
                                   timelineIsPaged: SiteIndex.isPaged(archive)))
        })
        (outlets, tags, notesByDate, briefsByDate, chromes, timelineEntries, timelinePages) = lists
        (briefByID, briefPosition, entityByID, entitiesByMentions, items, keys) = byID
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
        listShowsFragments = templates.reads.reads(["link"], inside: ["briefs"], from: "brief-list")
            || templates.reads.reads(["chip"], inside: ["entities"], from: "brief-list")
    }

    static func sortDate(_ b: Brief) -> DayDate? { b.date ?? b.published }

    static func briefsByDate(_ archive: Archive) -> [Brief] {
        archive.briefs.enumerated().sorted { a, b in
            let da = SiteIndex.sortDate(a.element), db = SiteIndex.sortDate(b.element)
            switch (da, db) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Header and footer of every folder depth and section the site's pages have.
    static func chromes(_ archive: Archive, buildDate: String, templates: TemplateSet) -> [ChromeKey: Chrome] {
        var chromes: [ChromeKey: Chrome] = [:]
        for root in ["", "../"] {
            for nav in ["home", "briefs", "timeline", "entities", "notes", "sources", "search", ""] {
                let context = SiteIndex.chromeContext(archive.config, buildDate: buildDate, root: root, nav: nav)
                chromes[ChromeKey(root: root, nav: nav)] = Chrome(templates, context)
            }
        }
        return chromes
    }

    static func notesByDate(_ archive: Archive) -> [Note] {
        archive.notes.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    static func entitiesByMentions(_ archive: Archive) -> [Entity] {
        archive.entities.sorted {
            $0.mentions != $1.mentions ? $0.mentions > $1.mentions
                : $0.briefs.count != $1.briefs.count ? $0.briefs.count > $1.briefs.count
                : $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending
        }
    }

    static func tags(_ archive: Archive) -> [Tag] {
        var tagMap: [String: Tag] = [:]
        for note in archive.notes {
            for t in note.tags where !t.trimmingCharacters(in: .whitespaces).isEmpty {
                let slug = Slug.make(t, fallbackPrefix: "tag")
                if tagMap[slug] == nil { tagMap[slug] = Tag(name: t, slug: slug, notes: []) }
                if tagMap[slug]!.notes.last != note.id { tagMap[slug]!.notes.append(note.id) }
            }
        }
        return tagMap.values.sorted { $0.slug < $1.slug }
    }

    /// Outlets by article count, most first, each with its articles newest first.
    static func outlets(_ archive: Archive) -> [Outlet] {
        var outletMap: [String: Outlet] = [:]
        // Name and slug per outlet as written: a few hundred outlets name tens of thousands of sources.
        var named: [String?: (name: String, slug: String)] = [:]
        for brief in archive.briefs {
            for s in brief.sources {
                let (name, slug) = named[s.outlet] ?? {
                    let name = (s.outlet?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : $0 } ?? "Unknown outlet"
                    let made = (name: name, slug: Slug.make(name, fallbackPrefix: "outlet"))
                    named[s.outlet] = made
                    return made
                }()
                if outletMap[slug] == nil { outletMap[slug] = Outlet(name: name, slug: slug, articles: []) }
                outletMap[slug]!.articles.append(OutletArticle(source: s, brief: brief.id))
            }
        }
        // Newest first, sorted once here rather than on each of an outlet's pages; positions are
        // sorted, not the articles, whose moves cost more than their comparisons, by dates and
        // files taken out once (not a copy of two sources per comparison).
        for slug in outletMap.keys {
            let articles = outletMap[slug]!.articles
            let dates = articles.map(\.source.published), files = articles.map(\.source.file)
            let order = articles.indices.sorted { i, j in
                switch (dates[i], dates[j]) {
                case let (x?, y?): return x != y ? x > y : files[i] < files[j]
                case (.some, nil): return true
                case (nil, .some): return false
                default: return files[i] < files[j]
                }
            }
            outletMap[slug]!.articles = order.map { articles[$0] }
        }
        let byCount = outletMap.values.map { ($0.articles.count, $0.slug) }.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        return byCount.map { outletMap[$0.1]! }
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
        // A date known only to the year files under "YYYY-00", before the year's months: ordered
        // as January 1 it fell among that month's entries and split them into two months.
        func key(_ d: DayDate) -> (Int, Int, Int) { d.precision == .year ? (d.year, 0, 0) : (d.year, d.month, d.day) }
        let dated = entries.enumerated().filter { $0.element.date != nil }
            .sorted { a, b in
                let (x, y) = (key(a.element.date!), key(b.element.date!))
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
        return dated + entries.filter { $0.date == nil }
    }

    /// Above this many entries the timeline is split into a page per year, so no page grows past it.
    static let timelinePageLimit = 200

    var timelineIsPaged: Bool { SiteIndex.isPaged(archive) }

    static func isPaged(_ archive: Archive) -> Bool { archive.briefs.count + archive.notes.count > timelinePageLimit }

    /// The month a date is filed under, "YYYY-MM" ("YYYY-00" when only the year is known).
    static func monthKey(_ d: DayDate) -> String {
        d.precision == .year ? "\(d.description)-00" : String(d.description.prefix(7))
    }

    /// One page of a paged timeline: a month, cut into parts of at most `timelinePageLimit` entries.
    struct TimelinePage: Sendable { var file: String; var month: String; var part: Int; var entries: [Archive.TimelineEntry] }

    /// The page that lists a month ("YYYY-MM"): the index, or the month's first page.
    func timelinePage(ofMonth key: String) -> String {
        timelineIsPaged ? "\(key).html" : "index.html"
    }

    /// The timeline cut into month pages, in date order.
    static func timelinePages(_ timelineEntries: [Archive.TimelineEntry]) -> [TimelinePage] {
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
}
