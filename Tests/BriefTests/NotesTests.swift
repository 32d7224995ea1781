import BriefModel
import XCTest
@testable import BriefNotes

/// Notes: the sample notes' front matter and wikilinks, and what `brief new note` writes.
final class NotesTests: XCTestCase {
    func sampleNote() throws -> Note {
        let url = TestPaths.content.appendingPathComponent("notes/2023/moscow-summit-reading.md")
        return try NoteReader.note(path: "notes/2023/moscow-summit-reading.md", text: String(contentsOf: url, encoding: .utf8))
    }

    func testSampleNoteFrontMatterAndLinks() throws {
        let note = try sampleNote()
        XCTAssertEqual(note.id, "moscow-summit-reading")
        XCTAssertEqual(note.title, "Reading the December 2023 Moscow meeting")
        XCTAssertEqual(note.date?.description, "2023-12-09")
        XCTAssertEqual(note.author, "M. Karimi")
        XCTAssertEqual(note.tags, ["iran-russia", "gaza", "sanctions"])
        XCTAssertEqual(note.links.map(\.target), ["Raisi", "Putin", "Vladimir Putin", "Ebrahim Raisi", "Syria", "Afghanistan"])
        XCTAssertEqual(note.links.first?.line, 7, "file line of the first [[Raisi]]")
    }

    func testLinksResolveAndUnresolvedOnesWarnWithLine() throws {
        let note = try sampleNote()
        let raisi = NoteLinks.Target(path: "entities/ebrahim-raisi.html", id: "ebrahim-raisi", isBrief: false)
        let resolved = NoteLinks.resolve(note, targets: ["raisi": raisi, "ebrahim raisi": raisi])
        XCTAssertTrue(resolved.markdown.contains("[Raisi](entities/ebrahim-raisi.html)"))
        XCTAssertEqual(resolved.entities, ["ebrahim-raisi"])
        XCTAssertTrue(resolved.markdown.contains("carried the [Raisi](entities/ebrahim-raisi.html)–Putin meeting"), "unresolved renders as text")
        let lines = resolved.diagnostics.map { "\($0.file):\($0.line ?? 0)" }
        XCTAssertTrue(lines.contains("notes/2023/moscow-summit-reading.md:7"), "\(lines)")
        XCTAssertEqual(resolved.diagnostics.count, 4)
    }

    func testNewNoteStubReadsBack() throws {
        let title = "Raisi: \"what next\" for Moscow?"
        let text = NoteStub.text(title: title, date: "2026-11-23", author: "A. Petrova")
        let note = try NoteReader.note(path: "notes/" + NoteStub.fileName(title: title), text: text)
        XCTAssertEqual(note.title, title)
        XCTAssertEqual(note.date?.description, "2026-11-23")
        XCTAssertEqual(note.author, "A. Petrova")
        XCTAssertEqual(note.links, [])
        XCTAssertEqual(NoteStub.fileName(title: title), "raisi-what-next-for-moscow.md")
    }

    func testBadNoteDateNamesFileAndLine() {
        let text = "---\ntitle: A note\nauthor: X\ndate: next Tuesday\n---\nBody\n"
        XCTAssertThrowsError(try NoteReader.note(path: "notes/bad.md", text: text)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description.hasPrefix("notes/bad.md:4:"), true, "\(error)")
        }
    }
}
