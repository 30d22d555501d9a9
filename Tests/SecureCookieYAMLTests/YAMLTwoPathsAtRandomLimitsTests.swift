import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookieYAML

/// The one-pass loader and the composer plus constructor on every input at random limits, in `swift
/// test` (so it gates CI): the fuzz seeds of `Fuzz/seeds/FuzzYAML` and byte mutations of each
/// (SplitMix64, fixed seed). Whenever the one-pass loader returns a value, the full path must return the
/// same value at the same limits; it must never read what the full path refuses.
@Suite struct YAMLTwoPathsAtRandomLimitsTests {
    static let seeds = FuzzSeeds.of("FuzzYAML")
    /// What YAML is made of, for mutations that stay near the grammar.
    static let alphabet = Array(" \n-:[]{},&*!'\"#|>?0123456789.abcxyzTtNn~".utf8)

    @Test func bothPathsAgreeAtRandomLimits() throws {
        #expect(Self.seeds.count >= 50)
        var random = SplitMix64(state: 0x7A31_0C1E)
        var compared = 0
        var fastValues = 0
        for seed in Self.seeds {
            for round in 0..<60 {
                let bytes = round == 0 ? seed : FuzzSeeds.mutated(seed, alphabet: Self.alphabet, &random)
                let limits = SecureCookieLimits(
                    maximumDepth: Int.random(in: 1...100, using: &random), maximumNodes: Int.random(in: 1...2_000, using: &random),
                    maximumMaterializedBytes: Int.random(in: 0...4_096, using: &random))
                compared += 1
                guard let fast = YAMLSerializationMethod().loadsInOnePass(bytes[...], limits: limits) else { continue }
                fastValues += 1
                switch outcome({ try YAMLFastLoaderTests.fullPath(bytes, limits: limits) }) {
                case .success(let full):
                    if !YAMLFastLoaderTests.identical(fast, full) {
                        Issue.record("the two YAML paths differ on \(Hex.encode(bytes.prefix(64))) at \(limits)")
                    }
                case .failure(let error):
                    Issue.record("the one-pass loader read what the full path refuses (\(error.kind)): \(Hex.encode(bytes.prefix(64)))")
                }
            }
        }
        #expect(compared >= 5_000)
        #expect(fastValues >= 300, "too few inputs took the one-pass path to compare anything")
    }
}
