// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import ArgumentParser
import Foundation
import SecureCookie
import Testing

@testable import securecookie_demo

/// The demo server's keys: from the command line, a file or an environment variable, in command-line order.
@Suite struct DemoKeyOptionsTests {
    static func keyFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("demo-key-\(UUID().uuidString)")
        try Data(contents.utf8).write(to: url)
        return url
    }

    @Test func keysKeepCommandLineOrderAcrossOptions() throws {
        let file = try Self.keyFile("from a file\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let fileFirst = try DemoCommand.parse(["--secret-file", file.path, "--secret-hex", "6869"])
        #expect(fileFirst.keys == [SecretKey("from a file"), SecretKey("hi")])
        let hexFirst = try DemoCommand.parse(["--secret-hex", "6869", "--secret-file", file.path])
        #expect(hexFirst.keys == [SecretKey("hi"), SecretKey("from a file")])
    }

    @Test func aKeyIsRequired() {
        #expect(throws: (any Error).self) { try DemoCommand.parse([]) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--secret-hex", "abc"]) }
    }

    @Test func anEmptyOrUnreadableFileIsRefused() throws {
        let empty = try Self.keyFile("\n")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--secret-file", empty.path]) }
        #expect(throws: (any Error).self) { try DemoCommand.parse(["--secret-file", empty.path + ".missing"]) }
    }

    @Test func environmentKeyIsTheVariablesText() throws {
        #expect(try DemoSecret.environment("DEMO_KEY", in: ["DEMO_KEY": "s3cret"]).key == SecretKey("s3cret"))
        #expect(throws: ValidationError.self) { try DemoSecret.environment("DEMO_KEY", in: [:]) }
        #expect(throws: ValidationError.self) { try DemoSecret.environment("DEMO_KEY", in: ["DEMO_KEY": ""]) }
    }

    @Test func aVariableThatIsSetIsReadByParsing() throws {
        // PATH is set in every test process; its text becomes the key (a real variable, read by name).
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        let command = try DemoCommand.parse(["--secret-hex", "6869", "--secret-env", "PATH"])
        #expect(command.keys == [SecretKey("hi"), SecretKey(path)])
    }
}
#endif
