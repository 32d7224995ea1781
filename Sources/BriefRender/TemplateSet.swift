import BriefModel
import Foundation
import Mustache

/// The site's Mustache templates, parsed and checked.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    let folderName: String
    /// Every template's name and text, hashed: part of every page's key (`PageKeys`).
    let contentKey: ContentHash
    /// What each template's tags can read, for leaving the rest out of page keys.
    let reads: TemplateReads

    /// files: template name (path relative to the templates folder without ".mustache") -> template text.
    /// Throws a `Diagnostic` on a parse error and on a partial/parent naming a template that does not exist.
    public init(files: [String: String], folderName: String = "Templates") throws(Diagnostic) {
        var library = MustacheLibrary()
        self.folderName = folderName
        HTMLEscaping.registered
        for name in files.keys.sorted() {
            let text = files[name]!
            let file = "\(folderName)/\(name).mustache"
            do {
                // Every template escapes with `HTMLEscaping`; the pragma takes a line of its own, so
                // line numbers of parse errors are one less than the parser says.
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic(.error, file: file, line: max(error.context.lineNumber - 1, 1),
                                 "template does not parse: \(error.error) near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
            } catch {
                throw Diagnostic(.error, file: file, "template does not parse: \(error)")
            }
        }
        for name in files.keys.sorted() {
            for (target, line) in Self.references(in: files[name]!) where files[target] == nil {
                throw Diagnostic(.error, file: "\(folderName)/\(name).mustache", line: line,
                                 "template \"\(target)\" does not exist (no \(folderName)/\(target).mustache)")
            }
        }
        self.library = library
        self.names = Set(files.keys)
        var key = ContentHash()
        key.add(folderName)
        for name in files.keys.sorted() { key.add(name); key.add(files[name]!) }
        contentKey = key
        reads = TemplateReads(files: files)
    }

    /// `{{> name}}` and `{{< name}}` tags with their 1-based line (default delimiters only).
    static func references(in text: String) -> [(String, Int)] {
        var found: [(String, Int)] = []
        var line = 1
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "\n" { line += 1; i += 1; continue }
            if chars[i] == "{", i + 2 < chars.count, chars[i + 1] == "{", chars[i + 2] == ">" || chars[i + 2] == "<" {
                var j = i + 3
                var name = ""
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { name.append(chars[j]); j += 1 }
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, !trimmed.hasPrefix("*") { found.append((trimmed, line)) }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    func render(_ name: String, _ context: Fields) throws(Diagnostic) -> String {
        guard names.contains(name), let html = library.render(context, withTemplate: name) else {
            throw Diagnostic(.error, file: "\(folderName)/\(name).mustache", "template is missing")
        }
        return html
    }
}

