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
        var statistics = NameStatistics()
        for text in texts {
            forEachParagraph(text) { tokens, _, headline in statistics.add(tokens, headline: headline) }
        }
        let finder = MentionFinder(gazetteer: gazetteer, catalog: catalog, statistics: statistics)
        var mentions: [Mention] = []
        var roles: [RoleReference] = []
        var quotes: [(text: Int, speaker: QuoteSpeaker, quote: String)] = []
        for (index, text) in texts.enumerated() {
            var paragraph = 0
            forEachParagraph(text) { tokens, scalars, headline in
                let firstMention = mentions.count, firstRole = roles.count
                finder.find(tokens, headline: headline, text: index, paragraph: paragraph,
                            mentions: &mentions, roles: &roles)
                if index < briefs.count {
                    var speakers: [QuoteFinder.Speaker] = []
                    for m in firstMention..<mentions.count { speakers.append(.init(tokens: mentions[m].tokens, ref: m)) }
                    for r in firstRole..<roles.count { speakers.append(.init(tokens: roles[r].tokens, ref: -1 - r)) }
                    for found in QuoteFinder.find(tokens, scalars: scalars, speakers: speakers) {
                        let speaker: QuoteSpeaker = found.speaker >= 0 ? .mention(found.speaker) : .role(-1 - found.speaker)
                        quotes.append((index, speaker, found.text))
                    }
                }
                paragraph += 1
            }
        }
        var resolver = EntityResolver(gazetteer: gazetteer, catalog: catalog)
        resolver.resolve(mentions, briefCount: briefs.count)
        var assembly = EntityAssembly(gazetteer: gazetteer, catalog: catalog, statistics: statistics,
                                      texts: texts, briefCount: briefs.count)
        return assembly.build(resolver: &resolver, mentions: mentions, roles: roles, quotes: quotes)
    }

    enum QuoteSpeaker { case mention(Int), role(Int) }

    /// Title first, then each paragraph, as tokens with the headline flag.
    private static func forEachParagraph(_ text: EntityText, _ body: ([Token], [Unicode.Scalar], Bool) -> Void) {
        for paragraph in [text.title] + text.paragraphs where !paragraph.isEmpty {
            let scalars = Array(paragraph.unicodeScalars)
            let tokens = TextScanner.tokens(scalars)
            body(tokens, scalars, NameStatistics.isHeadline(tokens))
        }
    }
}
