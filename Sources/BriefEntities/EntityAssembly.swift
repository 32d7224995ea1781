import BriefModel

/// Turns resolved name sets into `Entity` values: canonical name, kind, aliases, ids, the
/// briefs and notes that mention them, role references, co-occurrence and quotes. Drops sets
/// with too little evidence of being a real thing.
struct EntityAssembly {
    let gazetteer: Gazetteer
    let catalog: EntityCatalog
    let statistics: NameStatistics
    /// Ids of the texts, briefs first.
    let ids: [String]
    let briefCount: Int

    /// Per brief, only its most mentioned entities pair up for `related`: no quadratic blow-up.
    static let relatedPerBrief = 25
    static let relatedShown = 20

    private struct Draft {
        var node: NameNode
        var root = -1
        var name = ""
        var kind = Entity.Kind.other
        var entity: Int?
    }

    /// `roles` and `quotes` with their text; a quote's speaker is a mention or role index of the archive.
    mutating func build(resolver: inout EntityResolver, roles: [(text: Int, role: TextEntities.Role)],
                        quotes: [(text: Int, speaker: EntityExtraction.QuoteSpeaker, quote: String)]) -> EntityResult {
        let roots = resolver.roots()
        let nodes = resolver.nodes
        // Aggregate nodes into one draft per root.
        // A root's draft by node number (-1: none yet): every mention looks its draft up below.
        var draftOf = [Int](repeating: -1, count: nodes.count)
        var drafts: [Draft] = []
        for n in nodes.indices {
            let r = roots[n]
            if draftOf[r] >= 0 {
                if n != r { drafts[draftOf[r]].node.merge(nodes[n]) }
            } else {
                draftOf[r] = drafts.count
                var node = nodes[r]
                if n != r { node.merge(nodes[n]) }
                drafts.append(Draft(node: node, root: r))
            }
        }
        // Catalog entries nobody mentioned still get their page.
        var catalogSeen = Set<Int>()
        for d in drafts.indices { if case .catalog(let i)? = drafts[d].node.known { catalogSeen.insert(i) } }
        for (i, entry) in catalog.names.entries.enumerated() where !catalogSeen.contains(i) {
            drafts.append(Draft(node: NameNode(key: "#c\(i)", known: .catalog(i),
                                               words: NameTable.key(entry.name).split(separator: " ").map(String.init))))
        }
        // Name, kind, keep or drop: each draft on its own, on all cores (the stage's end runs on one).
        let assembly = self, ambiguous = resolver.ambiguous, unnamed = drafts
        var kept: [Int] = []
        for (d, verdict) in parallelMap(Self.chunks(drafts.count), { range in
            range.map { d -> (name: String, kind: Entity.Kind, keep: Bool) in
                var draft = unnamed[d]
                assembly.name(&draft)
                // A lone surname shared by two people is neither of them nor an entity.
                return (draft.name, draft.kind, !ambiguous.contains(draft.root) && assembly.keep(draft))
            }
        }).joined().enumerated() {
            drafts[d].name = verdict.name
            drafts[d].kind = verdict.kind
            if verdict.keep { kept.append(d) }
        }
        kept.sort {
            (drafts[$0].node.mentions, drafts[$1].name) > (drafts[$1].node.mentions, drafts[$0].name)
        }
        let keptDrafts = drafts, order = kept
        let aliasLists = parallelMap(Self.chunks(kept.count)) { range in range.map { assembly.aliases(keptDrafts[order[$0]]) } }.joined()
        var entities: [Entity] = []
        var usedIDs = Set<String>()
        // Drafts read in place: a copy of one retains every table of its node.
        for (d, aliases) in zip(kept, aliasLists) {
            let name = drafts[d].name
            var id = Slug.make(name)
            var suffix = 2
            while usedIDs.contains(id) { id = Slug.make(name) + "-\(suffix)"; suffix += 1 }
            usedIDs.insert(id)
            drafts[d].entity = entities.count
            entities.append(Entity(id: id, name: name, kind: drafts[d].kind, aliases: aliases,
                                   description: description(drafts[d].node.known), briefs: [], mentions: 0))
        }
        // Every mention (and resolved role reference) to its entity.
        let mentionText = resolver.mentionText
        var entityOfMention = [Int?](repeating: nil, count: mentionText.count)
        for (m, node) in resolver.mentionNode.enumerated() {
            guard let node else { continue }
            entityOfMention[m] = drafts[draftOf[roots[node]]].entity
        }
        let entityOfRole = RoleResolution.resolve(roles, mentionText: mentionText, entityOfMention: entityOfMention,
                                                  kinds: entities.map(\.kind), nodes: entities.indices.map { e in
                                                      drafts[kept[e]].node
                                                  })
        // Each text's entities, most mentioned first, then first mentioned first (a role
        // reference counts after every name). A text's mentions and roles lie together, so one
        // reused array counts them instead of a dictionary per text.
        var briefEntities: [String: [String]] = [:]
        var noteEntities: [String: [String]] = [:]
        var tops: [Int] = [], topStart = [0]
        var times = [Int](repeating: 0, count: entities.count)
        var first = [Int](repeating: 0, count: entities.count)
        var named: [Int] = []
        var m = 0, r = 0
        for t in ids.indices {
            named.removeAll(keepingCapacity: true)
            while m < mentionText.count, mentionText[m] == t {
                if let e = entityOfMention[m] {
                    if times[e] == 0 { named.append(e); first[e] = m }
                    times[e] += 1
                }
                m += 1
            }
            while r < roles.count, roles[r].text == t {
                if let e = entityOfRole[r] {
                    if times[e] == 0 { named.append(e); first[e] = Int.max - 1 }
                    times[e] += 1
                }
                r += 1
            }
            let ordered = named.sorted { (times[$0], -first[$0]) > (times[$1], -first[$1]) }
            let isBrief = t < briefCount
            if isBrief { briefEntities[ids[t]] = ordered.map { entities[$0].id } }
            else { noteEntities[ids[t]] = ordered.map { entities[$0].id } }
            for e in ordered {
                entities[e].mentions += times[e]
                if isBrief { entities[e].briefs.append(ids[t]) } else { entities[e].notes.append(ids[t]) }
            }
            if isBrief { tops += ordered.prefix(Self.relatedPerBrief); topStart.append(tops.count) }
            for e in named { times[e] = 0 }
        }
        related(&entities, tops: tops, topStart: topStart)
        for q in quotes {
            let e: Int?
            switch q.speaker {
            case .mention(let m): e = entityOfMention[m]
            case .role(let r): e = entityOfRole[r]
            }
            guard let e, entities[e].kind == .person, q.quote.unicodeScalars.count <= 1200,
                  !entities[e].quotes.contains(where: { $0.text == q.quote }) else { continue }
            entities[e].quotes.append(Entity.Quote(text: q.quote, brief: ids[q.text]))
        }
        return EntityResult(entities: entities, briefEntities: briefEntities, noteEntities: noteEntities,
                            aliasIndex: aliasIndex(entities, kept.map { drafts[$0].node.known }))
    }

