import BriefSite
import Foundation
import XCTest

/// The build cache and the spare output tree must never change what a build produces:
/// a cached build writes exactly the bytes a build from scratch writes, whatever changed.
final class BuildCacheTests: XCTestCase {
    var root: URL!
    var content: URL { root.appendingPathComponent("Content") }

    override func setUpWithError() throws {
        root = TestPaths.temporaryFolder()
        // The seeds, two ECB+ topics (four events) and the sample notes.
        Hostile.copy(TestPaths.content, to: content)
        let corpus = TestPaths.repository.appendingPathComponent("../shared/corpora/ecbplus-dev/articles").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
            .filter { $0.hasPrefix("1_") || $0.hasPrefix("12_") }.sorted()
        XCTAssertGreaterThan(names.count, 20)
        for name in names {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(name),
                                             to: content.appendingPathComponent("articles/\(name)"))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func build(_ output: String, force: Bool = false) throws -> SiteBuild.Summary {
        try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates,
                                            output: root.appendingPathComponent(output)),
                          buildDate: "2026-11-23", force: force)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(path)
        try change(String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Builds `Cached` with the cache and `Fresh` without it after each change; both must match byte for byte.
    func testCachedBuildsWriteWhatAFreshBuildWrites() throws {
        let first = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(first.reused["ingest"] ?? 0, 0, "nothing to reuse on a first build")
        let files = first.counts.articlesRead

        // A note edited: no article is read again, no story is merged again.
        try edit("notes/2024/phone-call-follow-up.md") { $0 + "\nA line added by the test about [[Ebrahim Raisi]].\n" }
        let noteEdit = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(noteEdit.reused["ingest"], files)
        XCTAssertEqual(noteEdit.reused["merge"], noteEdit.briefs)
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))

