import BriefSite
import Foundation
import XCTest

/// A build links each unchanged page from Output into its staging tree instead of writing it, so
/// Output and the spare tree share files. These tests check that a shared file is never written
/// in place: Output keeps its bytes whatever a build does, and only changed pages are new files.
final class SharedOutputFilesTests: CopiedSiteTestCase {
    var output: URL { root.appendingPathComponent("Output") }
    var spare: URL { root.appendingPathComponent(".brief-cache/Output/previous-output") }

    @discardableResult
    func build(force: Bool = false) throws -> SiteBuild.Summary { try build(into: "Output", force: force) }

    /// Each regular file under `folder`: its inode and bytes.
    func files(_ folder: URL) -> [String: (inode: UInt64, bytes: Data)] {
        var found: [String: (inode: UInt64, bytes: Data)] = [:]
        for (path, bytes) in Hostile.snapshot(folder) {
            var st = stat()
            guard lstat(folder.appendingPathComponent(path).path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
            found[path] = (UInt64(st.st_ino), bytes)
        }
        return found
    }

    func editNote() throws {
        let url = content.appendingPathComponent("notes/2024/phone-call-follow-up.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + "\nA line added by the test.\n").write(to: url, atomically: true, encoding: .utf8)
    }

    /// Right after a first build (no spare tree yet) an edit rewrites only the pages it changes:
    /// the rest of the new Output are the old Output's files, and every changed page is a new
    /// file while the old one, now in the spare tree, still holds the old bytes.
    func testARebuildLinksUnchangedPagesAndWritesChangedOnesAsNewFiles() throws {
        let first = try build()
        XCTAssertEqual(first.filesChanged, first.filesWritten, "a first build writes every file")
        let before = files(output)
        try editNote()
        let second = try build()
        let after = files(output), retired = files(spare)
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        var newFiles = 0
        for (path, now) in after {
            let old = before[path]!
            if now.bytes == old.bytes {
                XCTAssertEqual(now.inode, old.inode, "\(path): unchanged, so it should be Output's file, linked")
            } else {
                newFiles += 1
                XCTAssertNotEqual(now.inode, old.inode, "\(path): changed bytes must go into a new file")
            }
            XCTAssertEqual(retired[path]?.inode, old.inode, "\(path): the spare tree is the old Output")
            XCTAssertEqual(retired[path]?.bytes, old.bytes, "\(path): the old Output's file was written in place")
        }
        XCTAssertGreaterThan(newFiles, 0, "the edit should change some pages")
        XCTAssertEqual(second.filesChanged, newFiles)
        XCTAssertLessThan(second.filesChanged, second.filesWritten / 4, "an edited note rewrites only the pages that show it")

        // Nothing changed: no file is written, and Output keeps every file it had.
        let again = try build(force: true)
        XCTAssertEqual(again.filesChanged, 0)
        let shared = files(output)
        XCTAssertTrue(shared.allSatisfy { after[$0.key]?.inode == $0.value.inode })

        // Now the spare tree is the staging tree and shares every file with Output: another edit
        // still leaves each of Output's files with the bytes it had.
        try editNote()
        try build()
        let retiredAgain = files(spare)
        for (path, old) in shared {
            XCTAssertEqual(retiredAgain[path]?.bytes, old.bytes, "\(path): a file shared with Output was written in place")
        }
    }

    /// A build that fails after writing much of its new site into the spare tree (which shares
    /// its files with Output) leaves Output as it was: the same files, holding the same bytes.
    func testAFailedBuildLeavesSharedFilesUntouched() throws {
        try build()
        try build(force: true)   // now the spare tree shares every file with Output
        let before = files(output)
        XCTAssertTrue(files(spare).allSatisfy { before[$0.key]?.inode == $0.value.inode })

        try editNote()
        // Source pages come late in the site's order: the pages before them are written first.
        try FileManager.default.removeItem(at: templates.appendingPathComponent("source.mustache"))
        XCTAssertThrowsError(try build()) { error in
            XCTAssertTrue("\(error)".contains("source.mustache"), "\(error)")
        }
        let after = files(output)
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        for (path, old) in before {
            XCTAssertEqual(after[path]?.inode, old.inode, path)
            XCTAssertEqual(after[path]?.bytes, old.bytes, path)
        }
        // The failed build did get to write changed pages (else this test proves nothing).
        let staged = files(spare)
        XCTAssertTrue(staged.contains { path, file in before[path].map { $0.bytes != file.bytes } ?? false },
                      "no changed page was written before the build failed")
    }

    /// A symbolic link planted in the spare tree where a folder of the site belongs is replaced by
    /// a real folder: nothing is written through it.
    func testAFolderLinkInTheSpareTreeIsNotFollowed() throws {
        try build()
        try build(force: true)
        let victim = root.appendingPathComponent("victim")
        let page = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: spare.appendingPathComponent("briefs").path).sorted().first)
        Hostile.write([page: "keep me"], under: victim)
        try FileManager.default.removeItem(at: spare.appendingPathComponent("briefs"))
        try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent("briefs"), withDestinationURL: victim)

        try editNote()
        try build()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: victim.path), [page])
        XCTAssertEqual(try String(contentsOf: victim.appendingPathComponent(page), encoding: .utf8), "keep me")
        var st = stat()
        XCTAssertEqual(lstat(output.appendingPathComponent("briefs").path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFDIR)
        XCTAssertNotNil(Hostile.snapshot(output)["briefs/\(page)"])
    }

    /// Symbolic links planted in the spare tree where every page belongs (to a file outside) are
    /// replaced, never written through, whether the page is linked from Output or written anew.
    func testPageLinksInTheSpareTreeAreNotFollowed() throws {
        try build()
        try build(force: true)
        let victim = root.appendingPathComponent("victim.html")
        try Data("keep me".utf8).write(to: victim)
        let pages = files(spare).keys.sorted()
        XCTAssertGreaterThan(pages.count, 10)
        for page in pages {
            try FileManager.default.removeItem(at: spare.appendingPathComponent(page))
            try FileManager.default.createSymbolicLink(at: spare.appendingPathComponent(page), withDestinationURL: victim)
        }

        try editNote()
        let summary = try build()
        XCTAssertGreaterThan(summary.filesChanged, 0)
        XCTAssertLessThan(summary.filesChanged, summary.filesWritten)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: output.path))
        while let path = walker.nextObject() as? String {
            var st = stat()
            XCTAssertEqual(lstat(output.appendingPathComponent(path).path, &st), 0)
            XCTAssertNotEqual(st.st_mode & S_IFMT, S_IFLNK, path)
        }
        XCTAssertEqual(Set(files(output).keys), Set(pages))
        XCTAssertTrue(files(output).values.contains { String(decoding: $0.bytes, as: UTF8.self).contains("A line added by the test.") })
    }
}
