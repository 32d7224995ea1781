import BriefModel

/// The archive on a time axis: briefs at their event date, notes at theirs; undated last, never dropped.
enum TimelineAssembly {
    static func entries(briefs: [Brief], notes: [Note]) -> [Archive.TimelineEntry] {
        let all = briefs.map { Archive.TimelineEntry(date: $0.date, kind: .brief, id: $0.id) }
            + notes.map { Archive.TimelineEntry(date: $0.date, kind: .note, id: $0.id) }
        return all.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?): return x != y ? x < y : (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
            case (nil, nil): return (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
            case (nil, _): return false
            case (_, nil): return true
            }
        }
    }
}
