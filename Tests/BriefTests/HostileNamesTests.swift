import BriefModel
import BriefSite
import Foundation
import XCTest

/// Titles and file names that try to pick where pages are written.
final class HostileNamesTests: XCTestCase {
    static let persian = "دیدار رئیسی و پوتین"
    static let russian = "Встреча Путина и Раиси"

    static func article(_ title: String, _ day: Int, _ topic: String) -> String {
        """
        ---
        title: "\(title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"
        published: 2023-11-\(String(format: "%02d", day))
        outlet: "\(title.prefix(40).replacingOccurrences(of: "\"", with: "'"))"
        ---
        Tehran: officials discussed \(topic) on Monday, a statement said. The \(topic) talks were the \
        \(day)th round of \(topic) negotiations, and delegates said the \(topic) file would be reviewed again.
        """
    }

    static func note(_ title: String, tag: String) -> String {
        "---\ntitle: \"\(title.replacingOccurrences(of: "\"", with: "\\\""))\"\ndate: 2023-11-20\ntags: [\"\(tag)\"]\n---\nNote on \(title).\n"
    }

    static var files: [String: String] {
        let long = String(repeating: "Very long headline about sanctions ", count: 9) // ~300 characters
        let longStem = String(repeating: "a", count: 240)
        return [
            "site.yml": "title: Names\nbase_url: https://example.org/\n",
            "articles/passwd.md": article("../../etc/passwd", 1, "wheat exports"),
            "articles/slashes.md": article("/etc/shadow/../..", 2, "railway construction"),
            "articles/CON.md": article("CON", 3, "gas pipelines"),
            "articles/con.txt": "CON\ndate 2023-11-04\nMoscow: the ministers discussed aviation parts and airline spare supplies on Tuesday.\n",
            "articles/\(longStem).md": article(long, 5, "banking messaging"),
            "articles/empty-title.md": article("", 6, "drone deliveries"),
            "articles/\(persian).md": article(persian, 7, "nuclear inspections"),
            "articles/\(russian).txt": "\(russian)\ndate 2023-11-08\nМосква: президенты обсудили торговлю и энергетику в четверг.\n",
            "articles/same-1.md": article("Same title", 9, "caviar tariffs"),
            "articles/same-2.md": article("Same title", 10, "satellite launches"),
            "articles/..hidden..md": article("..", 11, "port access"),
            "articles/nul.md": article("nul.html", 12, "fishing quotas"),
            "articles/index.md": article("index", 13, "football friendly"),
            "articles/assets.md": article("assets", 14, "university exchange"),
            "notes/CON.md": note("CON", tag: "../../etc"),
            "notes/con.markdown": note("con", tag: "CON"),
            "notes/\(persian).md": note(persian, tag: persian),
            "notes/\(russian).md": note(russian, tag: russian),
            "notes/\(longStem).md": note(long, tag: long),
            "notes/a/same.md": note("Same", tag: "same"),
            "notes/b/same.md": note("Same", tag: "Same"),
            "notes/c/same-2.md": note("Same two", tag: "same-2"),
            "notes/index.md": note("index", tag: "index"),
            "notes/.. .md": note("..", tag: ".."),
            "notes/-.md": note("", tag: ""),
        ]
    }

    func build(_ content: URL, _ output: URL) throws {
        do {
            _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: output),
                                  buildDate: "2024-01-01", force: true)
        } catch {
            XCTFail("build failed: \(error)"); throw error
        }
    }

    func testWrittenNamesAreSafeUniqueAndStable() throws {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        Hostile.write(Self.files, under: content)
        let output = root.appendingPathComponent("Output")
        try build(content, output)

        let names = Hostile.allFiles(output)
        XCTAssertGreaterThan(names.filter { $0.hasPrefix("briefs/") }.count, 8, "\(names)")
        XCTAssertGreaterThan(names.filter { $0.hasPrefix("notes/") }.count, 5, "\(names)")
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._/")
        for name in names {
            XCTAssertTrue(name.allSatisfy { allowed.contains($0) }, "unsafe output name: \(name)")
            XCTAssertFalse(name.split(separator: "/").contains { $0 == ".." || $0 == "." }, "climbing name: \(name)")
            for part in name.split(separator: "/") {
                XCTAssertLessThanOrEqual(part.utf8.count, 100, "overlong name: \(name)")
                let stem = part.split(separator: ".").first.map(String.init) ?? ""
                XCTAssertFalse(["con", "prn", "aux", "nul"].contains(stem), "reserved Windows name: \(name)")
            }
        }
        XCTAssertEqual(Set(names.map { $0.lowercased() }).count, names.count, "names differing only by case")

        // Nothing was written outside Output except the lock and the build cache.
        let outside = Hostile.allFiles(root).filter { !$0.hasPrefix("Content/") && !$0.hasPrefix("Output/") }
        for path in outside {
            XCTAssertTrue(path.hasPrefix(".brief-cache/") || path == ".Output.lock", "file written outside Output: \(path)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/etc/passwd.html"))

        // Every brief and note page of the input is there: no collision overwrote another.
        let archive = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("archive.json"))) as! [String: Any]
        let briefIDs = (archive["briefs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(briefIDs).count, briefIDs.count, "duplicate brief ids: \(briefIDs)")
        for id in briefIDs { XCTAssertTrue(names.contains("briefs/\(id).html"), "no page for brief \(id)") }
        let noteIDs = (archive["notes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        // `.. .md` is a hidden file (ignored) and `-.md` has no title (reported): the other nine get pages.
        XCTAssertEqual(noteIDs.count, 9, "every note gets a page: \(noteIDs)")
        XCTAssertEqual(Set(noteIDs).count, noteIDs.count, "duplicate note ids: \(noteIDs)")

        // Stable: a second build (and a build from scratch) gives the same names.
        try build(content, output)
        XCTAssertEqual(Hostile.allFiles(output), names)
        let fresh = root.appendingPathComponent("Fresh")
        try build(content, fresh)
        XCTAssertEqual(Hostile.allFiles(fresh), names)
    }

    /// Symbolic links in Content never pull in files from outside it.
    func testSymbolicLinksOutOfContentAreNotFollowed() throws {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        let secret = root.appendingPathComponent("secret")
        Hostile.write(["articles/ok.md": Self.article("Fine", 1, "wheat exports")], under: content)
        Hostile.write(["s.md": "---\ntitle: SECRET-TITLE-X\n---\nSECRET-BODY-X\n", "d/s.txt": "SECRET-TITLE-X\ndate 2023-01-01\nSECRET-BODY-X\n"], under: secret)
        let fm = FileManager.default
        try fm.createSymbolicLink(at: content.appendingPathComponent("articles/linked.md"), withDestinationURL: secret.appendingPathComponent("s.md"))
        try fm.createSymbolicLink(at: content.appendingPathComponent("articles/dir"), withDestinationURL: secret.appendingPathComponent("d"))
        try fm.createDirectory(at: content.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: content.appendingPathComponent("notes/linked.md"), withDestinationURL: secret.appendingPathComponent("s.md"))
        try fm.createSymbolicLink(at: content.appendingPathComponent("notes/dir"), withDestinationURL: secret)
        let output = root.appendingPathComponent("Output")
        try build(content, output)
        for (path, data) in Hostile.snapshot(output) {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("SECRET-"), "\(path) shows a file from outside Content")
        }
    }

    func testSlugIsSafeForHostileText() {
        let inputs = ["../../etc/passwd", "CON", "con", "", " ", "..", ".", "/", "nul.html", Self.persian, Self.russian,
                      String(repeating: "x", count: 300), String(repeating: "ü", count: 300), "a\u{0}b", "\u{202E}evil", "%2e%2e%2f"]
        var seen: [String: String] = [:]
        for text in inputs {
            let slug = Slug.make(text)
            XCTAssertFalse(slug.isEmpty, "empty slug for \(text.debugDescription)")
            XCTAssertLessThanOrEqual(slug.count, Slug.maxLength + 10)
            XCTAssertTrue(slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "slug \(slug)")
            XCTAssertNotEqual(slug, "con")
            if let other = seen[slug] { XCTFail("\(text.debugDescription) and \(other.debugDescription) share slug \(slug)") }
            seen[slug] = text
            XCTAssertEqual(Slug.make(text), slug, "unstable slug")
        }
    }
}
