import ArgumentParser
import Foundation
import SecureCookie
import Testing

@testable import securecookie

/// The tool's top-level command: `--version`, shell completion of names, keys from the environment.
@Suite struct ToolOptionsTests {
    static let value = #"{"a": 1, "b": 2}"#

    @Test func versionIsPrintedAndExitsZero() throws {
        #expect(InProcess.exitCode(["--version"]) == 0)
        #expect(InProcess.usageMessage(["--version"]) == ToolVersion.current)
        #expect(ToolVersion.current.split(separator: ".").count == 3)
        let run = try Binary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.lines == [ToolVersion.current])
    }

    @Test func completionOffersEveryCodecAndHash() {
        #expect(ToolCompletions.codecNames == ["json", "pickle", "yaml", "msgpack", "secure-cookie-json", "flask"])
        #expect(ToolCompletions.hashNames == ["md5", "sha1", "sha256", "sha384", "sha512"])
        for shell in [CompletionShell.bash, .zsh, .fish] {
            let script = SecureCookieTool.completionScript(for: shell)
            for name in ToolCompletions.codecNames + ToolCompletions.hashNames {
                #expect(script.contains(name), "\(shell) completion lacks \(name)")
            }
        }
        // bash offers each list as one word list, in the registry's order.
        let bash = SecureCookieTool.completionScript(for: .bash)
        func wordList(_ names: [String]) -> String { "-W " + names.map { "'\($0)'" }.joined(separator: "$'\\n'") }
        #expect(bash.contains(wordList(ToolCompletions.codecNames)))
        #expect(bash.contains(wordList(ToolCompletions.hashNames)))
    }

    @Test func environmentKeyIsReadByName() throws {
        let key = try OrderedSecret.environment("APP_KEY", in: ["APP_KEY": "s3cret"]).key
        #expect(key == SecretKey("s3cret"))
    }

    @Test func unsetOrEmptyVariableIsRefusedNamingItNotItsValue() {
        #expect(throws: ValidationError.self) { try OrderedSecret.environment("MISSING", in: [:]) }
        do {
            _ = try OrderedSecret.environment("EMPTY_KEY", in: ["EMPTY_KEY": ""])
            Issue.record("an empty variable was accepted")
        } catch {
            #expect("\(error)".contains("EMPTY_KEY"))
        }
    }

    @Test func environmentKeysKeepCommandLineOrder() throws {
        let environment = ["SECURECOOKIE_TEST_KEY_A": "key from the environment"]
        // The environment key comes first: it signs.
        let first = try Binary.run(
            ["encode", "--secret-env", "SECURECOOKIE_TEST_KEY_A", "--secret", "other"], stdin: Self.value + "\n",
            environment: environment)
        #expect(first.status == 0)
        let signedByEnvironment = try #require(first.lines.first)
        #expect(try InProcess.run(["decode", "--secret", "key from the environment", signedByEnvironment]).status == 0)
        #expect(try InProcess.run(["decode", "--secret", "other", signedByEnvironment]).status == 1)
        // After --secret, it only verifies.
        let second = try Binary.run(
            ["encode", "--secret", "other", "--secret-env", "SECURECOOKIE_TEST_KEY_A"], stdin: Self.value + "\n",
            environment: environment)
        let signedByText = try #require(second.lines.first)
        #expect(try InProcess.run(["decode", "--secret", "other", signedByText]).status == 0)
        // Every key verifies: the environment key reads a cookie the text key signed.
        let both = try Binary.run(
            ["decode", "--secret-env", "SECURECOOKIE_TEST_KEY_A", "--secret", "other", signedByText], environment: environment)
        #expect(both.status == 0)
        #expect(both.lines == [Self.value])
    }

    @Test func migrateTakesKeysFromTheEnvironment() throws {
        let environment = ["SECURECOOKIE_TEST_OLD": "old key", "SECURECOOKIE_TEST_NEW": "new key"]
        let old = try InProcess.run(["encode", "--codec", "pickle", "--secret", "old key"], input: [Self.value])
        let cookie = try #require(old.lines.first)
        let run = try Binary.run(
            ["migrate", "--from-secret-env", "SECURECOOKIE_TEST_OLD", "--to-secret-env", "SECURECOOKIE_TEST_NEW"],
            stdin: cookie + "\n", environment: environment)
        #expect(run.status == 0)
        let migrated = try #require(run.lines.first)
        #expect(try InProcess.run(["decode", "--secret", "new key", migrated]).lines == [Self.value])
    }

    @Test func aMissingVariableIsAUsageError() throws {
        let run = try Binary.run(["decode", "--secret-env", "SECURECOOKIE_TEST_UNSET_VARIABLE", "x?"])
        #expect(run.status == 64)
        #expect(run.errors.contains("SECURECOOKIE_TEST_UNSET_VARIABLE"))
    }
}
