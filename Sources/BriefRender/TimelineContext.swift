import BriefModel

/// The timeline pages' contexts.
extension SiteIndex {
    /// The whole timeline; or, paged, the index (chart, months, undated) or one month's page.
    func timelineContext(page: TimelinePage? = nil) -> Fields {
        let root = "../"
        let all = timelineEntries
        let paged = timelineIsPaged
        let entries = page?.entries ?? (paged ? all.filter { $0.date == nil } : all)
        let showsLinks = templates.names.contains(Fragment.timelineEntity)
        // An entry's first three entities, as its `entities` list has them, joined from pieces
        // rendered once per entity (`entityLinks`): a section over each entry's list cost a
        // context and two sequence transforms per entity.
        func linked(_ d: inout Fields, _ ids: ArraySlice<String>) {
            guard showsLinks else { return }
            let pieces = ids.compactMap { id in
                self.items.timelineLink(id) ?? entityByID[id].map { ContextItems.timelineLink($0, root: root, templates: templates) }
            }
            d["entityLinks"] = TemplateSet.joined(pieces, separator: ", ")
        }
        func item(_ t: Archive.TimelineEntry) -> Fields {
            if t.kind == .brief, let b = briefByID[t.id] {
                var d = briefItem(b, root: root)
                // One copy of the shared item, with room for what the timeline adds.
                d.reserveCapacity(d.count + 3)
                d["date"] = TagText(t.date?.description ?? "")
                d["isNote"] = false
                d["hasEntities"] = !((d["entities"] as? [Fields])?.isEmpty ?? true)
                linked(&d, b.entities.prefix(3))
                return d
            }
            let n = noteByID[t.id]!
            var d = noteItem(n, root: root)
            d.reserveCapacity(d.count + 5)
            d["date"] = TagText(t.date?.description ?? "")
            d["isNote"] = true
            let entities = n.entities.prefix(3).compactMap { entityByID[$0].map { entityLink($0, root: root) } }
            d["entities"] = entities
            d["hasEntities"] = !entities.isEmpty
            linked(&d, n.entities.prefix(3))
            return d
        }
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
        var years: [Fields] = []
        var currentYear: Int? = nil
        var months: [Fields] = []
        var currentMonth: String? = nil
        var items: [Fields] = []
        func flushMonth() {
            if let m = currentMonth, !items.isEmpty {
                let parts = m.split(separator: "-")
                let label = parts.count == 2 && parts[1] != "00" ? monthNames[Int(parts[1])! - 1] : "Month unknown"
                months.append(["anchor": TagText("m-\(m)"), "label": TagText(label), "entries": items, "count": TagText(items.count)])
            }
            items = []
        }
        func flushYear() {
            flushMonth()
            if let y = currentYear, !months.isEmpty { years.append(["year": TagText(String(y)), "months": months]) }
            months = []
        }
        for t in entries {
            guard let date = t.date else { continue }
            let monthKey = SiteIndex.monthKey(date)
            if date.year != currentYear { flushYear(); currentYear = date.year; currentMonth = nil }
            if monthKey != currentMonth { flushMonth(); currentMonth = monthKey }
            items.append(item(t))
        }
        flushYear()
        let undated = entries.filter { $0.date == nil }.map(item)
        let chartDates = page == nil ? all.filter { $0.kind == .brief }.compactMap(\.date) : []
        let chart = Charts.monthBars(dates: chartDates, label: "Briefs per month") { key in
            paged ? "\(key).html#m-\(key)" : "#m-\(key)"
        }
        var yearLinks: [Fields] = []
        if paged && page == nil {
            var byYear: [(year: String, months: [Fields])] = []
            for p in timelinePages {
                let year = String(p.month.prefix(4))
                let label = (p.month.hasSuffix("-00") ? "Month unknown" : monthNames[Int(p.month.suffix(2))! - 1])
                    + (p.part > 0 ? " (\(p.part + 1))" : "")
                let link: Fields = ["label": TagText(label), "url": TagText(p.file), "count": TagText(p.entries.count)]
                if byYear.last?.year == year { byYear[byYear.count - 1].months.append(link) } else { byYear.append((year, [link])) }
            }
            yearLinks = byYear.map { ["year": TagText($0.year), "months": $0.months] }
        }
        let heading = page.map { p in
            (p.month.hasSuffix("-00") ? String(p.month.prefix(4)) : monthNames[Int(p.month.suffix(2))! - 1] + " " + p.month.prefix(4))
                + (p.part > 0 ? " (part \(p.part + 1))" : "")
        }.map { "Timeline: \($0)" } ?? "Timeline"
        return self.page(root: root, title: heading, nav: "timeline", [
            "yearLinks": yearLinks, "hasYearLinks": !yearLinks.isEmpty, "heading": TagText(heading),
            "isYearPage": page != nil,
            "years": years, "hasYears": !years.isEmpty, "undated": undated, "hasUndated": !undated.isEmpty,
            "chart": TagText(chart), "hasChart": !chart.isEmpty,
        ])
    }

}
