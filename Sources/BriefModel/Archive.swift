/// Everything the site shows, resolved and linked; the input of rendering.
public struct Archive: Sendable {
    public struct TimelineEntry: Sendable, Hashable {
        public enum Kind: String, Sendable { case brief, note }
        public var date: DayDate?
        public var kind: Kind
        public var id: String
        public init(date: DayDate?, kind: Kind, id: String) { self.date = date; self.kind = kind; self.id = id }
    }

    public var config: SiteConfig
    public var briefs: [Brief]
    public var entities: [Entity]
    public var notes: [Note]
    /// Dated entries in date order, then undated ones.
    public var timeline: [TimelineEntry]
    /// Old brief id -> the id it merged into.
    public var redirects: [String: String]

    public init(config: SiteConfig, briefs: [Brief], entities: [Entity], notes: [Note],
                timeline: [TimelineEntry], redirects: [String: String]) {
        self.config = config; self.briefs = briefs; self.entities = entities; self.notes = notes
        self.timeline = timeline; self.redirects = redirects
    }
}
