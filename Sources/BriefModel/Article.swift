/// What ingest makes of one raw article: clean paragraphs and the metadata found in them,
/// each field with the evidence it came from.
public struct Article: Sendable, Hashable {
    public enum Format: String, Sendable, Codable { case text, markdown, html, json }

    /// How an analyst placed this article by hand in its front matter (`story:`).
    public enum StoryChoice: Sendable, Hashable {
        case own
        case brief(String)
    }

    /// Path relative to the content folder; unique per article (JSON arrays add `#n`).
    public var file: String
    public var format: Format
    public var title: String?
    /// True when the title was made from the lead because the text had no headline.
    public var titleFromLead: Bool = false
    public var published: DayDate?
    /// When the reported event happened; the timeline uses it.
    public var eventDate: DayDate?
    public var outlet: String?
    /// The outlet this one credits as its source ("Source : Mehr News").
    public var originalOutlet: String?
    public var dateline: String?
    public var url: String?
    public var author: String?
    public var paragraphs: [String]
    public var storyChoice: StoryChoice?
    /// field -> where its value came from, e.g. `published` -> `line 1: "December 8, 2023"`.
    public var evidence: [String: String] = [:]
    public var warnings: [String] = []

    public init(file: String, format: Format, paragraphs: [String]) {
        self.file = file; self.format = format; self.paragraphs = paragraphs
    }

    public var body: String { paragraphs.joined(separator: "\n\n") }
}
