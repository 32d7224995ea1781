import BriefModel

/// Fields a structured source (HTML metadata, JSON fields) already gave; text extraction
/// fills only what is missing.
struct KnownFields {
    var title: String?
    var published: DayDate?
    var publishedText: String?
    var outlet: String?
    var url: String?
    var author: String?
    var source: String = "page metadata"
}

/// Makes an Article of plain paragraphs: removes boilerplate, then reads headline, dates,
/// outlet, dateline and URL from the lines around the story.
enum TextReader {
    static func article(_ input: [Line], file: String, format: Article.Format, known: KnownFields = KnownFields()) -> Article {
        // The first body paragraph, found once: it ends the header and starts the tail search.
        let firstBody = input.firstIndex(where: isBodyParagraph)
        // Each line's boilerplate key, made once for the tail search and the noise test.
        let keys = input.map { $0.simpleWords == nil ? nil : Boilerplate.LineKey(simple: $0.text) }
        let lines = cutTail(input, keys: keys, firstBody: firstBody)
        var article = Article(file: file, format: format, paragraphs: [])
        var evidence: [String: String] = [:]
        var outletStrength = 0   // 3 lead prefix / reports / agency, 2 source line, 1 weak
        var sourceLine: String?

        // Header: the lines before the first paragraph that reads as body text.
        let bodyStart = firstBody ?? lines.count
        var titleCandidates: [Line] = []
        var dates: [(DatePhrase.Match, Line)] = []
        var keep: [Line] = []
        for (i, line) in lines.enumerated() {
            let text = line.text
            if isURL(text) {
                if article.url == nil { article.url = text; evidence["url"] = "line \(line.number)" }
                continue
            }
            if let name = Outlet.sourceLine(text) { sourceLine = name; evidence["source"] = "line \(line.number): \"\(text)\""; continue }
            if Boilerplate.isNoise(text, key: keys[i]) { continue }
            if i < bodyStart {
                let words = line.words
                if let (match, _) = leadingDate(text), words <= 16 {
                    dates.append((match, line)); continue
                }
                if text.hasSuffix(":") || words < 2 { continue } // kicker or label
                titleCandidates.append(line)
                continue
            }
            keep.append(line)
        }

        // A date glued to the lead: "date 2023-12-08 Tehran: ...".
        if let first = keep.first, let (match, r) = leadingDate(first.text) {
            dates.append((match, first))
            keep[0].text = String(first.text[r.upperBound...]).trimmingSpaces()
        }

        // Title: the first headline-like header line; a short one from the lead when none.
        if let title = titleCandidates.first {
            article.title = title.text
            evidence["title"] = "line \(title.number)"
        }
        // Standfirsts and repeated lines: a paragraph that comes again later is dropped where it first stands.
        keep = keep.map { line in
            guard let (name, rest) = Outlet.reportsSuffix(line.text) else { return line }
            if outletStrength < 3 { article.outlet = name; outletStrength = 3; evidence["outlet"] = "line \(line.number): \"…reports \(name)\"" }
            return Line(text: rest, number: line.number)
        }
        keep = dropRepeats(keep, title: article.title)

        // Lead prefixes: dateline and outlet.
        for index in keep.indices.prefix(3) {
            let text = keep[index].text
            if index == 0, let d = Outlet.dateline(text) {
                article.dateline = d.place
                evidence["dateline"] = "line \(keep[index].number): \"\(text.prefix(text.count - d.rest.count).trimmingSpaces())\""
                if let code = d.agency, outletStrength < 3 {
                    article.outlet = Outlet.agencyCodes[code] ?? code
                    outletStrength = 3
                    evidence["outlet"] = "line \(keep[index].number): agency code (\(code))"
                }
                keep[index].text = d.rest
                continue
            }
            if let p = Outlet.leadPrefix(text), outletStrength < (p.strong ? 3 : 1) {
                article.outlet = p.outlet
                outletStrength = p.strong ? 3 : 1
                evidence["outlet"] = "line \(keep[index].number): \"\(p.strong ? p.outlet + " :" : "According to " + p.outlet)\""
                if p.strong { keep[index].text = p.rest }
            }
        }
        // Section labels glued to the outlet's name: "Iran PressEurope: ...".
        if let outlet = article.outlet {
            for index in keep.indices.prefix(3) where keep[index].text.hasPrefix(outlet) {
                let after = keep[index].text.dropFirst(outlet.count)
                if let colon = after.firstIndex(of: ":"), after.distance(from: after.startIndex, to: colon) <= 15,
                   !after[..<colon].contains(" ") {
                    keep[index].text = after[after.index(after: colon)...].trimmingSpaces()
                }
            }
        }
        if let sourceLine {
            if outletStrength >= 2 || (article.outlet != nil && outletStrength == 3) {
                article.originalOutlet = sourceLine
            } else {
                article.outlet = sourceLine
                evidence["outlet"] = evidence["source"]
            }
        }
        evidence["source"] = nil

        // Structured fields win over what the text suggests.
        if let t = known.title { article.title = t; evidence["title"] = known.source }
        if let o = known.outlet { if article.outlet != o, let old = article.outlet, article.originalOutlet == nil { article.originalOutlet = old }
            article.outlet = o; evidence["outlet"] = known.source }
        if let u = known.url { article.url = u; evidence["url"] = known.source }
        article.author = known.author
        if article.outlet == nil, let url = article.url, let name = Outlet.fromURL(url) {
            article.outlet = name
            evidence["outlet"] = "known address of the URL (\(url.prefix(60)))"
        }

        if let p = known.published {
            article.published = p; evidence["published"] = "\(known.source): \"\(known.publishedText ?? p.description)\""
        } else if let earliest = dates.min(by: { $0.0.date < $1.0.date }) {
            // The earliest header date: later ones are save, crawl or update dates.
            article.published = earliest.0.date
            evidence["published"] = "line \(earliest.1.number): \"\(earliest.0.text)\""
        }

        article.paragraphs = keep.map(\.text).filter { !$0.isEmpty }
        if article.title == nil, let lead = article.paragraphs.first {
            article.title = headline(fromLead: lead)
            article.titleFromLead = true
            evidence["title"] = "made from the lead (no headline in the text)"
        }
        if let r = EventDate.resolve(paragraphs: article.paragraphs, published: article.published) {
            article.eventDate = r.date
            evidence["date"] = r.evidence
        }
        article.evidence = evidence
        return article
    }

