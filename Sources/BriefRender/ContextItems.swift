import BriefModel

/// The list entries many pages share — a brief in a list, an entity chip — made once for the pages one
/// folder deep (`root` "../") instead of once for every page they appear on. Never changed after init
/// (hence `@unchecked Sendable`: `[String: Any]` is not `Sendable`).
struct ContextItems: @unchecked Sendable {
    static let root = "../"
    /// By brief id; empty when brief ids are not unique (then every page makes its own).
    let briefs: [String: [String: Any]]
    /// By entity id; empty when entity ids are not unique.
    let entities: [String: [String: Any]]

    init(archive: Archive, briefByID: [String: Brief], entityByID: [String: Entity]) {
        var entities: [String: [String: Any]] = [:]
        if entityByID.count == archive.entities.count {
            entities.reserveCapacity(archive.entities.count)
            for e in archive.entities { entities[e.id] = ContextItems.entityLink(e, root: ContextItems.root) }
        }
        var briefs: [String: [String: Any]] = [:]
        if briefByID.count == archive.briefs.count {
            briefs.reserveCapacity(archive.briefs.count)
            for b in archive.briefs {
                briefs[b.id] = ContextItems.briefItem(b, root: ContextItems.root) { id in
                    entities[id] ?? entityByID[id].map { ContextItems.entityLink($0, root: ContextItems.root) }
                }
            }
        }
        self.briefs = briefs
        self.entities = entities
    }

    /// A brief in a list; `entityLink` gives the chip of an entity id (nil when there is no such entity).
    static func briefItem(_ b: Brief, root: String, entityLink: (String) -> [String: Any]?) -> [String: Any] {
        let date = SiteIndex.sortDate(b)
        return [
            "id": b.id, "title": b.title, "url": "\(root)briefs/\(b.id).html",
            "date": date?.description ?? "", "hasDate": date != nil,
            "summary": b.summary.joined(separator: " "), "hasSummary": !b.summary.isEmpty,
            "sourceCount": b.sources.count, "sourcesPlural": b.sources.count != 1,
            "entities": b.entities.prefix(3).compactMap(entityLink),
        ]
    }

    static func entityLink(_ e: Entity, root: String, count: Int? = nil) -> [String: Any] {
        var d: [String: Any] = ["name": e.name, "url": "\(root)entities/\(e.id).html", "kind": e.kind.rawValue,
                                "mentions": e.mentions, "briefCount": e.briefs.count]
        if let count { d["count"] = count }
        return d
    }
}
