import Foundation
import Testing

@testable import SecureCookie
@testable import SecureCookieCodable

/// Encoding then decoding gives back the original, for the shapes a session type uses.
@Suite struct CodableRoundTripTests {
    struct Session: Codable, Equatable {
        enum Role: String, Codable { case admin, guest }
        struct Preferences: Codable, Equatable {
            var theme: String
            var fontScale: Float
        }
        var userID: UInt64
        var roles: Set<Role>
        var preferences: Preferences
        var visits: [Int: Int]
        var lastSeen: Date
        var avatar: Data?
        var balance: Decimal
        var tags: [String: [String]]
        var home: URL
    }

    static let sample = Session(
        userID: .max,
        roles: [.admin, .guest],
        preferences: .init(theme: "dark", fontScale: 1.25),
        visits: [2024: 3, 2025: 1],
        lastSeen: Date(timeIntervalSince1970: 1_704_164_645.25),
        avatar: Data([0x89, 0x50, 0x4E, 0x47]),
        balance: Decimal(string: "12.34", locale: nil) ?? 0,
        tags: ["a": ["x", "y"], "b": []],
        home: URL(string: "https://example.com/u/42") ?? URL(fileURLWithPath: "/")
    )

    @Test(arguments: [
        PythonValueEncoder(), PythonValueEncoder(dateStrategy: .datetime),
        PythonValueEncoder(dataStrategy: .base64), PythonValueEncoder(dateStrategy: .datetime, dataStrategy: .base64),
    ])
    func roundTrips(encoder: PythonValueEncoder) throws {
        let value = try encoder.encode(Self.sample)
        let decoded = try PythonValueDecoder(dataStrategy: encoder.dataStrategy).decode(Session.self, from: value)
        #expect(decoded == Self.sample)
    }

    @Test func integerKeyedDictionaryIsWrittenWithStrKeys() throws {
        // Keyed containers always write str keys (as JSONEncoder does); they read back as Int keys.
        let value = try PythonValueEncoder().encode([7: "seven"])
        #expect(value == ["7": "seven"])
        #expect(try value.decode(as: [Int: String].self) == [7: "seven"])
    }

    @Test(arguments: [Int.min, -1, 0, 1, Int.max])
    func integers(value: Int) throws {
        #expect(try PythonValue(encoding: value).decode(as: Int.self) == value)
    }

    /// Python: 2**127 - 1 == 170141183460469231731687303715884105727, -2**127 == -170141183460469231731687303715884105728,
    /// 2**128 - 1 == 340282366920938463463374607431768211455.
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    @Test func wideIntegers() throws {
        struct Wide: Codable, Equatable {
            var high: Int128
            var low: Int128
            var unsigned: UInt128
            var small: Int128
            var list: [UInt128]
        }
        let wide = Wide(high: .max, low: .min, unsigned: .max, small: -3, list: [1, .max])
        let value = try PythonValue(encoding: wide)
        let dict = try #require(value.dictValue)
        guard case .bigInt(let high) = dict["high"], case .bigInt(let low) = dict["low"], case .bigInt(let unsigned) = dict["unsigned"]
        else {
            Issue.record("wide integers are not big ints: \(value)")
            return
        }
        #expect(high.description == "170141183460469231731687303715884105727")
        #expect(low.description == "-170141183460469231731687303715884105728")
        #expect(unsigned.description == "340282366920938463463374607431768211455")
        #expect(dict["small"] == .int(-3))
        #expect(try value.decode(as: Wide.self) == wide)
        // Python: 2**128 does not fit in a UInt128.
        let tooWide = try #require(PythonBigInt(decimal: "340282366920938463463374607431768211456"))
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.bigInt(tooWide).decode(as: UInt128.self) }
        #expect(throws: SecureCookieError.undecodable("")) { try PythonValue.int(-1).decode(as: UInt128.self) }
    }

    @Test(arguments: [0.0, -0.0, 0.1, 1e300, -Double.leastNonzeroMagnitude, .infinity])
    func doubles(value: Double) throws {
        let decoded = try PythonValue(encoding: value).decode(as: Double.self)
        #expect(decoded == value)
        #expect(decoded.sign == value.sign)
    }

    @Test(arguments: ["", "Zoë", "e\u{301}", "\u{1F600}", "\0"])
    func strings(value: String) throws {
        let encoded = try PythonValue(encoding: value)
        #expect(encoded == .str(value))
        #expect(try encoded.decode(as: String.self).utf8.elementsEqual(value.utf8))
    }
}
