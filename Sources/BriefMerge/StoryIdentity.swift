import BriefModel

/// Story ids that survive rebuilds: a story keeps the id its members had before; when
/// stories merged, the id of the most members (then the oldest) wins and the others
/// become former ids for redirects. New stories get a slug of their headline.
enum StoryIdentity {
    static func assign(_ stories: inout [Story], previousIDs: [String: String]) {
        struct Claim { var story: Int; var id: String; var count: Int; var oldest: Int }
        // id -> story -> (members, earliest day)
        var holders: [String: [Int: (count: Int, oldest: Int)]] = [:]
        // Members read in place: a copy of each would retain every field of its article.
        for s in stories.indices where !previousIDs.isEmpty {
            for k in stories[s].members.indices {
                guard let id = previousIDs[stories[s].members[k].article.file] else { continue }
                let day = stories[s].members[k].article.published?.dayNumber ?? Int.max
                let old = holders[id]?[s] ?? (0, Int.max)
                holders[id, default: [:]][s] = (old.count + 1, min(old.oldest, day))
            }
        }
        var claims: [Claim] = []
        for (id, byStory) in holders { for (s, h) in byStory { claims.append(Claim(story: s, id: id, count: h.count, oldest: h.oldest)) } }
        claims.sort {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.oldest != $1.oldest { return $0.oldest < $1.oldest }
            if $0.id != $1.id { return $0.id < $1.id }
            return stories[$0.story].lead.file < stories[$1.story].lead.file
        }
        var used = Set<String>()
        var named = [Bool](repeating: false, count: stories.count)
        for c in claims where !named[c.story] && !used.contains(c.id) {
            stories[c.story].id = c.id
            named[c.story] = true
            used.insert(c.id)
        }
        // Ids that lost: redirect to the story that took most of their members.
        for c in claims where !used.contains(c.id) {
            stories[c.story].formerIDs.append(c.id)
            used.insert(c.id)
        }
        for s in stories.indices { stories[s].formerIDs.sort() }

        // Stories of one base by their lead's file, found once with the base: `Story.lead` copies
        // an article, twice per comparison of the sort.
        var byBase: [String: [(leadFile: String, story: Int)]] = [:]
        let unnamed = stories.indices.filter { !named[$0] }
        for (s, made) in zip(unnamed, bases(of: unnamed, in: stories)) { byBase[made.base, default: []].append((made.leadFile, s)) }
        for base in byBase.keys.sorted() {
            let ordered = byBase[base]!.sorted { $0.leadFile < $1.leadFile }.map(\.story)
            var suffix = 1
            for s in ordered {
                var id = suffix == 1 ? base : "\(base)-\(suffix)"
                // Taken now if free: one hash of the id, not a look-up and then an insert.
                while !used.insert(id).inserted { suffix += 1; id = "\(base)-\(suffix)" }
                stories[s].id = id
                suffix += 1
            }
        }
    }

    /// The slug of each story's headline, for stories that have no id yet, with its lead's file:
    /// each one's own work (a headline is lowercased and folded letter by letter), so made on all cores.
    private static func bases(of unnamed: [Int], in stories: [Story]) -> [(base: String, leadFile: String)] {
        parallelMap(unnamed) { s in
            // The story's lead is the one `LeadChoice.best` picks of its members: no need to score them again.
            let lead = stories[s].lead
            return (Slug.make(LeadChoice.headline(stories[s].members.map(\.article), lead: lead)), lead.file)
        }
    }
}
