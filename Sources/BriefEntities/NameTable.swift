import BriefModel

/// Names known before reading any article (gazetteer or analysts' catalog), indexed the way
/// mentions are looked up: acronyms by exact capitals, everything else by lowercased words.
struct NameTable: Sendable {
    struct Entry: Sendable {
        var name: String
        var kind: Entity.Kind
        var aliases: [String]
        var description: String?
    }

    private(set) var entries: [Entry] = []
    /// Each entry's name as its lowercased key words, made once rather than per text naming it.
    private(set) var nameWords: [[String]] = []
    private var wordIndex = WordIndex()
    private var acronymIndex: [String: Int] = [:]

    /// Lookup key of a written name: its words lowercased, joined by one space, punctuation dropped.
    static func key(_ text: String) -> String {
        key(TextScanner.tokens(text))
    }

    static func key(_ tokens: some Collection<Token>) -> String {
        var out = ""
        for t in tokens where t.kind != .punct {
            if !out.isEmpty { out += " " }
            out += t.lower
        }
        return out
    }

    /// A run's key and its `WordHash`, made once for every table the run is looked up in; a
    /// one-word run's are its token's own lowercase and hash.
    static func hashedKey(_ tokens: ArraySlice<Token>) -> (key: String, hash: UInt64) {
        if tokens.count == 1, let only = tokens.first, only.kind != .punct { return (only.lower, only.lowerHash) }
        let key = key(tokens)
        return (key, WordHash.of(key))
    }

    /// A single all-capitals token is looked up as an acronym only, so "WHO" never matches "Who".
    static func acronym(_ text: String) -> String? {
        let tokens = TextScanner.tokens(text).filter { $0.kind != .punct }
        guard tokens.count == 1, tokens[0].allCaps else { return nil }
        return tokens[0].text
    }

    @discardableResult
    mutating func add(_ entry: Entry) -> Int {
        let index = entries.count
        entries.append(entry)
        nameWords.append(NameTable.key(entry.name).split(separator: " ").map(String.init))
        for name in [entry.name] + entry.aliases { register(name, to: index) }
        return index
    }

    /// Adds another name for an existing entry.
    mutating func register(_ name: String, to entry: Int) {
        if let acronym = NameTable.acronym(name) {
            if acronymIndex[acronym] == nil { acronymIndex[acronym] = entry }
            return
        }
        let key = NameTable.key(name)
        if !key.isEmpty, wordIndex[key] == nil { wordIndex[key] = entry }
    }

    func lookup(key: String) -> Int? { wordIndex[key] }

    /// A single word looked up by its key, the token's lowercase (whose hash it carries).
    func lookup(word t: Token) -> Int? { wordIndex[t] }

    func lookup(acronym: String) -> Int? { acronymIndex[acronym] }

    /// Looks a run of name tokens up: one all-caps token as an acronym, anything else by its key.
    func lookup(_ tokens: ArraySlice<Token>) -> Int? {
        if tokens.count == 1, let only = tokens.first, only.allCaps {
            return acronymIndex[only.text] ?? wordIndex[only]
        }
        return wordIndex[NameTable.key(tokens)]
    }

    /// The same with the run's key (`NameTable.key(tokens)`) and its hash made by the caller, once
    /// for both tables.
    func lookup(_ tokens: ArraySlice<Token>, key: String, hash: UInt64) -> Int? {
        if tokens.count == 1, let only = tokens.first, only.allCaps {
            return acronymIndex[only.text] ?? wordIndex[only]
        }
        return wordIndex[key, hash: hash]
    }
}
