/// An article file as read from `Content/articles`, before anything is made of it.
public struct RawArticle: Sendable {
    /// Path relative to the content folder, e.g. `articles/000.txt`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path; self.bytes = bytes
    }

    /// The file name's extension, lowercased, without the dot.
    public var pathExtension: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// File name without folders and extension.
    public var stem: String {
        let name = fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// The last non-empty component of the path (the whole path when it has none), found from
    /// the end: splitting the whole path was a few percent of ingest, asked for every article.
    private var fileName: Substring {
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let head = path[..<end]
        guard !head.isEmpty else { return path[...] }
        guard let slash = head.lastIndex(of: "/") else { return head }
        return head[head.index(after: slash)...]
    }
}
