import BriefModel

/// Search index: terms -> doc numbers, sharded by the term's first two characters.
enum SearchIndex {
    /// Shard name of a term; `search.js` computes the same: each of the first two code points
    /// as itself when `[a-z0-9]`, else `_` + its hex code.
    static func shard(_ term: String) -> String {
        // Most terms start with two ASCII letters or digits: their shard is those two bytes.
        let utf8 = term.utf8
        if utf8.count >= 2, isLowerASCIIAlphanumeric(utf8[utf8.startIndex]), isLowerASCIIAlphanumeric(utf8[utf8.index(after: utf8.startIndex)]) {
            return String(decoding: utf8.prefix(2), as: UTF8.self)
        }
        return term.unicodeScalars.prefix(2).map { s -> String in
            let v = s.value
            if (97...122).contains(v) || (48...57).contains(v) { return String(s) }
            return "_" + String(v, radix: 16)
        }.joined()
    }

    /// Words too common to narrow a search; leaving them out keeps the shards small.
    static let stopwords: Set<String> = [
        "the", "and", "of", "to", "in", "a", "an", "on", "for", "with", "that", "this", "is", "was", "were", "are",
        "be", "by", "as", "at", "from", "it", "its", "or", "but", "has", "had", "have", "he", "she", "his", "her",
        "they", "their", "which", "who", "will", "would", "said", "also", "not", "been", "into", "than", "more",
    ]

    /// One searchable page: what docs.json lists and the text its terms come from (its title, a
    /// space, then its body's pieces joined by spaces).
    struct Doc: Sendable { var id: String; var title: String; var url: String; var kind: String; var text: String }

    static func docs(site: SiteIndex) -> [Doc] {
        var docs: [Doc] = []
        docs.reserveCapacity(site.archive.briefs.count + site.archive.entities.count + site.archive.notes.count)
        for b in site.archive.briefs {
            let pieces = [b.allParagraphs, b.sources.compactMap(\.outlet)]
            docs.append(Doc(id: b.id, title: b.title, url: "briefs/\(b.id).html", kind: "brief",
                            text: searchText(b.title, pieces)))
        }
        for e in site.archive.entities {
            docs.append(Doc(id: e.id, title: e.name, url: "entities/\(e.id).html", kind: "entity",
                            text: searchText(e.name, [e.aliases, [e.description ?? ""]])))
        }
        for n in site.archive.notes {
            docs.append(Doc(id: n.id, title: n.title, url: "notes/\(n.id).html", kind: "note",
                            text: searchText(n.title, [n.tags, [n.markdown]])))
        }
        return docs
    }

    /// `title + " " + groups[0].joined(" ") + " " + groups[1].joined(" ")...`, made in one String
    /// of the right size: joining each group and then the whole copied a brief's text three times.
    static func searchText(_ title: String, _ groups: [[String]]) -> String {
        var size = title.utf8.count
        for group in groups { size += group.count; for piece in group { size += piece.utf8.count } }
        var text = ""
        text.reserveCapacity(size)
        text += title
        for group in groups {
            text += " "
            for (i, piece) in group.enumerated() {
                if i > 0 { text += " " }
                text += piece
            }
        }
        return text
    }

    /// `search/docs.json` and one `search/<shard>.json` per shard.
    static func pages(site: SiteIndex) -> [Page] {
        let docs = docs(site: site)
        let index = SearchPostings(texts: docs.map(\.text), stopwords: stopwords)
        // Term ids by shard.
        var shards: [String: [Int]] = [:]
        for (id, term) in index.terms.enumerated() where !index.postings[id].isEmpty {
            shards[shard(term), default: []].append(id)
        }
        let keys = shards.keys.sorted()
        let idsByShard = shards
        let shardPages = parallelMap(keys) { key -> Page in
            var j = JSONText(pretty: false)
            j.beginObject()
            for id in idsByShard[key]!.sorted(by: { JSONKeyOrder.ascending(index.terms[$0], index.terms[$1]) }) {
                j.key(index.terms[id]); j.ints(index.postings[id])
            }
            j.endObject()
            return Page(path: "search/\(key).json", bytes: j.bytes)
        }
        var j = JSONText(pretty: false, capacity: docs.count * 160)
        j.beginArray()
        for d in docs {
            j.item()
            j.beginObject()
            j.key("id"); j.string(d.id)
            j.key("kind"); j.string(d.kind)
            j.key("title"); j.string(d.title)
            j.key("url"); j.string(d.url)
            j.endObject()
        }
        j.endArray()
        return [Page(path: "search/docs.json", bytes: j.bytes)] + shardPages
    }
}
