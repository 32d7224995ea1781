import BriefModel

/// Finds names in one paragraph: runs of capitalised words, cut at junk words, with sentence-start
/// and headline capitals checked against the archive statistics, then titles, demonyms and
/// honorifics taken off the front and the rest typed by its words and context.
struct MentionFinder: Sendable {
    let gazetteer: Gazetteer
    let catalog: EntityCatalog
    let statistics: NameStatistics

    func find(_ t: [Token], headline: Bool, text: Int, paragraph: Int,
              mentions: inout [Mention], roles: inout [RoleReference]) {
        let n = t.count
        var i = 0
        var pending: (nationality: Int?, role: String?)?
        while i < n {
            guard t[i].kind == .word, t[i].capitalized, !isJunk(t[i]) else {
                if t[i].kind == .word { pending = nil }
                i += 1; continue
            }
            // Collect the run of capitalised words.
            var end = i + 1
            var j = i + 1
            if !t[i].possessive {
                while j < n {
                    let w = t[j]
                    if w.kind == .word, w.capitalized, !w.sentenceStart, !isJunk(w) {
                        // "Regina Benjamin U.S. Surgeon General": a country's acronym after a name starts anew.
                        if w.allCaps, !NameLexicon.roleTitles.contains(t[end - 1]),
                           case .gazetteer(let g)? = lookup(t[j..<j + 1]), gazetteer.names.entries[g].kind == .place {
                            break
                        }
                        end = j + 1; j += 1
                        if w.possessive { break }
                        continue
                    }
                    if w.kind == .word, !w.capitalized, j + 1 < n, joins(w, run: t[i..<end], next: t[j + 1], after: j + 2 < n ? t[j + 2] : nil) {
                        j += 1; continue
                    }
                    break
                }
            }
            var start = i
            i = end
            var mention = Mention(text: text, paragraph: paragraph, tokens: start..<end, surface: "", words: [])
            // A known name is taken whole, even at a sentence start ("New York").
            var key = NameTable.hashedKey(t[start..<end])   // also asked of `notAlone` below
            if let known = lookup(t[start..<end], key: key) {
                var known = known
                // "the Shanghai organization": a known place and a lowercase institution word.
                if end < n, t[end].kind == .word, !t[end].capitalized, NameLexicon.organizationWords.contains(t[end]),
                   case .gazetteer(let g) = known, gazetteer.names.entries[g].kind == .place,
                   let org = gazetteer.organization(first: t[start].lower, last: t[end].lower) {
                    known = .gazetteer(org); end += 1; i = end
                    key = NameTable.hashedKey(t[start..<end])
                }
                if NameLexicon.notAlone.contains(key.key, hash: key.hash) { continue }
                mention.known = known
                mention.tokens = start..<end
                mention.surface = surface(t[start..<end])
                setWords(&mention, t[start..<end], initials: true)
                finish(&mention, t, end: end, pending: &pending)
                mentions.append(mention)
                continue
            }
            // Capitals that only mark a sentence start or a headline need the archive's word.
            while start < end, t[start].sentenceStart || headline, !hasNameEvidence(t[start]) { start += 1 }
            while start < end, t[start].kind == .word, !t[start].capitalized { start += 1 }
            if headline {
                // Only words the archive writes as names stay together; the rest is looked at again.
                var k = start
                while k < end, t[k].kind != .word || !t[k].capitalized || hasNameEvidence(t[k]) { k += 1 }
                end = k; i = max(start + 1, end)
            }
            while end > start, t[end - 1].kind == .word, !t[end - 1].capitalized { end -= 1 }
            // "Alaska Gov.", "Doris Duke Professor": a title after a name belongs to no name.
            while end - start >= 2, NameLexicon.roleTitles.contains(t[end - 1]),
                  !NameLexicon.roleTitles.contains(t[end - 2]) { end -= 1 }
            guard start < end else { continue }
            // "Asian Lite News US President Donald Trump": a title inside a run starts a new name.
            if let split = titleSplit(t, start, end) { end = split; i = split }
            let run = t[start..<end]
            let runKey = NameTable.hashedKey(run)
            if NameLexicon.boilerplate.contains(runKey.key, hash: runKey.hash) || catalog.isIgnored(key: runKey.key, hash: runKey.hash)
                || run.allSatisfy({ $0.kind != .word || NameLexicon.notAlone.contains($0) }) {
                pending = nil; continue
            }
            mention.tokens = start..<end
            if let known = lookup(run, key: runKey) {
                mention.known = known
                mention.surface = surface(run)
                setWords(&mention, run, initials: true)
                finish(&mention, t, end: end, pending: &pending)
                mentions.append(mention)
                continue
            }
            // Take titles, demonyms and honorifics off the front.
            var body = start
            var honorificsEnd = start
            let lastLower = t[end - 1].lower
            let institution = NameLexicon.organizationWords.contains(lastLower) || NameLexicon.placeWords.contains(lastLower)
            while body < end, !institution {
                let f = t[body]
                if let country = gazetteer.demonyms[f], body + 1 == end || introducesName(t[body + 1]) {
                    mention.nationality = country
                } else if body + 1 < end, NameLexicon.roleTitles.contains(t[body + 1]),
                          case .gazetteer(let g)? = lookup(t[body..<body + 1]), gazetteer.names.entries[g].kind == .place {
                    mention.nationality = g
                } else if NameLexicon.roleTitles.contains(f) {
                    mention.votes.person += 3
                    if NameLexicon.roleNouns.contains(f) || f.lower == "foreign" { mention.role = mention.role ?? f.lower }
                } else {
                    break
                }
                body += 1
            }
            honorificsEnd = body
            while honorificsEnd < end, NameLexicon.honorifics.contains(t[honorificsEnd]) {
                mention.votes.person += 3; honorificsEnd += 1
            }
            if honorificsEnd >= end {
                // Nothing left: a role reference ("Iranian President has called") or an adjective.
                var role = mention.role
                var after = end
                if after < n, t[after].kind == .word, !t[after].capitalized, NameLexicon.roleNouns.contains(t[after]) {
                    role = t[after].lower; after += 1
                }
                guard mention.nationality != nil, let role else { pending = nil; continue }
                if after < n, t[after].kind == .word, t[after].capitalized, !t[end - 1].possessive {
                    pending = (mention.nationality, role) // "his Russian counterpart Vladimir Putin"
                } else {
                    roles.append(RoleReference(text: text, paragraph: paragraph, tokens: start..<after,
                                               nationality: mention.nationality, role: role))
                    pending = nil
                }
                i = max(i, after)
                continue
            }
            let name = t[body..<end]
            let core = t[honorificsEnd..<end]
            let coreKey = NameTable.hashedKey(core)
            if let known = lookup(core, key: coreKey) { mention.known = known }
            if NameLexicon.boilerplate.contains(coreKey.key, hash: coreKey.hash) || catalog.isIgnored(key: coreKey.key, hash: coreKey.hash) {
                pending = nil; continue
            }
            mention.surface = surface(name)
            setWords(&mention, core, initials: false)
            guard !mention.words.isEmpty else { continue }
            mention.votes.add(votes(core, t, start: start, end: end))
            if end + 2 < n, t[end].scalar == "(", t[end + 1].allCaps, t[end + 2].scalar == ")", mention.words.count > 1 {
                mention.bracketAcronym = t[end + 1].text
            }
            finish(&mention, t, end: end, pending: &pending)
            mentions.append(mention)
        }
    }

