/// Class/id/tag heuristics that tell article text from page furniture.
enum Hints {
    /// Subtrees that never hold article text.
    static let prunedTags: Set<String> = [
        "script", "style", "noscript", "template", "nav", "footer", "aside", "header", "iframe",
        "svg", "canvas", "figure", "figcaption", "video", "audio", "object", "embed", "select",
        "option", "button", "label", "input", "textarea", "map", "dialog", "menu", "head", "title",
        "picture", "img", "source", "link", "meta"
    ]

    /// Substrings of class/id marking furniture (comments, share bars, related links, promos...).
    private static let negativeSubstrings = [
        "comment", "disqus", "related", "share", "sharing", "social", "newsletter", "subscribe",
        "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "advert", "sponsor", "sidebar",
        "footer", "breadcrumb", "masthead", "popup", "modal", "pagination", "pager", "caption",
        "outbrain", "taboola", "recommend", "trending", "popular", "most-read", "mostread",
        "author-bio", "authorbio", "byline", "toolbar", "skip-link", "sr-only", "visually-hidden",
        "visuallyhidden", "screen-reader", "screenreader", "read-more", "readmore", "more-stories",
        "navbar", "navigation", "menu", "banner", "dateline", "timestamp", "credit", "copyright",
        "headline", "tag-list", "taglist", "keywords", "jump-link", "print-only", "widget", "signin",
        "login", "paywall", "overlay", "tooltip", "hidden-print", "subnav", "site-header", "masthead",
        "inline-link", "bottom-of-article", "article-meta", "post-meta", "entry-meta", "rating",
        "alert", "notification", "storyline", "see-also", "further-reading",
    ]

    /// Whole class/id tokens that are furniture but too short to match as substrings.
    private static let negativeTokens: Set<String> = [
        "ad", "ads", "adv", "nav", "tags", "meta", "date", "hide", "hidden", "aside", "rail",
        "teaser", "teasers", "topics", "author", "share", "byline", "dateline", "kicker", "eyebrow",
        "photo", "image", "img", "video", "gallery", "media", "print", "lede-art", "note", "promo",
    ]

    /// Substrings that mark the article body container; they protect it from the negative list.
    private static let bodySubstrings = [
        "article-body", "articlebody", "article_body", "article__body", "story-body", "storybody",
        "post-body", "entry-content", "post-content", "article-content", "articlecontent",
        "story-content", "content-body", "body-text", "bodytext", "article-text", "articletext",
        "story-text", "main-content", "maincontent", "text-body", "post-text", "rich-text", "richtext",
        "hentry", "type-post",
    ]

    /// Lower-cased "class id" string, or nil when the element has neither.
    static func classAndID(_ n: Node) -> String? {
        let c = n.attr("class") ?? ""
        let i = n.attr("id") ?? ""
        if c.isEmpty && i.isEmpty { return nil }
        return (c + " " + i).lowercased()
    }

    static func isBodyContainer(_ hint: String) -> Bool {
        bodySubstrings.contains { hint.contains($0) }
    }

    /// True when a class/id says "furniture" and nothing says "this is the body".
    static func isFurniture(_ hint: String) -> Bool {
        if isBodyContainer(hint) { return false }
        if negativeSubstrings.contains(where: { hint.contains($0) }) { return true }
        var token = ""
        for ch in hint.unicodeScalars {
            if ch == " " || ch == "-" || ch == "_" {
                if negativeTokens.contains(token) { return true }
                token = ""
            } else {
                token.unicodeScalars.append(ch)
            }
        }
        return negativeTokens.contains(token)
    }

    /// Elements hidden from readers (screen-reader-only labels, collapsed widgets, templates).
    static func isHidden(_ n: Node) -> Bool {
        if n.hasAttr("hidden") { return true }
        if n.attr("aria-hidden")?.lowercased() == "true" { return true }
        if let style = n.attr("style")?.lowercased() {
            let compact = style.replacingSpaces
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    private static let positiveWords = ["article", "body", "content", "entry", "main", "post", "text", "blog", "story"]
    private static let negativeWords = [
        "comment", "foot", "footer", "masthead", "media", "meta", "outbrain", "promo", "related",
        "share", "sidebar", "sponsor", "shopping", "tags", "tool", "widget", "banner", "combx",
        "contact", "scroll", "shoutbox", "skyscraper", "hidden", "gdpr", "nav", "menu", "social",
    ]

    /// Readability-style class weight: +25 per attribute that says "content", -25 per "furniture".
    static func classWeight(_ n: Node) -> Double {
        var w = 0.0
        for name in ["class", "id"] {
            guard let v = n.attr(name)?.lowercased(), !v.isEmpty else { continue }
            if negativeWords.contains(where: { v.contains($0) }) && !isBodyContainer(v) { w -= 25 }
            if positiveWords.contains(where: { v.contains($0) }) { w += 25 }
        }
        return w
    }
}

extension String {
    fileprivate var replacingSpaces: String {
        String(unicodeScalars.filter { $0 != " " })
    }
}
