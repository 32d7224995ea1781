import BriefModel
import BriefSite
import Foundation
import XCTest

/// Builds killed midway, builds racing for one output folder, and builds that fail:
/// the previous Output must come through byte for byte.
final class InterruptTests: XCTestCase {
    /// The `brief` executable built beside this test bundle (`swift test` builds every product).
    static func briefBinary() -> URL? {
        var candidates: [URL] = [Bundle.main.bundleURL, Bundle(for: InterruptTests.self).bundleURL.deletingLastPathComponent(),
                                 URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for scratch in [".build", ".build-harden"] {
            candidates.append(TestPaths.repository.appendingPathComponent("\(scratch)/debug"))
        }
        for folder in candidates {
            for name in ["brief", "../brief"] {
                let url = folder.appendingPathComponent(name).standardizedFileURL
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                   FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String; var killed: Bool }

    /// Starts `brief` with arguments; kills it with SIGKILL after `killAfter` seconds if given.
    static func brief(_ binary: URL, _ arguments: [String], killAfter: Double? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var killed = false
        if let killAfter {
            usleep(UInt32(killAfter * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL); killed = true }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { killed = true } else if killed { killed = false }
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), killed: killed)
    }

    /// A Content folder with `count` articles made from the seeds with varied titles and dates.
    static func largeContent(at content: URL, count: Int) {
        Hostile.copy(TestPaths.content, to: content)
        let seeds = (try! FileManager.default.contentsOfDirectory(atPath: TestPaths.content.appendingPathComponent("articles").path)).sorted()
            .map { String(decoding: FileManager.default.contents(atPath: TestPaths.content.appendingPathComponent("articles/\($0)").path)!, as: UTF8.self) }
        let topics = ["wheat", "gas", "railways", "drones", "banking", "oil", "shipping", "nuclear", "tourism", "steel",
                      "aviation", "grain", "fertiliser", "electricity", "cotton", "caviar", "satellites", "vaccines"]
        let words = Set(seeds.joined(separator: " ").lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 3 }).sorted()
        var rng = SplitMix64(seed: UInt64(count))
        var files: [String: String] = [:]
        for i in 0..<count {
            let topic = topics[i % topics.count]
            // Random prose, so that the articles stay apart as briefs instead of merging as copies.
            let seed = (0..<6).map { _ in
                (0..<14).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ").capitalized + "."
            }.joined(separator: " ")
            let day = 1 + i % 28, month = 1 + (i / 28) % 12
            files["articles/gen/\(i).md"] = """
            ---
            title: "Talks on \(topic) number \(i): \(["Raisi", "Putin", "Lavrov", "Amir-Abdollahian"][i % 4]) in \(["Moscow", "Tehran", "Kazan", "Astana"][i % 4])"
            published: 2022-\(String(format: "%02d", month))-\(String(format: "%02d", day))
            outlet: Outlet \(i % 11)
            ---
            Officials discussed \(topic) cooperation in round \(i) of the \(topic) talks, with \(topic) quotas set for \(2020 + i % 7).
            \(seed)
            """
        }
        Hostile.write(files, under: content)
    }

    func leftovers(in parent: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(".Output.new-") || $0.hasPrefix(".Output.old-") }
    }

