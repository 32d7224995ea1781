import BriefEntities
import BriefModel

/// The entities, found again only where a text changed. Each brief and note text is kept in
/// `entityTexts` under a hash of its kind, id, title, paragraphs and the catalog, with its
/// pass-1 word counts, its findings (`TextEntities`) and hashes of the words whose statistics
/// answers those findings may depend on; one more record holds the archive's summed counts
/// and the texts they sum. A build then:
/// - updates the counts by the texts that came and went, without reading the others again;
/// - finds names again in new texts and in texts that use a word whose answers changed (the
///   findings of any other text are what a fresh search would find: same text, same answers);
/// - resolves and assembles all texts' findings, as a fresh build does.
/// The whole result is kept too, for a build where no text changed (a template edit).
extension BuildMemo {
    func entities(briefs: [EntityText], notes: [EntityText], catalog: (path: String, text: String)?,
                  parsed: EntityCatalog, into records: inout Records) -> EntityResult {
        let texts = briefs + notes
        let keys = Self.keys(texts, briefCount: briefs.count, catalog: catalog)
        var whole = ContentHash()
        whole.add(String(briefs.count)); whole.add(String(notes.count))
        whole.add(catalog?.path ?? ""); whole.add(catalog?.text ?? "")
        for k in keys { whole.add(k) }
        if let hit = entities.value(whole, { $0.entityResult() }) {
            records.entities = [(whole, hit.record)]
            records.entityTexts = (keys + [Self.statisticsKey]).compactMap { k in entityTexts.recordBytes(k).map { (k, $0) } }
            records.reused["entities"] = texts.count
            return hit.value
        }

        let previous = previousStatistics(keys)
        let statistics: NameStatistics
        // Texts counted in this build, by index: their counts as stored (the dictionaries of all
        // texts at once were 45 MB at 10,000 articles).
        let counted: [Int: [UInt8]]
        var flipped = Set<Int>()                  // hashes of words whose answers changed
        if let previous {
            let added = Self.count(keys.indices.filter { !previous.kept.contains(keys[$0]) }, of: texts, words: true)
            var updated = previous.total
            for c in previous.removed { updated.subtract(c) }
            updated.add(added.sum)
            var words = added.words
            for c in previous.removed { words.formUnion(c.counts.keys) }
            for word in words where previous.total.answers(word) != updated.answers(word) {
                flipped.insert(Self.wordHash(word))
            }
            statistics = updated
            counted = added.blocks
        } else {
            let all = Self.count(Array(texts.indices), of: texts, words: false)
            statistics = all.sum
            counted = all.blocks
        }

        // Findings from the cache where the text is known and none of its words' answers changed.
        let memo = self, changed = flipped
        let cached: [Bool] = parallelMap(Self.chunks(texts.count)) { range -> [Bool] in
            range.map { i in
                guard counted[i] == nil, var r = memo.entityTexts.record(keys[i]) else { return false }
                return r.stillValid(flipped: changed)
            }
        }.flatMap { $0 }
        let missing = texts.indices.filter { !cached[$0] }
        let fresh = EntityExtraction.findings(in: missing.map { texts[$0] }, isBrief: { missing[$0] < briefs.count },
                                              statistics: statistics, catalog: parsed)
        let found = Dictionary(uniqueKeysWithValues: zip(missing, consume fresh))
        records.reused["entities"] = texts.count - missing.count

        // The texts summed in parts on all cores, cached ones decoded straight into their part.
        let parts: [NameSum?] = parallelMap(Self.parts(texts.count)) { range -> NameSum? in
            var sum = NameSum()
            for i in range {
                if let f = found[i] { sum.add(f); continue }
                guard var r = memo.entityTexts.record(keys[i]), r.textRecord(into: &sum) else { return nil }
            }
            return sum
        }
        let result: EntityResult
        if parts.allSatisfy({ $0 != nil }) {
            // Resolving runs on one core; the other makes the records meanwhile, then frees the
            // findings, and the parts are freed while the result is written (each was ~30 ms of
            // releases alone at 10,000 articles, the records ~50 ms of work on both cores).
            let sums = parts.map { $0! }, ids = texts.map(\.id), briefCount = briefs.count
            nonisolated(unsafe) var findings = consume found
            let stored = Pending { [counted] in
                defer { findings = [:] }
                return memo.textRecords(keys: keys, texts: texts, found: findings, counted: counted, statistics: statistics)
            }
            result = EntityExtraction.assemble(sums, ids: ids, briefCount: briefCount, statistics: statistics, catalog: parsed)
            records.entityTexts = stored.take()
        } else {
            // A record that does not decode: find everything again rather than trust a part.
            records.entityTexts = []
            records.reused["entities"] = nil
            result = EntityExtraction.resolve(briefs: briefs, notes: notes, catalog: parsed)
        }
        // The result's record is made on another core while the build goes on (~25 ms on one
        // core at 10,000 articles), and the summed parts are freed there after it.
        nonisolated(unsafe) var spent: [NameSum?]? = consume parts
        records.pendingEntities = Pending { [result, whole] in
            defer { spent = nil }
            return [(whole, CacheWriter.record { $0.entityResult(result) })]
        }
        return result
    }

