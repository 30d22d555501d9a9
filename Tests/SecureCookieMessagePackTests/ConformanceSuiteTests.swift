import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// One case of kawanet/msgpack-test-suite (`Fixtures/conformance/msgpack-test-suite`) with what
/// Python's `msgpack` does with it (`Fixtures/msgpack/conformance-python.jsonl`).
struct SuiteCase: Sendable, CustomTestStringConvertible {
    let group: String
    let index: Int
    /// The suite's case: one value key and `msgpack`, the list of valid encodings, most compact first.
    let fields: PythonDict
    /// Python's record for it: `packb`, `position`, `unpacked`.
    let python: FixtureRecord

    var testDescription: String { "\(group)[\(index)]" }

    var encodings: [[UInt8]] {
        guard case .list(let items)? = fields["msgpack"] else { return [] }
        return items.compactMap { item in
            if case .str(let text) = item { return bytes(fromHex: text) }
            return nil
        }
    }

    /// The value the suite says every encoding holds, as Python's `unpackb(..., timestamp=3)` gives it,
    /// worked out from the suite's own fields; `nil` when no value exists (ext types, timestamps outside
    /// `datetime`'s range).
    func expectedValue(forFormat format: UInt8) -> PythonValue? {
        let isFloat = format == 0xCA || format == 0xCB
        if case .str(let digits)? = fields["bignum"], let big = PythonBigInt(decimal: digits) {
            return isFloat ? .float(big.doubleValue) : .integer(big)
        }
        if case .str(let text)? = fields["binary"] { return bytes(fromHex: text).map(PythonValue.bytes) }
        if let number = fields["number"] {
            // float 32 and float 64 encodings decode to a float, the others to an int
            switch number {
            case .int(let integer): return isFloat ? .float(Double(integer)) : .int(integer)
            case .float(let double): return .float(double)
            default: return nil
            }
        }
        if case .list(let parts)? = fields["timestamp"], parts.count == 2,
            case .int(let seconds) = parts[0], case .int(let nanoseconds) = parts[1]
        {
            // Python truncates to microseconds; datetime holds years 1 to 9999 only
            guard (-62_135_596_800...253_402_300_799).contains(seconds), let utc = PythonTimeDelta(days: 0),
                let datetime = PythonDateTime(
                    microsecondsSinceUnixEpoch: seconds * 1_000_000 + nanoseconds / 1000, utcOffset: utc)
            else { return nil }
            return .datetime(datetime)
        }
        if fields["ext"] != nil { return nil }
        for key in ["nil", "bool", "string", "array", "map"] {
            if let value = fields[key] { return value }
        }
        return nil
    }

    var isExtension: Bool { fields["ext"] != nil }
}

enum ConformanceSuite {
    static let url = TestPaths.conformance.appendingPathComponent("msgpack-test-suite")
        .appendingPathComponent("msgpack-test-suite.json")

    static func cases() throws -> [SuiteCase] {
        let text = try TestPaths.text(url)
        guard case .dict(let groups) = try TaggedJSON.decode(text, limits: roomyLimits) else { return [] }
        var python: [String: FixtureRecord] = [:]
        for record in try MessagePackFixtures.records("conformance-python.jsonl") {
            python["\(record.string("group") ?? "")#\(record.int("index") ?? -1)"] = record
        }
        var result: [SuiteCase] = []
        for (groupKey, list) in groups {
            guard case .str(let group) = groupKey, case .list(let items) = list else { continue }
            for (index, item) in items.enumerated() {
                guard case .dict(let fields) = item, let record = python["\(group)#\(index)"] else { continue }
                result.append(SuiteCase(group: group, index: index, fields: fields, python: record))
            }
        }
        return result
    }
}

@Suite("kawanet/msgpack-test-suite")
struct ConformanceSuiteTests {
    @Test("the suite and Python's record of it are all there")
    func suiteIsComplete() throws {
        let cases = try ConformanceSuite.cases()
        #expect(cases.count == 85)
        #expect(cases.reduce(0) { $0 + $1.encodings.count } == 233)
    }

    @Test("every listed encoding decodes to the case's value, as Python's unpackb gives it", arguments: try ConformanceSuite.cases())
    func decodesEveryEncoding(_ suiteCase: SuiteCase) throws {
        guard case .list(let pythonResults)? = suiteCase.python.value("unpacked") else {
            Issue.record("no Python record")
            return
        }
        let encodings = suiteCase.encodings
        try #require(encodings.count == pythonResults.count)
        for (encoding, pythonResult) in zip(encodings, pythonResults) {
            guard case .dict(let python) = pythonResult else { continue }
            if let expected = suiteCase.expectedValue(forFormat: encoding[0]) {
                let decoded = try codec.loads(encoding[...], limits: .default)
                #expect(same(decoded, expected), "\(hex(encoding)): \(TaggedJSON.text(decoded))")
                let pythonValue = try #require(python["value"], "Python failed on \(hex(encoding))")
                #expect(same(decoded, pythonValue), "\(hex(encoding)) vs Python")
            } else {
                // no value: an ext type (refused) or a timestamp outside datetime's range (undecodable);
                // Python fails on both too (ExtType is not a cookie value; OverflowError)
                #expect(python["error"] != nil)
                let kind = errorKind { try codec.loads(encoding) }
                #expect(kind == (suiteCase.isExtension ? .refused : .undecodable), "\(hex(encoding))")
            }
        }
    }

    @Test("encoding writes Python packb's bytes, which are the suite's first form unless noted", arguments: try ConformanceSuite.cases())
    func encodesLikePython(_ suiteCase: SuiteCase) throws {
        guard let packb = suiteCase.python.string("packb"), let position = suiteCase.python.int("position") else {
            // ext types and out-of-range timestamps: nothing to encode
            #expect(suiteCase.isExtension || suiteCase.expectedValue(forFormat: 0) == nil)
            return
        }
        let encodings = suiteCase.encodings
        let value = try #require(suiteCase.expectedValue(forFormat: encodings[0][0]))
        let written = try codec.dumps(value)
        #expect(hex(written) == packb)
        if position == 0 {
            #expect(written == encodings[0])
        } else if position > 0 {
            #expect(written == encodings[position])
        } else {
            // a timestamp with nanoseconds below a microsecond: the datetime cannot hold them
            #expect(suiteCase.fields["timestamp"] != nil)
        }
    }

    @Test("how many cases encode to the first, most compact form")
    func firstFormCount() throws {
        var first = 0
        var otherListed = 0
        var unlisted = 0
        var none = 0
        for suiteCase in try ConformanceSuite.cases() {
            guard let position = suiteCase.python.int("position") else {
                none += 1
                continue
            }
            let value = try #require(suiteCase.expectedValue(forFormat: suiteCase.encodings[0][0]))
            let written = try codec.dumps(value)
            if written == suiteCase.encodings[0] {
                first += 1
            } else if suiteCase.encodings.contains(written) {
                otherListed += 1
            } else {
                unlisted += 1
            }
            #expect((position == 0) == (written == suiteCase.encodings[0]))
        }
        // 65 first forms; 3 other listed forms (float 64 for ±0.5, uint 64 for 2**63-1, as packb
        // writes them); 9 timestamps whose nanoseconds a datetime cannot hold; 8 without a value
        #expect(first == 65)
        #expect(otherListed == 3)
        #expect(unlisted == 9)
        #expect(none == 8)
    }
}
