/// One brief of the archive: a merged story with its headline, event date, summary and sources.
public struct Brief: Sendable {
    public struct Source: Sendable, Hashable {
        public var file: String
        public var outlet: String?
        public var title: String?
        public var published: DayDate?
        public var url: String?
        public var dateline: String?
        /// Set when this source carries the same text as another (its file).
        public var copyOf: String?
        public init(file: String, outlet: String?, title: String?, published: DayDate?, url: String?,
                    dateline: String? = nil, copyOf: String? = nil) {
            self.file = file; self.outlet = outlet; self.title = title; self.published = published
            self.url = url; self.dateline = dateline; self.copyOf = copyOf
        }
    }

    /// Sentences only one other source reported, shown under that source.
    public struct Addition: Sendable, Hashable {
        public var source: String
        public var paragraphs: [String]
        public init(source: String, paragraphs: [String]) { self.source = source; self.paragraphs = paragraphs }
    }

    public var id: String
    public var title: String
    public var date: DayDate?
    public var dateEvidence: String?
    public var published: DayDate?
    public var dateline: String?
    public var summary: [String]
    public var paragraphs: [String]
    public var sources: [Source]
    public var additions: [Addition]
    public var formerIDs: [String]
    /// Entity ids, most mentioned first; filled by the entity stage.
    public var entities: [String] = []

    public init(id: String, title: String, date: DayDate?, dateEvidence: String?, published: DayDate?,
                dateline: String?, summary: [String], paragraphs: [String], sources: [Source],
                additions: [Addition], formerIDs: [String]) {
        self.id = id; self.title = title; self.date = date; self.dateEvidence = dateEvidence
        self.published = published; self.dateline = dateline; self.summary = summary
        self.paragraphs = paragraphs; self.sources = sources; self.additions = additions
        self.formerIDs = formerIDs
    }

    /// All text of the brief: the lead's paragraphs and what other sources add.
    public var allParagraphs: [String] { paragraphs + additions.flatMap(\.paragraphs) }
}
