import BriefModel
import BriefHTML
import Foundation

/// News API and scraper exports: one object, an array, or JSON Lines, with the usual field names.
enum JSONArticles {
    static let titleKeys = ["title", "headline", "name"]
    static let dateKeys = ["datePublished", "published", "publishedAt", "published_at", "pubDate", "date", "created_at"]
    static let outletKeys = ["outlet", "source", "site_name", "siteName", "publisher", "source_name"]
    static let urlKeys = ["url", "link", "canonical_url", "uri"]
    static let bodyKeys = ["articleBody", "body", "content", "text", "full_text", "description"]
    static let maxArticlesPerFile = 10_000

    static func read(_ text: String, file: String, lines: Bool) throws(Diagnostic) -> [Article] {
        var objects: [(Any, Int?)] = []
        if lines {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingSpaces().isEmpty {
                guard let value = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
                    throw Diagnostic(.error, file: file, line: i + 1, "line is not valid JSON")
                }
                objects.append((value, i + 1))
            }
        } else {
            let value: Any
            do { value = try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
                throw Diagnostic(.error, file: file, "not valid JSON (\((error as NSError).userInfo["NSDebugDescription"] as? String ?? "parse error"))")
            }
            if let array = value as? [Any] { objects = array.map { ($0, nil) } } else { objects = [(value, nil)] }
        }
        guard objects.count <= maxArticlesPerFile else {
            throw Diagnostic(.error, file: file, "more than \(maxArticlesPerFile) articles in one file")
        }
        var articles: [Article] = []
        for (index, (value, line)) in objects.enumerated() {
            guard let object = value as? [String: Any] else { continue }
            let name = objects.count > 1 ? "\(file)#\(index + 1)" : file
            if var article = article(object, file: name) {
                if let line { article.evidence["json"] = "line \(line)" }
                articles.append(article)
            }
        }
        return articles
    }

    static func article(_ object: [String: Any], file: String) -> Article? {
        func string(_ keys: [String]) -> String? {
            for key in keys {
                if let s = object[key] as? String, !s.trimmingSpaces().isEmpty { return s.trimmingSpaces() }
                if let o = object[key] as? [String: Any], let s = (o["name"] ?? o["title"]) as? String { return s }
            }
            return nil
        }
        guard let body = string(bodyKeys) else { return nil }
        let dateText = string(dateKeys)
        var known = KnownFields(title: string(titleKeys), published: dateText.flatMap { DayDate(iso: $0) ?? DatePhrase.first(in: $0)?.date },
                                publishedText: dateText, outlet: string(outletKeys), url: string(urlKeys),
                                author: string(["author", "byline", "creator"]), source: "JSON fields")
        let lines: [Line]
        if ["</p>", "<br", "</div>"].contains(where: { ScalarText.contains($0, in: body) }) {
            let page = HTMLArticleExtractor.extract(Array(("<html><body><article>" + body + "</article></body></html>").utf8))
            lines = page.paragraphs.enumerated().map { Lines.line(Substring($1), number: $0 + 1) }
            if known.title == nil { known.title = page.title }
        } else {
            lines = Lines.paragraphs(body)
        }
        return TextReader.article(lines, file: file, format: .json, known: known)
    }
}
