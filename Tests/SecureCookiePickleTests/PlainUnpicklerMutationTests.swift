import SecureCookie
import SecureCookieJSON
import Testing

@testable import SecureCookiePickle

/// The fast path against the general one on damaged pickles: every corpus pickle with bytes
/// changed, inserted or cut off (a fixed seed, so every run sees the same inputs). Whatever the
/// fast path returns, the general path must return too; most of these it gives up on, and giving
/// up must leave nothing behind (the stack's values are destroyed exactly once).
@Suite struct PlainUnpicklerMutationTests {
    /// A small deterministic generator (SplitMix64).
    struct Mixer {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    }

    static func mutated(_ bytes: [UInt8], _ mixer: inout Mixer) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return bytes }
        for _ in 0...mixer.below(3) {
            let at = mixer.below(bytes.count)
            switch mixer.below(4) {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: mixer.next())
            case 1: bytes.insert(UInt8(truncatingIfNeeded: mixer.next()), at: at)
            case 2: bytes.removeSubrange(at...)
            default: bytes[at] ^= 1 << UInt8(mixer.below(8))
            }
            if bytes.isEmpty { break }
        }
        return bytes
    }

    @Test func damagedPicklesReadTheSameOnBothPaths() {
        var mixer = Mixer(state: 0x5EC0_12E)
        var fastReads = 0
        for (n, sample) in PlainUnpicklerTests.samples.enumerated() {
            for round in 0..<2 {
                let bytes = Self.mutated(sample.bytes, &mixer)
                let mode = PlainUnpicklerTests.modes[(n + round) % PlainUnpicklerTests.modes.count]
                let fast = bytes.withUnsafeBufferPointer {
                    PlainUnpickler.load($0, python2Strings: mode, limits: .default)
                }
                guard let fast else { continue }
                fastReads += 1
                let general = try? PickleSerializationMethod(python2Strings: mode).loadsInGeneral(bytes[...], limits: .default)
                #expect(general.map(TaggedJSON.text) == TaggedJSON.text(fast), "\(sample) round \(round)")
            }
        }
        #expect(fastReads > 100, "only \(fastReads) damaged pickles read by the fast path")
    }
}