    /// Whether a word after a demonym shows the demonym is a nationality, not part of the name.
    private func introducesName(_ w: Token) -> Bool {
        NameLexicon.roleTitles.contains(w) || NameLexicon.honorifics.contains(w)
            || gazetteer.givenNames.contains(w)
    }

    /// Where a role title inside a run (not at its start, not in an institution's name) begins
    /// another name, with its demonym or country in front.
    private func titleSplit(_ t: [Token], _ start: Int, _ end: Int) -> Int? {
        let last = t[end - 1].lower
        guard end - start >= 3, !NameLexicon.organizationWords.contains(last), !NameLexicon.placeWords.contains(last),
              !NameLexicon.roleTitles.contains(last) else { return nil }
        var k = start + 1
        while k < end - 1 {
            let before = t[k - 1]
            if NameLexicon.roleTitles.contains(t[k]), before.kind == .word, before.capitalized,
               !NameLexicon.roleTitles.contains(before), !NameLexicon.honorifics.contains(before) {
                var split = k
                if gazetteer.demonyms[before] != nil || gazetteer.names.lookup(t[(k - 1)..<k]) != nil { split = k - 1 }
                return split > start ? split : nil
            }
            k += 1
        }
        return nil
    }

    private func finish(_ mention: inout Mention, _ t: [Token], end: Int, pending: inout (nationality: Int?, role: String?)?) {
        if let p = pending {
            mention.nationality = mention.nationality ?? p.nationality
            mention.role = mention.role ?? p.role
            mention.votes.person += 2
        }
        pending = nil
    }

    /// Lowercase words that continue a name: particles ("bin", "de") before a capital, and "of",
    /// "for", "and" inside institution names ("Central Commission for Elections and Referenda").
    private func joins(_ w: Token, run: ArraySlice<Token>, next: Token, after: Token?) -> Bool {
        let nextIsName = next.kind == .word && next.capitalized && !isJunk(next)
        if NameLexicon.nameParticles.contains(w) { return nextIsName }
        guard NameLexicon.institutionJoiners.contains(w), w.lower != "the" else { return false }
        // "Shanghai Cooperation Organization and BRICS": a complete institution name ends at "and".
        if w.lower == "and" || w.lower == "&", let last = run.last,
           NameLexicon.organizationWords.contains(last) || NameLexicon.placeWords.contains(last) {
            return false
        }
        let institutional = run.contains {
            NameLexicon.organizationWords.contains($0) || NameLexicon.placeWords.contains($0)
        }
        guard institutional else { return false }
        if nextIsName { return true }
        // "of the Russian Federation"
        if next.lower == "the", let after, after.kind == .word, after.capitalized, !isJunk(after) { return true }
        return false
    }

