import BriefModel
import BriefHTML

/// What ingest made of one raw file: usually one article, several for a JSON array, none when skipped.
public struct IngestResult: Sendable {
    public var articles: [Article] = []
    public var diagnostics: [Diagnostic] = []
    /// Why the file gave no article, if it did not.
    public var skipped: String?
    /// The file was read after a repair (encoding).
    public var repaired = false

    public init() {}
}

/// The ingest stage: raw file bytes in, clean articles out. No I/O.
public enum Ingest {
    /// Files larger than this are skipped with a warning (saved pages with inline images can be huge).
    public static let maxFileBytes = 8 * 1024 * 1024

    public static func articles(from raw: RawArticle) -> IngestResult {
        var result = IngestResult()
        func skip(_ reason: String, line: Int? = nil) -> IngestResult {
            result.skipped = reason
            result.diagnostics.append(Diagnostic(file: raw.path, line: line, "skipped: \(reason)"))
            return result
        }
        if raw.bytes.isEmpty { return skip("empty file") }
        if raw.bytes.count > maxFileBytes { return skip("larger than \(maxFileBytes / 1024 / 1024) MiB") }
        let text: String
        switch TextDecoding.decode(raw.bytes) {
        case .binary: return skip("binary file, not text")
        case .text(let t, let repair):
            text = t
            if let repair {
                result.repaired = true
                result.diagnostics.append(Diagnostic(file: raw.path, repair))
            }
        }
        // Trimmed in place: trimmingSpaces copies the whole text when it ends in a newline, as most files do.
        if ScalarText.withBytes(text, { ScalarText.trimmed($0).isEmpty }) { return skip("only white space") }

        let ext = raw.pathExtension   // cut from the path and lowercased on each ask
        let format = ArticleFormat.detect(extension: ext, text: text)
        do throws(Diagnostic) {
            switch format {
            case .html:
                result.articles = [htmlArticle(raw.bytes, file: raw.path)]
            case .json:
                result.articles = try JSONArticles.read(text, file: raw.path, lines: ext == "jsonl")
            case .markdown, .text:
                let front = try FrontMatter.parse(text, file: raw.path)
                var article = TextReader.article(Lines.paragraphs(front.body, joinBlocks: format == .markdown ? true : nil)
                                                    .map { var line = $0; line.number += front.bodyLine - 1; return line },
                                                 file: raw.path, format: format)
                if format == .markdown { stripMarkdownHeading(&article) }
                try apply(front, to: &article)
                result.articles = [article]
            }
        } catch {
            return skip(error.message, line: error.line)
        }
        result.articles.removeAll { article in
            guard article.paragraphs.isEmpty else { return false }
            result.diagnostics.append(Diagnostic(file: article.file, "skipped: no article text found"))
            return true
        }
        if result.articles.isEmpty && result.skipped == nil { result.skipped = "no article text found" }
        for article in result.articles {
            result.diagnostics += article.warnings.map { Diagnostic(file: article.file, $0) }
        }
        return result
    }

    /// A saved web page: libxml2 finds the body and the page metadata; the text rules clean the rest.
    static func htmlArticle(_ bytes: [UInt8], file: String) -> Article {
        let page = HTMLArticleExtractor.extract(bytes)
        let published = page.published.flatMap { DatePhrase.first(in: $0)?.date }
        let known = KnownFields(title: page.title, published: published, publishedText: page.published,
                                outlet: page.outlet, url: page.url, author: page.author, source: "HTML metadata")
        let lines = page.paragraphs.enumerated().map { Lines.line(Substring($1), number: $0 + 1) }
        return TextReader.article(lines, file: file, format: .html, known: known)
    }

    /// "# Title" opening a Markdown article is its headline.
    static func stripMarkdownHeading(_ article: inout Article) {
        guard let first = article.paragraphs.first, first.hasPrefix("# ") else { return }
        article.title = String(first.dropFirst(2)).trimmingSpaces()
        article.titleFromLead = false
        article.evidence["title"] = "Markdown heading"
        article.paragraphs.removeFirst()
    }

    /// Front matter corrects extraction field by field; `story:` places the article by hand.
    static func apply(_ front: FrontMatter, to article: inout Article) throws(Diagnostic) {
        if let t = front.text("title") { article.title = t; article.titleFromLead = false; article.evidence["title"] = "front matter" }
        for key in ["published", "date"] {
            guard let value = front.text(key) else { continue }
            guard let d = DayDate(iso: value) ?? DatePhrase.first(in: value)?.date else {
                throw Diagnostic(.error, file: article.file, line: front.lines[key], "front matter \(key) is not a date: \(value)")
            }
            if key == "published" { article.published = d } else { article.eventDate = d }
            article.evidence[key] = "front matter"
        }
        if let o = front.text("outlet") ?? front.text("source") { article.outlet = o; article.evidence["outlet"] = "front matter" }
        if let u = front.text("url") { article.url = u; article.evidence["url"] = "front matter" }
        if let d = front.text("dateline") { article.dateline = d; article.evidence["dateline"] = "front matter" }
        if let a = front.text("author") { article.author = a }
        if let s = front.text("story") { article.storyChoice = s.lowercased() == "own" ? .own : .brief(s) }
        if front.text("date") == nil, front.text("published") != nil,
           article.evidence["date"]?.hasPrefix("publication date") ?? true {
            article.eventDate = article.published
        }
    }
}

/// The reader a file needs, by its content as well as its extension.
enum ArticleFormat {
    static func detect(extension ext: String, text: String) -> Article.Format {
        let head = lowercasedHead(text)
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || ScalarText.contains("<html", in: head) { return .html }
        if head.hasPrefix("{") || head.hasPrefix("[") {
            if ["json", "jsonl", "ndjson"].contains(ext) || ext.isEmpty || ext == "txt" { return .json }
        }
        switch ext {
        case "html", "htm", "xhtml": return .html
        case "json", "jsonl", "ndjson": return .json
        case "md", "markdown": return .markdown
        default: return head.hasPrefix("---") ? .markdown : .text
        }
    }

    /// The first 512 characters, lowercased and trimmed. When they are simple text (one scalar,
    /// one Character) the first 512 scalars are cut by bytes instead of walking Characters.
    static func lowercasedHead(_ text: String) -> String {
        let simple = ScalarText.withBytes(text) { bytes -> String? in
            var end = 0
            var scalars = 0
            while end < bytes.count && scalars < 512 {
                if bytes[end] == 0x0D { return nil }
                end += UTF8Scalar.decode(bytes, at: end).length
                scalars += 1
            }
            // The scalar after the window must not join the last one either.
            let next = end < bytes.count ? end + UTF8Scalar.decode(bytes, at: end).length : end
            guard ScalarText.isSimple(UnsafeBufferPointer(rebasing: bytes[..<next])) else { return nil }
            // Lowercasing keeps white space and makes none, so the window is trimmed first, by bytes.
            let window = UnsafeBufferPointer(rebasing: bytes[..<end])
            return ScalarText.lowercased(UnsafeBufferPointer(rebasing: window[ScalarText.trimmed(window)]))
        }
        return simple ?? text.prefix(512).lowercased().trimmingSpaces()
    }
}
