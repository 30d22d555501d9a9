// Built with the package trait `Hummingbird` or `Vapor` (see Package.swift).
#if Hummingbird || Vapor
import ArgumentParser
import Foundation
import SecureCookie

/// One `--secret-hex`, `--secret-file` or `--secret-env` key, numbered in the order it was parsed, so
/// the keys come back in command-line order whichever options gave them: the first signs.
///
/// A key on the command line shows in `ps`; `--secret-file` and `--secret-env` keep it out of argv.
struct DemoSecret: Sendable {
    let key: SecretKey
    let sequence: Int

    private static let counter = DemoSequence()

    /// A key given as hex digits.
    static func hex(_ text: String) throws -> DemoSecret {
        guard let key = SecretKey(hex: text) else { throw ValidationError("--secret-hex must be an even number of hex digits") }
        return DemoSecret(key: key, sequence: counter.next())
    }

    /// A key file's raw bytes, one trailing newline (`\n` or `\r\n`) removed.
    static func file(_ path: String) throws -> DemoSecret {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the secret file '\(path)'")
        }
        var bytes = [UInt8](data)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        guard !bytes.isEmpty else { throw ValidationError("the secret file '\(path)' is empty") }
        return DemoSecret(key: SecretKey(bytes: bytes), sequence: counter.next())
    }

    /// An environment variable's UTF-8 text; an unset or empty one is an error naming it, never its value.
    static func environment(_ name: String, in environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> DemoSecret
    {
        guard let value = environment[name] else { throw ValidationError("the environment variable '\(name)' is not set") }
        guard !value.isEmpty else { throw ValidationError("the environment variable '\(name)' is empty") }
        return DemoSecret(key: SecretKey(value), sequence: counter.next())
    }

    /// The keys of the option arrays, in the order they were given.
    static func keys(_ lists: [DemoSecret]...) -> [SecretKey] {
        lists.joined().sorted { $0.sequence < $1.sequence }.map(\.key)
    }
}

/// A thread-safe counter.
private final class DemoSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
#endif