    /// The key of the summed counts record: no text's key (those hash a kind first).
    static let statisticsKey = ContentHash.of(Array("entity statistics".utf8))

    /// The record of each text, the stored one unless it was found again, and the summed counts'
    /// record. `found` holds the texts found again; `counted` the counts of texts counted now.
    private func textRecords(keys: [ContentHash], texts: [EntityText], found: [Int: TextEntities],
                             counted: [Int: [UInt8]], statistics: NameStatistics)
        -> [(key: ContentHash, record: ArraySlice<UInt8>)] {
        var stored: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        stored.reserveCapacity(keys.count + 1)
        for i in keys.indices {
            guard let f = found[i] else {
                if let r = entityTexts.recordBytes(keys[i]) { stored.append((keys[i], r)) }
                continue
            }
            // A text found again for a changed answer keeps its counts: its words did not change.
            let c = counted[i] ?? entityTexts.record(keys[i]).flatMap { r in var r = r; return r.textCountsBlock() }
                ?? Self.count([i], of: texts, words: false).blocks[i]!
            stored.append((keys[i], CacheWriter.record { $0.textRecord(f, counts: c) }))
        }
        stored.append((Self.statisticsKey, CacheWriter.record { w in
            w.array(keys) { w, k in w.hash(k) }
            w.statistics(statistics)
        }))
        return stored
    }

    /// One key per text: what its findings depend on besides the statistics.
    static func keys(_ texts: [EntityText], briefCount: Int, catalog: (path: String, text: String)?) -> [ContentHash] {
        var catalogHash = ContentHash()
        catalogHash.add(catalog?.path ?? ""); catalogHash.add(catalog?.text ?? "")
        let base = catalogHash
        return parallelMap(chunks(texts.count)) { range in
            range.map { i in
                var h = base
                let t = texts[i]
                h.add(i < briefCount ? "brief" : "note")
                h.add(t.id); h.add(t.title); h.add(String(t.paragraphs.count))
                for p in t.paragraphs { h.add(p) }
                return h
            }
        }.flatMap { $0 }
    }

    /// The last build's summed counts, with the counts of its texts that are gone; nil when
    /// there is none to update (then every text is counted).
    private func previousStatistics(_ keys: [ContentHash]) -> (total: NameStatistics, kept: Set<ContentHash>, removed: [NameStatistics])? {
        guard var r = entityTexts.record(Self.statisticsKey) else { return nil }
        let before = r.array { $0.hash() }
        let total = r.statistics()
        guard !r.failed else { return nil }
        let now = Set(keys), then = Set(before)
        // Each text once (ids are unique), so sets describe the sums exactly.
        guard now.count == keys.count, then.count == before.count else { return nil }
        var removed: [NameStatistics] = []
        for k in before where !now.contains(k) {
            guard var old = entityTexts.record(k), let c = old.textCounts() else { return nil }
            removed.append(c)
        }
        return (total, now.intersection(then), removed)
    }

    static func wordHash(_ word: String) -> Int {
        var h = ContentHash(); h.add(word)
        return Int(Int64(bitPattern: h.a))
    }

    /// Pass 1 for some texts on all cores: each one's counts as stored, their sum and, if asked,
    /// the words they count.
    private static func count(_ indices: [Int], of texts: [EntityText], words: Bool)
        -> (blocks: [Int: [UInt8]], sum: NameStatistics, words: Set<String>) {
        let parts = parallelMap(chunks(indices.count)) { range -> ([(Int, [UInt8])], CountedTexts, Set<String>) in
            var blocks: [(Int, [UInt8])] = []
            var counted = CountedTexts()
            var seen = Set<String>()
            for i in indices[range] {
                let entries = counted.count(texts[i])
                blocks.append((i, Array(CacheWriter.record { $0.counts(entries) })))
                if words { for e in entries { seen.insert(e.word) } }
            }
            return (blocks, counted, seen)
        }
        var blocks: [Int: [UInt8]] = [:]
        blocks.reserveCapacity(indices.count)
        // The parts' counts summed by their words' hashes; one dictionary made at the end.
        var total = CountedTexts()
        var seen = Set<String>()
        for (b, counted, w) in parts {
            for (i, block) in b { blocks[i] = block }
            total.add(counted)
            seen.formUnion(w)
        }
        return (blocks, total.sum, seen)
    }

    /// Consecutive texts per part of the sum: a few parts, each summed on its own core.
    private static func parts(_ count: Int) -> [Range<Int>] {
        indexRanges(count, size: max(64, (count + 3) / 4))
    }

    private static func chunks(_ count: Int) -> [Range<Int>] {
        indexRanges(count, size: max(16, count / 32))
    }
}

