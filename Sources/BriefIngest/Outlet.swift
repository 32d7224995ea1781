/// Who published an article and where it was filed, from the phrases pages use:
/// "…reports Asian Lite News", "Source: Iran Daily", "Moscow(IP)-", "The Iran Project : ",
/// "According to The Iran Project,", "CLEVELAND, Feb 26 -", "Tehran:".
enum Outlet {
    /// Agency codes used in datelines, e.g. "Moscow(IP)-".
    static let agencyCodes: [String: String] = [
        "IP": "Iran Press", "AP": "Associated Press", "AFP": "Agence France-Presse", "Reuters": "Reuters",
        "IRNA": "IRNA", "TASS": "TASS", "Xinhua": "Xinhua", "UPI": "UPI", "dpa": "dpa", "ANI": "ANI",
        "PTI": "PTI", "IANS": "IANS", "Bernama": "Bernama", "ISNA": "ISNA", "Mehr": "Mehr News", "KUNA": "KUNA",
        "WAM": "WAM", "SPA": "SPA", "Anadolu": "Anadolu Agency", "CNN": "CNN", "BBC": "BBC",
    ]

    /// Outlets known by their web address, for articles that name none in their text.
    static let domains: [String: String] = [
        "nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "latimes.com": "Los Angeles Times",
        "wsj.com": "The Wall Street Journal", "usatoday.com": "USA Today", "nydailynews.com": "New York Daily News",
        "nypost.com": "New York Post", "cnn.com": "CNN", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
        "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "npr.org": "NPR", "bloomberg.com": "Bloomberg",
        "reuters.com": "Reuters", "apnews.com": "Associated Press", "bbc.co.uk": "BBC", "bbc.com": "BBC",
        "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian", "telegraph.co.uk": "The Telegraph",
        "independent.co.uk": "The Independent", "dailymail.co.uk": "Daily Mail", "ft.com": "Financial Times",
        "economist.com": "The Economist", "aljazeera.com": "Al Jazeera", "france24.com": "France 24", "dw.com": "Deutsche Welle",
        "people.com": "People", "usnews.com": "U.S. News & World Report", "time.com": "Time", "politico.com": "Politico",
        "thehill.com": "The Hill", "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost", "tasnimnews.com": "Tasnim",
        "irna.ir": "IRNA", "en.irna.ir": "IRNA", "presstv.ir": "Press TV", "tehrantimes.com": "Tehran Times",
        "mehrnews.com": "Mehr News", "en.mehrnews.com": "Mehr News", "tass.com": "TASS", "ria.ru": "RIA Novosti",
        "rt.com": "RT", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "timesofindia.indiatimes.com": "The Times of India",
        "hindustantimes.com": "Hindustan Times", "thehindu.com": "The Hindu", "asianlite.com": "Asian Lite News",
        "iranpress.com": "Iran Press", "theiranproject.com": "The Iran Project", "iran-daily.com": "Iran Daily",
    ]

