import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

/// The two pickle paths on every input at random limits, in `swift test` (so it gates CI): the fuzz
/// seeds of `Fuzz/seeds/FuzzPickle` and byte mutations of each (SplitMix64, fixed seed), each at limits
/// drawn at random. Whenever the fast path returns a value the general path must return the same
/// value at the same limits; the fast path must never read what the general path refuses.
@Suite struct PickleTwoPathsAtRandomLimitsTests {
    static let seeds = FuzzSeeds.of("FuzzPickle")

    static func randomLimits(_ random: inout SplitMix64) -> SecureCookieLimits {
        SecureCookieLimits(
            maximumDepth: Int.random(in: 1...100, using: &random), maximumNodes: Int.random(in: 1...2_000, using: &random),
            maximumValueBytes: Int.random(in: 16...65_536, using: &random),
            maximumMaterializedBytes: Int.random(in: 0...4_096, using: &random))
    }

    @Test func theSeedsAreThere() {
        #expect(Self.seeds.count >= 400)
    }

    @Test func bothPathsAgreeAtRandomLimits() {
        var random = SplitMix64(state: 0x5EC0_0C1E)
        var compared = 0
        var fastValues = 0
        for seed in Self.seeds {
            for round in 0..<40 {
                let bytes = round == 0 ? seed : FuzzSeeds.mutated(seed, &random)
                let limits = Self.randomLimits(&random)
                for mode in [PicklePython2Strings.ascii, .bytes] {
                    compared += 1
                    let fast = bytes.withUnsafeBufferPointer { PlainUnpickler.load($0, python2Strings: mode, limits: limits) }
                    guard let fast else { continue }
                    fastValues += 1
                    let codec = PickleSerializationMethod(python2Strings: mode)
                    switch outcome({ try codec.loadsInGeneral(bytes[...], limits: limits) }) {
                    case .success(let general):
                        if TaggedJSON.text(general) != TaggedJSON.text(fast) {
                            Issue.record("fast and general paths differ on \(Hex.encode(bytes.prefix(64))) at \(limits)")
                        }
                    case .failure(let error):
                        Issue.record(
                            "the fast path read what the general path refuses (\(error.kind)): \(Hex.encode(bytes.prefix(64))) at \(limits)"
                        )
                    }
                }
            }
        }
        #expect(compared >= 40_000)
        #expect(fastValues >= 500, "too few inputs took the fast path to compare anything")
    }
}
