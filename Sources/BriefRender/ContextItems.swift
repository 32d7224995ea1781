import BriefModel

/// The list entries many pages share — a brief in a list, an entity chip — made once for the pages one
/// folder deep (`root` "../") instead of once for every page they appear on. Never changed after init
/// (hence `@unchecked Sendable`: `[String: Any]` is not `Sendable`).
///
/// Each entry also carries its HTML, rendered once from its `Fragment`.
struct ContextItems: @unchecked Sendable {
    static let root = "../"

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
        d["link"] = templates.fragment(Fragment.briefLink, d)
        return d
    }

    /// An entity link; with `count` (shared briefs of a related entity) it has no chip.
    static func entityLink(_ e: Entity, root: String, count: Int? = nil, templates: TemplateSet) -> [String: Any] {
        var d: [String: Any] = ["name": e.name, "url": "\(root)entities/\(e.id).html", "kind": e.kind.rawValue,
                                "mentions": e.mentions, "briefCount": e.briefs.count]
        if let count { d["count"] = count } else { d["chip"] = templates.fragment(Fragment.entityChip, d) }
        return d
    }
}

/// A parallel map's results cross threads; these dictionaries are never changed afterwards.
private struct Item: @unchecked Sendable { let value: [String: Any] }
