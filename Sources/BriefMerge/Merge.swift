import BriefModel

/// The merge stage: articles in, stories out. Copies of one text are found first (MinHash),
/// then reports of one event are clustered (TF-IDF cosine, average link, date window),
/// stories that hold two events of one kind are cut apart, stragglers join their best story,
/// then each story gets a stable id
/// and analysts' hand placements are applied.
public enum Merge {
    /// Estimated shingle Jaccard above which two texts are copies of one article.
    static let copyJaccard = 0.5
    /// Or the shorter text's shingles mostly inside the longer one (a copy plus extras).
    static let copyContainment = 0.8

    /// The clustering knobs, exposed for the benchmark; the defaults are the tuned ones.
    public struct Tuning: Sendable {
        /// Average-link threshold on cosine similarity for reports of one event.
        public var eventThreshold: Float = 0.30
        /// Pairs below this are noise, not evidence.
        public var similarityFloor: Float = 0.05
        /// The longest a story may span: the first reports of an event are days apart, but
        /// follow-ups from other outlets come weeks later (ECB+ has stories whose reports span
        /// five to six weeks), while two events of one kind, such as yearly visits, are months
        /// apart. On ECB+ precision is the same from 14 to 55 days and recall rises with the
        /// span (B-cubed F1 0.914 at 14 days, 0.921 at 45); past 55 days two events of one kind
        /// start to merge.
        public var maxDaySpan = 45
        /// A story is cut in two when its halves, compared on story-local term weights, are
        /// this much less alike across than inside (see `EventSplit`); 0 turns splitting off.
        public var splitCrossRatio: Float = 0.3
        /// The smallest half worth cutting off.
        public var splitMinSide = 2
        /// A story of one or two articles joins the story it is on average this like (0: off).
        public var attachThreshold: Float = 0.15
        public init() {}
    }

    /// previousIDs: source file -> brief id from the previous build (stable identity).
    public static func stories(from articles: [Article], previousIDs: [String: String] = [:]) -> [Story] {
        stories(from: articles, previousIDs: previousIDs, tuning: Tuning())
    }

    public static func stories(from articles: [Article], previousIDs: [String: String] = [:], tuning: Tuning) -> [Story] {
        let features = parallelMap(articles, ArticleFeatures.init)
        return identified(grouping(articles, features: features, tuning: tuning), articles: articles, previousIDs: previousIDs)
    }

    /// The stories of `articles` before they have ids and before hand-placed (`story: <id>`)
    /// articles join them, in no particular order. A function of the articles alone (not of
    /// the last build's ids), so the build cache can keep it while only ids change.
    /// `features`: `ArticleFeatures(articles[i])` for each article, computed or cached.
    public static func grouping(_ articles: [Article], features: [ArticleFeatures], tuning: Tuning = Tuning()) -> [Story] {
        let maxDaySpan = tuning.maxDaySpan
        let n = articles.count
        guard n > 0 else { return [] }
        var active = [Bool](repeating: false, count: n)
        var alone: [Int] = []
        for (i, a) in articles.enumerated() {
            switch a.storyChoice {
            case .own?: alone.append(i)
            case .brief?: break // placed by `identified`
            case nil: active[i] = true
            }
        }

        let space = TermSpace(features)
        // Each article's day once, for the candidate search, the copy groups and the stragglers.
        let days = features.map(\.day)
        let candidates = CandidatePairs(vectors: space.vectors, signatures: features.map(\.signature),
                                        days: days, active: active, maxDayGap: maxDaySpan)

        // Copies: verified LSH candidates, joined into groups that cluster as one voice.
        // Checked on all cores, joined in order.
        let near = candidates.nearDuplicates
        let verified = parallelMap(Array(stride(from: 0, to: near.count, by: 4096))) { start in
            near[start..<min(start + 4096, near.count)].filter { isCopy(features[Int($0 >> 32)], features[Int($0 & 0xffff_ffff)]) }
        }
        var copies = UnionFind(n)
        for key in verified.joined() { copies.union(Int(key >> 32), Int(key & 0xffff_ffff)) }
        var groupOf = [Int](repeating: -1, count: n)
        var groups: [AverageLinkClustering.Group] = []
        var groupMembers: [[Int]] = []
        // Copy-set root (an article number) -> its group, -1 before its first member.
        var rootGroup = [Int](repeating: -1, count: n)
        for i in 0..<n where active[i] {
            let r = copies.find(i), g = rootGroup[r]
            if g >= 0 {
                groupOf[i] = g
                groupMembers[g].append(i)
                // A copy is published on or after its original: the group dates by its earliest.
                if let d = days[i] { groups[g].firstDay = min(groups[g].firstDay ?? d, d); groups[g].lastDay = groups[g].firstDay }
            } else {
                rootGroup[r] = groups.count
                groupOf[i] = groups.count
                groupMembers.append([i])
                groups.append(.init(size: 1, firstDay: days[i], lastDay: days[i]))
            }
        }

        // Every candidate pair's cosine, computed once on all cores: clustering and stragglers use them.
        let candidateKeys = candidates.all
        // In about 32 parts: each spreads vectors over an array as long as the vocabulary.
        let part = max(4096, (candidateKeys.count + 31) / 32)
        let similarities = parallelMap(Array(stride(from: 0, to: candidateKeys.count, by: part))) { start in
            space.cosines(candidateKeys[start..<min(start + part, candidateKeys.count)])
        }.flatMap { $0 }

        // Group similarity = the best cosine between any of their members: the pairs by group
        // pair, sorted (nearly in order already, as groups are numbered by first member), then
        // the best of each run.
        var links: [(key: UInt64, similarity: Float)] = []
        for (key, s) in zip(candidateKeys, similarities) {
            let (i, j) = (Int(key >> 32), Int(key & 0xffff_ffff))
            let (gi, gj) = (groupOf[i], groupOf[j])
            guard gi != gj, s >= tuning.similarityFloor else { continue }
            links.append((CandidatePairs.key(gi, gj), s))
        }
        links.sort { $0.key < $1.key }
        var pairs: [(Int, Int, Float)] = []
        var lastKey: UInt64?
        for (key, s) in links {
            if key == lastKey { pairs[pairs.count - 1].2 = max(pairs[pairs.count - 1].2, s); continue }
            pairs.append((Int(key >> 32), Int(key & 0xffff_ffff), s))
            lastKey = key
        }
        let clustering = AverageLinkClustering(threshold: tuning.eventThreshold, maxDaySpan: maxDaySpan)
        let roots = clustering.cluster(groups: groups, pairs: pairs)

        // Root group -> its cluster, -1 before its first group: clusters in order of first group.
        var clusterIndex = [Int](repeating: -1, count: groups.count)
        var groupClusters: [[Int]] = []
        for g in 0..<groups.count {
            let r = roots[g]
            if clusterIndex[r] < 0 { clusterIndex[r] = groupClusters.count; groupClusters.append([]) }
            groupClusters[clusterIndex[r]].append(g)
        }
        // Then each story is checked for being two events of one kind (see `EventSplit`).
        let splitter = EventSplit(maxLocalRatio: tuning.splitCrossRatio, minSide: tuning.splitMinSide)
        // Each story on its own, on all cores.
        let (vectors, members, groupList) = (space.vectors, groupMembers, groups)
        var clusters: [[Int]] = parallelMap(groupClusters) { gs in
            let parts = tuning.splitCrossRatio > 0
                ? splitter.split(gs.map { vectors[members[$0][0]] }, days: gs.map { groupList[$0].firstDay })
                : [Array(gs.indices)]
            return parts.map { part in part.flatMap { members[gs[$0]] } }
        }.flatMap { $0 }
        if tuning.attachThreshold > 0 {
            clusters = FragmentAttachment(threshold: tuning.attachThreshold, maxDaySpan: maxDaySpan)
                .attach(clusters, keys: candidateKeys, similarities: similarities, days: days)
        }
        for i in alone { clusters.append([i]) }
        return parallelMap(clusters) { story(of: $0.sorted(), articles: articles, features: features) }
    }

