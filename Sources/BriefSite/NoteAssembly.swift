import BriefModel
import BriefNotes

/// Links notes to briefs and entities: wikilinks, front matter lists and the names the
/// entity stage found in them; then records each note on the entities it mentions (backlinks).
enum NoteAssembly {
    static func link(_ notes: [Note], briefs: [Brief], entities: inout [Entity], aliasIndex: [String: String],
                     noteEntities: [String: [String]], diagnostics: inout [Diagnostic]) -> [Note] {
        var targets: [String: NoteLinks.Target] = [:]
        for (alias, id) in aliasIndex { targets[alias.lowercased()] = NoteLinks.Target(path: "entities/\(id).html", id: id, isBrief: false) }
        for e in entities {
            targets[e.id] = NoteLinks.Target(path: "entities/\(e.id).html", id: e.id, isBrief: false)
            targets[e.name.lowercased()] = targets[e.id]
        }
        for b in briefs {
            let target = NoteLinks.Target(path: "briefs/\(b.id).html", id: b.id, isBrief: true)
            targets[b.id] = target
            for old in b.formerIDs { targets[old] = target }
        }
        let entityPosition = Dictionary(entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var linked: [Note] = []
        for var note in notes {
            let resolved = NoteLinks.resolve(note, targets: targets)
            diagnostics += resolved.diagnostics
            note.markdown = resolved.markdown
            var briefIDs = resolved.briefs
            var entityIDs = resolved.entities
            for name in note.declaredBriefs {
                if let t = targets[name.lowercased()], t.kind == .brief { briefIDs.append(t.id) } else {
                    diagnostics.append(Diagnostic(file: note.file, line: 1, "front matter names unknown brief `\(name)`"))
                }
            }
            for name in note.declaredEntities {
                if let t = targets[name.lowercased()], t.kind == nil { entityIDs.append(t.id) } else {
                    diagnostics.append(Diagnostic(file: note.file, line: 1, "front matter names unknown entity `\(name)`"))
                }
            }
            entityIDs += noteEntities[note.id] ?? []
            note.briefs = NoteLinks.unique(briefIDs)
            note.entities = NoteLinks.unique(entityIDs)
            for id in note.entities { if let i = entityPosition[id], !entities[i].notes.contains(note.id) { entities[i].notes.append(note.id) } }
            linked.append(note)
        }
        return linked
    }
}
