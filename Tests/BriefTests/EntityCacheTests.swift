import Foundation
import XCTest
@testable import BriefEntities
@testable import BriefSite

/// The entities cache per text must give exactly what finding entities from scratch gives,
/// whatever changed, and reuse a text's findings only when they cannot have changed.
final class EntityCacheTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = TestPaths.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The seed briefs and two ECB+ topics, one brief per article, on real text.
    func briefs() throws -> [EntityText] {
        let corpus = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasPrefix("1_") || $0.hasPrefix("12_") }.sorted()
        XCTAssertGreaterThan(names.count, 20)
        let articles = try names.map { name -> EntityText in
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            let paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            return EntityText(id: name, title: paragraphs.first ?? name, paragraphs: Array(paragraphs.dropFirst()))
        }
        return try EntityTests.seedBriefs() + articles
    }

    let note = EntityText(id: "reading-the-meeting", title: "Reading the Moscow meeting",
                          paragraphs: ["The Raisi and Putin meeting was about trade. See the Moscow talks."])

    /// One build through the cache files, as `brief build` does: its result, how many texts'
    /// findings came from the cache, and the memo the next build reads.
    func build(_ briefs: [EntityText], _ notes: [EntityText], after memo: BuildMemo) -> (EntityResult, Int, BuildMemo) {
        var records = BuildMemo.Records()
        let result = memo.entities(briefs: briefs, notes: notes, catalog: nil, parsed: .empty, into: &records)
        let whole = folder.appendingPathComponent("entities"), texts = folder.appendingPathComponent("entity-texts")
        CacheFile.write(records.entities, to: whole, identity: "test")
        CacheFile.write(records.entityTexts, to: texts, identity: "test")
        var next = BuildMemo()
        next.entities = CacheFile.read(whole, identity: "test")
        next.entityTexts = CacheFile.read(texts, identity: "test")
        return (result, records.reused["entities"] ?? 0, next)
    }

    /// Results compared as the cache stores them: every field, dictionaries in key order.
    func bytes(_ r: EntityResult) -> [UInt8] { Array(CacheWriter.record { $0.entityResult(r) }) }

    func fresh(_ briefs: [EntityText], _ notes: [EntityText]) -> [UInt8] {
        bytes(EntityExtraction.resolve(briefs: briefs, notes: notes, catalog: .empty))
    }

    /// Texts that write one of `words` with a capital: the ones whose findings may depend on them.
    func writers(of words: Set<String>, in texts: [EntityText]) -> [EntityText] {
        texts.filter { text in
            var writes = false
            EntityExtraction.forEachParagraph(text) { tokens, _, _ in
                if tokens.contains(where: { $0.kind == .word && ($0.capitalized || $0.allCaps) && words.contains($0.lower) }) {
                    writes = true
                }
            }
            return writes
        }
    }

    /// A brief that writes "Early" as a name again and again flips the archive's answer for the
    /// word, so the texts that start a sentence with it must be searched again (they now name
    /// it); all others keep their findings. Reusing every unchanged text's findings would miss
    /// their new mentions.
    func testAFlippedWordFindsAgainTheTextsThatWriteIt() throws {
        let base = try briefs()
        let flip = EntityText(id: "the-early-group", title: "A group named for a word",
                              paragraphs: [String(repeating: "Officials of the Early group met Early delegates. ", count: 60)])
        let before = EntityExtraction.statistics(of: base + [note])
        let after = EntityExtraction.statistics(of: base + [flip, note])
        let flipped = Set(before.counts.keys).union(after.counts.keys).filter { before.answers($0) != after.answers($0) }
        XCTAssertTrue(flipped.contains("early"), "the new brief flips the word")
        let writers = writers(of: flipped, in: base + [note])
        XCTAssertGreaterThan(writers.count, 0, "some texts start a sentence with Early")

        let (first, firstReused, memo1) = build(base, [note], after: .none)
        XCTAssertEqual(firstReused, 0)
        XCTAssertEqual(bytes(first), fresh(base, [note]))

        let (added, addedReused, memo2) = build(base + [flip], [note], after: memo1)
        XCTAssertEqual(bytes(added), fresh(base + [flip], [note]), "an incremental build finds what a fresh one finds")
        XCTAssertEqual(addedReused, base.count + 1 - writers.count, "only the texts writing a flipped word are searched again")
        let changed = writers.filter { first.briefEntities[$0.id] != added.briefEntities[$0.id] }
        XCTAssertFalse(changed.isEmpty, "the flip changes what those texts mention, so reusing them would be wrong")

        // The brief removed: the word flips back, and the same texts are searched again.
        let (removed, removedReused, memo3) = build(base, [note], after: memo2)
        XCTAssertEqual(bytes(removed), bytes(first))
        XCTAssertEqual(removedReused, base.count + 1 - writers.count)

        // A note edit that changes no word's counts (a capital at a sentence start counts for
        // nothing): every other text comes from the cache.
        var edited = note
        edited.paragraphs.append("Raisi.")
        let (noteEdit, noteReused, _) = build(base, [edited], after: memo3)
        XCTAssertEqual(bytes(noteEdit), fresh(base, [edited]))
        XCTAssertEqual(noteReused, base.count)
    }

    /// Briefs that change order, one edited and one gone: still what a fresh build finds.
    func testEditedReorderedAndRemovedBriefs() throws {
        let base = try briefs()
        let (_, _, memo1) = build(base, [note], after: .none)
        var next = Array(base.dropFirst(2).reversed())
        next[3].paragraphs.append("The spokesman, Jonathan Miller, said the Brackley Council would meet on Tuesday.")
        let (result, reused, _) = build(next, [note], after: memo1)
        XCTAssertEqual(bytes(result), fresh(next, [note]))
        XCTAssertGreaterThan(reused, next.count / 2)
    }
}
