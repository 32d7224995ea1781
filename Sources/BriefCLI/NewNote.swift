import ArgumentParser
import BriefNotes
import BriefSite
import Foundation

/// `brief new note "Title"`: writes a note with its front matter into Content/notes.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create new content.", subcommands: [NewNoteCommand.self])
}

struct NewNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Write a new note with its front matter.")

    @Argument(help: "The note's title.")
    var title: String
    @Option(help: "Author recorded in the front matter.")
    var author: String?
    @Option(help: "Content folder.")
    var content = "Content"

    func run() throws {
        let folder = url(content).appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(NoteStub.fileName(title: title))
        guard !FileManager.default.fileExists(atPath: file.path) else {
            printError("error: \(file.path) already exists; choose another title")
            throw ExitCode.failure
        }
        try NoteStub.text(title: title, date: SiteBuild.today(), author: author).write(to: file, atomically: true, encoding: .utf8)
        print(file.path)
    }
}