    func isJunk(_ t: Token) -> Bool {
        if t.allCaps {
            if gazetteer.names.lookup(acronym: t.text) != nil || catalog.names.lookup(acronym: t.text) != nil { return false }
            // Shouted headline words ("CREIGHTON DEFEATS DRAKE") that the archive writes in lowercase.
            if t.length > 3, statistics.isCommonWord(t.lower) { return true }
        }
        if NameLexicon.neverName.contains(t) { return true }
        // "I'm", "It's", "Don't".
        if t.lower.utf8.contains(UInt8(ascii: "'")), let apostrophe = t.lower.firstIndex(of: "'"), NameLexicon.neverName.contains(String(t.lower[..<apostrophe])) {
            return true
        }
        return false
    }

    /// Whether a capital at a sentence start or in a headline belongs to a name.
    func hasNameEvidence(_ t: Token) -> Bool {
        guard t.kind == .word, t.capitalized else { return false }
        if t.allCaps { return true }
        if NameLexicon.neverName.contains(t) { return false }
        if gazetteer.demonyms[t] != nil || NameLexicon.roleTitles.contains(t)
            || NameLexicon.honorifics.contains(t) || gazetteer.givenNames.contains(t) {
            return true
        }
        if gazetteer.names.lookup(word: t) != nil || catalog.names.lookup(word: t) != nil { return true }
        return statistics.writtenAsName(t.lower)
    }

    /// The known name of a run; `key` is its `NameTable.hashedKey` when the caller has it already.
    private func lookup(_ run: ArraySlice<Token>, key: (key: String, hash: UInt64)? = nil) -> KnownName? {
        let (key, hash) = key ?? NameTable.hashedKey(run)
        if let c = catalog.names.lookup(run, key: key, hash: hash) { return .catalog(c) }
        if let g = gazetteer.names.lookup(run, key: key, hash: hash) { return .gazetteer(g) }
        return nil
    }

    /// The run's words as written and lowercased, initials left out unless `initials`.
    private func setWords(_ mention: inout Mention, _ run: ArraySlice<Token>, initials: Bool) {
        mention.words.removeAll(keepingCapacity: true)
        mention.lowerWords.removeAll(keepingCapacity: true)
        for i in run.indices where run[i].kind == .word && (initials || !run[i].initial) {
            mention.words.append(run[i].text)
            mention.lowerWords.append(run[i].lower)
        }
    }

    /// The run as written, one space between words, no space before punctuation kept inside.
    private func surface(_ run: ArraySlice<Token>) -> String {
        var out = ""
        for tok in run {
            if tok.kind == .punct { continue }
            if !out.isEmpty { out += " " }
            out += tok.text
            if tok.initial { out += "." }
        }
        return out
    }

    private func votes(_ core: ArraySlice<Token>, _ t: [Token], start: Int, end: Int) -> KindVotes {
        var v = KindVotes()
        // The core's words by position, not copied out: first, last and how many.
        var firstWord: Int?, lastWord = 0, wordCount = 0
        for k in core.indices where core[k].kind == .word {
            if firstWord == nil { firstWord = k }
            lastWord = k; wordCount += 1
        }
        guard let firstWord else { return v }
        let first = core[firstWord], last = core[lastWord]
        if NameLexicon.organizationWords.contains(last) { v.organization += 3 }
        else if NameLexicon.placeWords.contains(last) { v.place += 3 }
        else if core.contains(where: { $0.kind == .word && NameLexicon.organizationWords.contains($0) }) {
            v.organization += 2
        }
        if wordCount == 1, first.allCaps { v.organization += 1 }
        if gazetteer.givenNames.contains(first), !first.allCaps {
            v.person += wordCount >= 2 ? 3 : 1
        }
        // ", 20," after a name is an age.
        if end + 2 < t.count, t[end].scalar == ",", t[end + 1].kind == .number, t[end + 2].kind == .punct {
            v.person += 3
        }
        // Organisations speak too; a speech verb only hints at a person for a full name.
        if wordCount >= 2, end < t.count, t[end].kind == .word, NameLexicon.speechVerbs.contains(t[end]) { v.person += 1 }
        if wordCount >= 2, start > 0, t[start - 1].kind == .word, t[start - 1].lower == "said" || t[start - 1].lower == "says" {
            v.person += 1
        }
        if start > 0, t[start - 1].kind == .word, NameLexicon.placePrepositions.contains(t[start - 1]) { v.place += 1 }
        if start > 0, t[start - 1].kind == .word, t[start - 1].lower == "mr" || t[start - 1].lower == "ms" { v.person += 3 }
        return v
    }
}
