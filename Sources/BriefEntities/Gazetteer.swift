import BriefModel
import Foundation

/// The built-in knowledge read from `Resources/gazetteer.tsv`: countries with their demonyms
/// and capitals, other places, international organisations, news agencies, first names and
/// nicknames. The file's header documents its columns.
struct Gazetteer: Sendable {
    var names = NameTable()
    /// Lowercased demonym ("iranian", "iranians") -> entry of its country.
    var demonyms = WordIndex()
    var givenNames: WordSet = []
    /// "first|last" lowercased words of multi-word organisations -> entry, when only one has them:
    /// "the Shanghai organization" is the Shanghai Cooperation Organization.
    var organizationByEnds: [String: Int] = [:]
    /// Lowercased short first name -> the full forms it stands for.
    var nicknames: [String: Set<String>] = [:]

    static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return Gazetteer() }
        return Gazetteer(tsv: text)
    }()

    init() {}

    init(tsv: String) {
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 2 else { continue }
            func list(_ i: Int) -> [String] {
                i < fields.count ? fields[i].split(separator: "|").map(String.init).filter { !$0.isEmpty } : []
            }
            switch fields[0] {
            case "country", "place":
                let index = names.add(.init(name: fields[1], kind: .place, aliases: list(2), description: nil))
                for adjective in list(3) {
                    let key = adjective.lowercased()
                    demonyms[key] = index
                    demonyms[key.hasSuffix("s") || key.hasSuffix("ese") ? key : key + "s"] = index
                }
                for capital in list(4) where names.lookup(key: NameTable.key(capital)) == nil {
                    names.add(.init(name: capital, kind: .place, aliases: [], description: nil))
                }
            case "organization", "agency":
                let index = names.add(.init(name: fields[1], kind: .organization, aliases: list(2), description: nil))
                let words = NameTable.key(fields[1]).split(separator: " ")
                if words.count >= 3, let first = words.first, let last = words.last {
                    let key = "\(first)|\(last)"
                    organizationByEnds[key] = organizationByEnds[key] == nil ? index : -1
                }
            case "given":
                for name in list(1) { givenNames.insert(name.lowercased()) }
            case "nickname":
                if fields.count >= 3 { nicknames[fields[1].lowercased(), default: []].insert(fields[2].lowercased()) }
            default:
                continue
            }
        }
    }

    func organization(first: String, last: String) -> Int? {
        guard let i = organizationByEnds["\(first)|\(last)"], i >= 0 else { return nil }
        return i
    }

    /// Whether two first names can be the same person's: equal, a nickname of the other,
    /// or a spelling variant.
    func compatibleGiven(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if nicknames[a]?.contains(b) == true || nicknames[b]?.contains(a) == true { return true }
        return NameMatching.spellingVariant(a, b)
    }
}
