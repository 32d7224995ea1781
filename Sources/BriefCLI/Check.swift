import ArgumentParser
import BriefSite

/// `brief check`: validates Content and, optionally, a built Output; exit 1 on any problem.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check Content (front matter, dates, wikilinks, entities.yml, unreadable files) and a built site's links.")

    @Option(help: "Content folder.")
    var content = "Content"
    @Option(help: "A built output folder whose links and assets to check.")
    var output: String?

    func run() throws {
        let problems = SiteCheck.problems(content: url(content), output: output.map(url))
        for p in problems { print(p.description) }
        if !problems.isEmpty {
            printError("\(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        print("no problems")
    }
}
