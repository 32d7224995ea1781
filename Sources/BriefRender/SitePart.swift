import BriefModel

/// One independently made piece of the site: a page, or a few files made together. `all` lists them
/// in the order the site's pages have always been listed in.
enum SitePart: Sendable {
    case home, briefList(Int), brief(Int), redirect(old: String, new: String)
    case entityIndex, entity(Int), timeline(SiteIndex.TimelinePage?), noteIndex, note(Int), tag(Int)
    case sourceIndex, source(Int, page: Int), search, notFound, searchIndex, archiveJSON, feed

    static func all(_ site: SiteIndex) -> [SitePart] {
        let archive = site.archive
        var parts: [SitePart] = [.home]
        parts += (1...Pager.pages(archive.briefs.count)).map(SitePart.briefList)
        parts += archive.briefs.indices.map(SitePart.brief)
        let briefIDs = Set(archive.briefs.map(\.id))
        for (old, new) in archive.redirects.sorted(by: { $0.key < $1.key })
        where !briefIDs.contains(old) && old != new && !old.isEmpty && old != "index" {
            parts.append(.redirect(old: old, new: new))
        }
        parts.append(.entityIndex)
        parts += archive.entities.indices.map(SitePart.entity)
        parts.append(.timeline(nil))
        if site.timelineIsPaged { parts += site.timelinePages.map { SitePart.timeline($0) } }
        parts.append(.noteIndex)
        parts += archive.notes.indices.map(SitePart.note)
        parts += site.tags.indices.map(SitePart.tag)
        parts.append(.sourceIndex)
        for (i, outlet) in site.outlets.enumerated() {
            parts += (1...Pager.pages(outlet.articles.count)).map { SitePart.source(i, page: $0) }
        }
        parts += [.search, .notFound, .searchIndex, .archiveJSON, .feed]
        return parts
    }

    /// The parts that each take long: a file about the whole archive, or a list page of a
    /// hundred items or more, each item a section of its own for Mustache (a source page or a
    /// timeline month takes as long as fifty briefs).
    var isSlow: Bool {
        switch self {
        case .searchIndex, .archiveJSON, .feed, .timeline, .entityIndex, .briefList, .source: return true
        default: return false
        }
    }

    /// The files of a part that can be kept from the last build, and the key they are made from
    /// (`PageKeys`); nil for parts that are always made.
    func keyed(site: SiteIndex) -> (paths: [String], key: ContentHash)? {
        switch self {
        case .brief(let i):
            let brief = site.archive.briefs[i]
            return (["briefs/\(brief.id).html", "briefs/\(brief.id).md"], site.briefPageKey(brief))
        case .entity(let i):
            let entity = site.archive.entities[i]
            return (["entities/\(entity.id).html"], site.entityPageKey(entity))
        case .timeline(let page?):
            return (["timeline/\(page.file)"], site.timelinePageKey(page))
        case .source(let i, let page):
            let outlet = site.outlets[i]
            return ([SitePart.sourcePath(outlet, page: page)], site.sourcePageKey(outlet, page: page))
        default:
            return nil
        }
    }

    /// Page `page` of an outlet's articles: `sources/<outlet>.html`, then `sources/<outlet>/N.html`.
    static func sourcePath(_ outlet: SiteIndex.Outlet, page: Int) -> String {
        Pager.path(page, base: "sources/", first: "\(outlet.slug).html", folder: outlet.slug)
    }

    func pages(site: SiteIndex, templates: TemplateSet) throws(Diagnostic) -> [Page] {
        func html(_ path: String, _ template: String, _ context: Fields) throws(Diagnostic) -> [Page] {
            [Page(path: path, text: try templates.render(template, context))]
        }
        let archive = site.archive
        switch self {
        case .home: return try html("index.html", "home", site.homeContext())
        case .briefList(let page):
            // Page 1 is briefs/index.html; the others are in briefs/page/, where no brief's file can be.
            return try html(Pager.path(page, base: "briefs/", first: "index.html", folder: "page"), "brief-list",
                            site.briefListContext(page: page))
        case .brief(let i):
            let brief = archive.briefs[i]
            let markdown = SiteRenderer.briefMarkdownParts(brief)
            var source = Array(markdown.frontMatter.utf8)
            source += markdown.body.utf8
            return [Page(path: "briefs/\(brief.id).html", text: try templates.render("brief", site.briefContext(brief, body: markdown.body))),
                    Page(path: "briefs/\(brief.id).md", bytes: source)]
        case .redirect(let old, let new):
            return try html("briefs/\(old).html", "redirect", site.redirectContext(old: old, new: new))
        case .entityIndex: return try html("entities/index.html", "entity-index", site.entityIndexContext())
        case .entity(let i):
            let entity = archive.entities[i]
            return try html("entities/\(entity.id).html", "entity", site.entityContext(entity))
        case .timeline(let page):
            return try html("timeline/\(page?.file ?? "index.html")", "timeline", site.timelineContext(page: page))
        case .noteIndex: return try html("notes/index.html", "note-index", site.noteIndexContext())
        case .note(let i):
            let note = archive.notes[i]
            return try html("notes/\(note.id).html", "note", site.noteContext(note))
        case .tag(let i):
            let tag = site.tags[i]
            return try html("tags/\(tag.slug).html", "tag", site.tagContext(tag))
        case .sourceIndex: return try html("sources/index.html", "source-index", site.sourceIndexContext())
        case .source(let i, let page):
            let outlet = site.outlets[i]
            return try html(SitePart.sourcePath(outlet, page: page), "source", site.sourceContext(outlet, page: page))
        case .search: return try html("search.html", "search", site.searchPageContext())
        case .notFound: return try html("404.html", "404", site.notFoundContext())
        case .searchIndex: return SearchIndex.pages(site: site)
        case .archiveJSON: return [Page(path: "archive.json", bytes: ArchiveJSON.bytes(site: site))]
        case .feed: return [Page(path: "feed.xml", text: Feeds.atom(site: site))]
        }
    }
}
