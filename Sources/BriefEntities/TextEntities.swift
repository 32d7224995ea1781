/// What one text contributes to the entities, found from that text alone, the gazetteer, the
/// catalog and the statistics' answers for its capitalised words: its names grouped by the
/// name they resolve to inside the text, its role references and its quotes. A build keeps it
/// per text and finds it again only for a text that changed or one whose words' answers did.
public struct TextEntities: Sendable, Equatable {
    /// A role reference ("the Iranian President"), resolved once the people of the text are known.
    public struct Role: Sendable, Equatable {
        public var nationality: Int?
        public var role: String?
        public init(nationality: Int?, role: String?) { self.nationality = nationality; self.role = role }
    }

    /// A quote and who said it: a mention (index >= 0) or a role reference r (as -1 - r).
    public struct Quote: Sendable, Equatable {
        public var speaker: Int
        public var text: String
        public init(speaker: Int, text: String) { self.speaker = speaker; self.text = text }
    }

    /// The text's names, one node per name they resolve to, in order of first mention; their
    /// evidence is already summed, so the archive-wide nodes are sums of these.
    public var names: [NameNode] = []
    /// Per mention, in the order of the text: its node in `names`, or -1 when dropped (an
    /// ambiguous lone surname). The position keeps the order in which entities were first named.
    public var mentionNames: [Int] = []
    public var roles: [Role] = []
    public var quotes: [Quote] = []
    /// Lowercased words written with a capital (or all capitals) in the text: the only words whose
    /// statistics answers name finding asks for (`isJunk`, `hasNameEvidence` look at capitals only).
    public var consulted: [String] = []

    public init(names: [NameNode] = [], mentionNames: [Int] = [], roles: [Role] = [], quotes: [Quote] = [],
                consulted: [String] = []) {
        self.names = names; self.mentionNames = mentionNames; self.roles = roles; self.quotes = quotes
        self.consulted = consulted
    }

    /// Finds mentions, role references and quotes (quotes in briefs only), links partial names to
    /// the full names of the same text and groups the mentions by the name they stand for.
    static func find(in text: EntityText, isBrief: Bool, finder: MentionFinder) -> TextEntities {
        var mentions: [Mention] = []
        var references: [RoleReference] = []
        var found = TextEntities()
        var consulted = WordTable()   // each word once, by the hash its tokens carry
        var paragraph = 0
        EntityExtraction.forEachParagraph(text) { tokens, bytes, headline in
            for i in tokens.indices where tokens[i].kind == .word && (tokens[i].capitalized || tokens[i].allCaps) {
                consulted.number(tokens[i].lower, hash: tokens[i].lowerHash)
            }
            let firstMention = mentions.count, firstRole = references.count
            finder.find(tokens, headline: headline, text: 0, paragraph: paragraph, mentions: &mentions, roles: &references)
            if isBrief {
                var speakers: [QuoteFinder.Speaker] = []
                for m in firstMention..<mentions.count { speakers.append(.init(tokens: mentions[m].tokens, ref: m)) }
                for r in firstRole..<references.count { speakers.append(.init(tokens: references[r].tokens, ref: -1 - r)) }
                for q in QuoteFinder.find(tokens, bytes: bytes, speakers: speakers) {
                    found.quotes.append(Quote(speaker: q.speaker, text: q.text))
                }
            }
            paragraph += 1
        }
        found.consulted = consulted.words.sorted()
        found.roles = references.map { Role(nationality: $0.nationality, role: $0.role) }
        found.group(mentions, isBrief: isBrief, gazetteer: finder.gazetteer, catalog: finder.catalog)
        return found
    }

    /// One node per name key, made from the mention carrying the full name (the same keys and
    /// words the archive-wide resolution gives it).
    private mutating func group(_ mentions: [Mention], isBrief: Bool, gazetteer: Gazetteer, catalog: EntityCatalog) {
        let targets = TextNameLinks.targets(mentions, gazetteer: gazetteer, catalog: catalog)
        var index = WordIndex()   // node key -> node
        mentionNames.reserveCapacity(mentions.count)
        for (m, mention) in mentions.enumerated() {
            guard targets[m] != -1 else { mentionNames.append(-1); continue }
            let target = mentions[targets[m] ?? m]
            let key: String
            switch target.known {
            case .catalog(let i)?: key = "#c\(i)"
            case .gazetteer(let i)?: key = "#g\(i)"
            case nil: key = NameNode.key(lowerWords: target.lowerWords)
            }
            let hash = WordHash.of(key)   // once for the look-up and the insertion
            let node: Int
            if let existing = index[key, hash: hash] {
                node = existing
            } else {
                let words: [String]
                switch target.known {
                case .catalog(let i)?: words = catalog.names.nameWords[i]
                case .gazetteer(let i)?: words = gazetteer.names.nameWords[i]
                case nil: words = target.lowerWords
                }
                node = names.count
                index[key, hash: hash] = node
                names.append(NameNode(key: key, known: target.known, words: words))
            }
            names[node].absorb(mention, isBrief: isBrief)
            mentionNames.append(node)
        }
    }
}
