import SecureCookie
import SecureCookieTestKit
import Testing

/// HMAC keys of a hash's block size and longer (HMAC hashes a key longer than a block first), for every
/// hash: cookies `{"a": 1}` (JSON) written by Werkzeug 0.16.1 with the key bytes `(7i + 3) mod 256`.
@Suite struct LongKeyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let hash: HashMethod
        let keyLength: Int
        let cookie: String
        var testDescription: String { "\(hash) with a \(keyLength)-byte key" }
    }

    static let cases: [Case] = [
        Case(hash: .insecureMD5, keyLength: 64, cookie: "p4F30uf1OLWWcrQVUHZNmg==?a=MQ=="),
        Case(hash: .insecureMD5, keyLength: 65, cookie: "9M6DHueNem2VBq+qAASqZg==?a=MQ=="),
        Case(hash: .insecureMD5, keyLength: 192, cookie: "yDbsRglfh7suGaRC13evQg==?a=MQ=="),
        Case(hash: .insecureSHA1, keyLength: 64, cookie: "93/BahXvFMzjVKpsgiqjwt9LsHs=?a=MQ=="),
        Case(hash: .insecureSHA1, keyLength: 65, cookie: "HfQpqQwRSwma6VoZBFJmELIfO6A=?a=MQ=="),
        Case(hash: .insecureSHA1, keyLength: 192, cookie: "Gh9FvCh1fa6mF+CLwtqZ0Q0zMes=?a=MQ=="),
        Case(hash: .sha256, keyLength: 64, cookie: "jTJT3+8pj6P6y61zOsrL9navO2LyaNWf7FYeKnYlTP4=?a=MQ=="),
        Case(hash: .sha256, keyLength: 65, cookie: "DDceklexKOaZHmbIVpbmFqD5ugeGbmBxQLu6JjH4dYo=?a=MQ=="),
        Case(hash: .sha256, keyLength: 192, cookie: "C7DA2Px7NwroHgmcHBJ2zyEuHO88cqyxezq1q6xq3zg=?a=MQ=="),
        Case(hash: .sha384, keyLength: 128, cookie: "ZFQlOkjMoAcBfpvcu8Cl/zQ+UH5+Fia1ojhkDRXwdO1F0wV5t18MJ247PU+EHRZ7?a=MQ=="),
        Case(hash: .sha384, keyLength: 129, cookie: "qRsNcFQSnW2K3FIRFXiEbFobl1TdSi2ulOO4LqXJcb92v4nSsTe54r4BjTPKjRys?a=MQ=="),
        Case(hash: .sha384, keyLength: 384, cookie: "07++/A7TQ3rJRYVTgu/9I5KhotKM87yDnKHoU/7AjMQp4JQ/ZxenW2u1YaHHwY3Q?a=MQ=="),
        Case(
            hash: .sha512, keyLength: 128,
            cookie: "EPBppxXZuDquwOnOS48KF+Zv+L4KyIMqzdqL46ydY3ol9j/AYqG4zIMA0Q35HVON0BkjCOkUQBdVPqYP3KNLPg==?a=MQ=="),
        Case(
            hash: .sha512, keyLength: 129,
            cookie: "RFFzhwMCDKGOy8zzRmqZGU04WJHJLak1+oLAvSNrAfRLIG5wNpBb5VCKdHXbBXCG87F6fUwsC/KtLEFoajOkWQ==?a=MQ=="),
        Case(
            hash: .sha512, keyLength: 384,
            cookie: "i5zHfgbe6zhbNH7wzhjmtuIXVgZAhH/21ZSjOqx5n/CFX+P3Qyc124vp3FKhCeVPHU7E+U0sNOCioK7wABt3ug==?a=MQ=="),
    ]

    @Test(arguments: cases)
    func signsAndVerifiesAsWerkzeug(_ fixture: Case) throws {
        let key = SecretKey(bytes: (0..<fixture.keyLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let format = DigitsCookie(hashMethod: fixture.hash)
        var cookie = SecureCookie(["a": 1], secretKey: key, format: format)
        #expect(try cookie.serialize() == fixture.cookie)
        let read = try SecureCookie.unserialize(fixture.cookie, secretKey: key, format: format)
        #expect(read.data == ["a": 1])
        #expect(read.verification?.hashMethod == fixture.hash)
    }
}

/// Werkzeug's `quote` and `unquote`: `SecureCookie.quote(1)` is `MQ==` for a JSON-shaped codec.
@Suite struct QuotingTests {
    @Test func quoteAndUnquoteAreTheValueForm() throws {
        let format = DigitsCookie()
        #expect(try format.quote(1) == "MQ==")
        #expect(try format.unquote("MQ==") == 1)
        #expect(throws: SecureCookieError(.undecodable, "")) { try format.unquote("M Q") }
    }
}
