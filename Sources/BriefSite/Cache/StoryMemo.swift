import BriefMerge
import BriefModel

/// The merge stage's share of the build cache: each article's features (its word scan and
/// MinHash signature, a function of the article alone) and the grouping of the articles into
/// stories (a function of all articles, without ids). A new article is scanned alone, then
/// the archive-wide weights and the clustering are made again from the cached features, so
/// the stories are exactly those of a fresh merge; ids come from the last build every time.
extension BuildMemo {
    /// The stories of `articles`; `articleKeys` (in the order of `articles`) name their contents.
    func stories(_ articles: [Article], articleKeys: [ContentHash], previousIDs: [String: String],
                 into records: inout Records) -> [Story] {
        var key = ContentHash()
        key.add("grouping")
        for k in articleKeys { key.add(k) }
        if let (layout, stored) = stories.value(key, { $0.storyLayout() }), let grouping = StoryLayout.stories(layout, of: articles) {
            records.stories = [(key, stored)]
            records.reused["stories"] = 1
            // The features are not needed now, but the next build that adds an article needs them.
            records.features = articleKeys.compactMap { k in features.recordBytes(k).map { (k, $0) } }
            return Merge.identified(grouping, articles: articles, previousIDs: previousIDs)
        }
        let scanned = Spent(features(articles, keys: articleKeys, into: &records))
        let grouping = Merge.grouping(articles, features: scanned.value)
        // Freed on another core while the stories get their ids here (each ~20 ms on one core).
        scanned.free()
        records.stories = [(key, CacheWriter.record { $0.storyLayout(grouping) })]
        return Merge.identified(grouping, articles: articles, previousIDs: previousIDs)
    }

    /// Each article's features, from the cache when its content is unchanged; in parallel.
    private func features(_ articles: [Article], keys: [ContentHash], into records: inout Records) -> [ArticleFeatures] {
        let memo = self
        let done = parallelMap(Array(articles.indices)) { i -> (ArticleFeatures, ArraySlice<UInt8>, Bool) in
            if let hit = memo.features.value(keys[i], { $0.articleFeatures() }), let value = hit.value {
                return (value, hit.record, true)
            }
            let made = ArticleFeatures(articles[i])
            return (made, CacheWriter.record { $0.articleFeatures(made) }, false)
        }
        records.features = zip(keys, done).map { ($0, $1.1) }
        records.reused["features"] = done.filter(\.2).count
        return done.map(\.0)
    }
}

/// A story of a grouping as stored: its members by file, without the articles themselves
/// (a grouping has no ids yet).
struct StoryLayout {
    struct Member { var file: String; var role: Story.Role }
    var members: [Member]

    /// The stories again with the current articles; nil when one of their files is gone.
    static func stories(_ layout: [StoryLayout], of articles: [Article]) -> [Story]? {
        let byFile = Dictionary(articles.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var stories: [Story] = []
        stories.reserveCapacity(layout.count)
        for s in layout {
            var members: [Story.Member] = []
            members.reserveCapacity(s.members.count)
            for m in s.members {
                guard let article = byFile[m.file] else { return nil }
                members.append(Story.Member(article: article, role: m.role))
            }
            stories.append(Story(id: "", members: members))
        }
        return stories
    }
}

extension CacheWriter {
    mutating func storyLayout(_ stories: [Story]) {
        array(stories) { w, s in
            w.array(s.members) { w, m in
                w.string(m.article.file)
                switch m.role {
                case .lead: w.int(0)
                case .report: w.int(1)
                case .copy(let of): w.int(2); w.string(of)
                }
            }
        }
    }

    /// Arrays as their bytes: a few hundred numbers per article, copied, not coded one by one.
    mutating func articleFeatures(_ f: ArticleFeatures) {
        func bytes<T>(_ list: [T]) -> [UInt8] { list.withUnsafeBytes { Array($0) } }
        raw(bytes(f.terms))
        raw(bytes(f.frequencies))
        raw(f.kinds.map(\.rawValue))
        raw(bytes(f.signature))
        optional(f.day) { $0.int($1) }
        int(f.wordCount)
        int(Int(Int64(bitPattern: f.leadScore.bitPattern)))
    }
}

extension CacheReader {
    mutating func storyLayout() -> [StoryLayout] {
        array { r in
            let members: [StoryLayout.Member] = r.array { r in
                let file = r.string()
                switch r.int() {
                case 0: return .init(file: file, role: .lead)
                case 1: return .init(file: file, role: .report)
                default: return .init(file: file, role: .copy(of: r.string()))
                }
            }
            return StoryLayout(members: members)
        }
    }

    /// nil when the record does not hold well-formed features (then they are made again).
    mutating func articleFeatures() -> ArticleFeatures? {
        func list<T>(_ bytes: [UInt8], of _: T.Type) -> [T]? {
            guard bytes.count % MemoryLayout<T>.stride == 0 else { return nil }
            return [T](unsafeUninitializedCapacity: bytes.count / MemoryLayout<T>.stride) { buffer, count in
                bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                count = buffer.count
            }
        }
        let terms = list(raw(), of: UInt64.self), frequencies = list(raw(), of: Float.self)
        let kinds = raw().map(ArticleFeatures.Kind.init(rawValue:)), signature = list(raw(), of: UInt64.self)
        let day = optional { $0.int() }, wordCount = int()
        let leadScore = Double(bitPattern: UInt64(bitPattern: Int64(int())))
        guard !failed, let terms, let frequencies, let signature, frequencies.count == terms.count, kinds.count == terms.count
        else { return nil }
        let known = kinds.compactMap { $0 }
        guard known.count == kinds.count else { return nil }
        return ArticleFeatures(terms: terms, frequencies: frequencies, kinds: known, signature: signature, day: day,
                               wordCount: wordCount, leadScore: leadScore)
    }
}
