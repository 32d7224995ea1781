/// `Content/site.yml`: what the site is called and how it is built.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var language: String
    /// Absolute URL the site is published at, for the feed and sitemap only; pages link relatively.
    public var baseURL: String?
    /// Lets raw HTML in Markdown through cmark. Off by default: content is untrusted.
    public var unsafeHTML: Bool

    public init(title: String = "Briefing archive", description: String = "", language: String = "en",
                baseURL: String? = nil, unsafeHTML: Bool = false) {
        self.title = title; self.description = description; self.language = language
        self.baseURL = baseURL; self.unsafeHTML = unsafeHTML
    }
}
