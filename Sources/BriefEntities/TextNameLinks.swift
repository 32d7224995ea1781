import BriefModel

/// Partial names to the full name written in the same text: a lone surname to the person whose
/// full name carries it, an acronym to the name written before it with those initials or in
/// brackets. Works on one text's mentions only, so a build can keep its result per text.
struct TextNameLinks {
    let gazetteer: Gazetteer
    let catalog: EntityCatalog

    /// For each mention, the mention of the same text carrying its full name (nil: itself;
    /// -1: an ambiguous surname to drop).
    static func targets(_ mentions: [Mention], gazetteer: Gazetteer, catalog: EntityCatalog) -> [Int?] {
        let links = TextNameLinks(gazetteer: gazetteer, catalog: catalog)
        var targets = [Int?](repeating: nil, count: mentions.count)
        var start = 0
        while start < mentions.count {
            var end = start
            while end < mentions.count, mentions[end].text == mentions[start].text { end += 1 }
            links.linkText(mentions, start..<end, &targets)
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
            return m.votes.person > 0 || NameNode.looksLikePerson(m.lowerWords, gazetteer)
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
        let firstLower = fullNames.map { mentions[$0].lowerWords[0] }
        let lastLower = fullNames.map { mentions[$0].lowerWords.last! }
        for m in range where mentions[m].words.count == 1 {
            let mention = mentions[m]
            let word = mention.words[0]
            if mention.isAcronym {
                guard mention.known == nil else { continue }
                if let full = longNames.first(where: {
                    mentions[$0].bracketAcronym == word || NameMatching.initials(mentions[$0].words) == word
                }) { targets[m] = full }
                continue
            }
            if case .catalog? = mention.known { continue }
            let lower = mention.lowerWords[0]
            var candidates = fullNames.indices.filter { lastLower[$0] == lower }
            if candidates.isEmpty, mention.known == nil {
                candidates = fullNames.indices.filter { NameMatching.spellingVariant(lastLower[$0], lower) }
            }
            if candidates.isEmpty, mention.known == nil {
                candidates = fullNames.indices.filter { firstLower[$0] == lower }
            }
            guard let first = candidates.first else { continue }
            // Two different first names with this surname: two people, say nothing.
            let firstNames = Set(candidates.map { firstLower[$0] })
            let compatible = firstNames.allSatisfy { gazetteer.compatibleGiven($0, firstLower[first]) }
            if !compatible { targets[m] = -1; continue }
            let longest = candidates.max { mentions[fullNames[$0]].words.count < mentions[fullNames[$1]].words.count } ?? first
            targets[m] = fullNames[longest]
        }
    }
}