    /// Each entity's related entities: those in the top of the most briefs with it, then by id.
    /// Counted entity by entity through the briefs it tops, in flat arrays and one reused
    /// counter instead of a dictionary of all pairs: the dictionary and sorting by id strings
    /// took 0.2 s at 10,000 articles. `tops` are the briefs' top entities, one after the other,
    /// brief b's from `topStart[b]` to `topStart[b + 1]`. Entities are counted in ranges on all
    /// cores (this is the stage's one-core end), each range with counters of its own.
    private func related(_ entities: inout [Entity], tops: [Int], topStart: [Int]) {
        let count = entities.count
        // The briefs each entity tops, as one flat list too.
        var briefStart = [Int](repeating: 0, count: count + 1)
        for e in tops { briefStart[e + 1] += 1 }
        for e in 0..<count { briefStart[e + 1] += briefStart[e] }
        var fill = briefStart
        var briefsOf = [Int](repeating: 0, count: tops.count)
        for b in 0..<topStart.count - 1 {
            for k in topStart[b]..<topStart[b + 1] { briefsOf[fill[tops[k]]] = b; fill[tops[k]] += 1 }
        }
        // Sorting by one number, briefs together above and id rank below, instead of comparing ids.
        let ids = entities.map(\.id)
        let byID = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = [Int](repeating: 0, count: count)
        for (r, e) in byID.enumerated() { rank[e] = r }
        let ranks = rank, starts = briefStart, briefs = briefsOf
        let lists = parallelMap(Self.chunks(count)) { range -> [[(id: String, count: Int)]] in
            var together = [Int](repeating: 0, count: count)
            var seen: [Int] = []
            var order: [UInt64] = []
            return range.map { a in
                for k in starts[a]..<starts[a + 1] {
                    let b = briefs[k]
                    for j in topStart[b]..<topStart[b + 1] {
                        let e = tops[j]
                        if e == a { continue }
                        if together[e] == 0 { seen.append(e) }
                        together[e] += 1
                    }
                }
                guard !seen.isEmpty else { return [] }
                // Most briefs together first, then by id, as the pages list them; only the first
                // `relatedShown` are kept: a bounded insertion, not a sort of all.
                order.removeAll(keepingCapacity: true)
                for e in seen {
                    let key = UInt64(together[e]) << 32 | UInt64(UInt32.max - UInt32(ranks[e]))
                    if order.count == Self.relatedShown {
                        guard key > order[order.count - 1] else { continue }
                        order.removeLast()
                    }
                    var k = order.count
                    while k > 0, order[k - 1] < key { k -= 1 }
                    order.insert(key, at: k)
                }
                let shown = order.map { key in
                    let e = byID[Int(UInt32.max - UInt32(truncatingIfNeeded: key))]
                    return (id: ids[e], count: together[e])
                }
                for e in seen { together[e] = 0 }
                seen.removeAll(keepingCapacity: true)
                return shown
            }
        }
        for (a, list) in zip(entities.indices, lists.joined()) where !list.isEmpty { entities[a].related = list }
    }

