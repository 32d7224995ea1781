import BriefModel

extension Merge {
    /// A brief from a story: the lead's text and headline, the event date with the reason it
    /// was chosen, an extractive summary, every source, and what the other sources add.
    public static func brief(from story: Story) -> Brief {
        let articles = story.members.map(\.article)
        let leadIndex = story.members.firstIndex { $0.role == .lead } ?? LeadChoice.best(articles)
        let lead = articles[leadIndex]
        let (date, evidence) = eventDate(lead: lead, members: articles)
        let published = articles.compactMap(\.published).min()
        let sources = story.members.map { m -> Brief.Source in
            var copyOf: String?
            if case .copy(let original) = m.role { copyOf = original }
            let a = m.article
            return Brief.Source(file: a.file, outlet: a.outlet, title: a.title, published: a.published,
                                url: a.url, dateline: a.dateline, copyOf: copyOf)
        }
        let texts = articles.map(SourceSentences.init)
        let reports = story.members.indices.filter { story.members[$0].role == .report }.map { texts[$0] }
        let distinct = articles.indices.filter { $0 != leadIndex }.map { (file: articles[$0].file, text: texts[$0]) }
        return Brief(id: story.id, title: LeadChoice.headline(articles, lead: lead), date: date, dateEvidence: evidence,
                     published: published, dateline: lead.dateline,
                     summary: SummaryChoice.sentences(lead: texts[leadIndex], others: reports),
                     paragraphs: lead.paragraphs, sources: sources,
                     additions: AdditionFinder.additions(lead: texts[leadIndex], others: distinct),
                     formerIDs: story.formerIDs)
    }

    /// The lead's event date, else the one most members give, else "on Thursday" counted
    /// back from the lead's publication date, else the earliest publication date.
    static func eventDate(lead: Article, members: [Article]) -> (DayDate?, String?) {
        if let d = lead.eventDate {
            let why = lead.evidence["eventDate"].map { ": \($0)" } ?? ""
            return (d, "event date of the lead report \(lead.file)\(why)")
        }
        var counts: [DayDate: Int] = [:]
        for a in members { if let d = a.eventDate { counts[d, default: 0] += 1 } }
        if let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            return (top.key, "event date given by \(top.value) of \(members.count) sources")
        }
        for a in [lead] + members { if let inferred = EventDateInference.infer(a) { return (inferred.date, inferred.evidence) } }
        if let first = members.filter({ $0.published != nil }).min(by: { $0.published! < $1.published! }) {
            return (first.published, "no event date in any source; earliest publication date, of \(first.file)")
        }
        return (nil, nil)
    }
}
