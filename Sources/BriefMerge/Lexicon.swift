/// Words that say nothing about which event an article reports.
enum Lexicon {
    /// Function words and news-reporting verbs; every outlet uses them for every event.
    static let stopWords: [String] = """
    a about above after again against all also although am an and any are around as at be because been before \
    being below between both but by can could did do does doing down during each either even ever every few for \
    from further had has have having he her here hers herself him himself his how however if in into is it its \
    itself just least less like made make many may me might more most much must my myself near neither no nor not \
    now of off on once one only or other our ours ourselves out over own per same several she should since so \
    some such than that the their theirs them themselves then there these they this those through thus to too \
    toward towards under until up upon us very via was we were what when where whether which while who whom whose \
    why will with within without would yet you your yours yourself said says say saying told tell according \
    reported report reports added adding news new also including include including get got go going went well \
    still another among along across already back first last later two three four five six seven eight nine ten \
    year years day days time week weeks month months today yesterday tomorrow mr mrs ms dr pm am et est edt gmt \
    ist http https www com html htm php org net article articles read more updated posted published
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Capitalised by spelling, not because they name someone: no name bonus.
    static let calendarWords: [String] = """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august \
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec the but and
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let stopHashes = WordHashes(stopWords.map(WordScanner.hash))
    static let calendarHashes = WordHashes(calendarWords.map(WordScanner.hash))
}
