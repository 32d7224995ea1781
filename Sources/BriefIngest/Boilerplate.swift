/// Scraper boilerplate: the lines around an article that belong to the page, not the story.
///
/// Two kinds. Line noise (share buttons, reading time, form labels, story codes) is dropped
/// where it stands. Tail markers ("Previous Story", "Read More:", "Latest from") start the
/// page's trailing furniture, so they and everything after them go.
enum Boilerplate {
    /// Whole lines that are furniture, compared lowercased with spaces and trailing colons removed.
    static let noise: Set<String> = [
        "share", "share this", "share this article", "tweet", "print", "email", "e-mail", "whatsapp", "facebook",
        "twitter", "linkedin", "telegram", "reddit", "pinterest", "copy link", "advertisement", "advertisements",
        "ad", "sponsored", "your name", "your email address", "your email", "your comment", "send", "submit",
        "comments", "comment", "leave a comment", "leave a reply", "subscribe", "sign up", "log in", "login",
        "menu", "search", "home", "skip to content", "skip to main content", "close", "listen", "listen to this article",
        "also read", "read also", "see also", "photo", "video", "tags", "topics", "print this article", "font size",
    ]

    /// Lines that open the trailing furniture of a page.
    static let tailMarkers: Set<String> = [
        "previous story", "next story", "previous article", "next article", "previous post", "next post",
        "go to top", "go totop", "back to top", "don't miss", "don’t miss", "do not miss", "read more",
        "related", "related articles", "related stories", "related news", "related posts", "more stories",
        "more from", "you may also like", "you might also like", "recommended", "recommended for you",
        "most read", "most popular", "trending", "popular posts", "latest news", "latest stories",
    ]

    /// Prefixes of lines that are furniture whatever follows them. None starts with a character that
    /// has a canonical twin, so a line can start with one only if it starts with its first byte.
    static let noisePrefixes: [String] = [
        "also read", "read also", "story code", "news code", "news id", "reporter :", "reporter:", "code :",
        "tags:", "tags :", "share this", "follow us", "click here", "subscribe to", "sign up for", "copyright ©",
        "© copyright", "all rights reserved", "image source", "image caption", "photo credit", "photo:",
        "file photo", "(photo", "advertisement",
    ]

    /// Prefixes that open the trailing furniture.
    static let tailPrefixes: [String] = ["latest from", "read more:", "more from", "related:"]

    static func key(_ line: String) -> String {
        var k = line.lowercased().trimmingSpaces()
        while let last = k.last, last == ":" || last == "." || last == "…" || last == "-" || last == "»" || last == ">" {
            k.removeLast()
            k = k.trimmingSpaces()
        }
        return k
    }

    /// Longer than every listed line and prefix, in characters: a longer key matches by prefix only.
    static let keyLimit = (noise.map(\.count) + tailMarkers.map(\.count) + noisePrefixes.map(\.count)
                           + tailPrefixes.map(\.count) + ["reading time".count]).max()! + 1

    static func isTailMarker(_ line: String) -> Bool { isTailMarker(line, key: LineKey(line)) }

    /// `isTailMarker` with the line's key made already (nil when the line is not simple).
    static func isTailMarker(_ line: String, key simple: LineKey?) -> Bool {
        if let simple {
            if let k = simple.full, tailMarkers.contains(k) { return true }
            return tailPrefixes.contains { simple.trimmedHead.hasPrefix($0) }
        }
        let k = key(line)
        if tailMarkers.contains(k) { return true }
        let lower = line.lowercased().trimmingSpaces()
        return tailPrefixes.contains { lower.hasPrefix($0) }
    }

    static func isNoise(_ line: String) -> Bool { isNoise(line, key: LineKey(line)) }

    /// `isNoise` with the line's key made already (nil when the line is not simple).
    static func isNoise(_ line: String, key simple: LineKey?) -> Bool {
        if let key = simple, key.full == nil {
            // Longer than any listed line: only the prefixes and the reading time can match.
            let first = key.head.utf8.first
            return (key.threeWords.map(isReadingTime) ?? key.head.hasPrefix("reading time"))
                || noisePrefixes.contains { $0.utf8.first == first && key.head.hasPrefix($0) }
        }
        let k = simple?.full ?? key(line)
        if k.isEmpty || noise.contains(k) { return true }
        if isReadingTime(k) { return true }
        return noisePrefixes.contains { k.hasPrefix($0) }
    }

    /// "2 mins read", "5 min read", "3 minute read", "Reading time: 4 minutes".
    static func isReadingTime(_ k: String) -> Bool {
        if k.hasPrefix("reading time") { return true }
        // The first word must read as an Int: a key not starting with a digit, "+" or "-" is not split.
        guard let f = k.utf8.first, (f >= 0x30 && f <= 0x39) || f == 0x2B || f == 0x2D else { return false }
        let words = k.split(separator: " ")
        guard words.count == 3, Int(words[0]) != nil else { return false }
        return ["min", "mins", "minute", "minutes"].contains(String(words[1])) && words[2] == "read"
    }
}
