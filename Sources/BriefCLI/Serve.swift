import ArgumentParser
import BriefSite
import FlyingFox
import Foundation

/// `brief serve`: builds, serves Output on localhost, and rebuilds when Content or Templates change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the output folder on localhost and rebuild when Content or Templates change.")

    @Option(help: "Port to listen on (localhost only).")
    var port: UInt16 = 8000
    @Option(help: "Content folder.")
    var content = "Content"
    @Option(help: "Templates folder.")
    var templates = "Templates"
    @Option(help: "Output folder.")
    var output = "Output"

    func run() async throws {
        let options = SiteBuild.Options(content: url(content), templates: url(templates), output: url(output))
        let watcher = ContentWatcher(folders: [options.content, options.templates])
        rebuild(options)
        let server = HTTPServer(address: .loopback(port: port))
        // The handler reads the folder at each request, so a swapped-in Output is served at once.
        await server.appendRoute("GET /") { _ in HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: "/index.html"])) }
        let files = DirectoryHTTPHandler(root: options.output, serverPath: "/")
        await server.appendRoute("GET /*") { request in
            // The path arrives percent-decoded (`%2e%2e` is `..`) and the directory handler does not stop it climbing out.
            guard !request.path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
                  !request.path.contains("\\"), !request.path.contains("\0") else {
                return HTTPResponse(statusCode: .notFound)
            }
            return try await files.handleRequest(request)
        }
        print("Serving \(output) at http://localhost:\(port)/ — rebuilding on changes; Ctrl-C stops.")
        let options_ = options
        Task.detached {
            var last = watcher.fingerprint()
            while true {
                try? await Task.sleep(nanoseconds: 700_000_000)
                let now = watcher.fingerprint()
                if now != last {
                    last = now
                    Serve.rebuildStatic(options_)
                }
            }
        }
        try await server.run()
    }

    func rebuild(_ options: SiteBuild.Options) { Serve.rebuildStatic(options) }

    static func rebuildStatic(_ options: SiteBuild.Options) {
        do {
            let summary = try SiteBuild.run(options)
            for d in summary.diagnostics { printError(d.description) }
            print(Build.describe(summary, output: options.output.lastPathComponent))
        } catch {
            printError("error: \(error.description)\nbuild failed; still serving the previous output")
        }
    }
}
