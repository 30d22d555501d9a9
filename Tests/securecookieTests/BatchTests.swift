import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Batch mode: one line in, one line out, error lines, exit status and the summary.
@Suite("Batch mode")
struct BatchTests {
    static let known = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="
    static let knownData: PythonValue = ["a": 1, "b": 2]

    @Test("every input line gives one output line, blank lines included, white space and CR stripped")
    func oneLineEach() throws {
        let input = ["  " + Self.known + "\r", "", "not a cookie", "\t" + Self.known, "   "]
        let run = try InProcess.run(["decode", "--secret", "k"], input: input)
        try #require(run.lines.count == input.count)
        #expect(strictlyEqual(try TaggedJSON.decode(run.lines[0]), Self.knownData))
        #expect(errorKind(run.lines[1]) == "malformed")
        #expect(errorKind(run.lines[2]) == "malformed")
        #expect(strictlyEqual(try TaggedJSON.decode(run.lines[3]), Self.knownData))
        #expect(errorKind(run.lines[4]) == "malformed")
        #expect(run.status == 1)
    }

    @Test("exit 0 when every line decoded; the summary goes to standard error")
    func summary() throws {
        let ok = try InProcess.run(["decode", "--secret", "k"], input: [Self.known, Self.known])
        #expect(ok.status == 0)
        #expect(ok.errors.contains("decoded 2 of 2 cookies"))
        let mixed = try InProcess.run(["decode", "--secret", "k"], input: [Self.known, "x?a=MQ==", ""])
        #expect(mixed.status == 1)
        #expect(mixed.errors.contains("decoded 1 of 3 cookies; 2 failed (bad-signature 1, malformed 1)"), "\(mixed.errors)")
        #expect(mixed.lines.count == 3)
    }

    @Test(
        "each error kind has its line",
        arguments: [
            ("XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mw==", "bad-signature"),
            ("XqZOmAc4aVSF3N3Kri4mETmzR10=", "malformed"),
            ("XqZOmAc4aVSF3N3Kri4mETmzR1=?a=MQ==&b=Mg==", "bad-signature"),
        ])
    func errorKinds(_ cookie: String, kind: String) throws {
        let run = try InProcess.run(["decode", "--secret", "k"], input: [cookie])
        #expect(errorKind(run.lines[0]) == kind, "\(run.lines)")
        let object = try JSONSerialization.jsonObject(with: Data(run.lines[0].utf8)) as? [String: String]
        #expect(object?["message"]?.isEmpty == false)
    }

    @Test("a single failing COOKIE prints the error line, a message on standard error, and exits 1")
    func singleFailure() throws {
        let run = try InProcess.run(["decode", "--secret", "wrong", Self.known])
        #expect(run.status == 1)
        #expect(errorKind(run.lines[0]) == "bad-signature")
        #expect(run.errors.contains("bad signature"))
    }

