import BriefModel

/// What a brief's, an entity's, a timeline month's or an outlet's page is made from, hashed: when a
/// page's key is the one its file in Output was made from, the file is kept instead of rendered
/// again. Most of a rebuild's pages are these, and most are unchanged (adding one article changes
/// a few dozen of 8,000).
///
/// A key covers every value its page's context reads (`briefContext`, `entityContext`,
/// `timelineContext(page:)`, `sourceContext`), taken
/// from the archive, never from the context itself: hashing the contexts cost almost as much as
/// rendering them. A value added to those contexts must be added here too; `BuildCacheTests`
/// compare rebuilt sites with fresh builds after edits of each kind of input.
struct PageKeys: Sendable {
    /// The templates, the site's settings, the build date and whether the timeline is paged
    /// (entity charts link to its pages): what every page depends on.
    let site: ContentHash
    /// A brief as lists show it (`ContextItems.briefItem`), with its first entities' links without
    /// and with their counts, by brief id (the first brief of an id, as pages look them up).
    let briefItems: [String: (plain: ContentHash, counted: ContentHash)]
    /// An entity as links and chips show it (`ContextItems.entityLink`), by entity id: without
    /// its mention and brief counts, and with them (`countedLinks`).
    let links: [String: ContentHash]
    let countedLinks: [String: ContentHash]
    /// Whether brief, entity and timeline pages can read the counts of the entities they list
    /// (`TemplateReads`): one new article changes the counts of many entities at once.
    let briefPagesCount: Bool, entityPagesCount: Bool, timelinePagesCount: Bool

    /// The values of an entity link that one new article changes for many entities at once.
    static let countNames: Set<String> = ["mentions", "briefCount"]

    init(archive: Archive, buildDate: String, templates: TemplateSet, timelineIsPaged: Bool) {
        var site = templates.contentKey
        let c = archive.config
        for text in [c.title, c.description, c.language, c.baseURL ?? "", buildDate] { site.add(text) }
        site.add(c.baseURL == nil ? 0 : 1)
        site.add(c.unsafeHTML ? 1 : 0)
        site.add(timelineIsPaged ? 1 : 0)
        self.site = site

        // Chips and brief links are rendered from fragments, whose tags see only their own item.
        let reads = templates.reads, counts = PageKeys.countNames
        let fragments = reads.reads(counts, inside: [], from: Fragment.entityChip)
            || reads.reads(counts, inside: ["entities"], from: Fragment.briefLink)
        briefPagesCount = fragments || reads.reads(counts, inside: ["entities"], from: "brief")
        entityPagesCount = fragments || reads.reads(counts, inside: [], from: Fragment.relatedEntity)
            || reads.reads(counts, inside: ["entities", "related"], from: "entity")
        timelinePagesCount = fragments || reads.reads(counts, inside: ["entities"], from: "timeline")
        var links: [String: ContentHash] = [:], counted: [String: ContentHash] = [:]
        links.reserveCapacity(archive.entities.count)
        counted.reserveCapacity(archive.entities.count)
        for e in archive.entities {
            var h = ContentHash()
            h.add(e.id); h.add(e.name); h.add(e.kind.rawValue)
            links[e.id] = h
            h.add(e.mentions); h.add(e.briefs.count)
            counted[e.id] = h
        }
        self.links = links
        countedLinks = counted
        var items: [String: (plain: ContentHash, counted: ContentHash)] = [:]
        items.reserveCapacity(archive.briefs.count)
        for b in archive.briefs where items[b.id] == nil {
            var h = ContentHash()
            h.add(b.id); h.add(b.title); PageKeys.add(SiteIndex.sortDate(b), to: &h)
            h.add(b.summary.count)
            for s in b.summary { h.add(s) }
            h.add(b.sources.count)
            var plain = h, counted = h
            PageKeys.add(entities: b.entities.prefix(3), links: links, to: &plain)
            PageKeys.add(entities: b.entities.prefix(3), links: countedLinks, to: &counted)
            items[b.id] = (plain, counted)
        }
        briefItems = items
    }

    /// Brief `id` as a list shows it, with its first entities' links; an id with no brief counts as such.
    func add(brief id: String, counted: Bool, to h: inout ContentHash) {
        h.add(id)
        if let item = briefItems[id] { h.add(counted ? item.counted : item.plain) } else { h.add(-1) }
    }

    /// Entity ids with what their links show; an id with no entity counts as such.
    func add<C: Collection<String>>(entities ids: C, counted: Bool, to h: inout ContentHash) {
        PageKeys.add(entities: ids, links: counted ? countedLinks : links, to: &h)
    }

    static func add<C: Collection<String>>(entities ids: C, links: [String: ContentHash], to h: inout ContentHash) {
        h.add(ids.count)
        for id in ids {
            h.add(id)
            if let link = links[id] { h.add(link) } else { h.add(-1) }
        }
    }

    static func add(_ date: DayDate?, to h: inout ContentHash) {
        if let date { h.add(date.description) } else { h.add(-1) }
    }

