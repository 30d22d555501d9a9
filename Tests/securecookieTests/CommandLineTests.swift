import Foundation
import SecureCookie
import Testing

/// The command line itself: options, key order, key files, usage errors.
@Suite("Command line")
struct CommandLineTests {
    static let known = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="

    @Test("codecs lists the six codecs, one a line")
    func codecs() throws {
        let run = try InProcess.run(["codecs"])
        #expect(run.lines == ["json", "pickle", "yaml", "msgpack", "secure-cookie-json", "flask"])
    }

    @Test("keygen prints random hex of the asked length")
    func keygen() throws {
        let first = try InProcess.run(["keygen"]).lines
        let second = try InProcess.run(["keygen"]).lines
        #expect(first.count == 1 && first[0].count == 64)
        #expect(first != second)
        #expect(first[0].allSatisfy { "0123456789abcdef".contains($0) })
        #expect(try InProcess.run(["keygen", "--bytes", "16"]).lines.first?.count == 32)
        #expect(InProcess.exitCode(["keygen", "--bytes", "0"]) == 64)
    }

    @Test("a secret file's bytes are the key, one trailing newline removed")
    func secretFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("securecookie-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (contents, matches) in [("k", true), ("k\n", true), ("k\r\n", true), ("k\n\n", false), (" k", false)] {
            let file = folder.appendingPathComponent("key")
            try Data(contents.utf8).write(to: file)
            let run = try InProcess.run(["encode", "--secret-file", file.path], input: [#"{"a": 1, "b": 2}"#])
            #expect((run.lines == [Self.known]) == matches, "file \(contents.debugDescription)")
        }
    }

    @Test("--secret-hex is the same key as its bytes as text")
    func secretHex() throws {
        let run = try InProcess.run(["encode", "--secret-hex", "6b"], input: [#"{"a": 1, "b": 2}"#])
        #expect(run.lines == [Self.known])
        #expect(InProcess.exitCode(["encode", "--secret-hex", "6"]) == 64)
        #expect(InProcess.exitCode(["encode", "--secret-hex", "zz"]) == 64)
    }

    @Test("the first key given signs, whichever option gives it; every key verifies")
    func keyOrder() throws {
        let value = [#"{"a": 1, "b": 2}"#]
        let textFirst = try InProcess.run(["encode", "--secret", "k", "--secret-hex", "0102"], input: value)
        #expect(textFirst.lines == [Self.known])
        let hexFirst = try InProcess.run(["encode", "--secret-hex", "0102", "--secret", "k"], input: value)
        #expect(hexFirst.lines != [Self.known])
        let both = try InProcess.run(["decode", "--secret-hex", "0102", "--secret", "k", Self.known])
        #expect(both.status == 0)
        #expect(both.errors.contains("verified by key 2"))
        let onlyOther = try InProcess.run(["decode", "--secret-hex", "0102", Self.known])
        #expect(onlyOther.status == 1)
        #expect(errorKind(onlyOther.lines[0]) == "bad-signature")
    }

    @Test(
        "bad command lines are usage errors (exit 64) that say what is wrong",
        arguments: [
            (["decode", "--codec", "xml", "--secret", "k"], "xml"),
            (["decode", "--hash", "sha3", "--secret", "k"], "sha3"),
            (["decode", "--py2-str", "cp1252", "--secret", "k"], "cp1252"),
            (["encode", "--protocol", "6", "--secret", "k"], "6"),
            (["decode"], "--secret"),
            (["migrate", "--to-codec", "json"], "--from-secret"),
            (["migrate", "--from-codec", "toml", "--from-secret", "k"], "toml"),
        ])
    func usageErrors(_ arguments: [String], mentions: String) {
        #expect(InProcess.exitCode(arguments) == 64)
        #expect(InProcess.usageMessage(arguments).contains(mentions), "\(InProcess.usageMessage(arguments))")
    }

    @Test("an unknown codec's error lists the codecs that exist")
    func unknownCodecListsNames() {
        let message = InProcess.usageMessage(["decode", "--codec", "xml", "--secret", "k"])
        #expect(message.contains("json") && message.contains("msgpack"))
    }

    @Test("limits can be set on the command line")
    func limits() throws {
        let deep = [#"{"d": [[[[1]]]]}"#]
        let shallow = try InProcess.run(["encode", "--secret", "k"], input: deep)
        #expect(shallow.status == 0)
        let cookie = try #require(shallow.lines.first)
        #expect(try InProcess.run(["decode", "--secret", "k", cookie]).status == 0)
        let limited = try InProcess.run(["decode", "--secret", "k", "--max-depth", "3", cookie])
        #expect(errorKind(limited.lines[0]) == "limit-exceeded")
        let short = try InProcess.run(["decode", "--secret", "k", "--max-cookie-length", "20", cookie])
        #expect(errorKind(short.lines[0]) == "limit-exceeded")
        let longCookie = try InProcess.run(["encode", "--secret", "k", "--max-cookie-length", "20"], input: deep)
        #expect(errorKind(longCookie.lines[0]) == "limit-exceeded")
        #expect(InProcess.exitCode(["decode", "--secret", "k", "--max-depth", "0"]) == 64)
    }
}
