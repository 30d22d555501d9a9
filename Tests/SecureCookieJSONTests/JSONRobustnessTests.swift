import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// Hostile input: mutated documents never trap and only ever throw ``SecureCookieError``; whatever loads
/// writes back (when JSON can hold it) and reads again to the same value.
@Suite struct JSONRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [[UInt8]] = {
        let folder = TestPaths.conformance.appendingPathComponent("JSONTestSuite/test_parsing")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("y_") }.sorted()
        return files.compactMap { try? TestPaths.bytes(folder.appendingPathComponent($0)) }
            + [Array(#"{"a": [1, 2.5e-3, "\u00e9\ud83d\ude00", {"b": null}], "c": -0, "d": NaN}"#.utf8)]
    }()

    static let alphabet = Array(#"{}[],:"\u0123456789abcdefABCDEF-+.eEtrufalsnNIy \#t\#n"#.utf8) + [0x00, 0x80, 0xC3, 0xED, 0xA0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF]

    @Test func mutatedDocumentsNeverTrap() throws {
        #expect(Self.seeds.count > 90)
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
            let result = outcomeOf { try codec.loads(bytes[...], limits: SecureCookieLimits(maximumDepth: 20, maximumNodes: 500)) }
            guard case .success(let value) = result else { continue }
            loaded += 1
            let written = try codec.dumps(value)
            #expect(JSONFixtures.canonicalText(try codec.loads(written)) == JSONFixtures.canonicalText(value))
        }
        #expect(loaded > 1000)
    }

    @Test func largeDocumentsReadQuickly() throws {
        // 60 KB of mixed content (the most a cookie value may hold), read 10 times. A coarse guard against
        // quadratic work, generous for unoptimised builds on a loaded machine (release: about 5 ms a read).
        var text = "["
        while text.utf8.count < 60_000 { text += #"{"id": 12345, "name": "caf\u00e9 \ud83c\udf6a", "score": 0.125, "tags": ["a", "b"]}, "# }
        text += "null]"
        let bytes = Array(text.utf8)
        let codec = JSONSerializationMethod()
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<10 { _ = try codec.loads(bytes[...], limits: .default) }
        }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}
