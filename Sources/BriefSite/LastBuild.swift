import BriefModel
import Foundation

/// What a build reads of the one before it: the build cache, and the brief id of each source
/// file from the last archive.json (so ids stay stable across builds).
struct LastBuild: Sendable {
    var memo: BuildMemo
    var briefIDs: [String: String]

    /// `results: false` (`--force`): the cache's results are not read, only the ids.
    static func read(_ output: URL, results: Bool) -> LastBuild {
        let memo = BuildCache.load(for: output, results: results)
        // The last archive.json (tens of megabytes at scale) is only needed for the ids: read
        // into one array, not kept past this line.
        let json = try? FileBytes.read(output.appendingPathComponent("archive.json").path).get()
        return LastBuild(memo: memo, briefIDs: memo.previousIDs(archiveJSON: json, parse: PreviousBuild.briefIDs))
    }
}
