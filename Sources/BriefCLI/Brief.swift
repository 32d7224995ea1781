import ArgumentParser

/// `brief`: turns a folder of raw articles and analysts' notes into a briefing-archive website.
@main
struct BriefCommand: AsyncParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Build a browsable briefing archive from raw news articles and analysts' notes.",
        version: version,
        subcommands: [Build.self, Inspect.self, Check.self, Serve.self, New.self])
}
