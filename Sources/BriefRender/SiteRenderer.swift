import BriefModel
import Foundation

/// Turns an archive into every file of the site.
public enum SiteRenderer {
    /// Every page of the site at once, in the parts' order (the sitemap's), then the sitemap.
    /// Assets are copied by the caller. buildDate is "YYYY-MM-DD". A build streams with `render`.
    public static func pages(for archive: Archive, templates: TemplateSet, buildDate: String) throws(Diagnostic) -> [Page] {
        let made = PartSlots<[Page]>(empty: [])
        try render(archive, templates: templates, buildDate: buildDate) { (part: Int, pages: [Page]) throws(Diagnostic) in
            made[part] = pages
        }
        return Array(made.values.joined())
    }

    /// Every page of the site, each part's pages handed to `take` as soon as they are made, on the
    /// thread that made them (so `take` runs on all cores at once): a build writes them and lets
    /// them go, and holds only the pages being made, never the whole site. `part` is the part's
    /// index in `SitePart.all`; the sitemap comes last, as part `SitePart.all(site).count`.
    /// When parts fail, the error thrown is the first one in the parts' order.
    ///
    /// Brief and entity pages have keys (`PageKeys`): `keep` is asked, with a part's file paths
    /// and key, whether the files the last build made from that key can stand; when it says yes
    /// (having kept them), the part is not rendered and `take` does not see it. Returns every
    /// keyed part's paths and key, kept or made, for the next build to ask about.
    @discardableResult
    public static func render(_ archive: Archive, templates: TemplateSet, buildDate: String,
                              keep: (@Sendable (_ paths: [String], _ key: ContentHash) -> Bool)? = nil,
                              take: @Sendable (_ part: Int, _ pages: [Page]) throws(Diagnostic) -> Void) throws(Diagnostic) -> [KeyedFiles] {
        // The index lives in a box the render does not own, so that it is freed afterwards on
        // another thread: its tens of thousands of contexts took the build's one busy core for a while.
        let index = Spent(try SiteIndex(archive: archive, buildDate: buildDate, templates: templates))
        defer { index.free() }
        return try render(index.value, templates: templates, keep: keep, take: take)
    }