    @Test("expiry: written with --expires, read with --now")
    func expiry() throws {
        let written = try InProcess.run(["encode", "--secret", "k", "--expires", "1700000000"], input: [#"{"a": 1}"#])
        let cookie = try #require(written.lines.first)
        #expect(cookie.contains("_expires="))
        let before = try InProcess.run(["decode", "--secret", "k", "--now", "1699999999", cookie])
        #expect(strictlyEqual(try TaggedJSON.decode(before.lines[0]), ["a": 1]))
        let at = try InProcess.run(["decode", "--secret", "k", "--now", "1700000000", cookie])
        #expect(at.status == 0)
        let after = try InProcess.run(["decode", "--secret", "k", "--now", "1700000001", cookie])
        #expect(errorKind(after.lines[0]) == "expired")
    }

    @Test(
        "encode: a value the codec cannot hold, or a line that is not a dict, is an error line",
        arguments: [
            ("json", #"{"b": {"$bytes": "AAE="}}"#, "unrepresentable"),
            ("json", #"{"s": {"$set": [1]}}"#, "unrepresentable"),
            ("json", #"{"d": {"$dict": [[{"$tuple": [1]}, 2]]}}"#, "unrepresentable"),
            ("msgpack", #"{"s": {"$set": [1]}}"#, "unrepresentable"),
            ("yaml", #"{"c": {"$complex": [1.0, 2.0]}}"#, "unrepresentable"),
            ("pickle", "[1, 2]", "unrepresentable"),
            ("pickle", #"{"$dict": [[1, 2]]}"#, "unrepresentable"),
            ("pickle", "{not json", "undecodable"),
            ("pickle", #"{"a": {"$nope": 1}}"#, "undecodable"),
        ])
    func encodeErrors(_ codec: String, _ line: String, kind: String) throws {
        let run = try InProcess.run(["encode", "--codec", codec, "--secret", "k"], input: [line, #"{"ok": 1}"#])
        try #require(run.lines.count == 2)
        #expect(errorKind(run.lines[0]) == kind, "\(run.lines[0])")
        #expect(errorKind(run.lines[1]) == nil)
        #expect(run.status == 1)
    }

    @Test("inspect shows items without verifying, and says so")
    func inspectUnverified() throws {
        let run = try InProcess.run(["inspect", Self.known.replacingOccurrences(of: "XqZ", with: "AAA")])
        #expect(run.status == 0)
        #expect(strictlyEqual(try TaggedJSON.decode(run.lines[0]), Self.knownData))
        #expect(run.errors.contains("UNVERIFIED"))
    }

    @Test(
        "inspect shows a hostile pickle's global as an inert node",
        arguments: WerkzeugFixture.all.filter { $0.name.hasPrefix("hostile") })
    func inspectHostile(_ fixture: WerkzeugFixture) throws {
        let run = try InProcess.run(["inspect", "--codec", "pickle", fixture.cookie])
        #expect(run.status == 0)
        let line = try #require(run.lines.first)
        #expect(line.contains("$global") || line.contains("$object"), "\(line)")
        #expect(line.contains("system") || line.contains("Popen") || line.contains("eval"), "\(line)")
    }

    @Test("migrate re-issues the Python 2 demo cookie as JSON, keeping its expiry")
    func migrateDemo() throws {
        let demo = try #require(WerkzeugFixture.demo)
        let secret = TestPaths.fixtures.appendingPathComponent("werkzeug/demo/secret.txt").path
        let run = try InProcess.run(
            [
                "migrate", "--from-codec", "pickle", "--to-codec", "json", "--from-secret-file", secret,
                "--to-secret", "new key", "--to-hash", "sha256",
            ], input: [demo.cookie])
        #expect(run.status == 0, "\(run.lines) \(run.errors)")
        let cookie = try #require(run.lines.first)
        let read = try InProcess.run(["decode", "--codec", "json", "--hash", "sha256", "--secret", "new key", cookie])
        let expected = jsonShaped(try #require(demo.expected))
        #expect(strictlyEqual(try TaggedJSON.decode(read.lines[0]), expected), "\(read.lines)")
        let late = try InProcess.run([
            "decode", "--codec", "json", "--hash", "sha256", "--secret", "new key",
            "--now", "4102444801", cookie,
        ])
        #expect(errorKind(late.lines[0]) == "expired")
        let oldKey = try InProcess.run(["decode", "--codec", "json", "--hash", "sha256", "--secret-file", secret, cookie])
        #expect(errorKind(oldKey.lines[0]) == "bad-signature")
    }

    @Test("migrate gives an error line for a value the new codec cannot hold, and goes on")
    func migrateUnrepresentable() throws {
        let bytes = try #require(WerkzeugFixture.all.first { $0.name == "bytes" && $0.codec == "pickle" && $0.python.hasPrefix("3") })
        let session = try #require(WerkzeugFixture.all.first { $0.name == "session" && $0.codec == "pickle" && $0.python.hasPrefix("3") })
        let secrets = bytes.secretArguments.flatMap { ["--from-" + $0[0].dropFirst(2), $0[1]] }
        let run = try InProcess.run(
            ["migrate", "--from-codec", "pickle", "--to-codec", "json"] + secrets,
            input: [bytes.cookie, session.cookie, "garbage"])
        try #require(run.lines.count == 3)
        #expect(errorKind(run.lines[0]) == "unrepresentable")
        #expect(errorKind(run.lines[1]) == nil)
        #expect(errorKind(run.lines[2]) == "malformed")
        #expect(run.status == 1)
        #expect(run.errors.contains("migrated 1 of 3 cookies"))
    }
}
