import Foundation
import SecureCookieCodable
import SecureCookieJSON
import Testing

@testable import SecureCookie

/// Tagged JSON is one line for a Python reader, and errors never repeat what a value holds.
@Suite struct OutputHygieneTests {
    /// Every character Python's `str.splitlines()` splits on.
    static let lineBreaks: [Unicode.Scalar] = [
        "\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}",
    ]

    @Test("tagged JSON escapes every str.splitlines() separator, in strings and keys, and reads them back")
    func lineBreaksEscaped() throws {
        for scalar in Self.lineBreaks {
            let text = "a" + String(Character(scalar)) + "é"
            let value: PythonValue = .dict(PythonDict([(.str(text), .list([.str(text), .tuple([.str(text)])]))]))
            let line = try TaggedJSON.encode(value)
            #expect(!line.unicodeScalars.contains { Self.lineBreaks.contains($0) }, "U+\(String(scalar.value, radix: 16))")
            #expect(line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count == 1)
            #expect(try TaggedJSON.decode(line) == value)
        }
        #expect(try TaggedJSON.encode(.str("\u{2028}\u{2029}\u{85}")) == #""\u2028\u2029\u0085""#)
        // Other non-ASCII stays UTF-8, as json.dumps(ensure_ascii=False) writes it; U+007F too.
        #expect(try TaggedJSON.encode(.str("é€😀\u{7F}\u{2027}\u{202A}\u{84}\u{86}")) == "\"é€😀\u{7F}\u{2027}\u{202A}\u{84}\u{86}\"")
        // The JSON codec's writer is ensure_ascii=True: everything outside ASCII is escaped already.
        #expect(String(decoding: try JSONText.write(.str("\u{2028}\u{85}é")), as: UTF8.self) == #""\u2028\u0085\u00e9""#)
    }

    static let marker = "MRKq7"

    /// Inputs carrying the marker in every place an error could be made of.
    static var hostileTaggedJSON: [String] {
        let m = marker
        return [
            #"{"$\#(m)": 1}"#, #"{"$\#(m)": 1, "b": 2}"#, #"{"$int": "\#(m)"}"#, #"{"$int": "1\#(m)"}"#,
            #"{"\#(m)": {"$bytes": "\#(m)!"}}"#, #"{"\#(m)": [{"$datetime": "\#(m)"}]}"#, #"{"\#(m)": {"$date": "\#(m)"}}"#,
            #"{"\#(m)": {"$time": "\#(m)"}}"#, #"{"\#(m)": {"$decimal": "\#(m)"}}"#, #"{"\#(m)": {"$float": "\#(m)"}}"#,
            #"{"\#(m)": {"$timedelta": ["\#(m)", 0, 0]}}"#, #"{"\#(m)": {"$complex": ["\#(m)", 0]}}"#,
            #"{"\#(m)": {"$set": [[1]]}}"#, #"{"\#(m)": {"$dict": [["\#(m)"]]}}"#, #"{"\#(m)": {"$tuple": "\#(m)"}}"#,
            #"{"\#(m)": {"$object": "\#(m)"}}"#, #"{"\#(m)": {"$datetime": "\#(m)", "tzinfo": 1}}"#,
            #"{"\#(m)": \#(m)}"#, #"["\#(m)", \#(m)]"#, #""\#(m)\x""#, #""\#(m)\ud800""#, #"{"\#(m)" 1}"#, #"[1, "\#(m)""#,
            #"{"a": "\#(m)"} \#(m)"#, "\"\(m)\u{01}\"", #"[\#(String(repeating: "[", count: 200))"\#(m)"]"#,
            #"{"\#(m)": \#(String(repeating: "9", count: 4301))}"#,
        ]
    }

    @Test("errors from tagged JSON and the JSON reader never repeat a value's text")
    func taggedJSONErrorsCarryNoInput() {
        for input in Self.hostileTaggedJSON {
            do {
                _ = try TaggedJSON.decode(input)
                Issue.record("accepted: \(input)")
            } catch {
                #expect(!"\(error)".contains(Self.marker), "\(error)")
                #expect(error is SecureCookieError)
            }
            do {
                _ = try JSONText.parse(Array((input + "\u{01}").utf8))
            } catch {
                #expect(!"\(error)".contains(Self.marker), "\(error)")
            }
        }
    }

    enum Role: String, Codable { case admin }
    struct Session: Codable {
        var role: Role
        var counts: [String: Int]
    }

    @Test("Codable errors name the application's keys and types, never a dict key or raw value from the cookie")
    func codableErrorsCarryNoInput() throws {
        let m = Self.marker
        let values: [PythonValue] = [
            .dict(PythonDict([(.str("role"), .str(m)), (.str("counts"), .dict(PythonDict()))])),
            .dict(PythonDict([(.str("role"), .str("admin")), (.str("counts"), .dict(PythonDict([(.str(m), .str(m))])))])),
            .dict(PythonDict([(.str("role"), .str("admin")), (.str("counts"), .dict(PythonDict([(.str(m), .float(1e300))])))])),
        ]
        for value in values {
            do {
                _ = try PythonValueDecoder().decode(Session.self, from: value)
                Issue.record("decoded")
            } catch {
                #expect(!"\(error)".contains(m), "\(error)")
            }
        }
    }

    struct Failing: SerializationMethod {
        struct Leaky: Error, CustomStringConvertible { var description: String { "leaked \(OutputHygieneTests.marker)" } }
        var name: String { "failing" }
        func dumps(_ value: PythonValue) throws -> [UInt8] { Array("x".utf8) }
        func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue { throw Leaky() }
    }

    struct FailingFormat: SecureCookieFormat {
        var serializationMethod: any SerializationMethod { Failing() }
    }

    @Test("a codec's own error text is not repeated by unserialize")
    func foreignCodecErrors() throws {
        var cookie = SecureCookie(["a": 1], secretKey: "k", format: FailingFormat())
        let value = try cookie.serialize()
        do {
            _ = try SecureCookie.unserialize(value, secretKey: "k", format: FailingFormat())
            Issue.record("decoded")
        } catch {
            #expect(!"\(error)".contains(Self.marker), "\(error)")
        }
    }
}
