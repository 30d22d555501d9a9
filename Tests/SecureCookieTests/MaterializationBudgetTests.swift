import Testing

@testable import SecureCookie

/// The byte budget counts what a value builds once per reference, and every cookie read and
/// written is checked against it.
@Suite struct MaterializationBudgetTests {
    /// A list holding one 1,000-byte string `count` times: 1,000 × `count` bytes once expanded,
    /// though Swift shares the one string's storage.
    func shared(_ count: Int) -> PythonValue {
        .list(Array(repeating: .str(String(repeating: "x", count: 1_000)), count: count))
    }

    @Test func sharedStringsCountOncePerReference() throws {
        let limits = SecureCookieLimits(maximumMaterializedBytes: 50_000)
        try shared(50).checkMaterializedSize(limits)
        let error = #expect(throws: SecureCookieError.self) { try shared(51).checkMaterializedSize(limits) }
        #expect(error?.limit == .materializedBytes)
        #expect(error?.kind == .limitExceeded)
    }

    @Test func everyKindOfContentCounts() throws {
        var budget = MaterializationBudget(SecureCookieLimits(maximumMaterializedBytes: 1_000))
        try budget.spend(on: .bytes([UInt8](repeating: 1, count: 100)))
        try budget.spend(on: .bytearray([UInt8](repeating: 1, count: 100)))
        try budget.spend(on: .dict(["key": .tuple([.str("héllo")])]))
        try budget.spend(on: .set(PythonSet([.str("abc")])))
        #expect(budget.remaining == 1_000 - 100 - 100 - 3 - 6 - 3)
        // 2^3000 has 904 decimal digits; the bound from its size may say a little more, never less.
        let big = PythonValue.integer(PythonBigInt(1).shiftedLeft(by: 3000))
        var digits = MaterializationBudget(SecureCookieLimits(maximumMaterializedBytes: 10_000))
        try digits.spend(on: big)
        #expect(10_000 - digits.remaining >= 904)
        #expect(10_000 - digits.remaining <= 1_000)
    }

    @Test func theDefaultIsOneMebibyte() {
        #expect(SecureCookieLimits.default.maximumMaterializedBytes == 1 << 20)
    }

    @Test func unserializeCountsAllItemsOfOneCookieTogether() throws {
        // Two values of 6 bytes each ("xxxxxx" in quotes) and two one-byte keys: 14 bytes for the cookie.
        let body = "a=" + Base64.encode(Array("\"xxxxxx\"".utf8)) + "&b=" + Base64.encode(Array("\"yyyyyy\"".utf8))
        let cookie = try CookieErrorTests().resign(body)
        let roomy = DigitsCookie(limits: SecureCookieLimits(maximumMaterializedBytes: 14))
        #expect(try SecureCookie.unserialize(cookie, secretKey: "k", format: roomy).data.count == 2)
        let tight = DigitsCookie(limits: SecureCookieLimits(maximumMaterializedBytes: 13))
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(cookie, secretKey: "k", format: tight)
        }
        #expect(error?.limit == .materializedBytes)
        #expect(error?.key == "b")
    }

    @Test func serializeChecksTheBudgetBeforeWriting() throws {
        var cookie = SecureCookie(
            ["k": .str(String(repeating: "z", count: 20))], secretKey: "k",
            format: DigitsCookie(limits: SecureCookieLimits(maximumMaterializedBytes: 20)))
        let error = #expect(throws: SecureCookieError.self) { try cookie.serialize() }
        #expect(error?.limit == .materializedBytes)
        cookie["k"] = .str(String(repeating: "z", count: 19))
        #expect(throws: Never.self) { try cookie.serialize() }
    }

    @Test func theMessageNamesTheLimitNotTheContent() {
        let secret = "SECRET-TOKEN-" + String(repeating: "s", count: 100)
        let limits = SecureCookieLimits(maximumMaterializedBytes: 10)
        let error = #expect(throws: SecureCookieError.self) { try PythonValue.str(secret).checkMaterializedSize(limits) }
        #expect(error?.description.contains("SECRET") == false)
        #expect(error?.description.contains("materialized bytes") == true)
    }
}
