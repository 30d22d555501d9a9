import Foundation
import SecureCookie
import SecureCookieJSON
import Testing

/// The built `securecookie` binary, run as a separate process.
@Suite("Binary, end to end")
struct BinaryTests {
    static let known = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="

    @Test("the binary is in the build folder")
    func binaryExists() {
        #expect(Binary.url != nil)
    }

    @Test("encode reads standard input and prints only cookies on standard output")
    func encode() throws {
        let run = try Binary.run(["encode", "--codec", "json", "--hash", "sha1", "--secret", "k"], stdin: "{\"a\": 1, \"b\": 2}\n")
        #expect(run.status == 0)
        #expect(run.lines == [Self.known])
        #expect(run.errors.contains("encoded 1 of 1 values"))
    }

    @Test("decode batch: one line out per line in, exit 1 when one failed")
    func decodeBatch() throws {
        let run = try Binary.run(["decode", "--secret", "k"], stdin: Self.known + "\r\n\n" + "bad\n" + Self.known)
        #expect(run.status == 1)
        #expect(run.lines.count == 4)
        #expect(run.lines[0] == run.lines[3])
        #expect(errorKind(run.lines[1]) == "malformed" && errorKind(run.lines[2]) == "malformed")
    }

    @Test("a usage error exits 64; help exits 0")
    func exitCodes() throws {
        #expect(try Binary.run(["decode", "--codec", "xml", "--secret", "k"]).status == 64)
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.lines.contains { $0.contains("decode") })
    }

    @Test("many lines: buffered output carries every line, in order")
    func manyLines() throws {
        let count = 20_000
        let values = (0..<count).map { "{\"n\": \($0)}" }.joined(separator: "\n")
        let encoded = try Binary.run(["encode", "--secret", "k"], stdin: values)
        #expect(encoded.status == 0)
        #expect(encoded.lines.count == count)
        let decoded = try Binary.run(["decode", "--secret", "k"], stdin: encoded.lines.joined(separator: "\n") + "\n")
        #expect(decoded.status == 0)
        #expect(decoded.lines.count == count)
        #expect(decoded.lines.last == "{\"n\": \(count - 1)}")
        #expect(decoded.errors.contains("decoded \(count) of \(count) cookies"))
    }

    @Test("the README's demo: decode the bundled Python 2 cookie, re-issue it as JSON")
    func demo() throws {
        let demo = try #require(WerkzeugFixture.demo)
        let decoded = try Binary.run(["decode", "--codec", "pickle", "--secret", "legacy-flask-app-secret", demo.cookie])
        #expect(decoded.status == 0)
        #expect(strictlyEqual(try TaggedJSON.decode(decoded.lines[0]), try #require(demo.expected)))
        let migrated = try Binary.run(
            [
                "migrate", "--from-codec", "pickle", "--to-codec", "json",
                "--from-secret", "legacy-flask-app-secret",
            ], stdin: demo.cookie + "\n")
        #expect(migrated.status == 0)
        #expect(migrated.lines.count == 1)
    }
}
