import BriefModel
import BriefRender
import Foundation

/// `brief check`: every problem in Content, and, given a built site, every link that leads nowhere.
public enum SiteCheck {
    public static func problems(content: URL, output: URL?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        do {
            let folder = try ContentFolder.read(content)
            let result = try ArchiveAssembly.assemble(folder)
            problems += result.diagnostics
            problems += duplicateIDs(result.archive)
        } catch {
            problems.append(error)
        }
        if let output { problems += brokenLinks(in: output) }
        return problems
    }

    /// Brief and note ids must be unique: each is a file name in Output.
    static func duplicateIDs(_ archive: Archive) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for note in archive.notes {
            if let other = seen[note.id] {
                problems.append(Diagnostic(file: note.file, "note id `\(note.id)` is also the id of \(other)"))
            }
            seen[note.id] = note.file
        }
        return problems
    }

    /// Internal links and assets of every HTML page in a built site that do not resolve.
    static func brokenLinks(in output: URL) -> [Diagnostic] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: output.path) else {
            return [Diagnostic(.error, file: output.path, "output folder not found")]
        }
        var pages: [Page] = []
        var files = Set<String>()
        for case let path as String in walker {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue else { continue }
            files.insert(path)
            if path.hasSuffix(".html"), let data = fm.contents(atPath: output.appendingPathComponent(path).path) {
                pages.append(Page(path: path, bytes: [UInt8](data)))
            }
        }
        return LinkCheck.brokenLinks(in: pages, extraFiles: files).map { Diagnostic(.error, file: output.lastPathComponent, $0) }
    }
}
