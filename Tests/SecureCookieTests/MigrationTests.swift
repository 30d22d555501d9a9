import Testing

@testable import SecureCookie

/// A second test codec: the digits codec's bytes behind a `v2:` prefix, so the two never read each other's values.
struct PrefixedCodec: SerializationMethod {
    var name: String { "v2" }
    func dumps(_ value: PythonValue) throws -> [UInt8] { Array("v2:".utf8) + (try DigitsCodec().dumps(value)) }
    func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        guard bytes.starts(with: Array("v2:".utf8)) else { throw SecureCookieError.undecodable("no v2: prefix") }
        return try DigitsCodec().loads(bytes.dropFirst(3), limits: limits)
    }
}

struct MigratingCookie: SecureCookieFormat {
    var serializationMethod: any SerializationMethod { MigratingSerializationMethod(reading: DigitsCodec(), writing: PrefixedCodec()) }
    var hashMethod: HashMethod { .sha256 }
    var legacyHashMethods: [HashMethod] { [.insecureSHA1] }
    var reissuePolicy: ReissuePolicy = .migrate
}

@Suite struct MigrationTests {
    static let legacyCookie = "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="  // Werkzeug JSON, SHA-1, key k

    @Test func legacyCookiesReadAndAskToBeReissued() throws {
        let cookie = try SecureCookie.unserialize(Self.legacyCookie, secretKeys: ["new", "k"], format: MigratingCookie())
        #expect(cookie.data == ["a": 1, "b": 2])
        #expect(cookie.reissueReasons == [.legacyCodec, .legacyHash, .rotatedKey])
        #expect(cookie.shouldSave)
        #expect(!cookie.isModified)
    }

    @Test func reissuedCookiesAreCurrentAndWrittenOnlyWithTheNewCodec() throws {
        var cookie = try SecureCookie.unserialize(Self.legacyCookie, secretKeys: ["new", "k"], format: MigratingCookie())
        let reissued = try cookie.serialize()
        let items = try SecureCookie.unverifiedItems(of: reissued, format: MigratingCookie())
        #expect(items.allSatisfy { $0.value.starts(with: Array("v2:".utf8)) })
        let again = try SecureCookie.unserialize(reissued, secretKeys: ["new", "k"], format: MigratingCookie())
        #expect(again.reissueReasons.isEmpty)
        #expect(!again.shouldSave)
        #expect(again.data == cookie.data)
    }

    @Test func withoutAMigratingPolicyNothingIsSavedUnlessModified() throws {
        var format = MigratingCookie()
        format.reissuePolicy = .never
        let cookie = try SecureCookie.unserialize(Self.legacyCookie, secretKeys: ["k"], format: format)
        #expect(cookie.reissueReasons.contains(.legacyCodec))
        #expect(!cookie.shouldSave)
    }

    @Test func cookiesNearExpiryAreRenewed() throws {
        var writer = SecureCookie(["a": 1], secretKey: "k", format: DigitsCookie(hashMethod: .sha256))
        let text = try writer.serialize(expires: 1000)
        let format = MigratingCookie(reissuePolicy: ReissuePolicy(reissuesOutdatedCookies: true, renewalWindow: 100))
        let early = try SecureCookie.unserialize(text, secretKey: "k", format: format, now: 800)
        #expect(early.reissueReasons.contains(.legacyCodec))
        #expect(!early.reissueReasons.contains(.nearExpiry))
        #expect(early.sessionExpiry == 1000)
        let late = try SecureCookie.unserialize(text, secretKey: "k", format: format, now: 950)
        #expect(late.reissueReasons.contains(.nearExpiry))
    }

    @Test func aValueNeitherCodecReadsIsAnError() throws {
        let codec = MigratingSerializationMethod(reading: DigitsCodec(), writing: PrefixedCodec())
        let error = #expect(throws: SecureCookieError.self) { try codec.loads(Array("?!".utf8)) }
        #expect(error?.kind == .undecodable)
        #expect(try codec.loads(Array("v2:7".utf8)) == 7)
        #expect(try codec.loads(Array("7".utf8)) == 7)
        #expect(codec.name == "digits>v2")
    }
}