/// A text's record: hashes of the words it consulted and its counts, each in a block the
/// reader can skip, then its findings.
extension CacheWriter {
    mutating func textRecord(_ f: TextEntities, counts: [UInt8]) {
        raw(Array(CacheWriter.record { w in w.array(f.consulted) { w, word in w.int(BuildMemo.wordHash(word)) } }))
        raw(counts)
        array(f.names) { $0.nameNode($1) }
        array(f.mentionNames) { $0.int($1) }
        array(f.roles) { w, r in w.optional(r.nationality) { $0.int($1) }; w.string(r.role) }
        array(f.quotes) { w, q in w.int(q.speaker); w.string(q.text) }
    }

    mutating func hash(_ h: ContentHash) { int(Int(Int64(bitPattern: h.a))); int(Int(Int64(bitPattern: h.b))) }

    mutating func statistics(_ s: NameStatistics) {
        counts(s.counts.map { ($0.key, $0.value) })
    }

    /// Word counts as `statistics` writes them (and `CacheReader.statistics` reads them).
    mutating func counts(_ entries: [CountedTexts.Entry]) {
        array(entries) { w, e in w.string(e.word); w.int(e.counts.lower); w.int(e.counts.capitalizedInside) }
    }

    mutating func nameNode(_ n: NameNode) {
        string(n.key)
        switch n.known {
        case nil: int(0)
        case .catalog(let i)?: int(1); int(i)
        case .gazetteer(let i)?: int(2); int(i)
        }
        strings(n.words)
        int(n.votes.person); int(n.votes.organization); int(n.votes.place)
        array(Array(n.forms)) { w, e in w.string(e.key); w.int(e.value) }
        array(Array(n.surfaces)) { w, e in w.string(e.key); w.int(e.value) }
        int(n.mentions); int(n.briefMentions)
        array(Array(n.nationalities)) { w, e in w.int(e.key); w.int(e.value) }
        array(Array(n.roles)) { w, e in w.string(e.key); w.int(e.value) }
        strings(n.bracketAcronyms.sorted())
    }
}

extension CacheReader {
    /// Whether a text record's findings hold under the new statistics: none of the words it
    /// consulted is in `flipped`.
    mutating func stillValid(flipped: Set<Int>) -> Bool {
        if flipped.isEmpty { return true }
        var consulted = CacheReader(raw())
        for h in consulted.array({ $0.int() }) where flipped.contains(h) { return false }
        return !consulted.failed && !failed
    }

    /// Adds a text record's findings to `sum`: a name the part has already met only adds its
    /// counts. False when the record does not decode (the part is then not to be used).
    mutating func textRecord(into sum: inout NameSum) -> Bool {
        skip(count())
        skip(count())
        var local: [Int] = []
        let names = count()
        local.reserveCapacity(names)
        for _ in 0..<names where !failed {
            let key = string()
            let known: KnownName?
            switch int() {
            case 0: known = nil
            case 1: known = .catalog(int())
            default: known = .gazetteer(int())
            }
            let (n, isNew) = sum.node(key: key, known: known)
            // A node's words are its first text's: read only for a node new to the part.
            let words: [String]
            if isNew { words = strings() } else { words = []; for _ in 0..<count() where !failed { skip(count()) } }
            sum.update(n) { node in
                if isNew { node.words = words }
                self.nameEvidence(into: &node)
            }
            local.append(n)
        }
        let mentions = count()
        for _ in 0..<mentions where !failed {
            let m = int()
            sum.mention(m >= 0 && m < local.count ? local[m] : -1)
        }
        for _ in 0..<count() where !failed {
            sum.role(TextEntities.Role(nationality: optional { $0.int() }, role: optionalString()))
        }
        for _ in 0..<count() where !failed { sum.quote(TextEntities.Quote(speaker: int(), text: string())) }
        sum.endText()
        return !failed
    }

    private mutating func nameEvidence(into node: inout NameNode) {
        node.votes.add(KindVotes(person: int(), organization: int(), place: int()))
        for _ in 0..<count() where !failed { let k = string(); node.forms[k, default: 0] += int() }
        for _ in 0..<count() where !failed { let k = string(); node.surfaces[k, default: 0] += int() }
        node.mentions += int(); node.briefMentions += int()
        for _ in 0..<count() where !failed { let k = int(); node.nationalities[k, default: 0] += int() }
        for _ in 0..<count() where !failed { let k = string(); node.roles[k, default: 0] += int() }
        for _ in 0..<count() where !failed { node.bracketAcronyms.insert(string()) }
    }

    /// The pass-1 counts of a text record, as stored.
    mutating func textCountsBlock() -> [UInt8]? {
        skip(count())
        let block = raw()
        return failed ? nil : block
    }

    /// The pass-1 counts of a text record.
    mutating func textCounts() -> NameStatistics? {
        skip(count())
        var block = CacheReader(raw())
        let counts = block.statistics()
        return failed || block.failed ? nil : counts
    }

    mutating func hash() -> ContentHash {
        ContentHash(a: UInt64(bitPattern: Int64(int())), b: UInt64(bitPattern: Int64(int())))
    }

    mutating func statistics() -> NameStatistics {
        let entries = array { r in (r.string(), NameStatistics.Counts(lower: r.int(), capitalizedInside: r.int())) }
        return NameStatistics(counts: Dictionary(entries, uniquingKeysWith: { a, _ in a }))
    }
}
