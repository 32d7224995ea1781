import BriefModel

/// The list entries many pages share — a brief in a list, an entity chip — made once for the pages one
/// folder deep (`root` "../") instead of once for every page they appear on. Never changed after init
/// (hence `@unchecked Sendable`: `[String: Any]` is not `Sendable`).
///
/// Each entry also carries its HTML, rendered once from a fragment template (like Hugo's
/// `partialCached`): a brief is listed on the page of every entity it mentions and an entity on every
/// brief that mentions it, and rendering those lists tag by tag was most of the site's Mustache time.
struct ContextItems: @unchecked Sendable {
    static let root = "../"
    /// `link` of a brief item: how entity pages list a brief.
    static let briefLink = "brief-link"
    /// `chip` of an entity link: how brief pages list an entity.
    static let entityChip = "entity-chip"
    /// Every page's `header` and `footer` (see `Chrome`).
    static let header = "header", footer = "footer"

    /// By brief id; empty when brief ids are not unique (then every page makes its own).
    let briefs: [String: [String: Any]]
    /// By entity id; empty when entity ids are not unique.
    let entities: [String: [String: Any]]

    init(archive: Archive, briefByID: [String: Brief], entityByID: [String: Entity], templates: TemplateSet) {
        var entities: [String: [String: Any]] = [:]
        if entityByID.count == archive.entities.count {
            entities.reserveCapacity(archive.entities.count)
            for e in archive.entities { entities[e.id] = ContextItems.entityLink(e, root: ContextItems.root, templates: templates) }
        }
        var briefs: [String: [String: Any]] = [:]
        if briefByID.count == archive.briefs.count {
            briefs.reserveCapacity(archive.briefs.count)
            // Read-only from here on, shared by the threads that render the briefs' links.
            nonisolated(unsafe) let chips = entities
            let made = parallelMap(archive.briefs) { b in
                Item(value: ContextItems.briefItem(b, root: ContextItems.root, templates: templates) { id in
                    chips[id] ?? entityByID[id].map { ContextItems.entityLink($0, root: ContextItems.root, templates: templates) }
                })
            }
            for (b, item) in zip(archive.briefs, made) { briefs[b.id] = item.value }
        }
        self.briefs = briefs
        self.entities = entities
    }

    /// Both fragments exist (checked once, so that rendering them cannot fail later).
    static func check(_ templates: TemplateSet) throws(Diagnostic) {
        for name in [briefLink, entityChip, header, footer] where !templates.names.contains(name) {
            throw Diagnostic(.error, file: "\(templates.folderName)/\(name).mustache",
                             "template is missing: page headers and footers, brief lists and entity chips are rendered from these fragments")
        }
    }

    /// A brief in a list; `entityLink` gives the chip of an entity id (nil when there is no such entity).
    static func briefItem(_ b: Brief, root: String, templates: TemplateSet, entityLink: (String) -> [String: Any]?) -> [String: Any] {
        let date = SiteIndex.sortDate(b)
        var d: [String: Any] = [
            "id": b.id, "title": b.title, "url": "\(root)briefs/\(b.id).html",
            "date": date?.description ?? "", "hasDate": date != nil,
            "summary": b.summary.joined(separator: " "), "hasSummary": !b.summary.isEmpty,
            "sourceCount": b.sources.count, "sourcesPlural": b.sources.count != 1,
            "entities": b.entities.prefix(3).compactMap(entityLink),
        ]
        d["link"] = templates.fragment(briefLink, d)
        return d
    }

    /// An entity link; with `count` (shared briefs of a related entity) it has no chip.
    static func entityLink(_ e: Entity, root: String, count: Int? = nil, templates: TemplateSet) -> [String: Any] {
        var d: [String: Any] = ["name": e.name, "url": "\(root)entities/\(e.id).html", "kind": e.kind.rawValue,
                                "mentions": e.mentions, "briefCount": e.briefs.count]
        if let count { d["count"] = count } else { d["chip"] = templates.fragment(entityChip, d) }
        return d
    }
}

/// Which header and footer a page has: its depth in the site and its section.
struct ChromeKey: Hashable, Sendable {
    var root: String
    var nav: String
}

/// A page's header and footer, rendered once per folder depth and section instead of once per
/// page: the same navigation markup on fifteen thousand pages was a fifth of the site's Mustache work.
struct Chrome: Sendable {
    var header: String
    var footer: String

    init(_ templates: TemplateSet, _ context: [String: Any]) {
        header = templates.fragment(ContextItems.header, context)
        footer = templates.fragment(ContextItems.footer, context)
    }
}

/// A parallel map's results cross threads; these dictionaries are never changed afterwards.
private struct Item: @unchecked Sendable { let value: [String: Any] }

extension TemplateSet {
    /// A fragment checked by `ContextItems.check`, rendered with the same HTML escaping as pages.
    /// The final newline of its file is not part of it: the page's template places it.
    func fragment(_ name: String, _ context: [String: Any]) -> String {
        var html = library.render(context, withTemplate: name) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        return html
    }
}