    private static func render(_ site: SiteIndex, templates: TemplateSet,
                               keep: (@Sendable (_ paths: [String], _ key: ContentHash) -> Bool)?,
                               take: @Sendable (_ part: Int, _ pages: [Page]) throws(Diagnostic) -> Void) throws(Diagnostic) -> [KeyedFiles] {
        let parts = SitePart.all(site)
        // The slow parts first, so none is left running alone at the end.
        let slowestFirst = parts.indices.sorted { (parts[$0].isSlow ? 0 : 1, $0) < (parts[$1].isSlow ? 0 : 1, $1) }
        // Only the sitemap's lines of each part's pages stay, made by the thread that made them;
        // the sitemap lists them in the parts' order.
        let base = Feeds.base(site)
        let sitemap = PartSlots<[UInt8]>(count: parts.count, empty: [])
        let keyed = PartSlots<KeyedFiles?>(count: parts.count, empty: nil)
        let failure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: slowestFirst.count) { k in
            let i = slowestFirst[k]
            guard !failure.precedes(i) else { return }
            if let (files, key) = parts[i].keyed(site: site) {
                keyed[i] = KeyedFiles(paths: files, key: key)
                if let keep, keep(files, key) { sitemap[i] = Feeds.sitemapEntries(files, base: base); return }
            }
            do throws(Diagnostic) {
                let pages = try parts[i].pages(site: site, templates: templates)
                sitemap[i] = Feeds.sitemapEntries(pages.map(\.path), base: base)
                try take(i, pages)
            } catch {
                failure.record(error, part: i)
            }
        }
        if let error = failure.error { throw error }
        try take(parts.count, [Page(path: "sitemap.xml", bytes: Feeds.sitemap(sitemap.values))])
        return keyed.values.compactMap { $0 }
    }

    /// A part's files and the key they are made from.
    public struct KeyedFiles: Sendable {
        public var paths: [String]
        public var key: ContentHash
    }

    /// The Markdown a brief page is rendered from (also written as `briefs/<id>.md`).
    public static func briefMarkdown(_ brief: Brief) -> String {
        let parts = briefMarkdownParts(brief)
        return parts.frontMatter + parts.body
    }

    /// A brief's Markdown in two: the front matter through its closing `---` line, and the body
    /// after it (which the page's HTML is made from).
    static func briefMarkdownParts(_ brief: Brief) -> (frontMatter: String, body: String) {
        // Pieces are appended in place: interpolating each line and `+`-ing an escaped paragraph
        // to "\n\n" made two temporary Strings per line.
        var fm = "---\n"
        fm.reserveCapacity(160 + brief.sources.count * 48)
        fm += "id: "; appendYAML(brief.id, to: &fm); fm += "\n"
        fm += "title: "; appendYAML(brief.title, to: &fm); fm += "\n"
        fm += "date: "; if let date = brief.date { appendYAML(date.description, to: &fm) } else { fm += "null" }; fm += "\n"
        fm += "published: "; if let published = brief.published { appendYAML(published.description, to: &fm) } else { fm += "null" }; fm += "\n"
        if brief.sources.isEmpty {
            fm += "sources: []\n"
        } else {
            fm += "sources:\n"
            for s in brief.sources { fm += "  - "; appendYAML(s.file, to: &fm); fm += "\n" }
        }
        fm += "---\n"
        var md = "\n# "
        md.reserveCapacity(markdownSizeEstimate(brief))
        md += Markdown.escapeText(brief.title); md += "\n\n"
        var meta: [String] = []
        if let date = brief.date { meta.append("Event date: \(date)") }
        if let published = brief.published { meta.append("Published: \(published)") }
        if let dateline = brief.dateline, !dateline.isEmpty { meta.append("Dateline: \(Markdown.escapeText(dateline))") }
        if !meta.isEmpty { md += "*"; md += meta.joined(separator: " · "); md += "*\n\n" }
        let summary = Whitespace.trimmed(brief.summary.joined(separator: " "))
        if !summary.isEmpty { md += "**Summary:** "; md += Markdown.escapeText(summary); md += "\n\n" }
        for p in brief.paragraphs {
            let text = Whitespace.trimmed(p)
            if !text.isEmpty { md += Markdown.escapeText(text); md += "\n\n" }
        }
        if !brief.sources.isEmpty {
            md += "## Sources\n\n"
            for s in brief.sources { md += "- "; appendSourceLine(s, to: &md); md += "\n" }
            md += "\n"
        }
        let additions = brief.additions.filter { !$0.paragraphs.isEmpty }
        if !additions.isEmpty {
            md += "## What other sources add\n\n"
            let byFile = Dictionary(brief.sources.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
            for a in additions {
                let s = byFile[a.source]
                let name = s?.outlet ?? s?.title ?? a.source
                md += "### "; md += Markdown.escapeText(name); md += "\n\n"
                for p in a.paragraphs {
                    let text = Whitespace.trimmed(p)
                    if !text.isEmpty { md += Markdown.escapeText(text); md += "\n\n" }
                }
            }
        }
        return (fm, md)
    }

    /// Room for a brief's Markdown body: its texts, plus a little for escapes and the lines around them.
    private static func markdownSizeEstimate(_ brief: Brief) -> Int {
        var size = 256 + brief.title.utf8.count + brief.sources.count * 160
        for p in brief.summary { size += p.utf8.count + 1 }
        for p in brief.paragraphs { size += p.utf8.count + 8 }
        for a in brief.additions { size += 32; for p in a.paragraphs { size += p.utf8.count + 8 } }
        return size
    }

    /// A source's list line, appended to the body in place (made as a String of its own, it grew
    /// several times per source).
    static func appendSourceLine(_ s: Brief.Source, to out: inout String) {
        out += "**"
        out += Markdown.escapeText(s.outlet ?? "Unknown outlet"); out += "**"
        if let title = s.title, !title.isEmpty { out += ", “"; out += Markdown.escapeText(title); out += "”" }
        if let d = s.published { out += ", "; out += d.description }
        if let url = s.url, url.hasPrefix("http://") || url.hasPrefix("https://") {
            out += ", [original]("; out += Markdown.destination(url); out += ")"
        }
        out += " (`"; out += noBackticks(s.file); out += "`)"
        if let copy = s.copyOf { out += " — same text as `"; out += noBackticks(copy); out += "`" }
    }

    /// A file name fit for a code span (Foundation's replace only when there is a backtick to replace).
    static func noBackticks(_ s: String) -> String {
        s.utf8.contains(UInt8(ascii: "`")) ? s.replacingOccurrences(of: "`", with: "'") : s
    }

    /// Appends `YAMLScalar.quoted(s)`, without its scalar-by-scalar copy for the usual text that has nothing to escape.
    static func appendYAML(_ s: String, to out: inout String) {
        let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { out += "\""; out += s; out += "\"" } else { out += YAMLScalar.quoted(s) }
    }
}

/// One value per site part, filled in from the threads that make the parts.
private final class PartSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let empty: Value
    private var slots: [Value]

    init(count: Int = 0, empty: Value) { self.empty = empty; slots = Array(repeating: empty, count: count) }

    subscript(part: Int) -> Value {
        get { lock.lock(); defer { lock.unlock() }; return part < slots.count ? slots[part] : empty }
        set {
            lock.lock()
            if part >= slots.count { slots += Array(repeating: empty, count: part + 1 - slots.count) }
            slots[part] = newValue
            lock.unlock()
        }
    }

    var values: [Value] { lock.lock(); defer { lock.unlock() }; return slots }
}

/// The failure of the first part, in the parts' order, among those that failed. Parts after a
/// failed one are not made (the build stops), but those before it are, so the error reported
/// does not depend on which thread got where first.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (part: Int, error: Diagnostic)?

    var error: Diagnostic? { lock.lock(); defer { lock.unlock() }; return first?.error }

    /// Whether a part before `part` failed already (so `part` need not be made).
    func precedes(_ part: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return (first?.part ?? Int.max) < part }

    func record(_ error: Diagnostic, part: Int) {
        lock.lock()
        if part < first?.part ?? Int.max { first = (part, error) }
        lock.unlock()
    }
}
