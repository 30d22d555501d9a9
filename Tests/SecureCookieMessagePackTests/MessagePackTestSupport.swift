import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookieTestKit
import Testing

/// The codec under test.
let codec = MessagePackSerializationMethod()

/// Limits wide enough for every fixture (a 1024-level nest, 65536-element arrays, 64 KiB strings).
let roomyLimits = SecureCookieLimits(
    maximumCookieLength: 1 << 20, maximumItems: 1 << 16, maximumDepth: 4096, maximumNodes: 1 << 20,
    maximumValueBytes: 1 << 22)

/// One line of a JSON-lines fixture, read as tagged JSON: a dict whose `value`-like fields are Python values.
struct FixtureRecord: Sendable, CustomTestStringConvertible {
    let fields: PythonDict

    /// A `str` field.
    func string(_ key: String) -> String? {
        if case .str(let text)? = fields[key] { return text }
        return nil
    }

    /// An `int` field.
    func int(_ key: String) -> Int? {
        if case .int(let number)? = fields[key] { return number }
        return nil
    }

    /// Any field, as a Python value.
    func value(_ key: String) -> PythonValue? { fields[key] }

    var testDescription: String { string("name") ?? "\(string("group") ?? "?")[\(int("index") ?? -1)]" }
}

enum MessagePackFixtures {
    /// `Fixtures/msgpack/`.
    static let folder = TestPaths.fixtures.appendingPathComponent("msgpack")

    /// The records of one fixture file.
    static func records(_ file: String) throws -> [FixtureRecord] {
        try TestPaths.lines(folder.appendingPathComponent(file)).map { line in
            guard case .dict(let fields) = try TaggedJSON.decode(line, limits: roomyLimits) else {
                throw SecureCookieError.malformed("fixture line of \(file) is not an object")
            }
            return FixtureRecord(fields: fields)
        }
    }
}

/// Bytes from hex, ignoring `-` and space separators.
func bytes(fromHex text: String) -> [UInt8]? {
    let digits = Array(text.utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: " ") })
    guard digits.count % 2 == 0 else { return nil }
    var result: [UInt8] = []
    result.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let high = hexDigit(digits[index]), let low = hexDigit(digits[index + 1]) else { return nil }
        result.append(high << 4 | low)
        index += 2
    }
    return result
}

private func hexDigit(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
    default: return nil
    }
}

/// Lower-case hex.
func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}

/// Whether two values are the same value type for type: Python equality, and the same tagged JSON
/// (so `1`, `1.0` and `True` differ, as do `0.0` and `-0.0`, a list and a tuple).
func same(_ lhs: PythonValue, _ rhs: PythonValue) -> Bool {
    lhs == rhs && TaggedJSON.text(lhs) == TaggedJSON.text(rhs)
}

/// The kind of the ``SecureCookieError`` a call throws, or `nil` when it returns (or throws something else).
func errorKind<T>(_ body: () throws -> T) -> SecureCookieError.Kind? {
    do {
        _ = try body()
        return nil
    } catch let error as SecureCookieError {
        return error.kind
    } catch {
        return nil
    }
}

/// The ``SecureCookieError`` a call throws, or `nil`.
func thrownError<T>(_ body: () throws -> T) -> SecureCookieError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? SecureCookieError
    }
}

/// The error kind a fixture names (`undecodable`, `refused`, ...).
func kind(named name: String) -> SecureCookieError.Kind? {
    [SecureCookieError.Kind.undecodable, .refused, .limitExceeded, .unrepresentable].first { $0.rawValue == name }
}
