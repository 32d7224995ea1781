import BriefModel

/// The templates rendered once and pasted into many pages, the way Hugo's `partialCached`
/// works: a brief is listed on the page of every entity it mentions, an entity on every brief
/// that mentions it, and the same header and footer are on every page. Rendering them tag by
/// tag, page after page, was most of the site's Mustache time.
enum Fragment {
    /// `link` of a brief item: how entity pages list a brief.
    static let briefLink = "brief-link"
    /// `chip` of an entity link: how brief pages list an entity.
    static let entityChip = "entity-chip"
    /// Every page's `header` and `footer` (see `Chrome`).
    static let header = "header", footer = "footer"
    /// Every page's `headLinks` (see `Chrome`): the description, stylesheet, icon and feed links
    /// of `<head>`. Optional, like `relatedEntity`: a templates folder from before they existed
    /// does not read them.
    static let headLinks = "head-links"
    /// A related entity on an entity page with its count of shared briefs (`relatedLinks`),
    /// rendered once per entity and count.
    static let relatedEntity = "related-entity"
    /// An entity named by a timeline entry (`entityLinks`), rendered once per entity. Optional.
    static let timelineEntity = "timeline-entity"

    /// All four exist (checked once, so that rendering them cannot fail later).
    static func check(_ templates: TemplateSet) throws(Diagnostic) {
        for name in [briefLink, entityChip, header, footer] where !templates.names.contains(name) {
            throw Diagnostic(.error, file: "\(templates.folderName)/\(name).mustache",
                             "template is missing: page headers and footers, brief lists and entity chips are rendered from these fragments")
        }
    }
}

extension TemplateSet {
    /// A fragment checked by `Fragment.check`, rendered with the same HTML escaping as pages.
    /// The final newline of its file is not part of it: the page's template places it.
    func fragment(_ name: String, _ context: Fields) -> String {
        var html = library.render(context, withTemplate: name) ?? ""
        if html.hasSuffix("\n") { html.removeLast() }
        return html
    }

    /// The pieces of a list shown as one (`briefLinks`, `relatedLinks`, `entityChips`), one to a
    /// line, as a section over the list with the piece on a line of its own shows them: a
    /// section over tens of thousands of items costs Mustache a context and a few dynamic casts
    /// per item; the joined text is one tag.
    /// `separator` goes between pieces (a timeline entry's `entityLinks` are one line, ", " apart).
    static func joined(_ pieces: [String], separator: String = "\n") -> TagText {
        var text = ""
        text.reserveCapacity(pieces.reduce(pieces.count * separator.utf8.count) { $0 + $1.utf8.count })
        for (i, piece) in pieces.enumerated() {
            if i > 0 { text += separator }
            text += piece
        }
        return TagText(text)
    }
}
