import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Hostile input: mutated documents never trap and only ever throw ``SecureCookieError``; whatever loads
/// writes back (when JSON can hold it) and reads again to the same value.
@Suite struct JSONRobustnessTests {

    static let seeds: [[UInt8]] = {
        let folder = TestPaths.conformance.appendingPathComponent("JSONTestSuite/test_parsing")
        // Missing data leaves few seeds, which the test's count check reports with the folder's path.
        let files = ((try? TestPaths.contentsOfDirectory(folder)) ?? []).filter { $0.hasPrefix("y_") }.sorted()
        return files.compactMap { try? TestPaths.bytes(folder.appendingPathComponent($0)) }
            + [Array(#"{"a": [1, 2.5e-3, "\u00e9\ud83d\ude00", {"b": null}], "c": -0, "d": NaN}"#.utf8)]
    }()

    static let alphabet =
        Array(#"{}[],:"\u0123456789abcdefABCDEF-+.eEtrufalsnNIy \#t\#n"#.utf8) + [
            0x00, 0x80, 0xC3, 0xED, 0xA0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF,
        ]

    @Test func mutatedDocumentsNeverTrap() throws {
        #expect(Self.seeds.count > 90, "seeds from \(TestPaths.relativePath(TestPaths.conformance))/JSONTestSuite/test_parsing")
        var generator = SplitMix64(state: 0x5EC0_C00C)
        let codec = JSONSerializationMethod()
        var loaded = 0
        for _ in 0..<20_000 {
            var bytes = Self.seeds.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(Self.alphabet.randomElement(using: &generator) ?? 0, at: position)
                case 2 where position < bytes.count: bytes[position] = Self.alphabet.randomElement(using: &generator) ?? 0
                default: bytes = Array(bytes.prefix(position))
                }
            }
            let result = outcome { try codec.loads(bytes[...], limits: SecureCookieLimits(maximumDepth: 20, maximumNodes: 500)) }
            guard case .success(let value) = result else { continue }
            loaded += 1
            let written = try codec.dumps(value)
            #expect(JSONFixtures.canonicalText(try codec.loads(written)) == JSONFixtures.canonicalText(value))
        }
        #expect(loaded > 1000)
    }
}
