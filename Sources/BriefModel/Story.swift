/// Reports of one event, merged: the unit a brief is made from.
public struct Story: Sendable {
    public enum Role: Sendable, Hashable {
        /// The report whose text the brief shows.
        case lead
        /// The same text as another source (file given).
        case copy(of: String)
        /// Another outlet's report of the same event.
        case report
    }

    public struct Member: Sendable {
        public var article: Article
        public var role: Role
        public init(article: Article, role: Role) { self.article = article; self.role = role }
    }

    public var id: String
    public var members: [Member]
    /// Ids this story had in earlier builds before it merged with others; they get redirects.
    public var formerIDs: [String] = []

    public init(id: String, members: [Member]) { self.id = id; self.members = members }

    public var lead: Article { members.first { $0.role == .lead }?.article ?? members[0].article }
}