    func testKilledBuildsLeaveOutputUntouched() throws {
        guard let binary = Self.briefBinary() else {
            throw XCTSkip("the brief executable was not found beside the tests; run `swift build --product brief` (or plain `swift test`) first")
        }
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        let output = root.appendingPathComponent("Output")
        Hostile.copy(TestPaths.content, to: content)
        let first = try Self.brief(binary, ["build", "--content", content.path, "--templates", TestPaths.templates.path, "--output", output.path, "--quiet"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = Hostile.snapshot(output)
        XCTAssertNotNil(before["archive.json"])

        // The finished result of the large build, for kills that came too late.
        Self.largeContent(at: content, count: 100)
        let reference = root.appendingPathComponent("Reference")
        Hostile.copy(output, to: reference)
        let started = Date()
        let full = try Self.brief(binary, ["build", "--content", content.path, "--templates", TestPaths.templates.path, "--output", reference.path, "--quiet"])
        XCTAssertEqual(full.status, 0, full.stderr)
        let after = Hostile.snapshot(reference)
        XCTAssertNotEqual(before, after)

        var interrupted = 0
        // Kills early (reading, ingest) and all through rendering and writing, up to just after the end.
        let seconds = Date().timeIntervalSince(started)
        let delays = [0.02, 0.1] + [0.4, 0.6, 0.75, 0.85, 0.95, 1.02].map { $0 * seconds }
        for delay in delays {
            let run = try Self.brief(binary, ["build", "--force", "--content", content.path, "--templates", TestPaths.templates.path,
                                              "--output", output.path, "--quiet"], killAfter: delay)
            let now = Hostile.snapshot(output)
            if run.killed {
                interrupted += 1
                if now != before {
                    XCTAssertEqual(Set(now.keys), Set(after.keys), "killed after \(delay) s: Output is neither the old nor the new site")
                    XCTAssertTrue(now == after, "killed after \(delay) s: Output is neither the old nor the new site (\(now.count) files)")
                }
            } else {
                XCTAssertEqual(run.status, 0, run.stderr)
                XCTAssertTrue(now == after, "a completed build should give the reference site")
            }
            // Back to the old site for the next round (if the build got through).
            if now != before {
                try? FileManager.default.removeItem(at: output)
                Hostile.write([:], under: output)
                for (path, data) in before {
                    let url = output.appendingPathComponent(path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(interrupted, 3, "the builds finished before they could be killed; make the archive larger")

        // Whatever the kills left beside Output does not break the next build, which cleans it up.
        let next = try Self.brief(binary, ["build", "--force", "--content", content.path, "--templates", TestPaths.templates.path, "--output", output.path, "--quiet"])
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(Hostile.snapshot(output) == after, "the build after the kills should give the reference site")
        XCTAssertEqual(leftovers(in: root), [], "staging folders left beside Output")
    }

    /// A build killed between its two renames leaves no Output, only the retired folder: the next build puts it back
    /// before anything else, and clears staging folders of killed builds.
    func testNextBuildRecoversFromAKillBetweenTheRenames() throws {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        let output = root.appendingPathComponent("Output")
        Hostile.copy(TestPaths.content, to: content)
        _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: output), buildDate: "2024-01-01")
        let before = Hostile.snapshot(output)
        try FileManager.default.moveItem(at: output, to: root.appendingPathComponent(".Output.old-1-2"))
        Hostile.write(["half.html": "<p>half"], under: root.appendingPathComponent(".Output.new-3-4"))
        OutputFolder(output).removeLeftovers()
        XCTAssertTrue(Hostile.snapshot(output) == before, "the retired folder should be put back as Output")
        XCTAssertEqual(leftovers(in: root), [])

        try FileManager.default.moveItem(at: output, to: root.appendingPathComponent(".Output.old-5-6"))
        _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: TestPaths.templates, output: output), buildDate: "2024-01-01")
        XCTAssertTrue(Hostile.snapshot(output) == before)
        XCTAssertEqual(leftovers(in: root), [])
    }

    func testTwoBuildsAtOnceNeverInterleave() throws {
        guard let binary = Self.briefBinary() else {
            throw XCTSkip("the brief executable was not found beside the tests; run `swift build --product brief` (or plain `swift test`) first")
        }
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        let output = root.appendingPathComponent("Output")
        Self.largeContent(at: content, count: 60)
        let reference = root.appendingPathComponent("Reference")
        let ref = try Self.brief(binary, ["build", "--content", content.path, "--templates", TestPaths.templates.path, "--output", reference.path, "--quiet"])
        XCTAssertEqual(ref.status, 0, ref.stderr)
        let expected = Hostile.snapshot(reference)

        for _ in 0..<2 {
            try? FileManager.default.removeItem(at: output)
            let args = ["build", "--force", "--content", content.path, "--templates", TestPaths.templates.path, "--output", output.path, "--quiet"]
            nonisolated(unsafe) var runs: [Run?] = [nil, nil]
            DispatchQueue.concurrentPerform(iterations: 2) { i in runs[i] = try? Self.brief(binary, args) }
            let results = runs.compactMap { $0 }
            XCTAssertEqual(results.count, 2)
            XCTAssertTrue(results.contains { $0.status == 0 }, "one of two concurrent builds must succeed: \(results.map(\.stderr))")
            for r in results where r.status != 0 {
                XCTAssertTrue(r.stderr.contains("another brief build"), "the losing build should say why: \(r.stderr)")
            }
            XCTAssertTrue(Hostile.snapshot(output) == expected, "concurrent builds produced a mixed Output")
            XCTAssertEqual(leftovers(in: root), [])
        }
    }

    func testBrokenTemplateFailsWithFileAndLineAndLeavesOutput() throws {
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        let templates = root.appendingPathComponent("Templates")
        let output = root.appendingPathComponent("Output")
        Hostile.copy(TestPaths.content, to: content)
        Hostile.copy(TestPaths.templates, to: templates)
        _ = try SiteBuild.run(SiteBuild.Options(content: content, templates: templates, output: output), buildDate: "2024-01-01")
        let before = Hostile.snapshot(output)

        let file = templates.appendingPathComponent("brief-list.mustache")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("<p>{{#briefs}} unclosed</p>", at: 2)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        XCTAssertThrowsError(try SiteBuild.run(SiteBuild.Options(content: content, templates: templates, output: output),
                                               buildDate: "2024-01-01", force: true)) { error in
            guard let d = error as? Diagnostic else { return XCTFail("\(error)") }
            XCTAssertTrue(d.file.hasSuffix("brief-list.mustache"), "error should name the template: \(d)")
            XCTAssertNotNil(d.line, "error should give the line: \(d)")
        }
        XCTAssertTrue(Hostile.snapshot(output) == before, "a failed build must leave Output as it was")
        XCTAssertEqual(leftovers(in: root), [])

        // The CLI says the same, and exits non-zero.
        if let binary = Self.briefBinary() {
            let run = try Self.brief(binary, ["build", "--force", "--content", content.path, "--templates", templates.path, "--output", output.path])
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.stderr.contains("brief-list.mustache:"), run.stderr)
            XCTAssertTrue(Hostile.snapshot(output) == before)
        }
    }
}
