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
    /// Reads the built-in gazetteer now (~10 ms), on the caller's thread: a build calls it on a
    /// spare thread early, so that finding names does not start with it on one core.
    public static func loadGazetteer() {
        _ = Gazetteer.shared
    }

    public static func resolve(briefs: [EntityText], notes: [EntityText], catalog: EntityCatalog) -> EntityResult {
        let texts = briefs + notes
        let statistics = statistics(of: texts)
        let found = findings(in: texts, briefCount: briefs.count, statistics: statistics, catalog: catalog)
        return assemble(found, ids: texts.map(\.id), briefCount: briefs.count, statistics: statistics, catalog: catalog)
    }

    /// Pass 1 for the whole archive: how its words are written, summed over all texts on all cores.
    public static func statistics(of texts: [EntityText]) -> NameStatistics {
        var statistics = NameStatistics()
        for part in parallelMap(chunked(texts.count), { range -> NameStatistics in
            var partial = NameStatistics()
            for text in texts[range] {
                forEachParagraph(text) { tokens, _, headline in partial.add(tokens, headline: headline) }
            }
            return partial
        }) { statistics.add(part) }
        return statistics
    }

    /// Pass 2, text by text on all cores: the first `briefCount` texts are briefs (quotes are
    /// taken from briefs only).
    public static func findings(in texts: [EntityText], briefCount: Int, statistics: NameStatistics,
                                catalog: EntityCatalog) -> [TextEntities] {
        findings(in: texts, isBrief: { $0 < briefCount }, statistics: statistics, catalog: catalog)
    }

    public static func findings(in texts: [EntityText], isBrief: (Int) -> Bool, statistics: NameStatistics,
                                catalog: EntityCatalog) -> [TextEntities] {
        let finder = MentionFinder(gazetteer: Gazetteer.shared, catalog: catalog, statistics: statistics)
        let briefs = texts.indices.map(isBrief)
        return parallelMap(chunked(texts.count)) { range -> [TextEntities] in
            range.map { TextEntities.find(in: texts[$0], isBrief: briefs[$0], finder: finder) }
        }.flatMap { $0 }
    }

    /// Resolves the names of all texts (`ids` in the order of `found`, briefs first) to entities.
    public static func assemble(_ found: [TextEntities], ids: [String], briefCount: Int, statistics: NameStatistics,
                                catalog: EntityCatalog) -> EntityResult {
        assemble(NameSum.parts(found), ids: ids, briefCount: briefCount, statistics: statistics, catalog: catalog)
    }

    /// The same from the texts summed in parts, in order.
    public static func assemble(_ parts: [NameSum], ids: [String], briefCount: Int, statistics: NameStatistics,
                                catalog: EntityCatalog) -> EntityResult {
        let gazetteer = Gazetteer.shared
        var roles: [(text: Int, role: TextEntities.Role)] = []
        var quotes: [(text: Int, speaker: QuoteSpeaker, quote: String)] = []
        // Quote speakers to indices of the archive: mentions and roles before their text's.
        var t0 = 0, mentionsBefore = 0
        for part in parts {
            var m0 = 0, r0 = 0   // of the part's text at hand
            var mentionStart: [Int] = [], roleStart: [Int] = []
            for count in part.mentions { mentionStart.append(m0); m0 += count }
            var roleCount = [Int](repeating: 0, count: part.mentions.count)
            for r in part.roles { roleCount[r.text] += 1 }
            for count in roleCount { roleStart.append(r0); r0 += count }
            let globalMentions = mentionsBefore
            let globalRoles = roles.count
            for r in part.roles { roles.append((t0 + r.text, r.role)) }
            for q in part.quotes {
                let s = q.quote.speaker
                let speaker: QuoteSpeaker = s >= 0 ? .mention(globalMentions + mentionStart[q.text] + s)
                    : .role(globalRoles + roleStart[q.text] + (-1 - s))
                quotes.append((t0 + q.text, speaker, q.quote.text))
            }
            mentionsBefore += m0
            t0 += part.textCount
        }
        var resolver = EntityResolver(gazetteer: gazetteer, catalog: catalog)
        resolver.resolve(parts)
        var assembly = EntityAssembly(gazetteer: gazetteer, catalog: catalog, statistics: statistics,
                                      ids: ids, briefCount: briefCount)
        return assembly.build(resolver: &resolver, roles: roles, quotes: quotes)
    }

    enum QuoteSpeaker { case mention(Int), role(Int) }

    /// Ranges of text indices for the parallel passes: a few per core, so uneven texts even out.
    private static func chunked(_ count: Int) -> [Range<Int>] {
        indexRanges(count, size: max(16, count / 64))
    }

    /// Title first, then each paragraph, as tokens (offsets into its UTF-8 bytes) with the headline flag.
    static func forEachParagraph(_ text: EntityText, _ body: ([Token], UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        func scan(_ paragraph: String) {
            guard !paragraph.isEmpty else { return }
            var paragraph = paragraph
            paragraph.withUTF8 { bytes in
                let tokens = TextScanner.tokens(bytes)
                body(tokens, bytes, NameStatistics.isHeadline(tokens))
            }
        }
        scan(text.title)
        for paragraph in text.paragraphs { scan(paragraph) }
    }
}
