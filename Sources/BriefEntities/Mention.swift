import BriefModel

/// Evidence for what kind of thing a name is; summed over all its mentions.
public struct KindVotes: Sendable, Equatable {
    public var person = 0, organization = 0, place = 0

    public init(person: Int = 0, organization: Int = 0, place: Int = 0) {
        self.person = person; self.organization = organization; self.place = place
    }

    public mutating func add(_ other: KindVotes) {
        person += other.person; organization += other.organization; place += other.place
    }

    /// The kind with most evidence, or nil when nothing speaks for any.
    var winner: Entity.Kind? {
        let best = max(person, organization, place)
        guard best > 0 else { return nil }
        if person == best { return .person }
        if organization == best { return .organization }
        return .place
    }
}

/// Where a name was already known before extraction.
public enum KnownName: Hashable, Sendable {
    case catalog(Int)
    case gazetteer(Int)
}

/// One occurrence of a name in a text.
struct Mention {
    var text: Int
    var paragraph: Int
    /// Token range in the paragraph, for quote attribution.
    var tokens: Range<Int>
    /// As written, titles removed, honorifics kept: what becomes an alias.
    var surface: String
    /// Name words without titles, honorifics and initials, as written.
    var words: [String]
    /// `words` lowercased: the tokens' own lowercase, so nothing downstream lowers them again.
    var lowerWords: [String] = []
    var known: KnownName?
    var votes = KindVotes()
    /// Gazetteer entry of the country a demonym in front gave ("Russian President ...").
    var nationality: Int?
    /// Role title in front ("president"), lowercased.
    var role: String?
    /// Acronym written in brackets right after the name: "Central Election Commission (CEC)".
    var bracketAcronym: String?

    var isAcronym: Bool {
        words.count == 1 && words[0].unicodeScalars.count >= 2 && NameNode.isCapitals(words[0])
    }
}

/// A nameless reference to a person by role: "the Iranian President", "his Russian counterpart".
struct RoleReference {
    var text: Int
    var paragraph: Int
    var tokens: Range<Int>
    var nationality: Int?
    var role: String?
}
