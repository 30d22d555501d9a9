import Foundation
import SecureCookieJSON
import Testing

@testable import SecureCookie
@testable import SecureCookieCodable

/// A codable session stored in, and read from, a real signed cookie.
@Suite struct CodableSecureCookieTests {
    /// A codec for these tests only: values as tagged JSON, which keeps every Python type.
    struct TaggedJSONMethod: SerializationMethod {
        var name: String { "tagged-json" }
        func dumps(_ value: PythonValue) throws -> [UInt8] { Array(try TaggedJSON.encode(value).utf8) }
        func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
            try TaggedJSON.decode(String(decoding: bytes, as: UTF8.self), limits: limits)
        }
    }

    struct Format: SecureCookieFormat {
        var serializationMethod: any SerializationMethod { TaggedJSONMethod() }
    }

    struct Session: Codable, Equatable {
        var userID: Int
        var roles: [String]
        var nickname: String?
        var lastSeen: Date
    }

    let session = Session(userID: 42, roles: ["admin", "ops"], nickname: "ada", lastSeen: Date(timeIntervalSince1970: 1_700_000_000.5))

    @Test func sessionSurvivesSerializeAndUnserialize() throws {
        var cookie = try SecureCookie(encoding: session, secretKey: "s3cret", format: Format())
        #expect(cookie.isNew)
        #expect(cookie.keys == ["userID", "roles", "nickname", "lastSeen"])
        #expect(cookie["roles"] == ["admin", "ops"])
        let text = try cookie.serialize()
        let read = try SecureCookie.unserialize(text, secretKey: "s3cret", format: Format(), now: 1_700_000_000)
        #expect(try read.decode(as: Session.self) == session)
        // A wrong key never reaches the decoder.
        #expect(throws: SecureCookieError.badSignature("")) {
            try SecureCookie.unserialize(text, secretKey: "other", format: Format(), now: 1_700_000_000)
        }
    }

    @Test func storeMarksModifiedOnlyOnChange() throws {
        var original = try SecureCookie(encoding: session, secretKey: "k", format: Format())
        var cookie = try SecureCookie.unserialize(try original.serialize(), secretKey: "k", format: Format(), now: 0)
        #expect(!cookie.isModified)
        try cookie.store(session)
        #expect(!cookie.isModified)
        #expect(!cookie.shouldSave)

        var changed = session
        changed.nickname = nil
        changed.roles.append("audit")
        try cookie.store(changed)
        #expect(cookie.isModified)
        #expect(cookie["nickname"] == nil)
        #expect(!cookie.keys.contains("nickname"))
        #expect(cookie["roles"] == ["admin", "ops", "audit"])
        #expect(try cookie.decode(as: Session.self) == changed)
    }

    @Test func extraItemsAreIgnoredWhenDecodingButReplacedWhenStoring() throws {
        var cookie = try SecureCookie(encoding: session, secretKey: "k", format: Format())
        cookie["csrf"] = "token"
        #expect(try cookie.decode(as: Session.self) == session)
        try cookie.store(session)
        #expect(cookie["csrf"] == nil)
    }

    @Test func aValueThatIsNotADictCannotBeACookie() {
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie(encoding: [1, 2], secretKey: "k", format: Format())
        }
        #expect(error?.kind == .unrepresentable)
        #expect(error?.reason.contains("list") == true)
    }

    @Test func wrongShapeNamesTheItem() throws {
        var cookie = try SecureCookie(encoding: session, secretKey: "k", format: Format())
        cookie["userID"] = "forty-two"
        let error = try #require(throws: SecureCookieError.self) { try cookie.decode(as: Session.self) }
        #expect(error.kind == .undecodable)
        #expect(error.reason == "at userID: expected int, found str")
    }
}
