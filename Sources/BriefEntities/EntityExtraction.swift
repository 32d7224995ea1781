import BriefModel

/// A text to find entities in: a brief (its title and all paragraphs) or a note.
public struct EntityText: Sendable {
    public var id: String
    public var title: String
    public var paragraphs: [String]
    public init(id: String, title: String, paragraphs: [String]) {
        self.id = id; self.title = title; self.paragraphs = paragraphs
    }
}

public struct EntityResult: Sendable {
    /// With briefs, notes, mentions, related and quotes filled; most mentioned first.
    public var entities: [Entity]
    /// Brief id -> entity ids, most mentioned first.
    public var briefEntities: [String: [String]]
    /// Note id -> entity ids, most mentioned first.
    public var noteEntities: [String: [String]]
    /// Lowercased name or alias -> entity id, for `[[wikilinks]]`.
    public var aliasIndex: [String: String]

    public init(entities: [Entity], briefEntities: [String: [String]], noteEntities: [String: [String]], aliasIndex: [String: String]) {
        self.entities = entities; self.briefEntities = briefEntities; self.noteEntities = noteEntities; self.aliasIndex = aliasIndex
    }
}

/// Finds people, organisations and places in briefs and notes and resolves them to entities.
///
/// Two passes over the text: the first counts how each word is written across the archive
/// (so "Turning" at a sentence start is not taken for a name), the second finds mentions,
/// role references and quotes. Then mentions are resolved to entities. Notes only link to
/// entities the briefs (or the catalog) have.
public enum EntityExtraction {
    public static func resolve(briefs: [EntityText], notes: [EntityText], catalog: EntityCatalog) -> EntityResult {
        let gazetteer = Gazetteer.shared
        let texts = briefs + notes
        // Both passes work text by text, on all cores: counts are summed, mentions concatenated.
        let chunks = chunked(texts.count)
        var statistics = NameStatistics()
        for part in parallelMap(chunks, { range -> NameStatistics in
            var partial = NameStatistics()
            for text in texts[range] {
                forEachParagraph(text) { tokens, _, headline in partial.add(tokens, headline: headline) }
            }
            return partial
        }) { statistics.add(part) }
        let finder = MentionFinder(gazetteer: gazetteer, catalog: catalog, statistics: statistics)
        var found = parallelMap(chunks) { range -> TextFindings in
            var f = TextFindings()
            for index in range { find(in: texts[index], index: index, isBrief: index < briefs.count, finder: finder, into: &f) }
            return f
        }
        var mentions: [Mention] = []
        var roles: [RoleReference] = []
        var quotes: [(text: Int, speaker: QuoteSpeaker, quote: String)] = []
        mentions.reserveCapacity(found.reduce(0) { $0 + $1.mentions.count })
        roles.reserveCapacity(found.reduce(0) { $0 + $1.roles.count })
        for k in found.indices {
            // Each chunk is let go once copied: holding them all beside the joined arrays
            // doubled the stage's memory (over 400 MB of mentions at 50,000 articles).
            let f = found[k]
            found[k] = TextFindings()
            let m0 = mentions.count, r0 = roles.count
            mentions += f.mentions
            roles += f.roles
            for q in f.quotes {
                switch q.speaker {
                case .mention(let m): quotes.append((q.text, .mention(m + m0), q.quote))
                case .role(let r): quotes.append((q.text, .role(r + r0), q.quote))
                }
            }
        }
        var resolver = EntityResolver(gazetteer: gazetteer, catalog: catalog)
        resolver.resolve(mentions, briefCount: briefs.count)
        var assembly = EntityAssembly(gazetteer: gazetteer, catalog: catalog, statistics: statistics,
                                      texts: texts, briefCount: briefs.count)
        return assembly.build(resolver: &resolver, mentions: mentions, roles: roles, quotes: quotes)
    }

    enum QuoteSpeaker { case mention(Int), role(Int) }

    /// Mentions, role references and quotes of some texts; speaker indices are local to these arrays.
    struct TextFindings: Sendable {
        var mentions: [Mention] = []
        var roles: [RoleReference] = []
        var quotes: [(text: Int, speaker: QuoteSpeaker, quote: String)] = []
    }

    /// Ranges of text indices for the parallel passes: a few per core, so uneven texts even out.
    private static func chunked(_ count: Int) -> [Range<Int>] {
        let size = max(16, count / 64)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    private static func find(in text: EntityText, index: Int, isBrief: Bool, finder: MentionFinder, into f: inout TextFindings) {
        var paragraph = 0
        forEachParagraph(text) { tokens, scalars, headline in
            let firstMention = f.mentions.count, firstRole = f.roles.count
            finder.find(tokens, headline: headline, text: index, paragraph: paragraph,
                        mentions: &f.mentions, roles: &f.roles)
            if isBrief {
                var speakers: [QuoteFinder.Speaker] = []
                for m in firstMention..<f.mentions.count { speakers.append(.init(tokens: f.mentions[m].tokens, ref: m)) }
                for r in firstRole..<f.roles.count { speakers.append(.init(tokens: f.roles[r].tokens, ref: -1 - r)) }
                for q in QuoteFinder.find(tokens, scalars: scalars, speakers: speakers) {
                    let speaker: QuoteSpeaker = q.speaker >= 0 ? .mention(q.speaker) : .role(-1 - q.speaker)
                    f.quotes.append((index, speaker, q.text))
                }
            }
            paragraph += 1
        }
    }

    /// Title first, then each paragraph, as tokens with the headline flag.
    private static func forEachParagraph(_ text: EntityText, _ body: ([Token], [Unicode.Scalar], Bool) -> Void) {
        for paragraph in [text.title] + text.paragraphs where !paragraph.isEmpty {
            let scalars = Array(paragraph.unicodeScalars)
            let tokens = TextScanner.tokens(scalars)
            body(tokens, scalars, NameStatistics.isHeadline(tokens))
        }
    }
}
