import BriefEntities
import BriefIngest
import BriefMerge
import BriefModel

/// What earlier builds computed, keyed by content hashes, so that a build redoes only the work
/// whose input changed: ingest per article file, merge features per article and the grouping of
/// articles into stories when the set of articles is unchanged (`StoryMemo`), each brief's
/// composition per story, the entities per text (`EntityMemo`), and each page's key (`KeptPages`).
/// Plain data: `BuildCache` reads and writes it; the assembly only looks things up and records.
public struct BuildMemo: Sendable {
    var ingest: CacheFile = .empty
    var stories: CacheFile = .empty
    var features: CacheFile = .empty
    var briefs: CacheFile = .empty
    var entities: CacheFile = .empty
    var entityTexts: CacheFile = .empty
    var ids: CacheFile = .empty
    /// The key and file stamp of each brief and entity page in Output (`KeptPages`).
    var pages: CacheFile = .empty

    public static let none = BuildMemo()

    /// What this build computed or reused, to be stored for the next one.
    public struct Records: Sendable {
        var ingest: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var stories: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var features: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var briefs: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        /// The whole entity result's record: made on another thread (`Pending`) while notes
        /// and the timeline are assembled, taken when the cache file is stored.
        var entities: [(key: ContentHash, record: ArraySlice<UInt8>)] {
            get { madeEntities ?? pendingEntities?.value ?? [] }
            set { madeEntities = newValue; pendingEntities = nil }
        }
        private var madeEntities: [(key: ContentHash, record: ArraySlice<UInt8>)]?
        var pendingEntities: Pending<[(key: ContentHash, record: ArraySlice<UInt8>)]>?
        var entityTexts: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var ids: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        var pages: [(key: ContentHash, record: ArraySlice<UInt8>)] = []
        /// How many results came from the cache, per stage, for `--timings`.
        public var reused: [String: Int] = [:]
    }

    /// The key of one raw file: its path and bytes.
    static func key(of raw: RawArticle) -> ContentHash {
        var h = ContentHash()
        h.add(raw.path); h.add(raw.bytes)
        return h
    }

    /// The brief id of each source file in the last build, as its `archive.json` says; read from
    /// the cache when that file is the one the cache saw, because parsing it takes long at scale.
    func previousIDs(archiveJSON: [UInt8]?, parse: ([UInt8]) -> [String: String]) -> [String: String] {
        guard let archiveJSON else { return [:] }
        if let (pairs, _) = ids.value(ContentHash.of(archiveJSON), { r in r.array { r in (r.string(), r.string()) } }) {
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        return parse(archiveJSON)
    }

    /// Remembers which brief each source file went to, for the `archive.json` this build writes.
    static func record(ids briefs: [Brief], archiveJSON: [UInt8], into records: inout Records) {
        let pairs = briefs.flatMap { b in b.sources.map { ($0.file, b.id) } }
        records.ids = [(ContentHash.of(archiveJSON), CacheWriter.record { w in w.array(pairs) { w, p in w.string(p.0); w.string(p.1) } })]
    }

    /// Ingest of every file, from the cache where its bytes are unchanged; in parallel.
    func ingest(_ raws: [RawArticle], keys: [ContentHash], into records: inout Records) -> [IngestResult] {
        let memo = self
        let done = parallelMap(Array(raws.indices)) { i -> (IngestResult, ArraySlice<UInt8>, Bool) in
            if let hit = memo.ingest.value(keys[i], { $0.ingestResult() }) { return (hit.value, hit.record, true) }
            let result = Ingest.articles(from: raws[i])
            return (result, CacheWriter.record { $0.ingestResult(result) }, false)
        }
        records.ingest = zip(keys, done).map { ($0, $1.1) }
        records.reused["ingest"] = done.filter(\.2).count
        return done.map(\.0)
    }

    /// Each story's brief, from the cache when the story has the same members, roles and ids.
    func briefs(_ stories: [Story], articleKeys: [String: ContentHash], into records: inout Records) -> [Brief] {
        let memo = self
        let done = parallelMap(stories) { story -> (ContentHash, Brief, ArraySlice<UInt8>, Bool) in
            var key = ContentHash()
            key.add(story.id)
            for id in story.formerIDs { key.add(id) }
            for m in story.members {
                key.add(articleKeys[m.article.file] ?? ContentHash())
                key.add(m.article.file)
                switch m.role {
                case .lead: key.add("lead")
                case .report: key.add("report")
                case .copy(let of): key.add("copy"); key.add(of)
                }
            }
            if let hit = memo.briefs.value(key, { $0.brief() }) { return (key, hit.value, hit.record, true) }
            let brief = Merge.brief(from: story)
            return (key, brief, CacheWriter.record { $0.brief(brief) }, false)
        }
        records.briefs = done.map { ($0.0, $0.2) }
        records.reused["merge", default: 0] += done.filter(\.3).count
        return done.map(\.1)
    }
}
