import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

/// The disagreement classes the differential harness (`Interop/pickle-diff`) found, each with
/// CPython 3.11's C `_pickle` verdict and value (`Fixtures/pickle/cpython-diff/make_cases.py`
/// runs real CPython): text-opcode literal forms, memo index forms, BUILD on plain values, frames,
/// and the argument forms of the allowlisted constructors.
@Suite("Pickle reader: CPython's verdicts on the differential harness's classes")
struct CPythonDiffCaseTests {
    static let cases = PickleFixtures.records(
        TestPaths.fixtures.appendingPathComponent("pickle/cpython-diff/cases.jsonl"), label: PickleFixtures.fileLabel)

    @Test func allCasesArePresent() {
        #expect(Self.cases.count >= 90, "only \(Self.cases.count) cases")
    }

    @Test(arguments: cases)
    func verdictAndValueAreCPythons(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let codec = PickleSerializationMethod.pickle
        switch record.string("verdict") {
        case "accept":
            let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
            let value = try codec.loads(bytes[...], limits: .default)
            #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.text(value))")
            let general = try codec.loadsInGeneral(bytes[...], limits: .default)
            #expect(PickleFixtures.same(general, expected), "general path: \(TaggedJSON.text(general))")
        case "refuse":
            #expect(throws: SecureCookieError.self) { try codec.loads(bytes[...], limits: .default) }
            let fast = bytes.withUnsafeBufferPointer { PlainUnpickler.load($0, python2Strings: .ascii, limits: .default) }
            #expect(fast == nil, "the fast path read a value CPython refuses")
        default:
            Issue.record("no verdict")
        }
    }

    /// Inspect mode never crashes on them, and shows what it reads when CPython accepts.
    @Test(arguments: cases)
    func inspectReadsThem(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        guard record.string("verdict") == "accept" else {
            _ = try? PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default)
            return
        }
        let shown = try PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default)
        #expect(!shown.isEmpty)
    }
}
