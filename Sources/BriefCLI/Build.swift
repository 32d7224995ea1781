import ArgumentParser
import BriefModel
import BriefSite
import Foundation

/// `brief build`: the whole pipeline from Content and Templates into Output.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site: ingest, merge, find entities, link notes, render into the output folder.")

    @Option(help: "Content folder (articles/, notes/, site.yml, entities.yml).")
    var content = "Content"
    @Option(help: "Templates folder (*.mustache and assets/).")
    var templates = "Templates"
    @Option(help: "Output folder; replaced as a whole only when the build succeeds.")
    var output = "Output"
    @Flag(help: "Print nothing but errors.")
    var quiet = false
    @Flag(help: "Print seconds per stage.")
    var timings = false
    @Flag(help: "Build everything again, even when nothing changed, without cached results.")
    var force = false

    func run() throws {
        let options = SiteBuild.Options(content: url(content), templates: url(templates), output: url(output))
        let summary: SiteBuild.Summary
        do {
            let terminal = isatty(STDOUT_FILENO) == 1
            summary = try SiteBuild.run(options, force: force) { stage in
                guard !quiet else { return }
                // On a terminal one line is rewritten in place; elsewhere each stage is a plain line.
                if terminal {
                    FileHandle.standardOutput.write(Data("\r\u{1B}[K… \(stage)".utf8))
                } else {
                    print("… \(stage)")
                }
            }
            if terminal && !quiet { FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8)) }
        } catch {
            printError("error: \(error.description)")
            printError("build failed; \(output) is unchanged")
            throw ExitCode.failure
        }
        if !quiet {
            for d in summary.diagnostics { printError(d.description) }
            print(Build.describe(summary, output: output))
        }
        if timings {
            for (stage, seconds) in summary.stages {
                let reused = summary.reused[stage].map { stage == "render" ? "  (\($0) files kept)" : "  (\($0) from the cache)" } ?? ""
                print("  " + stage.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds) + reused)
            }
        }
    }

    static func describe(_ s: SiteBuild.Summary, output: String) -> String {
        if s.upToDate {
            return "\(output) is up to date: nothing in Content or Templates changed since the last build (\(String(format: "%.2f", s.seconds)) s; --force rebuilds)."
        }
        var lines = ["Read \(s.counts.articlesRead) article files: \(s.counts.articles) articles, \(s.counts.articlesSkipped.count) skipped, \(s.counts.articlesRepaired) repaired."]
        for skip in s.counts.articlesSkipped { lines.append("  skipped \(skip.file): \(skip.reason)") }
        lines.append("\(s.briefs) briefs, \(s.entities) entities, \(s.notes) notes; \(s.filesWritten) files in \(output) (\(s.filesChanged) written) in \(String(format: "%.2f", s.seconds)) s.")
        return lines.joined(separator: "\n")
    }
}

func url(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
