import BriefModel

/// All mentions written with the same name (same lookup key, or the same known entry),
/// before spelling variants, partial names and acronyms are merged.
/// Public, as plain data, because the build cache stores each text's nodes.
public struct NameNode: Sendable, Equatable {
    public var key: String
    public var known: KnownName?
    /// Lowercased name words of the key.
    public var words: [String]
    public var votes = KindVotes()
    /// Name as written (titles and honorifics off) -> count.
    public var forms: [String: Int] = [:]
    /// Everything it was written as, honorifics included: alias candidates.
    public var surfaces: [String: Int] = [:]
    public var mentions = 0
    public var briefMentions = 0
    public var nationalities: [Int: Int] = [:]
    public var roles: [String: Int] = [:]
    public var bracketAcronyms: Set<String> = []

    public init(key: String, known: KnownName?, words: [String]) {
        self.key = key; self.known = known; self.words = words
    }

    var isAcronym: Bool { words.count == 1 && forms.keys.allSatisfy(Self.isCapitals) }

    /// Whether a word is written in capitals and has a letter case changes (`word ==
    /// word.uppercased() && word != word.lowercased()`), told from the bytes of an ASCII word
    /// (most names): making both Strings was most of the resolver's acronym tests.
    static func isCapitals(_ word: String) -> Bool {
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var upper = false, lower = false
            for b in bytes {
                if b >= 0x80 { return nil }
                if b &- 0x41 < 26 { upper = true } else if b &- 0x61 < 26 { lower = true }
            }
            return upper && !lower
        }
        if let answer = ascii ?? nil { return answer }
        return word == word.uppercased() && word != word.lowercased()
    }

    /// Kind from the evidence, with a weak default: two or three plain words are most often a person.
    func kind(_ gazetteer: Gazetteer, _ catalog: EntityCatalog) -> Entity.Kind {
        switch known {
        case .catalog(let i)?: return catalog.names.entries[i].kind
        case .gazetteer(let i)?: return gazetteer.names.entries[i].kind
        case nil: break
        }
        if let winner = votes.winner { return winner }
        if isAcronym { return .organization }
        if Self.looksLikePerson(words, gazetteer) { return .person }
        return .other
    }

    /// Two to four plain words, none an institution word, a known place or organisation, or a
    /// demonym: news names like that are mostly people.
    static func looksLikePerson(_ lowerWords: [String], _ gazetteer: Gazetteer) -> Bool {
        guard (2...4).contains(lowerWords.count) else { return false }
        for w in lowerWords {
            if Self.isOneScalar(w) { continue }
            if isKeyword(w) || NameLexicon.notAlone.contains(w) || gazetteer.demonyms[w] != nil { return false }
            if !gazetteer.givenNames.contains(w),
               gazetteer.names.lookup(key: w) != nil || gazetteer.names.lookup(acronym: uppercased(w)) != nil {
                return false
            }
        }
        return true
    }

    /// `word.uppercased()`, made from the bytes of an ASCII word without Unicode case mapping.
    static func uppercased(_ word: String) -> String {
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() { out[i] = b &- 0x61 < 26 ? b - 0x20 : b }
                return bytes.count
            }
        }
        return (ascii ?? nil) ?? word.uppercased()
    }

    /// Whether a word is a single scalar (an initial), without counting all its scalars.
    private static func isOneScalar(_ word: String) -> Bool {
        var scalars = word.unicodeScalars.makeIterator()
        return scalars.next() != nil && scalars.next() == nil
    }

    static func isKeyword(_ word: String) -> Bool {
        NameLexicon.organizationWords.contains(word) || NameLexicon.placeWords.contains(word)
            || NameLexicon.otherWords.contains(word)
    }

    mutating func absorb(_ m: Mention, isBrief: Bool) {
        mentions += 1
        if isBrief { briefMentions += 1 }
        votes.add(m.votes)
        forms[m.words.joined(separator: " "), default: 0] += 1
        if !m.surface.isEmpty { surfaces[m.surface, default: 0] += 1 }
        if let n = m.nationality { nationalities[n, default: 0] += 1 }
        if let r = m.role { roles[r, default: 0] += 1 }
        if let a = m.bracketAcronym { bracketAcronyms.insert(a) }
    }

    /// Adds another node's evidence; key, known entry and words stay this node's.
    mutating func merge(_ other: NameNode) {
        mentions += other.mentions
        briefMentions += other.briefMentions
        votes.add(other.votes)
        for (k, v) in other.forms { forms[k, default: 0] += v }
        for (k, v) in other.surfaces { surfaces[k, default: 0] += v }
        for (k, v) in other.nationalities { nationalities[k, default: 0] += v }
        for (k, v) in other.roles { roles[k, default: 0] += v }
        bracketAcronyms.formUnion(other.bracketAcronyms)
    }

    /// Lookup key of lowercased name words; British and American spellings of institution words agree.
    static func key(lowerWords: [String]) -> String {
        var out = ""
        for lower in lowerWords {
            if !out.isEmpty { out += " " }
            switch lower {
            case "organisation": out += "organization"
            case "programme": out += "program"
            case "centre": out += "center"
            case "defence": out += "defense"
            default: out += lower
            }
        }
        return out
    }
}

/// Union-find over node indices.
struct NodeSets {
    private var parent: [Int]
    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var y = x
        while parent[y] != root { let next = parent[y]; parent[y] = root; y = next }
        return root
    }

    /// Makes `root`'s set part of `into`'s; both must be roots.
    mutating func attach(_ root: Int, into: Int) {
        if root != into { parent[root] = into }
    }
}
