import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

@Suite("Pickler: what it writes, the codec reads back")
struct PicklerRoundTripTests {
    @Test("every corpus value, written at protocol p, loads back to the same value", arguments: 0...5)
    func roundTrip(_ protocolVersion: Int) throws {
        let limits = SecureCookieLimits(
            maximumCookieLength: .max, maximumItems: .max, maximumDepth: 1000,
            maximumNodes: 10_000_000, maximumValueBytes: 1 << 30)
        let codec = PickleSerializationMethod(protocolVersion: protocolVersion)
        for testCase in try PicklerCase.load() where testCase.problem == nil {
            if case .refused = testCase.pickles[protocolVersion] { continue }
            let pickle = try codec.dumps(testCase.value)
            let loaded = try codec.loads(pickle[...], limits: limits)
            // Tagged JSON keeps types, dict order and set order apart, and spells NaN one way.
            #expect(TaggedJSON.text(loaded) == TaggedJSON.text(testCase.value), "\(testCase.name)")
        }
    }
}
