import BriefModel

/// "The Iranian President", "his Russian counterpart": the person of that nationality (and, for
/// a specific role, holding it) among the people the same text names. Nationality and role come
/// from how the archive introduces the person ("Russian President Vladimir Putin").
enum RoleResolution {
    /// `roles` with the text of each; `mentionText` is the text of each mention.
    static func resolve(_ roles: [(text: Int, role: TextEntities.Role)], mentionText: [Int], entityOfMention: [Int?],
                        kinds: [Entity.Kind], nodes: [NameNode]) -> [Int?] {
        var peopleInText: [Int: [Int: Int]] = [:]
        for (m, e) in entityOfMention.enumerated() {
            guard let e, kinds[e] == .person else { continue }
            peopleInText[mentionText[m], default: [:]][e, default: 0] += 1
        }
        return roles.map { placed in
            let ref = placed.role
            guard let nationality = ref.nationality, let people = peopleInText[placed.text] else { return nil }
            var candidates = people.filter { nodes[$0.key].nationalities[nationality, default: 0] > 0 }
            if let role = ref.role, role != "counterpart" {
                let holders = candidates.filter { nodes[$0.key].roles[role, default: 0] > 0 }
                if !holders.isEmpty { candidates = holders }
            }
            let ranked = candidates.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let best = ranked.first else { return nil }
            // Two people of that nationality mentioned about as often: do not guess.
            if ranked.count > 1, ranked[1].value * 2 > best.value { return nil }
            return best.key
        }
    }
}