    static func add(_ text: String?, to h: inout ContentHash) {
        if let text { h.add(text) } else { h.add(-1) }
    }

    /// A list of texts: its count, then each.
    static func add(list: [String], to h: inout ContentHash) {
        h.add(list.count)
        for text in list { h.add(text) }
    }

}

extension SiteIndex {
    /// The key of a brief's page and its Markdown file: every field of the brief, its entities'
    /// links and the notes that link to it.
    func briefPageKey(_ b: Brief) -> ContentHash {
        var h = keys.site
        h.add("brief")
        h.add(b.id); h.add(b.title)
        PageKeys.add(b.date, to: &h); PageKeys.add(b.dateEvidence, to: &h)
        PageKeys.add(b.published, to: &h); PageKeys.add(b.dateline, to: &h)
        // Lists and optional fields added one by one: an array of them per brief and per source
        // was allocated only to be walked.
        PageKeys.add(list: b.summary, to: &h); PageKeys.add(list: b.paragraphs, to: &h); PageKeys.add(list: b.formerIDs, to: &h)
        h.add(b.sources.count)
        for s in b.sources {
            h.add(s.file)
            PageKeys.add(s.outlet, to: &h); PageKeys.add(s.title, to: &h); PageKeys.add(s.url, to: &h)
            PageKeys.add(s.dateline, to: &h); PageKeys.add(s.copyOf, to: &h)
            PageKeys.add(s.published, to: &h)
        }
        h.add(b.additions.count)
        for a in b.additions {
            h.add(a.source); h.add(a.paragraphs.count)
            for p in a.paragraphs { h.add(p) }
        }
        keys.add(entities: b.entities, counted: keys.briefPagesCount, to: &h)
        add(notes: notesByBrief[b.id] ?? [], to: &h)
        return h
    }

    /// The key of an entity's page: the entity, its briefs as listed, its related entities'
    /// links, the titles of the briefs it is quoted in, and its notes.
    func entityPageKey(_ e: Entity) -> ContentHash {
        var h = keys.site
        h.add("entity")
        h.add(e.id); h.add(e.name); h.add(e.kind.rawValue); PageKeys.add(e.description, to: &h)
        h.add(e.mentions)
        h.add(e.aliases.count)
        for a in e.aliases { h.add(a) }
        h.add(e.briefs.count)
        for id in e.briefs { keys.add(brief: id, counted: keys.entityPagesCount, to: &h) }
        // The related entities' ids with their links (a lazy view of the ids: no array per page), then their counts.
        keys.add(entities: e.related.lazy.map(\.id), counted: keys.entityPagesCount, to: &h)
        for r in e.related { h.add(r.count) }
        h.add(e.quotes.count)
        for q in e.quotes {
            h.add(q.text); h.add(q.brief)
            PageKeys.add(briefByID[q.brief]?.title, to: &h)
        }
        add(notes: notesByEntity[e.id] ?? [], to: &h)
        return h
    }

    /// The key of one month page of a paged timeline (`timelineContext(page:)`): its place and
    /// its entries as listed. The index, with its chart of every month, is always made.
    func timelinePageKey(_ page: TimelinePage) -> ContentHash {
        var h = keys.site
        h.add("timeline")
        h.add(page.file); h.add(page.month); h.add(page.part)
        h.add(page.entries.count)
        for t in page.entries {
            h.add(t.kind.rawValue); h.add(t.id); PageKeys.add(t.date, to: &h)
            if t.kind == .brief {
                keys.add(brief: t.id, counted: keys.timelinePagesCount, to: &h)
            } else if let n = noteByID[t.id] {
                h.add(n.title); PageKeys.add(n.date, to: &h); PageKeys.add(n.author, to: &h)
                keys.add(entities: n.entities.prefix(3), counted: keys.timelinePagesCount, to: &h)
            } else {
                h.add(-1)
            }
        }
        return h
    }

    /// The key of one page of an outlet's articles (`sourceContext`): the outlet, the page's
    /// place among its pages, and its articles with the titles of their briefs.
    func sourcePageKey(_ o: Outlet, page number: Int) -> ContentHash {
        var h = keys.site
        h.add("source")
        h.add(o.name); h.add(o.slug); h.add(number); h.add(o.articles.count)
        let pager = Pager(page: number, of: o.articles.count, first: "\(o.slug).html", folder: o.slug)
        for a in o.articles[pager.range] {
            let s = a.source
            h.add(s.file); h.add(a.brief)
            PageKeys.add(s.title, to: &h); PageKeys.add(s.url, to: &h); PageKeys.add(s.copyOf, to: &h)
            PageKeys.add(briefByID[a.brief]?.title, to: &h)
            PageKeys.add(s.published, to: &h)
        }
        return h
    }

    /// Note ids with what a note item shows (`noteItem`).
    private func add(notes ids: [String], to h: inout ContentHash) {
        h.add(ids.count)
        for id in ids {
            h.add(id)
            guard let n = noteByID[id] else { h.add(-1); continue }
            h.add(n.title); PageKeys.add(n.date, to: &h); PageKeys.add(n.author, to: &h)
        }
    }
}
