import ArgumentParser
import Foundation
import SecureCookie

/// One `--secret`, `--secret-hex`, `--secret-file` or `--secret-env` value, numbered in the order it was parsed.
///
/// The four options fill four arrays; the sequence number puts them back in command-line order,
/// so `--secret-hex NEW --secret OLD` signs with NEW and verifies with both.
struct OrderedSecret: Sendable {
    let key: SecretKey
    let sequence: Int

    private static let counter = SequenceCounter()

    static func text(_ text: String) -> OrderedSecret {
        OrderedSecret(key: SecretKey(text), sequence: counter.next())
    }

    static func hex(_ text: String) throws -> OrderedSecret {
        guard let key = SecretKey(hex: text) else {
            throw ValidationError("'\(text)' is not an even number of hex digits")
        }
        return OrderedSecret(key: key, sequence: counter.next())
    }

    /// A key file's raw bytes, with one trailing newline (`\n` or `\r\n`) removed.
    static func file(_ path: String) throws -> OrderedSecret {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read the secret file '\(path)'")
        }
        var bytes = [UInt8](data)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        guard !bytes.isEmpty else { throw ValidationError("the secret file '\(path)' is empty") }
        return OrderedSecret(key: SecretKey(bytes: bytes), sequence: counter.next())
    }

    /// The UTF-8 text of an environment variable, as `--secret` would take it (so it stays out of `ps`).
    ///
    /// - Parameters:
    ///   - name: The variable's name.
    ///   - environment: The environment (the process's by default).
    /// - Returns: The key, numbered after every key parsed before it.
    /// - Throws: `ValidationError` naming the variable (never its value) when it is unset or empty.
    static func environment(_ name: String, in environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> OrderedSecret
    {
        guard let value = environment[name] else { throw ValidationError("the environment variable '\(name)' is not set") }
        guard !value.isEmpty else { throw ValidationError("the environment variable '\(name)' is empty") }
        return OrderedSecret(key: SecretKey(value), sequence: counter.next())
    }

    /// The keys of the option arrays, in the order they were given.
    static func keys(_ lists: [OrderedSecret]...) -> [SecretKey] {
        lists.joined().sorted { $0.sequence < $1.sequence }.map(\.key)
    }
}

/// A thread-safe counter.
private final class SequenceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
