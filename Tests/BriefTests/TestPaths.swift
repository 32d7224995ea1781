import Foundation

/// Paths the tests read real text from: the repository's sample archive and the test fixtures.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")
    static let templates = repository.appendingPathComponent("Templates")
    static let fixtures = repository.appendingPathComponent("Tests/BriefTests/Fixtures")

    static func seed(_ prefix: String) -> URL {
        let folder = content.appendingPathComponent("articles")
        let name = try! FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) }!
        return folder.appendingPathComponent(name)
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
