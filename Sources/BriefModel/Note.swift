/// An analyst's note from `Content/notes`: Markdown with front matter, linked to briefs and entities.
public struct Note: Sendable {
    /// A `[[target]]` link in the body, with the line it is on (1-based, in the file).
    public struct Link: Sendable, Hashable {
        public var target: String
        public var line: Int
        public init(target: String, line: Int) { self.target = target; self.line = line }
    }

    public var id: String
    public var file: String
    public var title: String
    public var date: DayDate?
    public var author: String?
    public var tags: [String]
    /// Entity names or ids and brief ids named in front matter.
    public var declaredEntities: [String]
    public var declaredBriefs: [String]
    public var markdown: String
    /// Line in the file where the Markdown body starts (1-based).
    public var bodyLine: Int
    public var links: [Link]
    /// Resolved by the archive stage.
    public var entities: [String] = []
    public var briefs: [String] = []

    public init(id: String, file: String, title: String, date: DayDate?, author: String?, tags: [String],
                declaredEntities: [String], declaredBriefs: [String], markdown: String, bodyLine: Int, links: [Link]) {
        self.id = id; self.file = file; self.title = title; self.date = date; self.author = author
        self.tags = tags; self.declaredEntities = declaredEntities; self.declaredBriefs = declaredBriefs
        self.markdown = markdown; self.bodyLine = bodyLine; self.links = links
    }
}
