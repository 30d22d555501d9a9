import SecureCookie
import SecureCookieTestKit
import Testing

/// The materialization budget counts a cookie's keys when reading, as it does when writing.
@Suite struct BudgetKeyTests {
    @Test func keysCountWhenReading() throws {
        let key = String(repeating: "k", count: 40)
        var writer = SecureCookie(.init([(.str(key), .int(1))]), secretKey: "s", format: DigitsCookie())
        let cookie = try writer.serialize()
        let small = DigitsCookie(limits: SecureCookieLimits(maximumMaterializedBytes: 39))
        let roomy = DigitsCookie(limits: SecureCookieLimits(maximumMaterializedBytes: 40))
        let refused = outcome { try SecureCookie.unserialize(cookie, secretKey: "s", format: small) }
        guard case .failure(let error) = refused else {
            Issue.record("a 40-byte key read within a 39-byte budget")
            return
        }
        #expect(error.limit == .materializedBytes)
        #expect(try SecureCookie.unserialize(cookie, secretKey: "s", format: roomy).data.count == 1)
    }
}
