import BriefSite
import Foundation
import XCTest

/// Tests that build a copy of the sample archive and its templates in a temporary folder, to
/// change them between builds.
class CopiedSiteTestCase: XCTestCase {
    var root: URL!
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }

    override func setUpWithError() throws {
        root = TestPaths.temporaryFolder()
        Hostile.copy(TestPaths.content, to: content)
        Hostile.copy(TestPaths.templates, to: templates)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// Builds the copy into `output` (a folder of the temporary one).
    @discardableResult
    func build(into output: String, force: Bool = false) throws -> SiteBuild.Summary {
        try SiteBuild.run(SiteBuild.Options(content: content, templates: templates, output: root.appendingPathComponent(output)),
                          buildDate: "2026-11-23", force: force)
    }
}
