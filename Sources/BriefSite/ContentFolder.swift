import BriefModel
import Foundation

/// Everything read from the content folder: the input end of the pipeline, and its only reads.
public struct ContentFolder: Sendable {
    public static let maxFiles = 100_000

    public var config: SiteConfig
    public var articles: [RawArticle]
    /// Note path (relative to the content folder) and its text.
    public var notes: [(path: String, text: String)]
    public var entitiesYAML: (path: String, text: String)?
    public var diagnostics: [Diagnostic]

    /// Reads `site.yml`, `entities.yml`, `articles/**` and `notes/**/*.md`. Hidden files are ignored.
    public static func read(_ root: URL) throws(Diagnostic) -> ContentFolder {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic(.error, file: root.path, "content folder not found")
        }
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        let siteFile = root.appendingPathComponent("site.yml")
        if let text = try readText(siteFile, name: "site.yml") {
            config = try SiteConfigReader.parse(text, file: "site.yml")
        }
        let entities = try readText(root.appendingPathComponent("entities.yml"), name: "entities.yml").map { ("entities.yml", $0) }

        var articles: [RawArticle] = []
        for path in try files(under: root, folder: "articles") {
            do {
                let data = try Data(contentsOf: root.appendingPathComponent(path))
                articles.append(RawArticle(path: path, bytes: [UInt8](data)))
            } catch {
                diagnostics.append(Diagnostic(file: path, "skipped: cannot be read (\(error.localizedDescription))"))
            }
        }
        var notes: [(String, String)] = []
        for path in try files(under: root, folder: "notes") {
            guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else {
                diagnostics.append(Diagnostic(file: path, "ignored: notes are Markdown files (.md)"))
                continue
            }
            guard let data = fm.contents(atPath: root.appendingPathComponent(path).path) else {
                diagnostics.append(Diagnostic(file: path, "skipped: cannot be read"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: path, "skipped: note is not UTF-8 text"))
                continue
            }
            notes.append((path, text))
        }
        return ContentFolder(config: config, articles: articles, notes: notes, entitiesYAML: entities, diagnostics: diagnostics)
    }

    private static func readText(_ url: URL, name: String) throws(Diagnostic) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, file: name, "cannot be read as UTF-8 text")
        }
        return text
    }

    /// Regular files under `root/folder`, as sorted paths relative to root. Symbolic links
    /// are not followed, so content cannot pull in files from outside its folder.
    static func files(under root: URL, folder: String) throws(Diagnostic) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(prefix) else { continue }
            paths.append(folder + "/" + full.dropFirst(prefix.count))
            if paths.count > maxFiles {
                throw Diagnostic(.error, file: folder, "more than \(maxFiles) files; split the archive")
            }
        }
        return paths.sorted()
    }
}
