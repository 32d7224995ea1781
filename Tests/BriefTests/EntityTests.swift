import BriefModel
import Foundation
import XCTest
@testable import BriefEntities

final class EntityTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let seedFolder = root.appendingPathComponent("../../Content/articles").standardized
    private static let ecbFolder = root.appendingPathComponent("Fixtures/ecbplus-entities")

    /// Paragraphs of a file: blocks between blank lines, whole text, boilerplate and all.
    private static func paragraphs(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    private static func seedFile(_ prefix: String) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedFolder.path)
        let name = try XCTUnwrap(names.first { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") })
        return seedFolder.appendingPathComponent(name)
    }

    /// The seed archive: stories {000, 001, 002}, {003}, {004}, each brief holding all its texts.
    static func seedBriefs() throws -> [EntityText] {
        func brief(_ id: String, _ title: String, _ files: [String]) throws -> EntityText {
            EntityText(id: id, title: title, paragraphs: try files.flatMap { try paragraphs(seedFile($0)) })
        }
        return [
            try brief("raisi-meets-putin-in-moscow", "Raisi meets Putin in Moscow", ["000", "001", "002"]),
            try brief("raeisi-visits-moscow-2022", "Iran, Russia should foster cooperation amid Western sanctions", ["003"]),
            try brief("putin-raisi-phone-call-2024", "Russia, Iran share positions regarding Palestine issue", ["004"]),
        ]
    }

    private func entity(_ result: EntityResult, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Entity? {
        let matches = result.entities.filter { $0.name == name }
        XCTAssertEqual(matches.count, 1, "exactly one entity named \(name)", file: file, line: line)
        return matches.first
    }

    func testSeedEntities() throws {
        let briefs = try Self.seedBriefs()
        let result = EntityExtraction.resolve(briefs: briefs, notes: [], catalog: .empty)
        for e in result.entities {
            print("ENTITY \(e.id) [\(e.kind.rawValue)] \(e.name) m=\(e.mentions) briefs=\(e.briefs.count) aliases=\(e.aliases) quotes=\(e.quotes.count)")
        }
        let all = briefs.map(\.id)
        let raisi = try XCTUnwrap(entity(result, "Ebrahim Raisi"))
        XCTAssertEqual(raisi.kind, .person)
        XCTAssertEqual(Set(raisi.briefs), Set(all))
        XCTAssertTrue(raisi.aliases.contains("Raeisi"))
        XCTAssertTrue(raisi.aliases.contains("Seyyed Ebrahim Raeisi"))
        XCTAssertEqual(result.entities.filter { $0.name.contains("Raisi") || $0.name.contains("Raeisi") }.count, 1)
        let putin = try XCTUnwrap(entity(result, "Vladimir Putin"))
        XCTAssertEqual(putin.kind, .person)
        XCTAssertEqual(Set(putin.briefs), Set(all))
        XCTAssertEqual(result.entities.filter { $0.name.contains("Putin") }.count, 1)
        for place in ["Iran", "Russia", "Gaza"] {
            XCTAssertEqual(entity(result, place)?.kind, .place, place)
        }
        for place in ["Syria", "Afghanistan"] {
            XCTAssertEqual(entity(result, place)?.briefs, ["raeisi-visits-moscow-2022"], place)
        }
        for org in ["BRICS", "Shanghai Cooperation Organization"] {
            XCTAssertEqual(entity(result, org)?.briefs, ["putin-raisi-phone-call-2024"], org)
            XCTAssertEqual(entity(result, org)?.kind, .organization, org)
        }
        for agency in ["Xinhua", "Islamic Republic News Agency", "TASS", "RIA Novosti"] {
            XCTAssertEqual(entity(result, agency)?.kind, .organization, agency)
        }
        XCTAssertTrue(try XCTUnwrap(entity(result, "Islamic Republic News Agency")).aliases.contains("IRNA"))
        let junk: Set<String> = ["thursday", "wednesday", "tuesday", "the", "he", "read more", "previous story",
                                 "next story", "president", "iranian", "russian", "raisi", "putin"]
        for e in result.entities {
            XCTAssertFalse(junk.contains(e.name.lowercased()), "junk entity \(e.name)")
        }
        // Most mentioned first: Iran and Gaza are written more often than either president.
        let top = try XCTUnwrap(result.briefEntities["raisi-meets-putin-in-moscow"]).prefix(4)
        XCTAssertTrue(top.contains(raisi.id) && top.contains(putin.id), "\(top)")
        XCTAssertEqual(result.aliasIndex["raeisi"], raisi.id)
        XCTAssertEqual(result.aliasIndex["putin"], putin.id)
        XCTAssertEqual(Set(result.entities.map(\.id)).count, result.entities.count, "ids unique")
        // Quotes go to the person who said them.
        XCTAssertTrue(putin.quotes.contains { $0.text.hasPrefix("Thanks to our efforts") && $0.brief == "raeisi-visits-moscow-2022" })
        XCTAssertTrue(raisi.quotes.contains { $0.text.hasPrefix("Israel’s crimes") })
        XCTAssertTrue(raisi.quotes.contains { $0.text.hasPrefix("We have been resisting") })
        XCTAssertTrue(putin.related.contains { $0.id == raisi.id && $0.count == 3 })
    }

    func testRoleReferencesCountForThePerson() throws {
        let text = EntityText(id: "b", title: "", paragraphs: [
            "Iranian President Ebrahim Raisi met Russian President Vladimir Putin in Moscow.",
            "The Russian president said ties were good. The Iranian president agreed.",
            "His Russian counterpart smiled.",
        ])
        let result = EntityExtraction.resolve(briefs: [text], notes: [], catalog: .empty)
        XCTAssertEqual(entity(result, "Vladimir Putin")?.mentions, 3)
        XCTAssertEqual(entity(result, "Ebrahim Raisi")?.mentions, 2)
    }

    func testSharedSurnameIsTwoPeople() {
        let texts = [
            EntityText(id: "a", title: "", paragraphs: ["Prosecutor John Smith said the case was strong. Smith spoke on Monday."]),
            EntityText(id: "b", title: "", paragraphs: ["Defender Mary Smith, 40, said the case was weak, and Smith left."]),
            EntityText(id: "c", title: "", paragraphs: ["Reporters asked John Smith and Mary Smith; Smith declined."]),
        ]
        let result = EntityExtraction.resolve(briefs: texts, notes: [], catalog: .empty)
        XCTAssertEqual(entity(result, "John Smith")?.briefs, ["a", "c"])
        XCTAssertEqual(entity(result, "Mary Smith")?.briefs, ["b", "c"])
        XCTAssertFalse(result.entities.contains { $0.name == "Smith" })
    }

    func testAcronymsAndUSVariants() {
        let texts = [
            EntityText(id: "a", title: "", paragraphs: [
                "The Central Election Commission (CEC) met. The CEC said the U.S. and the United States of America agreed.",
            ]),
            EntityText(id: "b", title: "", paragraphs: ["Officials in the US said the CEC would decide."]),
        ]
        let result = EntityExtraction.resolve(briefs: texts, notes: [], catalog: .empty)
        let cec = entity(result, "Central Election Commission")
        XCTAssertEqual(cec?.kind, .organization)
        XCTAssertEqual(cec?.briefs, ["a", "b"])
        XCTAssertEqual(entity(result, "United States")?.briefs, ["a", "b"])
        XCTAssertFalse(result.entities.contains { $0.name == "CEC" || $0.name == "US" })
    }

    /// Tokens are cut from the paragraph's UTF-8 bytes: offsets in bytes, lengths in scalars, the
    /// text without the dots of "U.S." or a possessive, "’" written "'"; quotes cut from the bytes.
    func testTokensOfNonASCIIText() {
        let paragraph = "“Ça va très bien,\u{00A0}” said Zoë O’Neal, the U.S. envoy’s aide."
        let tokens = TextScanner.tokens(paragraph).filter { $0.kind == .word }
        XCTAssertEqual(tokens.map(\.text), ["Ça", "va", "très", "bien", "said", "Zoë", "O'Neal", "the", "US", "envoy", "aide"])
        XCTAssertEqual(tokens.map(\.lower), ["ça", "va", "très", "bien", "said", "zoë", "o'neal", "the", "us", "envoy", "aide"])
        XCTAssertEqual(tokens.map(\.length), [2, 2, 4, 4, 4, 3, 6, 3, 4, 7, 4])
        XCTAssertEqual(tokens.map(\.possessive), [false, false, false, false, false, false, false, false, false, true, false])
        XCTAssertTrue(tokens[8].allCaps)
        let bytes = Array(paragraph.utf8)
        XCTAssertEqual(String(decoding: bytes[tokens[5].start..<tokens[5].end], as: UTF8.self), "Zoë")
        let result = EntityExtraction.resolve(briefs: [EntityText(id: "a", title: "", paragraphs: [paragraph])], notes: [],
                                              catalog: .empty)
        XCTAssertEqual(result.entities.first { $0.name == "Zoë O'Neal" }?.quotes.map(\.text), ["Ça va très bien"])
    }

    /// `NameNode.isCapitals` answers as `word == word.uppercased() && word != word.lowercased()`,
    /// and `NameNode.uppercased` makes `word.uppercased()`, on every word of the seed texts
    /// (split at white space, punctuation kept) and on non-ASCII words.
    func testCapitalsAsStringCase() throws {
        var words = ["NATO", "Nato", "IAEA", "U.S.", "UN-led", "G7", "7", "", "ÉTAT", "État", "ÖVP", "ß", "İ", "ǅ", "ΝΑΤΟ"]
        for text in try Self.seedBriefs() {
            for p in [text.title] + text.paragraphs { words += p.split(whereSeparator: \.isWhitespace).map(String.init) }
        }
        var capitals = 0
        for w in words {
            let expected = w == w.uppercased() && w != w.lowercased()
            XCTAssertEqual(NameNode.isCapitals(w), expected, w)
            XCTAssertEqual(NameNode.uppercased(w), w.uppercased(), w)
            XCTAssertEqual(Array(NameNode.uppercased(w).utf8), Array(w.uppercased().utf8), w)
            if expected { capitals += 1 }
        }
        XCTAssertGreaterThan(capitals, 10)
    }

    /// Word lists and counts find a token by the hash it carries: it is the hash of its lowercase
    /// (ASCII, non-ASCII, dotted and curly words alike), and a WordTable numbers the seed
    /// archive's words as first met, as a Dictionary of numbers would.
    func testTokenHashesAndWordTable() throws {
        var table = WordTable()
        var numbers: [String: Int] = [:]
        var order: [String] = []
        let paragraphs = try Self.seedBriefs().flatMap { [$0.title] + $0.paragraphs }
            + ["“Ça va très bien,\u{00A0}” said Zoë O’Neal, the U.S. envoy’s aide. ZÜRICH Straße"]
        for p in paragraphs {
            for t in TextScanner.tokens(p) {
                XCTAssertEqual(t.lowerHash, WordHash.of(t.lower), t.lower)
                guard t.kind == .word else { continue }
                if numbers[t.lower] == nil { numbers[t.lower] = order.count; order.append(t.lower) }
                XCTAssertEqual(table.number(t.lower, hash: t.lowerHash), numbers[t.lower])
            }
        }
        XCTAssertGreaterThan(order.count, 500)
        XCTAssertEqual(table.words, order)
        for (w, n) in numbers { XCTAssertEqual(table.existing(w, hash: WordHash.of(w)), n) }
        XCTAssertNil(table.existing("not-a-seed-word", hash: WordHash.of("not-a-seed-word")))
        XCTAssertTrue(NameLexicon.roleTitles.contains("president"))
        XCTAssertFalse(NameLexicon.roleTitles.contains("presiden"))
        let said = try XCTUnwrap(TextScanner.tokens("He Said so").first { $0.lower == "said" })
        XCTAssertTrue(NameLexicon.speechVerbs.contains(said))
        // A WordIndex keeps the last value set for a word, as the Dictionary of demonyms did.
        var index = WordIndex()
        index["iranian"] = 1; index["iranians"] = 1; index["iranian"] = 2
        XCTAssertEqual(index["iranian"], 2)
        XCTAssertEqual(index[try XCTUnwrap(TextScanner.tokens("Iranians").first)], 1)
        XCTAssertNil(index["iran"])
        XCTAssertNotNil(Gazetteer.shared.demonyms["iranian"])
    }

    /// Texts counted in parts (as on several cores) and added sum to what one pass over all of
    /// them counts, which is what NameStatistics counts token by token.
    func testCountedPartsAddUp() throws {
        let texts = try Self.seedBriefs()
        XCTAssertGreaterThan(texts.count, 2)
        var whole = CountedTexts(), first = CountedTexts(), rest = CountedTexts()
        for (i, t) in texts.enumerated() {
            _ = whole.count(t)
            if i == 0 { _ = first.count(t) } else { _ = rest.count(t) }
        }
        var added = CountedTexts()
        added.add(first); added.add(rest)
        XCTAssertEqual(added.sum.counts, whole.sum.counts)
        XCTAssertEqual(whole.sum.counts, EntityExtraction.statistics(of: texts).counts)
        XCTAssertGreaterThan(whole.sum.counts.count, 300)
    }

    /// One event's articles (ECB+ cluster 33-ecb): its people are the same entities everywhere.
    func testEventPeopleResolveAcrossArticles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.ecbFolder.path)
            .filter { $0.hasSuffix("ecb.txt") }.sorted()
        XCTAssertEqual(files.count, 5)
        let texts = try files.map {
            EntityText(id: $0, title: "", paragraphs: try Self.paragraphs(Self.ecbFolder.appendingPathComponent($0)))
        }
        let result = EntityExtraction.resolve(briefs: texts, notes: [], catalog: .empty)
        for e in result.entities {
            print("ECB \(e.id) [\(e.kind.rawValue)] \(e.name) m=\(e.mentions) briefs=\(e.briefs.count) aliases=\(e.aliases)")
        }
        let timmons = try XCTUnwrap(entity(result, "Jermayne Timmons"))
        XCTAssertEqual(timmons.kind, .person)
        XCTAssertEqual(timmons.briefs.count, 5)
        XCTAssertTrue(timmons.aliases.contains("Jerymayne Timmons"), "spelling variant")
        XCTAssertEqual(entity(result, "Kathina Thomas")?.briefs.count, 5)
        XCTAssertEqual(entity(result, "Peter Lynch")?.briefs, ["33_1ecb.txt", "33_3ecb.txt", "33_4ecb.txt", "33_5ecb.txt"])
        XCTAssertEqual(entity(result, "Shondell McAllister")?.briefs, ["33_1ecb.txt", "33_3ecb.txt", "33_4ecb.txt"])
        let rossi = try XCTUnwrap(entity(result, "David Rossi"))
        XCTAssertTrue(rossi.aliases.contains("Dave Rossi"), "nickname")
        XCTAssertEqual(result.entities.filter { $0.kind == .person && $0.name.hasSuffix("Timmons") }.count, 1)
        XCTAssertEqual(entity(result, "Albany")?.kind, .place)
    }

    // MARK: - Catalog

    func testCatalogWins() throws {
        let yaml = """
        entities:
          - name: Ebrahim Raisi
            type: person
            aliases: [Raeisi, Seyyed Ebrahim Raeisi]
            description: President of Iran from 2021 to 2024.
          - name: Mehr News Agency
            type: organization
            aliases: [Mehr News]
          - name: Iran Project
            type: organization
        ignore:
          - Eurasian Economic Union
          - Gaza
        """
        let catalog = try EntityCatalog(yaml: yaml, file: "entities.yml")
        let result = EntityExtraction.resolve(briefs: try Self.seedBriefs(), notes: [], catalog: catalog)
        let raisi = try XCTUnwrap(entity(result, "Ebrahim Raisi"))
        XCTAssertEqual(raisi.description, "President of Iran from 2021 to 2024.")
        XCTAssertEqual(raisi.briefs.count, 3)
        XCTAssertEqual(raisi.id, "ebrahim-raisi")
        XCTAssertEqual(entity(result, "Iran Project")?.kind, .organization)
        XCTAssertFalse(result.entities.contains { $0.name == "Gaza" || $0.name == "Eurasian Economic Union" })
        XCTAssertNotNil(entity(result, "Mehr News Agency"))
    }

    func testCatalogAliasResolvesMentions() throws {
        let catalog = try EntityCatalog(yaml: """
        - name: Kremlin Administration
          type: organization
          aliases: [Kremlin]
        - name: Bob Marley
          type: person
        """, file: "entities.yml")
        let result = EntityExtraction.resolve(briefs: [
            EntityText(id: "a", title: "", paragraphs: ["Officials at the Kremlin said talks went well in Moscow."]),
        ], notes: [
            EntityText(id: "n1", title: "Note", paragraphs: ["The Kremlin again. See Moscow."]),
        ], catalog: catalog)
        let kremlin = try XCTUnwrap(entity(result, "Kremlin Administration"))
        XCTAssertEqual(kremlin.kind, .organization)
        XCTAssertEqual(kremlin.briefs, ["a"])
        XCTAssertEqual(kremlin.notes, ["n1"])
        XCTAssertEqual(result.noteEntities["n1"]?.contains(kremlin.id), true)
        XCTAssertNotNil(entity(result, "Bob Marley"), "declared entities get a page even unmentioned")
        XCTAssertEqual(result.aliasIndex["kremlin"], kremlin.id)
    }

    func testBadYAMLNamesFileAndLine() {
        let yaml = "entities:\n  - name: Putin\n    type: person\n   aliases: [x\n"
        XCTAssertThrowsError(try EntityCatalog(yaml: yaml, file: "Content/entities.yml")) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.file, "Content/entities.yml")
            XCTAssertNotNil(d?.line)
            XCTAssertEqual(d?.severity, .error)
        }
        let badType = "entities:\n  - name: Putin\n    type: human\n"
        XCTAssertThrowsError(try EntityCatalog(yaml: badType, file: "entities.yml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.line, 3)
        }
        XCTAssertThrowsError(try EntityCatalog(yaml: "entities:\n  - name: X\n    alias: [Y]\n", file: "e.yml")) { error in
            XCTAssertEqual((error as? Diagnostic)?.line, 3)
        }
    }

    func testSpeedOnManyBriefs() throws {
        let seeds = try Self.seedBriefs()
        var briefs: [EntityText] = []
        let count = Int(ProcessInfo.processInfo.environment["ENTITY_SPEED_BRIEFS"] ?? "") ?? 600
        for i in 0..<count {
            var b = seeds[i % seeds.count]
            b.id = "b\(i)"
            b.paragraphs.append("Minister Alexander Kowalczyk\(i % 97) met Governor Maria Lindqvist\(i % 89) in Oslo.")
            briefs.append(b)
        }
        let start = Date()
        let result = EntityExtraction.resolve(briefs: briefs, notes: [], catalog: .empty)
        let seconds = Date().timeIntervalSince(start)
        print("ENTITY SPEED \(count) briefs: \(seconds)s, \(result.entities.count) entities")
        XCTAssertEqual(entity(result, "Ebrahim Raisi")?.briefs.count, count)
    }
}

/// Prints what the whole ECB+ dev corpus resolves to, for reviewing by eye; runs only with
/// ENTITY_CORPUS set to the corpus's `articles` folder.
final class EntityCorpusReview: XCTestCase {
    func testPrintCorpusEntities() throws {
        guard let folder = ProcessInfo.processInfo.environment["ENTITY_CORPUS"] else { throw XCTSkip("ENTITY_CORPUS not set") }
        let url = URL(fileURLWithPath: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try files.map { name in
            let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
            return EntityText(id: name, title: "", paragraphs: text.components(separatedBy: "\n\n"))
        }
        let result = EntityExtraction.resolve(briefs: texts, notes: [], catalog: .empty)
        for e in result.entities {
            print("CORPUS\t\(e.kind.rawValue)\t\(e.name)\t\(e.mentions)\t\(e.briefs.count)\t\(e.aliases.prefix(6).joined(separator: "|"))")
        }
    }
}
