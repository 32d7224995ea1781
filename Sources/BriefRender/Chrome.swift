import BriefModel

/// Which header and footer a page has: its depth in the site and its section.
struct ChromeKey: Hashable, Sendable {
    var root: String
    var nav: String
}

/// A page's header and footer, rendered once per folder depth and section instead of once per
/// page: the same navigation markup on fifteen thousand pages was a fifth of the site's Mustache work.
struct Chrome: Sendable {
    /// What they are made from, which every page's context starts with (`SiteIndex.base`).
    var context: Fields
    var header: String
    var footer: String
    /// Empty when the templates have no `head-links` (their `base` does not read it).
    var headLinks: String

    init(_ templates: TemplateSet, _ context: Fields) {
        self.context = context
        header = templates.fragment(Fragment.header, context)
        footer = templates.fragment(Fragment.footer, context)
        headLinks = templates.names.contains(Fragment.headLinks) ? templates.fragment(Fragment.headLinks, context) : ""
    }
}
