import SecureCookie
import Testing

/// Every single-byte change and every truncation of a real Werkzeug cookie is rejected.
///
/// Strict base64 means no change can leave the decoded MAC and body the same, so there is no
/// "harmless" edit: each variant must fail, and none may crash.
@Suite struct TamperSweepTests {
    /// A few replacement bytes: a base64 letter, a digit, structure (`=`, `&`, `?`, `%`), padding-like and non-ASCII.
    static let replacements: [UInt8] = Array("A0=&?%+/".utf8) + [0xC3]

    /// The smallest fixtures of each codec (every position), plus larger ones (sampled positions).
    static var cases: [(WerkzeugFixture, stride: Int)] {
        let byCodec = Dictionary(grouping: WerkzeugFixture.all, by: \.codec)
        return byCodec.values.flatMap { fixtures -> [(WerkzeugFixture, stride: Int)] in
            let sorted = fixtures.sorted { $0.cookie.utf8.count < $1.cookie.utf8.count }
            let small = sorted.filter { $0.cookie.contains("&") }.prefix(3).map { ($0, stride: 1) }
            let large = sorted.suffix(2).map { ($0, stride: 13) }
            return small + large
        }
    }

    @Test func thereAreFixturesForEveryCodec() {
        #expect(Set(WerkzeugFixture.all.map(\.codec)).isSuperset(of: ["json", "pickle", "yaml", "msgpack"]))
    }

    @Test(arguments: cases)
    func everyChangeIsRejected(fixture: WerkzeugFixture, stride step: Int) throws {
        _ = try fixture.unserialize(fixture.cookie)  // the original verifies
        let bytes = Array(fixture.cookie.utf8)
        var tried = 0
        for position in Swift.stride(from: 0, to: bytes.count, by: step) {
            for replacement in Self.replacements where replacement != bytes[position] {
                var changed = bytes
                changed[position] = replacement
                tried += 1
                #expect(throws: SecureCookieError.self, "byte \(position) → \(replacement)") {
                    try fixture.unserialize(String(decoding: changed, as: UTF8.self))
                }
            }
        }
        for length in Swift.stride(from: 0, to: bytes.count, by: step) {
            #expect(throws: SecureCookieError.self, "truncated to \(length)") {
                try fixture.unserialize(String(decoding: bytes[..<length], as: UTF8.self))
            }
        }
        #expect(tried > 0)
    }
}
