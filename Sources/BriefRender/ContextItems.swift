import BriefModel
import Foundation

/// The list entries many pages share — a brief in a list, an entity chip — made once for the pages one
/// folder deep (`root` "../") instead of once for every page they appear on. Each entry also carries
/// its HTML, rendered once from its `Fragment`.
///
/// Made when a page first asks, from whichever rendering thread asks: a rebuild that keeps most
/// pages (`PageKeys`) needs few of them. Entries are never changed once made (hence
/// `@unchecked Sendable`: `Fields` is not `Sendable`; the slots are behind a lock).
final class ContextItems: @unchecked Sendable {
    static let root = "../"

    private let archive: Archive
    private let entityByID: [String: Entity]
    private let templates: TemplateSet
    /// Positions by id; empty when ids are not unique (then every page makes its own entries).
    private let briefIndex: [String: Int]
    private let entityIndex: [String: Int]
    private var briefSlots: [Fields?]
    /// Each entity's link with its chip.
    private var entitySlots: [Fields?]
    /// Related entities' links and rows by entity position and count of shared briefs (most counts
    /// are small, so each is shared by many entity pages).
    private var relatedRows: [RelatedKey: (link: Fields, row: String)] = [:]
    private struct RelatedKey: Hashable { var entity: Int; var count: Int }
    /// Each entity as a timeline entry names it (`Fragment.timelineEntity`).
    private var timelineSlots: [String?]
    private let lock = NSLock()

    /// briefPosition: each brief id's first position in the archive (`SiteIndex.briefPosition`).
    init(archive: Archive, briefPosition: [String: Int], entityByID: [String: Entity], templates: TemplateSet) {
        self.archive = archive
        self.entityByID = entityByID
        self.templates = templates
        var entities: [String: Int] = [:]
        if entityByID.count == archive.entities.count {
            for (i, e) in archive.entities.enumerated() { entities[e.id] = i }
        }
        briefIndex = briefPosition.count == archive.briefs.count ? briefPosition : [:]
        entityIndex = entities
        briefSlots = Array(repeating: nil, count: archive.briefs.count)
        entitySlots = Array(repeating: nil, count: archive.entities.count)
        timelineSlots = Array(repeating: nil, count: archive.entities.count)
    }

    /// The entry of brief `id` for pages one folder deep; nil when ids are not unique.
    func brief(_ id: String) -> Fields? {
        guard let i = briefIndex[id] else { return nil }
        return brief(at: i)
    }

    /// The entry of the brief at `position` in the archive, as `brief(_:)` gives it by id.
    func brief(at i: Int) -> Fields? {
        guard !briefIndex.isEmpty else { return nil }
        return slot(\.briefSlots, i) {
            ContextItems.briefItem(archive.briefs[i], root: ContextItems.root, templates: templates) { id in
                self.entity(id) ?? self.entityByID[id].map { ContextItems.entityLink($0, root: ContextItems.root, templates: self.templates) }
            }
        }
    }

    /// The link of entity `id` for pages one folder deep; nil when ids are not unique.
    func entity(_ id: String) -> Fields? {
        guard let i = entityIndex[id] else { return nil }
        return slot(\.entitySlots, i) { ContextItems.entityLink(archive.entities[i], root: ContextItems.root, templates: templates) }
    }

    /// The link of entity `id` for pages one folder deep with `count` (and no chip), as a related
    /// entity is listed; nil when ids are not unique.
    /// Made for each call: `related(_:count:)` keeps them, once per entity and count.
    func entity(_ id: String, count: Int) -> Fields? {
        entityIndex[id].map { ContextItems.entityLink(archive.entities[$0], root: ContextItems.root, count: count, templates: nil) }
    }

    /// Entity `id` as a related entity with `count` shared briefs: its link, as `entity(_:count:)`
    /// gives it, and its row rendered from `Fragment.relatedEntity` ("" without that fragment) for
    /// pages one folder deep; nil when ids are not unique. Both made once per entity and count: an
    /// entity page took the lock twice per related entity and copied its link's lists into a new
    /// link each time.
    func related(_ id: String, count: Int) -> (link: Fields, row: String)? {
        guard let i = entityIndex[id] else { return nil }
        let key = RelatedKey(entity: i, count: count)
        lock.lock()
        if let made = relatedRows[key] { lock.unlock(); return made }
        lock.unlock()
        guard let link = entity(id, count: count) else { return nil }
        let row = templates.names.contains(Fragment.relatedEntity) ? templates.fragment(Fragment.relatedEntity, link) : ""
        let made = (link, row)
        lock.lock(); relatedRows[key] = made; lock.unlock()
        return made
    }

    /// Entity `id` rendered from `Fragment.timelineEntity` for pages one folder deep; nil when
    /// ids are not unique.
    func timelineLink(_ id: String) -> String? {
        guard let i = entityIndex[id] else { return nil }
        return slot(\.timelineSlots, i) { ContextItems.timelineLink(archive.entities[i], root: ContextItems.root, templates: templates) }
    }

    /// What `slots[i]` holds, made by `make` the first time. Made outside the lock: two threads
    /// may both make one, and the same value wins either way.
    private func slot<Value>(_ slots: ReferenceWritableKeyPath<ContextItems, [Value?]>, _ i: Int, _ make: () -> Value) -> Value {
        lock.lock()
        if let made = self[keyPath: slots][i] { lock.unlock(); return made }
        lock.unlock()
        let made = make()
        lock.lock(); self[keyPath: slots][i] = made; lock.unlock()
        return made
    }

    /// An entity as a timeline entry names it. Its fragment sees only the entity's name, address
    /// and kind: the counts would make every timeline page's key depend on them (`PageKeys`).
    static func timelineLink(_ e: Entity, root: String, templates: TemplateSet) -> String {
        templates.fragment(Fragment.timelineEntity, ["name": TagText(e.name), "url": TagText("\(root)entities/\(e.id).html"),
                                                     "kind": TagText(e.kind.rawValue)])
    }

    /// A brief in a list; `entityLink` gives the chip of an entity id (nil when there is no such entity).
    /// Without `templates`, it has no `link` fragment.
    static func briefItem(_ b: Brief, root: String, templates: TemplateSet?, entityLink: (String) -> Fields?) -> Fields {
        let date = SiteIndex.sortDate(b)
        var d: Fields = [
            "id": TagText(b.id), "title": TagText(b.title), "url": TagText("\(root)briefs/\(b.id).html"),
            "date": TagText(date?.description ?? ""), "hasDate": date != nil,
            "summary": TagText(b.summary.joined(separator: " ")), "hasSummary": !b.summary.isEmpty,
            "sourceCount": TagText(b.sources.count), "sourcesPlural": b.sources.count != 1,
            "entities": b.entities.prefix(3).compactMap(entityLink),
        ]
        if let templates { d["link"] = TagText(templates.fragment(Fragment.briefLink, d)) }
        return d
    }

    /// An entity link; with `count` (shared briefs of a related entity), or without `templates`, it has no chip.
    static func entityLink(_ e: Entity, root: String, count: Int? = nil, templates: TemplateSet?) -> Fields {
        var d: Fields = ["name": TagText(e.name), "url": TagText("\(root)entities/\(e.id).html"), "kind": TagText(e.kind.rawValue),
                         "mentions": TagText(e.mentions), "briefCount": TagText(e.briefs.count)]
        if let count { d["count"] = TagText(count) } else if let templates { d = withChip(d, templates: templates) }
        return d
    }

    private static func withChip(_ link: Fields, templates: TemplateSet) -> Fields {
        link.with("chip", TagText(templates.fragment(Fragment.entityChip, link)))
    }
}
