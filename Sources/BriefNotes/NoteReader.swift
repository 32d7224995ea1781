import BriefIngest
import BriefModel

/// Reads an analyst's note: YAML front matter (title, date, author, tags, entities, briefs)
/// and a Markdown body with `[[wikilinks]]`.
public enum NoteReader {
    /// `path` is relative to the content folder, e.g. `notes/2023/moscow.md`.
    public static func note(path: String, text: String) throws(Diagnostic) -> Note {
        let front = try FrontMatter.parse(text, file: path)
        let stem = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? path
        let heading = front.body.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingSpaces() }
        guard let title = front.text("title") ?? heading else {
            throw Diagnostic(.error, file: path, line: 1, "note has no title (front matter `title:` or a `# Heading`)")
        }
        var date: DayDate?
        if let value = front.text("date") {
            date = DayDate(iso: value)
            if date == nil {
                throw Diagnostic(.error, file: path, line: front.lines["date"], "note date is not YYYY-MM-DD: \(value)")
            }
        }
        return Note(id: Slug.make(stem, fallbackPrefix: "note"), file: path, title: title, date: date,
                    author: front.text("author"), tags: front.list("tags"),
                    declaredEntities: front.list("entities"), declaredBriefs: front.list("briefs"),
                    markdown: front.body, bodyLine: front.bodyLine, links: wikilinks(in: front.body, firstLine: front.bodyLine))
    }

    /// Every `[[target]]` or `[[target|label]]` with its file line.
    public static func wikilinks(in markdown: String, firstLine: Int) -> [Note.Link] {
        var links: [Note.Link] = []
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
                let inner = rest[open.upperBound..<close.lowerBound]
                let target = (inner.split(separator: "|", maxSplits: 1).first ?? inner).trimmingSpaces()
                if !target.isEmpty { links.append(Note.Link(target: target, line: firstLine + offset)) }
                rest = rest[close.upperBound...]
            }
        }
        return links
    }
}
