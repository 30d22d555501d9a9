import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

/// One case of `Fixtures/pickle/pickler/cases.jsonl`: a value and what CPython 3.11's
/// `pickle.dumps(value, protocol=p)` wrote for p = 0...5 (made by `make_cases.py`).
struct PicklerCase: Sendable, CustomTestStringConvertible {
    /// What CPython wrote for one protocol.
    enum Expected: Sendable {
        /// The whole pickle.
        case bytes([UInt8])
        /// A long pickle: its length, FNV-1a-64 hash, first and last 256 bytes.
        case summary(length: Int, fnv1a64: UInt64, head: [UInt8], tail: [UInt8])
        /// CPython refused to pickle the value at this protocol.
        case refused
    }

    let name: String
    let value: PythonValue
    let pickles: [Expected]
    /// Whether Python 2.7 loaded the protocol 0, 1 and 2 pickles to the same value.
    let python2: [Bool]
    /// Why the case could not be read, if it could not.
    let problem: String?

    var testDescription: String { name }

    static let url = TestPaths.fixtures.appendingPathComponent("pickle/pickler/cases.jsonl")

    /// Every case; the whole line is tagged JSON, so the value comes out typed. A line whose value
    /// does not decode becomes a case that fails alone.
    static func load() throws -> [PicklerCase] {
        let limits = SecureCookieLimits(
            maximumCookieLength: .max, maximumItems: .max, maximumDepth: 1000,
            maximumNodes: 10_000_000, maximumValueBytes: 1 << 30)
        return try TestPaths.lines(url).enumerated().map { number, line in
            let fields: PythonDict
            do {
                guard case .dict(let decoded) = try TaggedJSON.decode(line, limits: limits) else {
                    throw SecureCookieError.malformed("not an object")
                }
                fields = decoded
            } catch {
                let name = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["name"]
                return PicklerCase(
                    name: "line \(number + 1) \(name ?? "?")", value: .none,
                    pickles: [], python2: [], problem: "the line does not decode: \(error)")
            }
            guard case .str(let name)? = fields["name"], let value = fields["value"],
                case .list(let pickles)? = fields["pickles"], pickles.count == 6,
                case .list(let python2)? = fields["python2"]
            else { throw SecureCookieError.malformed("bad case line \(number + 1)") }
            return PicklerCase(
                name: name, value: value, pickles: try pickles.map(expected),
                python2: python2.map { if case .bool(true) = $0 { return true } else { return false } },
                problem: nil)
        }
    }

    private static func expected(_ node: PythonValue) throws -> Expected {
        switch node {
        case .none:
            return .refused
        case .str(let hex):
            return .bytes(try bytes(hex: hex))
        case .dict(let summary):
            guard case .int(let length)? = summary["length"], case .str(let hash)? = summary["fnv1a64"],
                let fnv = UInt64(hash, radix: 16), case .str(let head)? = summary["head"],
                case .str(let tail)? = summary["tail"]
            else { throw SecureCookieError.malformed("bad pickle summary") }
            return .summary(length: length, fnv1a64: fnv, head: try bytes(hex: head), tail: try bytes(hex: tail))
        default:
            throw SecureCookieError.malformed("bad pickle entry")
        }
    }

    static func bytes(hex: String) throws -> [UInt8] {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { throw SecureCookieError.malformed("odd hex") }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16) else {
                throw SecureCookieError.malformed("bad hex")
            }
            return byte
        }
    }

    /// FNV-1a, 64-bit, as `make_cases.py` computes it.
    static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}

@Suite("Pickler: byte-identical to CPython 3.11's pickle.dumps")
struct PicklerFixtureTests {
    static let cases: [PicklerCase] = (try? PicklerCase.load()) ?? []

    @Test("the CPython corpus loads: every case, six protocols each")
    func corpusLoads() throws {
        let cases = try PicklerCase.load()
        #expect(cases.count >= 340)
        for testCase in cases {
            #expect(testCase.problem == nil, "\(testCase.name): \(testCase.problem ?? "")")
        }
    }

    @Test("pickle.dumps(value, protocol=p) byte for byte", arguments: cases, 0...5)
    func byteIdentical(_ testCase: PicklerCase, _ protocolVersion: Int) throws {
        try #require(testCase.problem == nil, "\(testCase.problem ?? "")")
        let expected = testCase.pickles[protocolVersion]
        let pickler = Pickler(protocolVersion: protocolVersion)
        switch expected {
        case .refused:
            #expect(throws: SecureCookieError.unrepresentable("")) { try pickler.dump(testCase.value) }
        case .bytes(let bytes):
            let output = try pickler.dump(testCase.value)
            #expect(output == bytes, "first difference at offset \(firstDifference(output, bytes))")
        case .summary(let length, let fnv, let head, let tail):
            let output = try pickler.dump(testCase.value)
            #expect(output.count == length)
            #expect(Array(output.prefix(head.count)) == head)
            #expect(Array(output.suffix(tail.count)) == tail)
            #expect(PicklerCase.fnv1a64(output) == fnv)
        }
    }

    @Test("Python 2.7 loads every protocol 0-2 pickle except those holding datetime.timezone")
    func python2LoadsWhatItCan() throws {
        for testCase in try PicklerCase.load() where testCase.problem == nil {
            // Python 2 has no datetime.timezone: aware datetimes and times are the only exception.
            let expected = !Self.holdsTimezone(testCase.value)
            #expect(testCase.python2 == [expected, expected, expected], "\(testCase.name)")
        }
    }

    private static func holdsTimezone(_ value: PythonValue) -> Bool {
        switch value {
        case .datetime(let datetime): return datetime.utcOffset != nil
        case .time(let time): return time.utcOffset != nil
        case .list(let items), .tuple(let items): return items.contains(where: holdsTimezone)
        case .set(let items), .frozenset(let items): return items.contains(where: holdsTimezone)
        case .dict(let dict): return dict.contains { holdsTimezone($0.key) || holdsTimezone($0.value) }
        default: return false
        }
    }

    private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? min(a.count, b.count)
    }
}
