import BriefModel
import Foundation

/// A hash of everything a build reads (content files, templates, assets, build date, brief's
/// version), kept in `.brief-cache/` beside Output: when it has not changed since the last
/// successful build, the build has nothing to do.
struct BuildFingerprint: Equatable {
    /// Bump when a change to brief changes what a build writes.
    static let version = "brief-0.1.0"

    private var hash = ContentHash()

    /// The hash as stored: 32 hex digits.
    var value: String { hash.hex }

    mutating func add(_ bytes: [UInt8]) { hash.add(bytes) }
    mutating func add(_ data: Data) { data.withUnsafeBytes { hash.add($0) } }
    mutating func add(_ text: String) { hash.add(text) }

    static func of(content: ContentFolder, templates: URL, buildDate: String) -> BuildFingerprint {
        var f = BuildFingerprint()
        f.add(BuildCache.identity)
        f.add(buildDate)
        // Each article's path and bytes, as hashed when read.
        for key in content.keys { f.hash.add(key) }
        for n in content.notes { f.add(n.path); f.add(n.text) }
        if let e = content.entitiesYAML { f.add(e.text) }
        f.add("\(content.config.title)|\(content.config.description)|\(content.config.language)|\(content.config.baseURL ?? "")|\(content.config.unsafeHTML)")
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: templates.path) ?? FileManager.DirectoryEnumerator() {
            if let data = fm.contents(atPath: templates.appendingPathComponent(path).path) { f.add(path); f.add(data) }
        }
        return f
    }

    /// Where the fingerprint of the last successful build into `output` is kept.
    static func file(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".brief-cache/\(output.lastPathComponent).fingerprint")
    }

    static func stored(for output: URL) -> String? {
        (try? String(contentsOf: file(for: output), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func store(for output: URL) {
        let url = BuildFingerprint.file(for: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? value.write(to: url, atomically: true, encoding: .utf8)
    }
}
