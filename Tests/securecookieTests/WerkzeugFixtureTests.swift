import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Cookies written by real Werkzeug 0.16.1 (Python 3.11 and 2.7) read by the tool, and the JSON
/// ones written again byte for byte.
@Suite("Werkzeug fixtures")
struct WerkzeugFixtureTests {
    @Test("both fixture files are there and every line parses")
    func fixturesLoad() {
        let fixtures = WerkzeugFixture.all
        #expect(fixtures.count > 900)
        #expect(fixtures.allSatisfy { !$0.codec.isEmpty && !$0.cookie.isEmpty })
        #expect(Set(fixtures.map(\.python)).count == 2)
        #expect(Set(fixtures.map(\.codec)) == ["json", "pickle", "yaml", "msgpack"])
        #expect(Set(fixtures.map(\.hash)) == ["md5", "sha1", "sha256", "sha384", "sha512"])
        #expect(Set(fixtures.compactMap(\.protocolVersion)) == [0, 1, 2, 3, 4, 5])
    }

    @Test("decode prints what Werkzeug reads", arguments: WerkzeugFixture.all)
    func decodes(_ fixture: WerkzeugFixture) throws {
        let run = try InProcess.run(fixture.decodeArguments + [fixture.cookie])
        try #require(run.lines.count == 1, "\(run.lines) \(run.errors)")
        if let kind = fixture.expectedError {
            #expect(run.status == 1)
            #expect(errorKind(run.lines[0]) == kind, "\(run.lines[0])")
            #expect(run.errors.contains("securecookie:"))
            return
        }
        let expected = try #require(fixture.expected)
        #expect(run.status == 0, "\(run.lines[0]) \(run.errors)")
        let got = try TaggedJSON.decode(run.lines[0])
        #expect(strictlyEqual(got, expected), "got \(run.lines[0])\nexpected \(TaggedJSON.text(expected))")
        if let keyIndex = fixture.keyIndex, keyIndex > 0 {
            #expect(run.errors.contains("verified by key \(keyIndex + 1)"), "\(run.errors)")
        }
    }

    @Test(
        "JSON cookies are written byte-identical to Werkzeug's",
        arguments: WerkzeugFixture.all.filter { $0.codec == "json" && $0.expected != nil && $0.keyIndex == nil })
    func jsonIsByteIdentical(_ fixture: WerkzeugFixture) throws {
        let expected = try #require(fixture.expected)
        var arguments = ["encode", "--codec", "json", "--hash", fixture.hash] + Array(fixture.secretArguments.joined())
        if let expires = fixture.expires { arguments += ["--expires", String(expires)] }
        let run = try InProcess.run(arguments, input: [TaggedJSON.text(expected)])
        #expect(run.lines == [fixture.cookie], "\(run.errors)")
        #expect(run.status == 0)
    }

    @Test("the bundled demo cookie is a real Python 2 pickle session")
    func demoCookie() throws {
        let demo = try #require(WerkzeugFixture.demo)
        #expect(demo.python.hasPrefix("2.7"))
        let bundled = try String(
            contentsOf: TestPaths.fixtures.appendingPathComponent("werkzeug/demo/legacy-session.cookie"),
            encoding: .utf8)
        #expect(bundled.trimmingCharacters(in: .whitespacesAndNewlines) == demo.cookie)
        let run = try InProcess.run([
            "decode", "--codec", "pickle", "--secret-file",
            TestPaths.fixtures.appendingPathComponent("werkzeug/demo/secret.txt").path, demo.cookie,
        ])
        #expect(run.status == 0)
        let got = try TaggedJSON.decode(try #require(run.lines.first))
        #expect(strictlyEqual(got, try #require(demo.expected)))
    }
}
