import BriefModel
import Yams

/// `Content/entities.yml`, written by analysts. It always wins over extraction.
///
/// Format:
///
///     entities:
///       - name: Ebrahim Raisi            # canonical name, shown on the page; its slug is the id
///         type: person                   # person | organization | place | other
///         aliases: [Raeisi, Seyyed Ebrahim Raeisi]   # other spellings; a mention of any is this entity
///         description: President of Iran, 2021-2024.
///     ignore:                            # names never made into entities (case-insensitive)
///       - Iran Project
///
/// A top-level list is read as `entities:` alone. Unknown keys are an error, so a typo does
/// not silently drop an alias.
public struct EntityCatalog: Sendable {
    public static let empty = EntityCatalog()

    var names = NameTable()
    /// Lookup keys of ignored names.
    var ignored = WordSet()

    init() {}

    public init(yaml: String, file: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.diagnostic(error, file: file)
        }
        guard let root else { return }
        var entityList: Node?
        switch root {
        case .sequence:
            entityList = root
        case .mapping(let mapping):
            for (key, value) in mapping {
                switch key.string {
                case "entities": entityList = value
                case "ignore":
                    for name in try Self.strings(value, field: "ignore", file: file) { ignored.insert(NameTable.key(name)) }
                default:
                    throw Diagnostic(.error, file: file, line: key.mark?.line,
                                     "unknown key '\(key.string ?? "?")'; expected 'entities' or 'ignore'")
                }
            }
        case .scalar:
            if root.string?.isEmpty == true || root.null != nil { return }
            throw Diagnostic(.error, file: file, line: root.mark?.line, "expected 'entities:' and 'ignore:' lists")
        default:
            throw Diagnostic(.error, file: file, line: root.mark?.line, "expected 'entities:' and 'ignore:' lists")
        }
        guard let entityList else { return }
        guard case .sequence(let items) = entityList else {
            if entityList.null != nil { return }
            throw Diagnostic(.error, file: file, line: entityList.mark?.line, "'entities' must be a list")
        }
        for item in items { names.add(try Self.entry(item, file: file)) }
    }

    private static func entry(_ node: Node, file: String) throws -> NameTable.Entry {
        guard case .mapping(let mapping) = node else {
            throw Diagnostic(.error, file: file, line: node.mark?.line, "an entity must be a mapping with 'name' and 'type'")
        }
        var name: String?
        var kind = Entity.Kind.other
        var aliases: [String] = []
        var description: String?
        for (key, value) in mapping {
            let line = value.mark?.line ?? key.mark?.line
            switch key.string {
            case "name":
                name = value.string?.trimmingCharacters(in: .whitespaces)
            case "type", "kind":
                let raw = (value.string ?? "").lowercased()
                let spelled = raw == "organisation" ? "organization" : raw
                guard let parsed = Entity.Kind(rawValue: spelled) else {
                    throw Diagnostic(.error, file: file, line: line,
                                     "type '\(raw)' is not one of person, organization, place, other")
                }
                kind = parsed
            case "aliases":
                aliases = try strings(value, field: "aliases", file: file)
            case "description":
                description = value.string
            default:
                throw Diagnostic(.error, file: file, line: key.mark?.line,
                                 "unknown entity key '\(key.string ?? "?")'; expected name, type, aliases, description")
            }
        }
        guard let name, !name.isEmpty else {
            throw Diagnostic(.error, file: file, line: node.mark?.line, "entity without a 'name'")
        }
        return .init(name: name, kind: kind, aliases: aliases, description: description)
    }

    /// A list of strings, or one string for a one-element list.
    private static func strings(_ node: Node, field: String, file: String) throws -> [String] {
        switch node {
        case .scalar:
            if node.null != nil { return [] }
            return node.string.map { [$0] } ?? []
        case .sequence(let items):
            return try items.map {
                guard let s = $0.string else {
                    throw Diagnostic(.error, file: file, line: $0.mark?.line, "'\(field)' must hold plain names")
                }
                return s
            }
        default:
            throw Diagnostic(.error, file: file, line: node.mark?.line, "'\(field)' must be a list of names")
        }
    }

    private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(.error, file: file, line: mark.line, "invalid YAML: \(problem)")
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, file: file, line: nil, "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, file: file, line: context.mark.line,
                              "duplicated key \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(.error, file: file, line: nil, "invalid YAML: \(error)")
        }
    }

    func isIgnored(key: String) -> Bool { ignored.contains(key) }

    /// The same for a key whose `WordHash` the caller has made already.
    func isIgnored(key: String, hash: UInt64) -> Bool { ignored.contains(key, hash: hash) }
}
