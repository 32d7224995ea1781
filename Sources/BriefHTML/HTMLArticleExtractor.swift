import Foundation

/// What the reader recovers from one saved news web page.
public struct ExtractedPage: Sendable, Hashable {
    public var title: String?
    public var published: String?
    public var outlet: String?
    public var url: String?
    public var author: String?
    public var paragraphs: [String]

    public init(title: String? = nil, published: String? = nil, outlet: String? = nil,
                url: String? = nil, author: String? = nil, paragraphs: [String] = []) {
        self.title = title
        self.published = published
        self.outlet = outlet
        self.url = url
        self.author = author
        self.paragraphs = paragraphs
    }
}

/// Reads saved article pages with libxml2's HTML parser: metadata from meta tags, JSON-LD and
/// the DOM; body text by readability-style container scoring, cross-checked with JSON-LD articleBody.
public enum HTMLArticleExtractor {
    public static func extract(_ bytes: [UInt8]) -> ExtractedPage {
        guard let document = HTMLDocument(bytes: bytes), let root = document.root else { return ExtractedPage() }
        let meta = PageMetadata(root: root)
        let ld = JSONLD.parse(scripts: meta.jsonLDScripts)
        let m = MetadataResolver.resolve(meta, ld)
        let body = BodyExtractor.paragraphs(root: root, jsonLDBody: ld.articleBody, title: m.title)
        return ExtractedPage(title: m.title, published: m.published, outlet: m.outlet,
                             url: m.url, author: m.author, paragraphs: body)
    }
}
