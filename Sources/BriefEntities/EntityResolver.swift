import BriefModel

/// Resolves mentions to one set of names per real thing (partial names were already linked to
/// the full name written in the same text by `TextNameLinks`): across the archive, spelling
/// variants of the same person, acronyms to their expansions and lone surnames to the only
/// person carrying them.
/// Candidates are found through hashed blocking keys, never by comparing all names.
struct EntityResolver {
    let gazetteer: Gazetteer
    let catalog: EntityCatalog

    private(set) var nodes: [NameNode] = []
    private var nodeIndex = WordIndex()   // node key -> node
    /// Node of each mention; nil when dropped (an ambiguous lone surname).
    private(set) var mentionNode: [Int?] = []
    /// Text of each mention.
    private(set) var mentionText: [Int] = []
    private var sets = NodeSets(count: 0)
    /// Single-word nodes naming two or more people: never an entity of their own.
    private(set) var ambiguous: Set<Int> = []

    init(gazetteer: Gazetteer, catalog: EntityCatalog) {
        self.gazetteer = gazetteer; self.catalog = catalog
    }

    /// Joins the parts' nodes into one node per name key (in order of first mention, as the
    /// texts come), then merges across the archive. `mentionNode` and `mentionText` get one
    /// entry per mention of every text, in order.
    mutating func resolve(_ parts: [NameSum]) {
        mentionNode = []
        mentionText = []
        let total = parts.reduce(0) { $0 + $1.mentionNode.count }
        mentionNode.reserveCapacity(total)
        mentionText.reserveCapacity(total)
        var t = 0
        for part in parts {
            var global: [Int] = []
            global.reserveCapacity(part.nodes.count)
            // By index: `for node in part.nodes` copied every node before merging it.
            for i in part.nodes.indices {
                let key = part.nodes[i].key, hash = WordHash.of(key)   // hashed once for both
                if let existing = nodeIndex[key, hash: hash] {
                    nodes[existing].merge(part.nodes[i])
                    global.append(existing)
                } else {
                    nodeIndex[key, hash: hash] = nodes.count
                    global.append(nodes.count)
                    nodes.append(part.nodes[i])
                }
            }
            for n in part.mentionNode { mentionNode.append(n < 0 ? nil : global[n]) }
            for count in part.mentions { mentionText.append(contentsOf: repeatElement(t, count: count)); t += 1 }
        }
        sets = NodeSets(count: nodes.count)
        mergePeople()
        mergeAcronyms()
        mergeSurnames()
    }

    /// Roots of all nodes, computed once.
    mutating func roots() -> [Int] { (0..<nodes.count).map { sets.find($0) } }

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

