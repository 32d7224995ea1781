import BriefModel

/// Resolves mentions to one set of names per real thing: partial names to the full name
/// written in the same text, then across the archive spelling variants of the same person,
/// acronyms to their expansions and lone surnames to the only person carrying them.
/// Candidates are found through hashed blocking keys, never by comparing all names.
struct EntityResolver {
    let gazetteer: Gazetteer
    let catalog: EntityCatalog

    private(set) var nodes: [NameNode] = []
    private var nodeIndex: [String: Int] = [:]
    /// Node of each mention; nil when dropped (an ambiguous lone surname).
    private(set) var mentionNode: [Int?] = []
    private var sets = NodeSets(count: 0)
    /// Single-word nodes naming two or more people: never an entity of their own.
    private(set) var ambiguous: Set<Int> = []

    init(gazetteer: Gazetteer, catalog: EntityCatalog) {
        self.gazetteer = gazetteer; self.catalog = catalog
    }

    mutating func resolve(_ mentions: [Mention], briefCount: Int) {
        let targets = localTargets(mentions)
        mentionNode = []
        mentionNode.reserveCapacity(mentions.count)
        for (m, mention) in mentions.enumerated() {
            guard targets[m] != -1 else { mentionNode.append(nil); continue }
            let target = mentions[targets[m] ?? m]
            let key: String
            var words = target.words.map { $0.lowercased() }
            switch target.known {
            case .catalog(let i)?:
                key = "#c\(i)"; words = Self.words(catalog.names.entries[i].name)
            case .gazetteer(let i)?:
                key = "#g\(i)"; words = Self.words(gazetteer.names.entries[i].name)
            case nil:
                key = NameNode.key(target.words)
            }
            let node: Int
            if let existing = nodeIndex[key] {
                node = existing
            } else {
                node = nodes.count
                nodeIndex[key] = node
                nodes.append(NameNode(key: key, known: target.known, words: words))
            }
            nodes[node].absorb(mention, isBrief: mention.text < briefCount)
            mentionNode.append(node)
        }
        sets = NodeSets(count: nodes.count)
        mergePeople()
        mergeAcronyms()
        mergeSurnames()
    }

    private static func words(_ name: String) -> [String] {
        NameTable.key(name).split(separator: " ").map(String.init)
    }

    /// Roots of all nodes, computed once.
    mutating func roots() -> [Int] { (0..<nodes.count).map { sets.find($0) } }

    // MARK: - Within one text

    /// For each mention, the mention of the same text carrying its full name (nil: itself;
    /// -1: an ambiguous surname to drop).
    private func localTargets(_ mentions: [Mention]) -> [Int?] {
        var targets = [Int?](repeating: nil, count: mentions.count)
        var start = 0
        while start < mentions.count {
            var end = start
            while end < mentions.count, mentions[end].text == mentions[start].text { end += 1 }
            linkText(mentions, start..<end, &targets)
            start = end
        }
        return targets
    }

    private func isPersonLike(_ m: Mention) -> Bool {
        switch m.known {
        case .catalog(let i)?: return catalog.names.entries[i].kind == .person
        case .gazetteer?: return false
        case nil:
            guard m.words.count >= 2, m.votes.organization == 0, m.votes.place == 0 else { return false }
            return m.votes.person > 0 || NameNode.looksLikePerson(m.words.map { $0.lowercased() }, gazetteer)
        }
    }

    private func linkText(_ mentions: [Mention], _ range: Range<Int>, _ targets: inout [Int?]) {
        var fullNames: [Int] = []
        var longNames: [Int] = []
        for m in range where mentions[m].words.count >= 2 {
            longNames.append(m)
            if isPersonLike(mentions[m]) { fullNames.append(m) }
        }
        guard !longNames.isEmpty else { return }
        for m in range where mentions[m].words.count == 1 {
            let mention = mentions[m]
            let word = mention.words[0]
            let lower = word.lowercased()
            if mention.isAcronym {
                guard mention.known == nil else { continue }
                if let full = longNames.first(where: {
                    mentions[$0].bracketAcronym == word || NameMatching.initials(mentions[$0].words) == word
                }) { targets[m] = full }
                continue
            }
            if case .catalog? = mention.known { continue }
            var candidates = fullNames.filter { mentions[$0].words.last!.lowercased() == lower }
            if candidates.isEmpty, mention.known == nil {
                candidates = fullNames.filter { NameMatching.spellingVariant(mentions[$0].words.last!.lowercased(), lower) }
            }
            if candidates.isEmpty, mention.known == nil {
                candidates = fullNames.filter { mentions[$0].words[0].lowercased() == lower }
            }
            guard let first = candidates.first else { continue }
            // Two different first names with this surname: two people, say nothing.
            let firstNames = Set(candidates.map { mentions[$0].words[0].lowercased() })
            let compatible = firstNames.allSatisfy { gazetteer.compatibleGiven($0, mentions[first].words[0].lowercased()) }
            if !compatible { targets[m] = -1; continue }
            targets[m] = candidates.max { mentions[$0].words.count < mentions[$1].words.count } ?? first
        }
    }

