import Foundation
import SecureCookie
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

/// The two pickle paths on every input at random limits, in `swift test` (so it gates CI): the fuzz
/// seeds of `Fuzz/seeds/FuzzPickle` and byte mutations of each (SplitMix64, fixed seed), each at limits
/// drawn at random. Whenever the fast path returns a value the general path must return the same
/// value at the same limits; the fast path must never read what the general path refuses.
@Suite struct PickleTwoPathsAtRandomLimitsTests {
    static let seeds: [[UInt8]] = {
        let folder = TestPaths.packageRoot.appendingPathComponent("Fuzz/seeds/FuzzPickle")
        let names = (try? TestPaths.contentsOfDirectory(folder)) ?? []
        return names.sorted().compactMap { try? TestPaths.bytes(folder.appendingPathComponent($0)) }
    }()

    static func randomLimits(_ random: inout SplitMix64) -> SecureCookieLimits {
        SecureCookieLimits(
            maximumDepth: Int.random(in: 1...100, using: &random), maximumNodes: Int.random(in: 1...2_000, using: &random),
            maximumValueBytes: Int.random(in: 16...65_536, using: &random),
            maximumMaterializedBytes: Int.random(in: 0...4_096, using: &random))
    }

    static func mutated(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty: bytes.remove(at: Int.random(in: 0..<bytes.count, using: &random))
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: 0...bytes.count, using: &random))
            default:
                // Duplicate a slice: memo games and repeated opcodes.
                guard bytes.count > 2 else { continue }
                let start = Int.random(in: 0..<(bytes.count - 1), using: &random)
                let end = Int.random(in: (start + 1)...Swift.min(bytes.count, start + 16), using: &random)
                bytes.insert(contentsOf: bytes[start..<end], at: start)
            }
        }
        return bytes
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
                let bytes = round == 0 ? seed : Self.mutated(seed, &random)
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
