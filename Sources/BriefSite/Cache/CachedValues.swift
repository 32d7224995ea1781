import BriefEntities
import BriefIngest
import BriefModel

/// How each cached value is laid out in a `CacheWriter` record, field by field.
extension CacheWriter {
    mutating func date(_ d: DayDate?) {
        optional(d) { w, d in
            w.int(d.year); w.int(d.month); w.int(d.day)
            w.int(d.precision == .day ? 0 : d.precision == .month ? 1 : 2)
        }
    }

    mutating func diagnostic(_ d: Diagnostic) {
        bool(d.severity == .error); string(d.file); optional(d.line) { $0.int($1) }; string(d.message)
    }

    mutating func article(_ a: Article) {
        string(a.file); string(a.format.rawValue); string(a.title); bool(a.titleFromLead)
        date(a.published); date(a.eventDate)
        string(a.outlet); string(a.originalOutlet); string(a.dateline); string(a.url); string(a.author)
        strings(a.paragraphs)
        optional(a.storyChoice) { w, c in
            switch c {
            case .own: w.bool(false)
            case .brief(let id): w.bool(true); w.string(id)
            }
        }
        array(a.evidence.sorted { $0.key < $1.key }) { w, e in w.string(e.key); w.string(e.value) }
        strings(a.warnings)
    }

    mutating func ingestResult(_ r: IngestResult) {
        array(r.articles) { $0.article($1) }
        array(r.diagnostics) { $0.diagnostic($1) }
        string(r.skipped)
        bool(r.repaired)
    }

    mutating func brief(_ b: Brief) {
        string(b.id); string(b.title); date(b.date); string(b.dateEvidence); date(b.published); string(b.dateline)
        strings(b.summary); strings(b.paragraphs)
        array(b.sources) { w, s in
            w.string(s.file); w.string(s.outlet); w.string(s.title); w.date(s.published)
            w.string(s.url); w.string(s.dateline); w.string(s.copyOf)
        }
        array(b.additions) { w, a in w.string(a.source); w.strings(a.paragraphs) }
        strings(b.formerIDs); strings(b.entities)
    }

    mutating func entityResult(_ r: EntityResult) {
        array(r.entities) { w, e in
            w.string(e.id); w.string(e.name); w.string(e.kind.rawValue); w.strings(e.aliases); w.string(e.description)
            w.strings(e.briefs); w.strings(e.notes); w.int(e.mentions)
            w.array(e.related) { w, r in w.string(r.id); w.int(r.count) }
            w.array(e.quotes) { w, q in w.string(q.text); w.string(q.brief) }
        }
        // Dictionaries in key order, so one result is always stored as the same bytes.
        for lists in [r.briefEntities, r.noteEntities] {
            array(lists.keys.sorted()) { w, k in w.string(k); w.strings(lists[k]!) }
        }
        array(r.aliasIndex.keys.sorted()) { w, k in w.string(k); w.string(r.aliasIndex[k]!) }
    }
}

extension CacheReader {
    mutating func date() -> DayDate? {
        optional { r in
            let y = r.int(), m = r.int(), d = r.int(), p = r.int()
            return DayDate(year: y, month: m, day: d, precision: p == 0 ? .day : p == 1 ? .month : .year)
        } ?? nil
    }

    mutating func diagnostic() -> Diagnostic {
        let severity: Diagnostic.Severity = bool() ? .error : .warning
        let file = string()
        let line = optional { $0.int() }
        return Diagnostic(severity, file: file, line: line, string())
    }

    mutating func article() -> Article {
        let file = string()
        let format = Article.Format(rawValue: string()) ?? .text
        var a = Article(file: file, format: format, paragraphs: [])
        a.title = optionalString(); a.titleFromLead = bool()
        a.published = date(); a.eventDate = date()
        a.outlet = optionalString(); a.originalOutlet = optionalString(); a.dateline = optionalString()
        a.url = optionalString(); a.author = optionalString()
        a.paragraphs = strings()
        a.storyChoice = optional { r in r.bool() ? .brief(r.string()) : .own }
        for (k, v) in array({ r in (r.string(), r.string()) }) { a.evidence[k] = v }
        a.warnings = strings()
        return a
    }

    mutating func ingestResult() -> IngestResult {
        var r = IngestResult()
        r.articles = array { $0.article() }
        r.diagnostics = array { $0.diagnostic() }
        r.skipped = optionalString()
        r.repaired = bool()
        return r
    }

    mutating func brief() -> Brief {
        let id = string(), title = string(), date = self.date(), dateEvidence = optionalString()
        let published = self.date(), dateline = optionalString()
        let summary = strings(), paragraphs = strings()
        let sources: [Brief.Source] = array { r in
            Brief.Source(file: r.string(), outlet: r.optionalString(), title: r.optionalString(), published: r.date(),
                         url: r.optionalString(), dateline: r.optionalString(), copyOf: r.optionalString())
        }
        let additions: [Brief.Addition] = array { r in Brief.Addition(source: r.string(), paragraphs: r.strings()) }
        var b = Brief(id: id, title: title, date: date, dateEvidence: dateEvidence, published: published,
                      dateline: dateline, summary: summary, paragraphs: paragraphs, sources: sources,
                      additions: additions, formerIDs: strings())
        b.entities = strings()
        return b
    }

    mutating func entityResult() -> EntityResult {
        let entities: [Entity] = array { r in
            var e = Entity(id: r.string(), name: r.string(), kind: Entity.Kind(rawValue: r.string()) ?? .other,
                           aliases: r.strings(), description: r.optionalString(), briefs: r.strings(), mentions: 0)
            e.notes = r.strings()
            e.mentions = r.int()
            e.related = r.array { r in (id: r.string(), count: r.int()) }
            e.quotes = r.array { r in Entity.Quote(text: r.string(), brief: r.string()) }
            return e
        }
        func lists(_ r: inout CacheReader) -> [String: [String]] {
            Dictionary(r.array { r in (r.string(), r.strings()) }, uniquingKeysWith: { a, _ in a })
        }
        let briefEntities = lists(&self), noteEntities = lists(&self)
        let aliasIndex = Dictionary(array { r in (r.string(), r.string()) }, uniquingKeysWith: { a, _ in a })
        return EntityResult(entities: entities, briefEntities: briefEntities, noteEntities: noteEntities, aliasIndex: aliasIndex)
    }
}
