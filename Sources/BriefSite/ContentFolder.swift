import BriefModel
import Foundation

/// Everything read from the content folder: the input end of the pipeline, and its only reads.
public struct ContentFolder: Sendable {
    public static let maxFiles = 100_000

    public var config: SiteConfig
    public var articles: [RawArticle] { didSet { articleKeys = [] } }
    /// Each article's cache key (`BuildMemo.key`), in order: made by the threads that read the
    /// files, so neither the fingerprint nor ingest hashes the archive's bytes again. Emptied
    /// when `articles` changes (then `keys` makes them again).
    private(set) var articleKeys: [ContentHash] = []

    /// Each article's cache key, in order: as read, or made again on all cores when `articles`
    /// changed since.
    var keys: [ContentHash] {
        articleKeys.count == articles.count ? articleKeys : parallelMap(articles) { BuildMemo.key(of: $0) }
    }
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

        // Files are independent: read and hash them on all cores (the fingerprint hashed them
        // on one core after reading, holding up the build's start, and ingest again).
        let base = root.standardizedFileURL.path + "/"
        let paths = try files(under: root, folder: "articles")
        var articles: [RawArticle] = []
        articles.reserveCapacity(paths.count)
        var articleKeys: [ContentHash] = []
        articleKeys.reserveCapacity(paths.count)
        let reads = parallelMap(paths) { path in
            FileBytes.read(base + path).map { bytes in
                let raw = RawArticle(path: path, bytes: bytes)
                return (raw, BuildMemo.key(of: raw))
            }
        }
        for (path, read) in zip(paths, reads) {
            switch read {
            case .success(let (raw, key)):
                articles.append(raw)
                articleKeys.append(key)
            case .failure(let why): diagnostics.append(Diagnostic(file: path, "skipped: cannot be read (\(String(cString: strerror(why.code))))"))
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
        var content = ContentFolder(config: config, articles: articles, notes: notes, entitiesYAML: entities, diagnostics: diagnostics)
        content.articleKeys = articleKeys
        return content
    }

    private static func readText(_ url: URL, name: String) throws(Diagnostic) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, file: name, "cannot be read as UTF-8 text")
        }
        return text
    }

    /// Regular files under `root/folder`, as sorted paths relative to root. Hidden files and
    /// folders are skipped and symbolic links are not followed, so content cannot pull in files
    /// from outside its folder. Walked with readdir: Foundation's enumerator with resource
    /// values cost half a second on a 10,000-article archive.
    static func files(under root: URL, folder: String) throws(Diagnostic) -> [String] {
        var paths: [String] = []
        var pending = [folder]
        let base = root.standardizedFileURL.path + "/"
        while let relative = pending.popLast() {
            guard let dir = opendir(base + relative) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var st = stat()
                    guard lstat(base + path, &st) == 0 else { continue }
                    type = st.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : st.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
                }
                if type == Int32(DT_DIR) {
                    pending.append(path)
                } else if type == Int32(DT_REG) {
                    paths.append(path)
                    if paths.count > maxFiles {
                        throw Diagnostic(.error, file: folder, "more than \(maxFiles) files; split the archive")
                    }
                }
            }
        }
        return paths.sorted()
    }
}
