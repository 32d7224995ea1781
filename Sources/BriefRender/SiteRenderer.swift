import BriefModel
import Foundation

/// Turns an archive into every file of the site.
public enum SiteRenderer {
    /// Every page of the site. Assets are copied by the caller. buildDate is "YYYY-MM-DD".
    public static func pages(for archive: Archive, templates: TemplateSet, buildDate: String) throws(Diagnostic) -> [Page] {
        let site = try SiteIndex(archive: archive, buildDate: buildDate, templates: templates)
        let parts = SitePart.all(site)
        // The parts are independent: make them on all cores, the slowest first so none is left
        // running alone at the end, and list their pages in the parts' order (the sitemap's too).
        let slowestFirst = parts.indices.sorted { (parts[$0].isSlow ? 0 : 1, $0) < (parts[$1].isSlow ? 0 : 1, $1) }
        let made = parallelMap(slowestFirst) { i -> Result<[Page], Diagnostic> in
            do throws(Diagnostic) { return .success(try parts[i].pages(site: site, templates: templates)) } catch { return .failure(error) }
        }
        var byPart = [Result<[Page], Diagnostic>?](repeating: nil, count: parts.count)
        for (k, i) in slowestFirst.enumerated() { byPart[i] = made[k] }
        var pages: [Page] = []
        pages.reserveCapacity(archive.briefs.count * 2 + archive.entities.count + archive.notes.count + 64)
        for result in byPart { pages += try result!.get() }
        pages.append(Page(path: "sitemap.xml", text: Feeds.sitemap(site: site, pages: pages)))
        return pages
    }

    /// The Markdown a brief page is rendered from (also written as `briefs/<id>.md`).
    public static func briefMarkdown(_ brief: Brief) -> String {
        let parts = briefMarkdownParts(brief)
        return parts.frontMatter + parts.body
    }

    /// A brief's Markdown in two: the front matter through its closing `---` line, and the body
    /// after it (which the page's HTML is made from).
    static func briefMarkdownParts(_ brief: Brief) -> (frontMatter: String, body: String) {
        var fm = "---\n"
        fm += "id: \(yaml(brief.id))\n"
        fm += "title: \(yaml(brief.title))\n"
        fm += "date: \(brief.date.map { yaml($0.description) } ?? "null")\n"
        fm += "published: \(brief.published.map { yaml($0.description) } ?? "null")\n"
        if brief.sources.isEmpty {
            fm += "sources: []\n"
        } else {
            fm += "sources:\n"
            for s in brief.sources { fm += "  - \(yaml(s.file))\n" }
        }
        fm += "---\n"
        var md = "\n# \(Markdown.escapeText(brief.title))\n\n"
        var meta: [String] = []
        if let date = brief.date { meta.append("Event date: \(date)") }
        if let published = brief.published { meta.append("Published: \(published)") }
        if let dateline = brief.dateline, !dateline.isEmpty { meta.append("Dateline: \(Markdown.escapeText(dateline))") }
        if !meta.isEmpty { md += "*" + meta.joined(separator: " · ") + "*\n\n" }
        let summary = Whitespace.trimmed(brief.summary.joined(separator: " "))
        if !summary.isEmpty { md += "**Summary:** \(Markdown.escapeText(summary))\n\n" }
        for p in brief.paragraphs {
            let text = Whitespace.trimmed(p)
            if !text.isEmpty { md += Markdown.escapeText(text) + "\n\n" }
        }
        if !brief.sources.isEmpty {
            md += "## Sources\n\n"
            for s in brief.sources { md += "- " + sourceLine(s) + "\n" }
            md += "\n"
        }
        let additions = brief.additions.filter { !$0.paragraphs.isEmpty }
        if !additions.isEmpty {
            md += "## What other sources add\n\n"
            let byFile = Dictionary(brief.sources.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
            for a in additions {
                let s = byFile[a.source]
                let name = s?.outlet ?? s?.title ?? a.source
                md += "### \(Markdown.escapeText(name))\n\n"
                for p in a.paragraphs {
                    let text = Whitespace.trimmed(p)
                    if !text.isEmpty { md += Markdown.escapeText(text) + "\n\n" }
                }
            }
        }
        return (fm, md)
    }

    static func sourceLine(_ s: Brief.Source) -> String {
        var parts: [String] = []
        parts.append("**\(Markdown.escapeText(s.outlet ?? "Unknown outlet"))**")
        if let title = s.title, !title.isEmpty { parts.append("“\(Markdown.escapeText(title))”") }
        if let d = s.published { parts.append(d.description) }
        if let url = s.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
            parts.append("[original](\(Markdown.destination(url)))")
        }
        var line = parts.joined(separator: ", ")
        line += " (`\(noBackticks(s.file))`)"
        if let copy = s.copyOf { line += " — same text as `\(noBackticks(copy))`" }
        return line
    }

    /// A file name fit for a code span (Foundation's replace only when there is a backtick to replace).
    static func noBackticks(_ s: String) -> String {
        s.utf8.contains(UInt8(ascii: "`")) ? s.replacingOccurrences(of: "`", with: "'") : s
    }

    static func yaml(_ s: String) -> String { YAMLScalar.quoted(s) }
}
