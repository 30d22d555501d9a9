import ArgumentParser
import Foundation
import SecureCookie

/// One `--secret`, `--secret-hex` or `--secret-file` value, numbered in the order it was parsed.
///
/// The three options fill three arrays; the sequence number puts them back in command-line order,
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

    /// The keys of three option arrays, in the order they were given.
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

/// `--secret`, `--secret-hex`, `--secret-file`, each repeatable: a key-rotation list, the first given signing.
struct SecretOptions: ParsableArguments {
    @Option(name: .customLong("secret"), help: ArgumentHelp("A secret key as UTF-8 text.", valueName: "text"),
            transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(name: .customLong("secret-hex"), help: ArgumentHelp("A secret key as hex digits.", valueName: "hex"),
            transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(name: .customLong("secret-file"),
            help: ArgumentHelp("A file holding a secret key as raw bytes (one trailing newline removed).", valueName: "path"),
            transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    /// The keys in command-line order: the first signs, every one verifies.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file) }

    func validate() throws {
        if keys.isEmpty { throw ValidationError("give a key with --secret, --secret-hex or --secret-file") }
    }
}

/// `--from-secret*`: the keys a migrated cookie is verified with.
struct FromSecretOptions: ParsableArguments {
    @Option(name: .customLong("from-secret"), help: ArgumentHelp("A key of the old cookies, as UTF-8 text.", valueName: "text"),
            transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(name: .customLong("from-secret-hex"), help: ArgumentHelp("A key of the old cookies, as hex.", valueName: "hex"),
            transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(name: .customLong("from-secret-file"), help: ArgumentHelp("A key file of the old cookies.", valueName: "path"),
            transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    /// The keys in command-line order.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file) }

    func validate() throws {
        if keys.isEmpty {
            throw ValidationError("give the old cookies' key with --from-secret, --from-secret-hex or --from-secret-file")
        }
    }
}

/// `--to-secret*`: the keys re-issued cookies are signed with (the first); the old keys when none is given.
struct ToSecretOptions: ParsableArguments {
    @Option(name: .customLong("to-secret"), help: ArgumentHelp("The new key, as UTF-8 text (default: the first old key).", valueName: "text"),
            transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(name: .customLong("to-secret-hex"), help: ArgumentHelp("The new key, as hex.", valueName: "hex"),
            transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(name: .customLong("to-secret-file"), help: ArgumentHelp("A file holding the new key.", valueName: "path"),
            transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    /// The keys in command-line order.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file) }
}
