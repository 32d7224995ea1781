import BriefModel
import Foundation

/// Turns an archive into every file of the site.
public enum SiteRenderer {
    /// Every page of the site. Assets are copied by the caller. buildDate is "YYYY-MM-DD".
    public static func pages(for archive: Archive, templates: TemplateSet, buildDate: String) throws(Diagnostic) -> [Page] {
        let site = SiteIndex(archive: archive, buildDate: buildDate)
        var pages: [Page] = []
        func html(_ path: String, _ template: String, _ context: [String: Any]) throws(Diagnostic) {
            pages.append(Page(path: path, text: try templates.render(template, context)))
        }

        try html("index.html", "home", site.homeContext())
        try html("briefs/index.html", "brief-list", site.briefListContext())
        pages += try parallel(archive.briefs.count) { i throws(Diagnostic) in
            let brief = archive.briefs[i]
            return [Page(path: "briefs/\(brief.id).html", text: try templates.render("brief", site.briefContext(brief))),
                    Page(path: "briefs/\(brief.id).md", text: briefMarkdown(brief))]
        }
        let briefIDs = Set(archive.briefs.map(\.id))
        for (old, new) in archive.redirects.sorted(by: { $0.key < $1.key })
        where !briefIDs.contains(old) && old != new && !old.isEmpty && old != "index" {
            try html("briefs/\(old).html", "redirect", site.redirectContext(old: old, new: new))
        }
        try html("entities/index.html", "entity-index", site.entityIndexContext())
        pages += try parallel(archive.entities.count) { i throws(Diagnostic) in
            let entity = archive.entities[i]
            return [Page(path: "entities/\(entity.id).html", text: try templates.render("entity", site.entityContext(entity)))]
        }
        try html("timeline/index.html", "timeline", site.timelineContext())
        if site.timelineIsPaged {
            for page in site.timelinePages { try html("timeline/\(page.file)", "timeline", site.timelineContext(page: page)) }
        }
        try html("notes/index.html", "note-index", site.noteIndexContext())
        pages += try parallel(archive.notes.count) { i throws(Diagnostic) in
            let note = archive.notes[i]
            return [Page(path: "notes/\(note.id).html", text: try templates.render("note", site.noteContext(note)))]
        }
        for tag in site.tags {
            try html("tags/\(tag.slug).html", "tag", site.tagContext(tag))
        }
        try html("sources/index.html", "source-index", site.sourceIndexContext())
        for outlet in site.outlets {
            try html("sources/\(outlet.slug).html", "source", site.sourceContext(outlet))
        }
        try html("search.html", "search", site.searchPageContext())
        try html("404.html", "404", site.notFoundContext())
        pages += SearchIndex.pages(site: site)
        pages.append(Page(path: "archive.json", bytes: ArchiveJSON.bytes(site: site)))
        pages.append(Page(path: "feed.xml", text: Feeds.atom(site: site)))
        pages.append(Page(path: "sitemap.xml", text: Feeds.sitemap(site: site, pages: pages)))
        return pages
    }

    /// Runs `work` for 0..<count on all cores; results in index order; the first error (by index) is thrown.
    static func parallel(_ count: Int, _ work: @Sendable (Int) throws(Diagnostic) -> [Page]) throws(Diagnostic) -> [Page] {
        let results = parallelMap(Array(0..<count)) { i -> Result<[Page], Diagnostic> in
            do throws(Diagnostic) { return .success(try work(i)) } catch { return .failure(error) }
        }
        var pages: [Page] = []
        for result in results { pages += try result.get() }
        return pages
    }

    /// The Markdown a brief page is rendered from (also written as `briefs/<id>.md`).
    public static func briefMarkdown(_ brief: Brief) -> String {
        var md = "---\n"
        md += "id: \(yaml(brief.id))\n"
        md += "title: \(yaml(brief.title))\n"
        md += "date: \(brief.date.map { yaml($0.description) } ?? "null")\n"
        md += "published: \(brief.published.map { yaml($0.description) } ?? "null")\n"
        if brief.sources.isEmpty {
            md += "sources: []\n"
        } else {
            md += "sources:\n"
            for s in brief.sources { md += "  - \(yaml(s.file))\n" }
        }
        md += "---\n\n"
        md += "# \(Markdown.escapeText(brief.title))\n\n"
        var meta: [String] = []
        if let date = brief.date { meta.append("Event date: \(date)") }
        if let published = brief.published { meta.append("Published: \(published)") }
        if let dateline = brief.dateline, !dateline.isEmpty { meta.append("Dateline: \(Markdown.escapeText(dateline))") }
        if !meta.isEmpty { md += "*" + meta.joined(separator: " · ") + "*\n\n" }
        let summary = brief.summary.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        if !summary.isEmpty { md += "**Summary:** \(Markdown.escapeText(summary))\n\n" }
        for p in brief.paragraphs {
            let text = p.trimmingCharacters(in: .whitespacesAndNewlines)
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
                    let text = p.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !text.isEmpty { md += Markdown.escapeText(text) + "\n\n" }
                }
            }
        }
        return md
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
        line += " (`\(s.file.replacingOccurrences(of: "`", with: "'"))`)"
        if let copy = s.copyOf { line += " — same text as `\(copy.replacingOccurrences(of: "`", with: "'"))`" }
        return line
    }

    static func yaml(_ s: String) -> String { YAMLScalar.quoted(s) }
}
