/// A person, organisation or place, with every name it goes by resolved to it.
public struct Entity: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, organization, place, other
    }

    public struct Quote: Sendable, Hashable {
        public var text: String
        public var brief: String
        public init(text: String, brief: String) { self.text = text; self.brief = brief }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var aliases: [String]
    public var description: String?
    /// Brief ids in which it is mentioned.
    public var briefs: [String]
    /// Note ids that mention or link it.
    public var notes: [String] = []
    public var mentions: Int
    /// Co-occurring entities with the number of briefs they share, most first.
    public var related: [(id: String, count: Int)] = []
    public var quotes: [Quote] = []

    public init(id: String, name: String, kind: Kind, aliases: [String], description: String?,
                briefs: [String], mentions: Int) {
        self.id = id; self.name = name; self.kind = kind; self.aliases = aliases
        self.description = description; self.briefs = briefs; self.mentions = mentions
    }
}
