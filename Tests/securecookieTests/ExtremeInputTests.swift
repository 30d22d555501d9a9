import Foundation
import SecureCookie
import SecureCookieJSON
import Testing

/// The tool on extreme clocks, expiries and values: usage errors (exit 64) or error lines, never a trap.
@Suite struct ExtremeInputTests {
    @Test(
        "--now and --expires outside years 1...9999, NaN or infinite are usage errors",
        arguments: [
            "nan", "NaN", "inf", "-inf", "infinity", "1e300", "-1e300", "253402300800", "-62135596801", "x",
        ])
    func badTimes(_ text: String) {
        #expect(InProcess.exitCode(["decode", "--secret", "k", "--now", text, "c"]) == 64)
        #expect(InProcess.exitCode(["migrate", "--from-codec", "json", "--to-codec", "json", "--from-secret", "k", "--now", text]) == 64)
        #expect(InProcess.exitCode(["encode", "--secret", "k", "--expires", text]) == 64)
    }

    @Test("the edges of the range are accepted")
    func edgeTimes() {
        #expect(InProcess.exitCode(["decode", "--secret", "k", "--now", "253402300799.5", "c"]) == 0)
        #expect(InProcess.exitCode(["encode", "--secret", "k", "--expires=-62135596800"]) == 0)
    }

    /// A JSON cookie signed with `k` holding `data`.
    static func cookie(_ data: PythonDict) throws -> String {
        var cookie = SecureCookie(
            data, secretKeys: ["k"], format: CookieFormat(serializationMethod: JSONSerializationMethod(), hashMethod: .insecureSHA1))
        return try cookie.serialize()
    }

    @Test("a cookie whose _expires is 1e200, NaN or -1e200: decoded as Werkzeug decides, no trap")
    func farExpiries() throws {
        let far = try Self.cookie(PythonDict([(.str("a"), .int(1)), (.str("_expires"), .float(1e200))]))
        let valid = try InProcess.run(["decode", "--secret", "k", "--now", "253402300799", far])
        #expect(valid.status == 0 && valid.lines == [#"{"a": 1}"#])
        let past = try Self.cookie(PythonDict([(.str("a"), .int(1)), (.str("_expires"), .float(-1e200))]))
        let expired = try InProcess.run(["decode", "--secret", "k", "--now", "0", past])
        #expect(expired.status == 1 && expired.lines[0].contains(#""$error": "expired""#))
        let nan = try Self.cookie(PythonDict([(.str("_expires"), .float(.nan))]))
        #expect(try InProcess.run(["decode", "--secret", "k", "--now", "0", nan]).status == 0)
        let truth = try Self.cookie(PythonDict([(.str("_expires"), .bool(true))]))
        #expect(try InProcess.run(["decode", "--secret", "k", "--now", "2", truth]).status == 1)
    }

    @Test("decode prints an error line, not 5000 digits, for a 5000-digit int")
    func hugeIntegerIsAnErrorLine() throws {
        // A JSON cookie cannot hold one (4300 digits at most), so a tagged-JSON codec writes it.
        let digits = "1" + String(repeating: "0", count: 4999)
        let huge = try #require(PythonBigInt(decimal: String(digits.prefix(4300))))
        let tooLong = PythonValue.integer(huge.shiftedForTests(by: 2400))
        #expect(throws: SecureCookieError.self) { try TaggedJSON.encode(tooLong) }
        var buffer = OutputBuffer(capacity: 16)
        #expect(throws: SecureCookieError.self) { try TaggedJSON.encode(.dict(PythonDict([(.str("a"), tooLong)])), appendingTo: &buffer) }
        #expect(buffer.count == 0)
    }

    @Test("decode writes one line per cookie whatever line separators a value holds")
    func lineSeparators() throws {
        let separators = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        var data = PythonDict()
        for (index, separator) in separators.enumerated() { data[.str("k\(index)\(separator)")] = .str("v\(separator)w") }
        let cookie = try Self.cookie(data)
        let run = try InProcess.run(["decode", "--secret", "k"], input: [cookie, cookie])
        #expect(run.status == 0)
        #expect(run.lines.count == 2)
        for line in run.lines {
            #expect(!line.unicodeScalars.contains { separators.joined().unicodeScalars.contains($0) })
            #expect(try TaggedJSON.decode(line) == .dict(data))
        }
    }

    @Test("error lines never repeat a value's content: an invalid literal, a tag name")
    func errorLinesCarryNoInput() throws {
        let marker = "MRKq7"
        let lines = [
            #"{"$\#(marker)": 1}"#, #"{"a": {"$int": "\#(marker)"}}"#, #"{"\#(marker)": \#(marker)}"#, #"{"a": {"$date": "\#(marker)"}}"#,
        ]
        let run = try InProcess.run(["encode", "--secret", "k"], input: lines)
        #expect(run.lines.count == lines.count)
        for line in run.lines { #expect(!line.contains(marker), "\(line)") }
        #expect(!run.errors.contains(marker))
    }
}

extension PythonBigInt {
    /// `self << bits`, built from bytes so that the test does not depend on the type's internals.
    fileprivate func shiftedForTests(by bits: Int) -> PythonBigInt {
        var bytes = twosComplementLittleEndian
        bytes.insert(contentsOf: [UInt8](repeating: 0, count: bits / 8), at: 0)
        return PythonBigInt(twosComplementLittleEndian: bytes)
    }
}
