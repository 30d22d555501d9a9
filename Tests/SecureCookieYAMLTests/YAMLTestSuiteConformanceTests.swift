import Foundation
import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookieYAML

/// All 402 cases of yaml-test-suite (data-2022-01-17), at two levels:
///
/// 1. events: libyaml's event stream, as this codec reads it, against `test.event`; an error case
///    passes when parsing fails;
/// 2. values: this codec's `loads` against PyYAML's own `safe_load` of the same bytes
///    (`Fixtures/yaml/pyyaml-safe-load.jsonl`); both failing counts as agreement.
///
/// The cases where they disagree are listed here and explained in `Plugins/SecureCookieYAML/README.md`;
/// the tests check the lists stay exact, so a change either way is noticed.
@Suite("yaml-test-suite conformance")
struct YAMLTestSuiteConformanceTests {
    /// Error cases libyaml 0.2.5 parses without an error.
    static let libyamlAcceptsErrorCase: Set<String> = [
        "9C9N", "9HCY", "9JBA", "CVW2", "DK95-01", "EB22", "G5U8", "MUS6-00", "MUS6-01", "QB6E", "RHX7", "S98Z", "SU5Z", "X4QW", "Y79Y-003",
        "YJV2",
    ]
    /// Valid cases libyaml 0.2.5 rejects.
    static let libyamlRejectsValidCase: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ-00", "4MUZ-01", "4MUZ-02", "58MP", "5MUD", "5T43", "6BCT", "6CA3", "6LVF", "6M2F", "7Z25",
        "8XYN", "96NN-00", "96NN-01", "9SA2", "A2M4", "BEC7", "CFD4", "DBG4", "DK3J", "DK95-00", "DK95-03", "DK95-04", "FP8R", "FRK4",
        "HM87-00", "HWV9", "K3WX", "M2N8-00", "M7A3", "MUS6-05", "MUS6-06", "NHX8", "NJ66", "NKF9", "Q5MG", "QT73", "R4YG", "S3PD",
        "SM9W-01", "UKK6-00", "UT92", "VJP3-01", "W4TN", "W5VH", "Y79Y-001", "Y79Y-010",
    ]
    /// Valid cases libyaml parses, but into other events than `test.event`.
    static let libyamlOtherEvents: Set<String> = [
        "652Z", "HM87-01", "JEF9-02", "L24T-01", "Y2GN",
    ]
    /// Cases where this codec's value (or error) differs from PyYAML's `safe_load`.
    static let valueDifferences: Set<String> = [
        "2LFX", "4ABK", "6HB6", "6LVF", "96NN-00", "96NN-01", "BEC7", "DC7X", "DK95-05", "DK95-07", "HS5T", "J3BT", "JR7V", "K54U",
        "MUS6-00", "MUS6-03", "MUS6-05", "MUS6-06", "NB6Z", "R4YG", "UV7Q", "WZ62", "X4QW", "Y79Y-001", "Y79Y-002", "Y79Y-003",
    ]

    /// The event lines libyaml produces, or `nil` when it reports an error.
    static func events(_ bytes: [UInt8]) -> [String]? {
        guard let parser = try? LibYAMLParser(bytes[...]) else { return nil }
        var lines: [String] = []
        while !parser.isFinished {
            guard let (event, _) = try? parser.next() else { return nil }
            lines.append(event.testSuiteLine)
        }
        return lines
    }

    enum EventOutcome: Equatable { case pass, acceptsError, rejectsValid, otherEvents }

    static func eventOutcome(_ id: String) throws -> EventOutcome {
        let input = try TestPaths.bytes(YAMLFixtures.suiteFile(id, "in.yaml"))
        let isError = FileManager.default.fileExists(atPath: YAMLFixtures.suiteFile(id, "error").path)
        let produced = events(input)
        if isError { return produced == nil ? .pass : .acceptsError }
        guard let produced else { return .rejectsValid }
        let expected = try TestPaths.lines(YAMLFixtures.suiteFile(id, "test.event"))
        return produced == expected ? .pass : .otherEvents
    }

    static let pyyaml: [String: YAMLFixtures.Record] = Dictionary(
        YAMLFixtures.records("pyyaml-safe-load.jsonl").compactMap { record in record.string("id").map { ($0, record) } },
        uniquingKeysWith: { first, _ in first })

    static func valueAgrees(_ id: String) throws -> Bool {
        let input = try TestPaths.bytes(YAMLFixtures.suiteFile(id, "in.yaml"))
        let record = try #require(pyyaml[id])
        let ours = outcome { try YAMLSerializationMethod().loads(input) }
        switch (ours, record["value"]) {
        case (.success(let value), let expected?): return canonicalText(value) == canonicalText(expected)
        case (.failure(let error), nil):
            if record["recursive"] != nil { return error.kind == .refused }
            return true
        default: return false
        }
    }

    @Test("all 402 cases are present")
    func present() {
        #expect(TestPaths.missing([TestPaths.relativePath(YAMLFixtures.suite.appendingPathComponent("manifest.jsonl"))]) == [])
        #expect(YAMLFixtures.suiteCases.count == 402)
        #expect(Self.pyyaml.count == 402)
    }

    @Test("event streams: libyaml against test.event")
    func eventLevel() throws {
        var accepts: Set<String> = []
        var rejects: Set<String> = []
        var other: Set<String> = []
        for id in YAMLFixtures.suiteCases {
            switch try Self.eventOutcome(id) {
            case .pass: break
            case .acceptsError: accepts.insert(id)
            case .rejectsValid: rejects.insert(id)
            case .otherEvents: other.insert(id)
            }
        }
        let passed = YAMLFixtures.suiteCases.count - accepts.count - rejects.count - other.count
        print(
            "yaml-test-suite events: \(passed)/\(YAMLFixtures.suiteCases.count) pass; libyaml accepts error cases: \(accepts.sorted()); rejects valid: \(rejects.sorted()); other events: \(other.sorted())"
        )
        #expect(accepts == Self.libyamlAcceptsErrorCase)
        #expect(rejects == Self.libyamlRejectsValidCase)
        #expect(other == Self.libyamlOtherEvents)
    }

    @Test("loaded values: this codec against PyYAML safe_load")
    func valueLevel() throws {
        var differences: Set<String> = []
        for id in YAMLFixtures.suiteCases where try !Self.valueAgrees(id) {
            differences.insert(id)
            let input = try TestPaths.bytes(YAMLFixtures.suiteFile(id, "in.yaml"))
            switch outcome({ try YAMLSerializationMethod().loads(input) }) {
            case .success(let value): print("  \(id): ours \(canonicalText(value))")
            case .failure(let error): print("  \(id): ours \(error)")
            }
        }
        print(
            "yaml-test-suite values: \(YAMLFixtures.suiteCases.count - differences.count)/\(YAMLFixtures.suiteCases.count) agree with PyYAML; differ: \(differences.sorted())"
        )
        #expect(differences == Self.valueDifferences)
    }
}