    /// Everything from the first tail marker after the story began is page furniture.
    static func cutTail(_ lines: [Line], keys: [Boilerplate.LineKey?], firstBody: Int?) -> [Line] {
        guard let firstBody else { return lines }
        if let tail = lines.indices[(firstBody + 1)...].first(where: { Boilerplate.isTailMarker(lines[$0].text, key: keys[$0]) }) {
            return Array(lines[..<tail])
        }
        return lines
    }

    /// Body text: a long line, or a sentence of some length.
    static func isBodyParagraph(_ line: Line) -> Bool { isBodyParagraph(line, words: line.words) }

    /// The same, given the line's `ScalarText.wordCount`.
    static func isBodyParagraph(_ line: Line, words: Int) -> Bool {
        if words >= 16 { return true }
        guard words >= 8 else { return false }
        // A sentence ends in . ! ? (possibly inside closing quotes); a headline may end in a quote.
        let tail = line.text.reversed().drop { "\"”'’)".contains($0) }
        guard let last = tail.first else { return false }
        return ".!?".contains(last)
    }

    static func isURL(_ text: String) -> Bool {
        (text.hasPrefix("http://") || text.hasPrefix("https://")) && !ScalarText.contains(" ", in: text)
    }

    /// A date at the very start of a line, after at most two words ("Tuesday", "date", "Published on").
    /// Also returns where the date's text first stands in the line.
    static func leadingDate(_ text: String) -> (DatePhrase.Match, Range<String.Index>)? {
        // A line of at most 60 bytes has at most 60 characters: no need to walk them.
        let head = text.utf8.count <= 60 ? text : String(text.prefix(60))
        guard let match = DatePhrase.first(in: head),
              let r = ScalarText.firstRange(of: match.text, in: text, simple: ScalarText.isSimple(text)) else { return nil }
        return text[..<r.lowerBound].split(separator: " ").count <= 2 ? (match, r) : nil
    }

    /// Drops the title repeated in the body, standfirsts that come again later, and captions printed twice.
    static func dropRepeats(_ lines: [Line], title: String?) -> [Line] {
        let body = lines.map(isBodyParagraph)
        // Simple lines are equal Strings exactly when their bytes are equal, so they are compared by
        // their bytes, without the Unicode normalisation that hashing a non-ASCII String does.
        if lines.allSatisfy({ $0.simpleWords != nil }) { return dropRepeats(lines, body: body, title: title, key: SimpleText.init) }
        return dropRepeats(lines, body: body, title: title, key: { $0 })
    }

    private static func dropRepeats<Key: Hashable>(_ lines: [Line], body: [Bool], title: String?, key: (String) -> Key) -> [Line] {
        // Each line hashed once, for the first line with its text; then how often and where last each text stands.
        var firstOf: [Key: Int] = [:]
        var first: [Int] = []
        var count = [Int](repeating: 0, count: lines.count)
        var last = [Int](repeating: 0, count: lines.count)
        func id(_ entry: inout Int) -> Int { entry }
        for (i, l) in lines.enumerated() {
            let f = id(&firstOf[key(l.text), default: i])
            first.append(f)
            count[f] += 1
            last[f] = i
        }
        return lines.indices.compactMap { i in
            if lines[i].text == title { return nil }
            if last[first[i]] != i && body[i] { return nil }
            // A short line printed twice inside the story is a photo caption, not text.
            if !body[i] && count[first[i]] > 1 { return nil }
            return lines[i]
        }
    }

    /// First sentence of the lead, cut to about twelve words.
    static func headline(fromLead lead: String) -> String {
        var sentence = Substring(lead)
        if let end = lead.firstIndex(where: { ".!?".contains($0) }), lead.distance(from: lead.startIndex, to: end) > 20 {
            sentence = lead[..<end]
        }
        let words = sentence.split(separator: " ")
        guard words.count > 12 else { return String(sentence) }
        return words.prefix(12).joined(separator: " ") + "…"
    }
}
