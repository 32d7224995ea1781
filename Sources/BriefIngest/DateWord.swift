/// A word as date reading sees it: a month or weekday name, one of the few words that place an
/// event in time, or any other word. Looked up once when a line is scanned, so that matching
/// compares small values rather than making and comparing a lowercased String for every word.
enum DateWord: Hashable {
    /// 1...12: "january", "jan", "sept".
    case monthName(Int)
    /// 0 = Monday ... 6 = Sunday.
    case weekday(Int)
    case yesterday, today, tonight, last, next, on, since, week, month, year
    /// The "T" between an ISO date and its time.
    case t
    case other

    /// Every word that is not `other`, lowercased.
    static let names: [String: DateWord] = {
        var table: [String: DateWord] = [:]
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"]
        for (i, name) in months.enumerated() {
            table[name] = .monthName(i + 1)
            table[String(name.prefix(3))] = .monthName(i + 1)
        }
        table["sept"] = .monthName(9)
        for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            table[name] = .weekday(i)
        }
        let words: [(String, DateWord)] = [("yesterday", .yesterday), ("today", .today), ("tonight", .tonight), ("last", .last),
                                           ("next", .next), ("on", .on), ("since", .since), ("week", .week), ("month", .month),
                                           ("year", .year), ("t", .t)]
        for (name, word) in words { table[name] = word }
        return table
    }()

    /// The word a lowercased String is.
    init(lowercased word: String) { self = DateWord.names[word] ?? .other }

    /// The names by their ASCII letters, for the byte scan. All names are ASCII letters, and a word
    /// with other letters is none of them: lowercasing never turns a non-ASCII letter of simple text
    /// into ASCII alone (İ gives "i" and a combining dot).
    struct Vocabulary {
        /// `names` by their packed letters in an open-addressed table (0: empty; no name packs to 0),
        /// found by a multiplicative hash: "of", "and", "said" pass the initials test, and Dictionary's
        /// SipHash of their key was most of the lookup.
        let keys: [UInt64]
        let words: [DateWord]
        /// For each length, the initials of the names that long, a bit each (a = 1 << 1): most words
        /// ("the", "a", "said") are no name by their length and first letter alone, without a hash.
        let initials: [UInt32]

        /// A power of two, over twice the names' count so that probes stay short.
        static let slots = 128

        init(_ names: [String: DateWord]) {
            precondition(names.count * 2 <= Vocabulary.slots)
            var keys = [UInt64](repeating: 0, count: Vocabulary.slots)
            var words = [DateWord](repeating: .other, count: Vocabulary.slots)
            for (name, word) in names {
                let key = name.utf8.reduce(0) { $0 << 5 | Vocabulary.letter($1) }
                var slot = Vocabulary.slot(key)
                while keys[slot] != 0 { slot = (slot + 1) & (Vocabulary.slots - 1) }
                keys[slot] = key
                words[slot] = word
            }
            self.keys = keys
            self.words = words
            var initials = [UInt32](repeating: 0, count: names.keys.map(\.utf8.count).max()! + 1)
            for name in names.keys { initials[name.utf8.count] |= 1 << Vocabulary.letter(name.utf8.first!) }
            self.initials = initials
        }

        /// a = 1 ... z = 26, either case: at most 12 letters pack into a UInt64, distinct words to distinct numbers.
        @inline(__always)
        static func letter(_ b: UInt8) -> UInt64 { UInt64((b | 0x20) &- 0x60) }

        /// The top 7 bits of the key times 2^64 / golden ratio.
        @inline(__always)
        static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 57) }

        /// The word of a run of ASCII letters (any case).
        func word(_ letters: UnsafeBufferPointer<UInt8>) -> DateWord {
            guard letters.count < initials.count, initials[letters.count] & 1 << Vocabulary.letter(letters[0]) != 0 else { return .other }
            let key = letters.reduce(0) { $0 << 5 | Vocabulary.letter($1) }
            var slot = Vocabulary.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return words[slot] }
                slot = (slot + 1) & (Vocabulary.slots - 1)
            }
            return .other
        }
    }

    static let vocabulary = Vocabulary(names)

    var monthNumber: Int? {
        if case .monthName(let m) = self { return m }
        return nil
    }
}
