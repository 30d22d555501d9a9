import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookieYAML

/// PyYAML's implicit resolver and `SafeConstructor`, scalar by scalar: 3000 texts (hand-picked
/// and seeded-random number-, date- and time-like ones) with the tag PyYAML 6.0.4 resolved and
/// the value it built (`Fixtures/yaml/scalars.jsonl`).
@Suite("YAML 1.1 scalar resolution matches PyYAML")
struct YAMLScalarResolutionTests {
    static let records = YAMLFixtures.records("scalars.jsonl")

    @Test("the fixture is present")
    func present() {
        #expect(Self.records.count == 3000)
    }

    @Test("same tag and value for every text")
    func resolution() throws {
        var mismatches: [String] = []
        for record in Self.records {
            let text = try #require(record.string("text"))
            let expectedTag = try #require(record.string("tag"))
            let tag = YAMLResolver.resolveScalar(text, plainImplicit: true)
            guard tag == expectedTag else {
                mismatches.append("\(text.debugDescription): tag \(tag), PyYAML \(expectedTag)")
                continue
            }
            let node = YAMLNode(tag: tag, content: .scalar(text), mark: YAMLMark(line: 1, column: 1))
            let built = outcome { try YAMLConstructor().construct(node) }
            switch (built, record["value"]) {
            case (.success(let value), let expected?):
                if canonicalText(value) != canonicalText(expected) {
                    mismatches.append("\(text.debugDescription): \(canonicalText(value)), PyYAML \(canonicalText(expected))")
                }
            case (.failure, nil):
                break
            case (.success(let value), nil):
                mismatches.append("\(text.debugDescription): \(canonicalText(value)), PyYAML raised \(record.string("error") ?? "")")
            case (.failure(let error), _?):
                mismatches.append("\(text.debugDescription): \(error), PyYAML built a value")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }
}