    // MARK: - Across the archive

    /// Joins two sets unless both are different known entries; a known entry stays the root.
    private mutating func merge(_ a: Int, _ b: Int) {
        let ra = sets.find(a), rb = sets.find(b)
        guard ra != rb else { return }
        switch (nodes[ra].known, nodes[rb].known) {
        case (.some, .some): return
        case (.some, nil): sets.attach(rb, into: ra)
        case (nil, _):
            // The bigger set keeps its root so canonical data stays with the most mentioned form.
            if nodes[rb].known != nil || nodes[rb].mentions >= nodes[ra].mentions { sets.attach(ra, into: rb) }
            else { sets.attach(rb, into: ra) }
        }
    }

    private func nodeKind(_ n: Int) -> Entity.Kind { nodes[n].kind(gazetteer, catalog) }

    /// Full names of people: same surname or a spelling variant of it, and first names that
    /// can be the same (equal, nickname, variant). Blocked by surname variant keys.
    private mutating func mergePeople() {
        var blocks: [String: [Int]] = [:]
        for n in nodes.indices where nodes[n].words.count >= 2 && nodeKind(n) == .person {
            for key in NameMatching.variantKeys(nodes[n].words.last!) { blocks[key, default: []].append(n) }
        }
        for (_, block) in blocks where block.count > 1 {
            let members = block.prefix(64)
            for (i, a) in members.enumerated() {
                for b in members.dropFirst(i + 1) {
                    let x = nodes[a].words, y = nodes[b].words
                    if NameMatching.spellingVariant(x.last!, y.last!), gazetteer.compatibleGiven(x[0], y[0]) {
                        merge(a, b)
                    }
                }
            }
        }
    }

    /// Acronyms to the one long name with those initials, or the one that wrote it in brackets.
    private mutating func mergeAcronyms() {
        var byInitials: [String: [Int]] = [:]
        for n in nodes.indices where nodes[n].words.count >= 2 {
            for a in nodes[n].bracketAcronyms {
                if let acronym = nodeIndex[a.lowercased()] { merge(acronym, n) }
                else if let known = gazetteer.names.lookup(acronym: a), let k = nodeIndex["#g\(known)"] { merge(n, k) }
            }
            guard nodes[n].known == nil, nodeKind(n) != .person else { continue }
            byInitials[NameMatching.initials(nodes[n].words), default: []].append(n)
        }
        for n in nodes.indices where nodes[n].known == nil && nodes[n].isAcronym {
            let initials = nodes[n].words[0].uppercased()
            guard initials.count >= 2, let candidates = byInitials[initials] else { continue }
            let roots = Set(candidates.map { sets.find($0) })
            if roots.count == 1 { merge(n, candidates[0]) }
        }
    }

    /// A surname written alone joins the only person with that surname (or a variant of it).
    private mutating func mergeSurnames() {
        var bySurname: [String: [Int]] = [:]
        for n in nodes.indices where nodes[n].words.count >= 2 && nodeKind(sets.find(n)) == .person {
            for key in NameMatching.variantKeys(nodes[n].words.last!) { bySurname[key, default: []].append(n) }
        }
        for n in nodes.indices where nodes[n].words.count == 1 && nodes[n].known == nil && !nodes[n].isAcronym {
            let kind = nodeKind(n)
            guard kind != .organization && kind != .place else { continue }
            let word = nodes[n].words[0]
            var roots: Set<Int> = []
            var firstNode: Int?
            for key in NameMatching.variantKeys(word) {
                for c in bySurname[key] ?? [] where NameMatching.spellingVariant(nodes[c].words.last!, word) {
                    roots.insert(sets.find(c)); firstNode = firstNode ?? c
                }
            }
            if roots.count == 1, let c = firstNode { merge(n, c) } else if roots.count > 1 { ambiguous.insert(n) }
        }
    }
}
