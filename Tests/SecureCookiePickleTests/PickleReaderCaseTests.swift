import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// Pickles CPython 3.11 wrote of plain values at protocols 0-5 (`Fixtures/pickle/reader/make_cases.py`)
/// load to the value Python pickled.
@Suite("Pickle reader: CPython-written values")
struct PickleReaderCaseTests {
    static let cases = PickleFixtures.records(
        TestPaths.fixtures.appendingPathComponent("pickle/reader/cases.jsonl")
    ) { fields in
        var label = PickleFixtures.fileLabel(fields)
        if case .int(let proto)? = fields["protocol"] { label += " p\(proto)" }
        return label
    }

    @Test func allCasesArePresent() {
        #expect(Self.cases.count == 432)
    }

    @Test(arguments: cases)
    func loadsToPythonsValue(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
        let value = try PickleSerializationMethod.pickle.loads(bytes)
        #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.text(value))")
    }

    @Test(arguments: cases)
    func inspectShowsTheSameValue(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
        let shown = try PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default)
        #expect(PickleFixtures.same(try TaggedJSON.decode(shown), expected), "got \(shown)")
    }

    /// What the Swift pickler writes at the case's protocol, the reader reads back to the same value.
    @Test(arguments: cases)
    func readsWhatTheSwiftPicklerWrites(_ record: PickleFixtures.Record) throws {
        guard case .int(let proto)? = record["protocol"] else {
            Issue.record("no protocol")
            return
        }
        let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
        let bytes = try PickleSerializationMethod(protocolVersion: proto).dumps(expected)
        let value = try PickleSerializationMethod.pickle.loads(bytes)
        #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.text(value))")
    }
}