    /// The outlet a URL's host is known as, trying the host and its parent domains.
    static func fromURL(_ url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        var host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }.lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var parts = host.split(separator: ".")
        while parts.count >= 2 {
            if let name = domains[parts.joined(separator: ".")] { return name }
            parts.removeFirst()
        }
        return nil
    }

    /// "…reports Asian Lite News" at the end of a standfirst: returns the outlet and the line without it.
    static func reportsSuffix(_ line: String) -> (outlet: String, rest: String)? {
        // Most lines have no "reports " at all; a byte search says so without Foundation's UTF-16 copy.
        guard ScalarText.mayContain("reports ", in: line), let range = line.range(of: "reports ", options: .backwards) else { return nil }
        let before = line[..<range.lowerBound]
        guard before.hasSuffix("…") || before.hasSuffix("...") || before.hasSuffix(".") || before.hasSuffix("…."),
              let name = capitalisedName(String(line[range.upperBound...])), name.count == line[range.upperBound...].trimmingSpaces().count
        else { return nil }
        var rest = String(before)
        while let last = rest.last, last == "." || last == "…" { rest.removeLast() }
        return (name, rest.trimmingSpaces() + ".")
    }

    /// "Source: Iran Daily" / "Source : Mehr News".
    static func sourceLine(_ line: String) -> String? {
        // Only a line starting with "source" in ASCII letters of any case lowercases to "source…":
        // no other scalar lowercases to one of these letters.
        guard line.utf8.count > 6, zip(line.utf8, "source".utf8).allSatisfy({ ScalarText.asciiLowercased($0) == $1 }) else { return nil }
        let lower = line.lowercased()
        guard lower.hasPrefix("source:") || lower.hasPrefix("source :") || lower.hasPrefix("sources:") else { return nil }
        let value = line[line.index(after: line.firstIndex(of: ":")!)...].trimmingSpaces()
        return capitalisedName(value).flatMap { $0.count == value.count ? $0 : nil }
    }

    /// "The Iran Project : text" or "According to The Iran Project,text" at a paragraph start.
    static func leadPrefix(_ paragraph: String) -> (outlet: String, rest: String, strong: Bool)? {
        if ScalarText.mayContain(" : ", in: paragraph), let colon = paragraph.range(of: " : "), paragraph.distance(from: paragraph.startIndex, to: colon.lowerBound) < 40,
           let name = capitalisedName(String(paragraph[..<colon.lowerBound])),
           name.count == paragraph[..<colon.lowerBound].count {
            return (name, String(paragraph[colon.upperBound...]).trimmingSpaces(), true)
        }
        if paragraph.hasPrefix("According to "), let comma = paragraph.firstIndex(of: ",") {
            let candidate = paragraph[paragraph.index(paragraph.startIndex, offsetBy: 13)..<comma]
            if let name = capitalisedName(String(candidate)), name.count == candidate.count, name.split(separator: " ").count <= 5 {
                var rest = String(paragraph[paragraph.index(after: comma)...]).trimmingSpaces()
                if let first = rest.first { rest = first.uppercased() + rest.dropFirst() }
                return (name, rest, false)
            }
        }
        return nil
    }

    /// A dateline at the start of the lead: the place, the agency it names, and the text after it.
    static func dateline(_ paragraph: String) -> (place: String, agency: String?, rest: String)? {
        if let head = asciiHead(paragraph) { return dateline(paragraph, head: head) }
        return dateline(paragraph, head: Array(paragraph.prefix(80)))
    }

    /// `dateline` read from the paragraph's first 80 characters: ASCII bytes when they are all ASCII
    /// (the usual lead), so that testing letters and case needs no Unicode tables; else Characters.
    static func dateline<C: DatelineCharacter>(_ paragraph: String, head scalars: [C]) -> (place: String, agency: String?, rest: String)? {
        // Place: up to three capitalised words (or ALL CAPS), optionally ", Month Day".
        var i = 0
        var words = 0
        while i < scalars.count, scalars[i].isUppercase {
            while i < scalars.count, scalars[i].isLetter || scalars[i] == "." || scalars[i] == "'" { i += 1 }
            words += 1
            if i < scalars.count, scalars[i] == " ", i + 1 < scalars.count, scalars[i + 1].isUppercase, words < 3 { i += 1 } else { break }
        }
        guard words > 0, i < scalars.count else { return nil }
        let place = C.string(scalars[0..<i])
        var j = i
        // ", Feb 26" after the place
        if j < scalars.count, scalars[j] == "," {
            var k = j + 1
            while k < scalars.count, scalars[k] == " " || scalars[k].isLetter || scalars[k].isNumber || scalars[k] == "." { k += 1 }
            if k - j < 16 { j = k }
        }
        var agency: String?
        var k = j
        while k < scalars.count, scalars[k] == " " { k += 1 }
        if k < scalars.count, scalars[k] == "(", let close = scalars[k...].firstIndex(of: ")"), close - k < 20 {
            agency = C.string(scalars[(k + 1)..<close])
            k = close + 1
            while k < scalars.count, scalars[k] == " " { k += 1 }
        }
        guard k < scalars.count else { return nil }
        let mark = scalars[k]
        let spacedDash = (mark == "-" || mark == "—" || mark == "–") && (k > i || agency != nil || (k + 1 < scalars.count && scalars[k + 1] == " "))
        guard mark == ":" || spacedDash else { return nil }
        // A colon dateline is one word or two ("Tehran:", "New Delhi:"), never a sentence.
        if mark == ":" && (words > 2 || agency != nil) { return nil }
        let rest = String(paragraph.dropFirst(k + 1)).trimmingSpaces()
        guard !rest.dropFirst(20).isEmpty else { return nil }   // more than 20 characters, without counting them all
        let normalised = place == place.uppercased() && place.count > 3
            ? place.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
            : place
        return (normalised, agency, rest)
    }

    /// The first 80 characters as bytes when the first 81 are ASCII other than CR, each then a
    /// character of its own; nil otherwise.
    private static func asciiHead(_ paragraph: String) -> [ASCIICharacter]? {
        ScalarText.withBytes(paragraph) { bytes -> [ASCIICharacter]? in
            let window = UnsafeBufferPointer(rebasing: bytes.prefix(81))
            guard window.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            return window.prefix(80).map(ASCIICharacter.init)
        }
    }

    /// The run of capitalised words (with "of", "the", "and", "&" inside) that makes up the text, or nil.
    static func capitalisedName(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        let words = trimmed.split(separator: " ")
        guard !words.isEmpty, words.count <= 7 else { return nil }
        for (n, word) in words.enumerated() {
            let first = word.first!
            if first.isUppercase || first.isNumber { continue }
            let joiner = n > 0 && ["of", "the", "and", "&", "de", "al", "for"].contains(word.lowercased())
            if !joiner { return nil }
        }
        return trimmed
    }
}

/// What `Outlet.dateline` asks of a character of the lead's head.
protocol DatelineCharacter: Equatable, ExpressibleByUnicodeScalarLiteral {
    var isUppercase: Bool { get }
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    static func string(_ characters: ArraySlice<Self>) -> String
}

extension Character: DatelineCharacter {
    static func string(_ characters: ArraySlice<Character>) -> String { String(characters) }
}

/// An ASCII byte (not CR) read as the Character it is: the same answers, by arithmetic.
struct ASCIICharacter: DatelineCharacter {
    var byte: UInt8

    init(_ byte: UInt8) { self.byte = byte }

    /// A literal outside ASCII ("—") is 0xFF, equal to no ASCII byte.
    init(unicodeScalarLiteral scalar: Unicode.Scalar) { byte = scalar.isASCII ? UInt8(scalar.value) : 0xFF }

    var isUppercase: Bool { byte >= 0x41 && byte <= 0x5A }
    var isLetter: Bool { byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A }
    var isNumber: Bool { byte >= 0x30 && byte <= 0x39 }

    static func string(_ characters: ArraySlice<ASCIICharacter>) -> String { String(decoding: characters.map(\.byte), as: UTF8.self) }
}
