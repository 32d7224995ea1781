import BriefModel

/// `archive.json`: the whole archive as data (pretty-printed, keys sorted).
enum ArchiveJSON {
    static func bytes(site: SiteIndex) -> [UInt8] {
        let a = site.archive
        var j = JSONText(pretty: true, capacity: 1024 + a.briefs.count * 2048)
        j.beginObject()
        j.key("briefs")
        j.beginArray()
        for b in a.briefs {
            j.item()
            brief(b, into: &j)
        }
        j.endArray()
        j.key("entities")
        j.beginArray()
        for e in a.entities {
            j.item()
            j.beginObject()
            j.key("aliases"); j.strings(e.aliases)
            j.key("briefs"); j.strings(e.briefs)
            j.key("id"); j.string(e.id)
            j.key("name"); j.string(e.name)
            j.key("type"); j.string(e.kind.rawValue)
            j.key("url"); j.string("entities/\(e.id).html")
            j.endObject()
        }
        j.endArray()
        j.key("notes")
        j.beginArray()
        for n in a.notes {
            j.item()
            j.beginObject()
            j.key("briefs"); j.strings(n.briefs)
            j.key("date"); j.string(n.date?.description)
            j.key("entities"); j.strings(n.entities)
            j.key("id"); j.string(n.id)
            j.key("title"); j.string(n.title)
            j.key("url"); j.string("notes/\(n.id).html")
            j.endObject()
        }
        j.endArray()
        j.key("redirects")
        j.beginObject()
        for old in JSONKeyOrder.sorted(a.redirects.keys) {
            j.key(old); j.string(a.redirects[old]!)
        }
        j.endObject()
        j.key("site")
        j.beginObject()
        j.key("built"); j.string(site.buildDate)
        j.key("description"); j.string(a.config.description)
        j.key("language"); j.string(a.config.language)
        j.key("title"); j.string(a.config.title)
        j.endObject()
        j.key("timeline")
        j.beginArray()
        for t in site.timelineEntries where t.kind == .brief {
            j.item()
            j.beginObject()
            j.key("brief"); j.string(t.id)
            j.key("date"); j.string(t.date?.description)
            j.endObject()
        }
        j.endArray()
        j.endObject()
        return j.bytes
    }

    private static func brief(_ b: Brief, into j: inout JSONText) {
        j.beginObject()
        j.key("date"); j.string(b.date?.description)
        j.key("date_evidence"); j.string(b.dateEvidence)
        j.key("date_precision"); j.string(b.date?.precision.rawValue)
        j.key("entities"); j.strings(b.entities)
        j.key("id"); j.string(b.id)
        j.key("published"); j.string(b.published?.description)
        j.key("sources")
        j.beginArray()
        for s in b.sources {
            j.item()
            j.beginObject()
            j.key("file"); j.string(s.file)
            j.key("outlet"); j.string(s.outlet)
            j.key("published"); j.string(s.published?.description)
            j.key("title"); j.string(s.title)
            j.key("url"); j.string(s.url)
            j.endObject()
        }
        j.endArray()
        j.key("summary"); j.string(b.summary.joined(separator: " "))
        j.key("title"); j.string(b.title)
        j.key("url"); j.string("briefs/\(b.id).html")
        j.endObject()
    }
}