    /// Ranges of drafts for the parallel steps: a few per core.
    private static func chunks(_ count: Int) -> [Range<Int>] {
        indexRanges(count, size: max(64, count / 8))
    }

    private func name(_ d: inout Draft) {
        switch d.node.known {
        case .catalog(let i)?:
            d.name = catalog.names.entries[i].name; d.kind = catalog.names.entries[i].kind; return
        case .gazetteer(let i)?:
            d.name = gazetteer.names.entries[i].name; d.kind = gazetteer.names.entries[i].kind; return
        case nil: break
        }
        // The longest full (multi-word) form written at least twice, else any full form, else
        // the most written; then the most written among equally long ones.
        let forms = d.node.forms
        let full = forms.filter { wordCount($0.key) >= 2 }
        let frequent = full.filter { $0.value >= 2 }
        let pool = !frequent.isEmpty ? frequent : !full.isEmpty ? full : forms
        let best = pool.max {
            let a = wordCount($0.key), b = wordCount($1.key)
            return (a, $0.value, $1.key) < (b, $1.value, $0.key)
        }
        d.name = best?.key ?? d.node.key
        d.kind = d.node.kind(gazetteer, catalog)
        if d.node.votes.winner == nil, d.node.known == nil {
            var named = d.node
            named.words = NameTable.key(d.name).split(separator: " ").map(String.init)
            d.kind = named.kind(gazetteer, catalog)
        }
    }

    private func wordCount(_ s: String) -> Int { s.split(separator: " ").count }

    /// Whether a set has enough evidence to be an entity page.
    private func keep(_ d: Draft) -> Bool {
        if case .catalog? = d.node.known { return true }
        guard d.node.briefMentions > 0 else { return false }
        let key = NameTable.key(d.name)
        if key.isEmpty || NameLexicon.neverName.contains(key) || NameLexicon.boilerplate.contains(key)
            || catalog.isIgnored(key: key) || gazetteer.demonyms[key] != nil || NameLexicon.roleTitles.contains(key) {
            return false
        }
        if d.node.known != nil { return true }
        let words = wordCount(d.name)
        let strongest = max(d.node.votes.person, d.node.votes.organization, d.node.votes.place)
        if words == 1 {
            if NameNode.isKeyword(key) || NameLexicon.notAlone.contains(key) { return false }
            let acronym = d.node.isAcronym
            guard acronym || statistics.writtenAsName(key) else { return false }
            if key.unicodeScalars.count < 2 { return false }
            if d.kind == .other { return acronym ? d.node.mentions >= 2 : d.node.mentions >= 3 && statistics.stronglyWrittenAsName(key) }
            return d.node.mentions >= 2 || strongest >= 3
        }
        return d.kind != .other || d.node.mentions >= 2
    }

    private func aliases(_ d: Draft) -> [String] {
        var seen = Set([d.name.lowercased()])
        var out: [String] = []
        if case .catalog(let i)? = d.node.known {
            for a in catalog.names.entries[i].aliases where seen.insert(a.lowercased()).inserted { out.append(a) }
        }
        var counts = d.node.surfaces
        for (form, n) in d.node.forms { counts[form, default: 0] += n }
        for (a, _) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) where seen.insert(a.lowercased()).inserted {
            out.append(a)
        }
        return out
    }

    private func description(_ known: KnownName?) -> String? {
        if case .catalog(let i)? = known { return catalog.names.entries[i].description }
        return nil
    }

    /// Names and aliases (and a known entry's listed aliases) to ids; the most mentioned wins a clash.
    private func aliasIndex(_ entities: [Entity], _ known: [KnownName?]) -> [String: String] {
        var index: [String: String] = [:]
        for (e, entity) in entities.enumerated() {
            var names = [entity.name] + entity.aliases
            if case .gazetteer(let i)? = known[e] { names += gazetteer.names.entries[i].aliases }
            for n in names where index[n.lowercased()] == nil { index[n.lowercased()] = entity.id }
        }
        return index
    }
}
