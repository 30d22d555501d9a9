import SecureCookieTestKit
import Testing

@testable import SecureCookie

/// ``UTF8Text`` against the standard library's validating initializer, byte for byte.
@Suite("UTF8Text: the strings String(validating:) makes, and nil where it refuses")
struct UTF8TextTests {
    @Test("random bytes of every length around the small-string and word boundaries")
    func randomBytes() {
        var random = SplitMix64(state: 0x5EED_0F_07F8)
        for _ in 0..<20_000 {
            let count = Int(random.next() % 40)
            // Mostly ASCII, some multi-byte sequences, some stray bytes that make invalid UTF-8.
            var bytes: [UInt8] = []
            while bytes.count < count {
                switch random.next() % 10 {
                case 0: bytes += Array("é".utf8)
                case 1: bytes += Array("€😀".utf8)
                case 2: bytes.append(UInt8(truncatingIfNeeded: random.next()) | 0x80)
                case 3: bytes += [0xED, 0xA0, 0x80]  // a UTF-8-encoded surrogate
                default: bytes.append(UInt8(truncatingIfNeeded: random.next()) & 0x7F)
                }
            }
            let made = bytes.withUnsafeBufferPointer { UTF8Text.string(validating: $0) }
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(made == expected, "\(bytes)")
            if let made { #expect(Array(made.utf8) == bytes) }
        }
    }
}
