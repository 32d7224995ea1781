import BriefIngest
import BriefModel
import Yams

/// `site.yml`: title, description, language, base_url and options (`unsafe_html`).
enum SiteConfigReader {
    static let known: Set<String> = ["title", "description", "language", "base_url", "unsafe_html"]

    static func parse(_ text: String, file: String) throws(Diagnostic) -> SiteConfig {
        let front: FrontMatter
        do {
            front = try FrontMatter.parse("---\n" + text + "\n---\n", file: file)
        } catch {
            var shifted = error   // the added opening line shifts every line by one
            shifted.line = error.line.map { max(1, $0 - 1) }
            throw shifted
        }
        var config = SiteConfig()
        for key in front.fields.keys where !known.contains(key) {
            throw Diagnostic(.error, file: file, line: front.lines[key].map { $0 - 1 }, "unknown setting `\(key)` (known: \(known.sorted().joined(separator: ", ")))")
        }
        if let t = front.text("title") { config.title = t }
        if let d = front.text("description") { config.description = d }
        if let l = front.text("language") { config.language = l }
        config.baseURL = front.text("base_url")
        if let u = front.text("unsafe_html") {
            guard let flag = Bool(u.lowercased()) else {
                throw Diagnostic(.error, file: file, line: front.lines["unsafe_html"].map { $0 - 1 }, "unsafe_html must be true or false")
            }
            config.unsafeHTML = flag
        }
        return config
    }
}