        // Again: now the tree the last build replaced is there to update, and only what changed is written.
        try edit("notes/2024/phone-call-follow-up.md") { $0 + "\nAnd a second line.\n" }
        let secondEdit = try build("Cached")
        XCTAssertEqual(secondEdit.filesWritten, noteEdit.filesWritten)
        XCTAssertLessThan(secondEdit.filesChanged, secondEdit.filesWritten / 4, "an edited note rewrites only the pages that show it")
        try build("Fresh", force: true)
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))
        XCTAssertEqual(secondEdit.reused["entities"], secondEdit.briefs + secondEdit.notes - 1,
                       "a note is entity text: the edited one is searched again, every brief comes from the cache")

        // The site's title changed: every page is rendered again, but no text changed, so the
        // entities come from the cache.
        try edit("site.yml") { $0.replacingOccurrences(of: "title: ", with: "title: Edited ") }
        let titleEdit = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(titleEdit.reused["entities"], titleEdit.briefs + titleEdit.notes)
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("Cached/index.html"), encoding: .utf8).contains("Edited "))

        // An article edited, one added, one removed.
        try edit("articles/1_10ecb.txt") { $0 + "\n\nThe spokesman declined to comment further on Tuesday.\n" }
        try FileManager.default.copyItem(at: content.appendingPathComponent("articles/12_1ecb.txt"),
                                         to: content.appendingPathComponent("articles/12_1ecb-copy.txt"))
        let removed = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("articles").path)
            .filter { $0.hasPrefix("12_") }.sorted().last!
        try FileManager.default.removeItem(at: content.appendingPathComponent("articles/\(removed)"))
        let articleEdit = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(articleEdit.reused["ingest"], files - 2, "only the edited and the new file are read again")
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))
        let archive = try String(contentsOf: root.appendingPathComponent("Cached/archive.json"), encoding: .utf8)
        XCTAssertFalse(archive.contains("articles/\(removed)"), "a removed article leaves no trace")
        XCTAssertTrue(archive.contains("12_1ecb-copy.txt"))
    }

    /// An added article is the only one scanned for merging; the build after it, with no
    /// article changed, takes the grouping from the cache though the ids it starts from changed.
    func testAnAddedArticleIsScannedAloneAndTheNextBuildReusesTheGrouping() throws {
        let first = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertNil(first.reused["stories"])

        try FileManager.default.copyItem(at: content.appendingPathComponent("articles/1_10ecb.txt"),
                                         to: content.appendingPathComponent("articles/1_10ecb-syndicated.txt"))
        let added = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(added.reused["features"], added.counts.articles - 1, "only the new article is scanned")
        XCTAssertNil(added.reused["stories"], "a new article means merging again")
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))

        try edit("notes/2024/phone-call-follow-up.md") { $0 + "\nA line added by the test.\n" }
        let noteEdit = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(noteEdit.reused["stories"], 1, "no article changed since the last build")
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))

        // Edited and removed: scanned again and gone, and still what a fresh build makes.
        try edit("articles/1_10ecb.txt") { $0.replacingOccurrences(of: " the ", with: " a ") }
        try FileManager.default.removeItem(at: content.appendingPathComponent("articles/1_10ecb-syndicated.txt"))
        let edited = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(edited.reused["features"], edited.counts.articles - 1)
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))
    }

    /// An added article that writes a word as a name again and again changes the archive's answer
    /// for it: the briefs that start a sentence with it must be searched again, and the site is
    /// what a fresh build makes.
    func testAWordFlippedByANewArticleFindsNamesAgain() throws {
        let first = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(first.reused["entities"] ?? 0, 0)
        let article = "Early group meets\n\n" + String(repeating: "Officials of the Early group met Early delegates. ", count: 60)
        try article.write(to: content.appendingPathComponent("articles/early-group.txt"), atomically: true, encoding: .utf8)
        let added = try build("Cached")
        try build("Fresh", force: true)
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Cached")), Hostile.snapshot(root.appendingPathComponent("Fresh")))
        let reused = try XCTUnwrap(added.reused["entities"])
        let texts = added.briefs + added.notes
        XCTAssertLessThan(reused, texts - 1, "besides the new article's brief, texts writing the flipped word are searched again")
        XCTAssertGreaterThan(reused, texts / 2, "the others come from the cache")
        let site = try String(contentsOf: root.appendingPathComponent("Cached/archive.json"), encoding: .utf8)
        XCTAssertTrue(site.contains("\"Early\""), "the word is now a name")
    }

    func testADamagedCacheIsIgnored() throws {
        try build("Output")
        let before = Hostile.snapshot(root.appendingPathComponent("Output"))
        let cache = root.appendingPathComponent(".brief-cache/Output")
        for name in ["ingest", "stories", "features", "briefs", "entities", "entity-texts", "pages"] {
            let url = cache.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: url))
            XCTAssertGreaterThan(bytes.count, 100)
            // Keep the header (so the file is from this brief) and cut or alter the records.
            if name == "briefs" { bytes.removeLast(bytes.count / 2) } else { bytes[bytes.count - 20] ^= 0x01 }
            try Data(bytes).write(to: url)
        }
        // Without the fingerprint the build runs again, through the damaged cache.
        try FileManager.default.removeItem(at: root.appendingPathComponent(".brief-cache/Output.fingerprint"))
        try build("Output")
        XCTAssertEqual(Hostile.snapshot(root.appendingPathComponent("Output")), before)
    }

    /// Whatever is in the spare tree, the new Output holds exactly the site's files, and
    /// nothing is written through a symbolic link planted there.
    func testTheSpareTreeNeverLeaksIntoOutput() throws {
        try build("Output")
        try build("Output", force: true)   // now a spare tree exists
        let spare = root.appendingPathComponent(".brief-cache/Output/previous-output")
        XCTAssertTrue(FileManager.default.fileExists(atPath: spare.appendingPathComponent("index.html").path))
        let victim = root.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try FileManager.default.removeItem(at: spare.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent("index.html"), withDestinationURL: victim)
        try Data("stale".utf8).write(to: spare.appendingPathComponent("stale.html"))
        try FileManager.default.createDirectory(at: spare.appendingPathComponent("junk/deeper"), withIntermediateDirectories: true)

        try build("Output", force: true)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")
        let output = root.appendingPathComponent("Output")
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("junk").path))
        try build("Fresh", force: true)
        XCTAssertEqual(Set(Hostile.snapshot(output).keys), Set(Hostile.snapshot(root.appendingPathComponent("Fresh")).keys))
    }
}