    /// A grouping made whole: stable ids from the last build's `previousIDs` (source file ->
    /// brief id), hand-placed articles of `articles` in their stories, stories in date order.
    public static func identified(_ grouping: [Story], articles: [Article], previousIDs: [String: String]) -> [Story] {
        var stories = grouping
        StoryIdentity.assign(&stories, previousIDs: previousIDs)
        attachPinned(articles.filter { if case .brief? = $0.storyChoice { true } else { false } }, to: &stories)
        let keys = stories.map(order)
        return stories.indices.sorted { keys[$0] < keys[$1] }.map { stories[$0] }
    }

    static func isCopy(_ a: ArticleFeatures, _ b: ArticleFeatures) -> Bool {
        let j = MinHash.similarity(a.signature, b.signature)
        if j >= copyJaccard { return true }
        // From Jaccard and sizes: |A∩B| = J(|A|+|B|)/(1+J); containment of the shorter text.
        let (x, y) = (Double(max(a.wordCount, 1)), Double(max(b.wordCount, 1)))
        let shared = j * (x + y) / (1 + j)
        return j > 0.2 && shared / min(x, y) >= copyContainment
    }

    /// Members ordered lead first; the others as copies of the text they repeat, or reports.
    static func story(of indices: [Int], articles: [Article], features: [ArticleFeatures]) -> Story {
        let lead = indices[LeadChoice.best(indices.map { articles[$0] }, scores: indices.map { features[$0].leadScore })]
        var members = [Story.Member(article: articles[lead], role: .lead)]
        var originals = [lead]
        let rest = indices.filter { $0 != lead }.sorted { features[$0].leadScore > features[$1].leadScore }
        for i in rest {
            if let o = originals.first(where: { isCopy(features[i], features[$0]) }) {
                members.append(.init(article: articles[i], role: .copy(of: articles[o].file)))
            } else {
                members.append(.init(article: articles[i], role: .report))
                originals.append(i)
            }
        }
        return Story(id: "", members: members)
    }

    /// `.brief(id)` articles join the story with that id (current or former), or start it.
    static func attachPinned(_ pinned: [Article], to stories: inout [Story]) {
        var byID: [String: [Article]] = [:]
        for a in pinned { if case .brief(let id)? = a.storyChoice { byID[id, default: []].append(a) } }
        for id in byID.keys.sorted() {
            let wanted = byID[id]!
            if let s = stories.firstIndex(where: { $0.id == id || $0.formerIDs.contains(id) }) {
                let all = stories[s].members.map(\.article) + wanted
                var rebuilt = story(of: Array(0..<all.count), articles: all, features: all.map(ArticleFeatures.init))
                rebuilt.id = stories[s].id
                rebuilt.formerIDs = stories[s].formerIDs
                stories[s] = rebuilt
            } else {
                var fresh = story(of: Array(wanted.indices), articles: wanted, features: wanted.map(ArticleFeatures.init))
                fresh.id = Slug.make(id)
                stories.append(fresh)
            }
        }
    }

    private static func order(_ s: Story) -> (Int, String) {
        let days = s.members.compactMap { ($0.article.eventDate ?? $0.article.published)?.dayNumber }
        return (days.min() ?? Int.max, s.id)
    }
}

/// Disjoint sets with path halving.
struct UnionFind {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
        return x
    }
    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
