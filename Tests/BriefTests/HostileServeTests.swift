import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `brief serve` must only ever serve files inside the output folder, whatever the request path.
final class HostileServeTests: XCTestCase {
    /// Sends one raw HTTP request (the path exactly as given, no client normalisation) and returns the response.
    static func rawGET(_ target: String, port: UInt16) -> String? {
        for family in [AF_INET6, AF_INET] {
            let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var connected: Int32 = -1
            if family == AF_INET6 {
                var address = sockaddr_in6()
                address.sin6_family = sa_family_t(AF_INET6)
                address.sin6_port = port.bigEndian
                address.sin6_addr = in6addr_loopback
                connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
                }
            } else {
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = port.bigEndian
                address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
                connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
            }
            guard connected == 0 else { continue }
            let request = Array("GET \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            var response: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                response += buffer[0..<n]
            }
            return String(decoding: response, as: UTF8.self)
        }
        return nil
    }

    func testServeDoesNotLeaveTheOutputFolder() throws {
        guard let binary = InterruptTests.briefBinary() else {
            throw XCTSkip("the brief executable was not found beside the tests; run `swift build --product brief` (or plain `swift test`) first")
        }
        let root = TestPaths.temporaryFolder()
        let content = root.appendingPathComponent("Content")
        Hostile.copy(TestPaths.content, to: content)
        Hostile.write(["secret.txt": "TOP-SECRET-OUTSIDE-OUTPUT"], under: root)
        let port = UInt16(20000 + Int(getpid() % 20000))
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "\(port)", "--content", content.path, "--templates", TestPaths.templates.path,
                             "--output", root.appendingPathComponent("Output").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        var index: String?
        for _ in 0..<100 {
            if let r = Self.rawGET("/index.html", port: port), r.hasPrefix("HTTP/1.1 200") { index = r; break }
            usleep(100_000)
        }
        guard index != nil else { throw XCTSkip("brief serve did not answer on port \(port) within 10 s") }

        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt",
                       "/assets/%2e%2e/%2e%2e/secret.txt", "/.%2e/secret.txt", "/%2e%2e%5csecret.txt", "/..\\secret.txt",
                       "//..//secret.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"] {
            let response = Self.rawGET(target, port: port) ?? ""
            XCTAssertFalse(response.contains("TOP-SECRET-OUTSIDE-OUTPUT") || response.contains("root:x:0:"),
                           "brief serve leaked a file outside Output for \(target): \(response.prefix(80))")
        }
        XCTAssertTrue(Self.rawGET("/assets/style.css", port: port)?.hasPrefix("HTTP/1.1 200") ?? false)
    }
}
