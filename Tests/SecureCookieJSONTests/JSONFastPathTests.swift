import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// The reader's and writer's shortcuts (eight-byte string scanning, floats read without a string,
/// repeated keys shared, each container built at its size) against the plain ways of doing the same.
@Suite struct JSONFastPathTests {
    typealias Generator = SplitMix64

    static func parse(_ text: String) throws -> PythonValue { try JSONText.parse(Array(text.utf8)) }

    static func reason(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as SecureCookieError {
            return error.reason
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Floats

    @Test func randomDecimalsReadAsSwiftReadsThem() throws {
        var generator = Generator(state: 7)
        for _ in 0..<20_000 {
            let digitCount = Int.random(in: 1...22, using: &generator)
            var digits = String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<digitCount { digits += String(Int.random(in: 0...9, using: &generator)) }
            if Bool.random(using: &generator) { digits = "0" }
            let split = Int.random(in: 1...digits.count, using: &generator)
            var text = String(digits.prefix(split))
            if split < digits.count { text += "." + digits.dropFirst(split) }
            if Bool.random(using: &generator) {
                text += (Bool.random(using: &generator) ? "e" : "E") + (["", "+", "-"].randomElement(using: &generator) ?? "")
                text += String(Int.random(in: 0...40, using: &generator))
            } else if split == digits.count {
                text += ".0"
            }
            if Bool.random(using: &generator) { text = "-" + text }
            guard case .float(let read) = try Self.parse(text) else {
                Issue.record("\(text) did not read as a float")
                continue
            }
            let expected = Double(text) ?? .nan
            #expect(read.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test(arguments: [
        "0.0", "-0.0", "0e5", "-0E-5", "1e22", "1e23", "-1e22", "9007199254740992.0", "9007199254740993.0",
        "9007199254740993e-22", "1.0e-22", "1e-23", "123456789012345678901.5", "0.1", "0.30000000000000004",
        "1e0000000000000000000000000000001", "1e-400", "1e400", "-1e400", "4.9e-324", "2.2250738585072014e-308",
        "1732665600.25", "4.99", "00001e1",
    ])
    func edgeFloatsReadAsSwiftReadsThem(_ text: String) throws {
        guard let expected = Double(text) else { return }
        if text.hasPrefix("0000") {
            // Not JSON: a leading zero ends the number.
            #expect(Self.reason(text) != nil)
            return
        }
        guard case .float(let read) = try Self.parse(text) else {
            Issue.record("\(text) did not read as a float")
            return
        }
        #expect(read.bitPattern == expected.bitPattern)
    }

    // MARK: - Strings

    @Test func specialCharactersAtEveryOffset() throws {
        for length in 0..<26 {
            for offset in 0...length {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: length - offset)
                for (escaped, decoded) in [
                    ("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("\\u00e9", "\u{E9}"), ("é", "é"), ("\u{1F600}", "\u{1F600}"),
                    ("\u{7F}", "\u{7F}"),
                ] {
                    let text = "\"" + before + escaped + after + "\""
                    #expect(try Self.parse(text) == .str(before + decoded + after), "\(text)")
                    #expect(try Self.parse("{" + text + ": 1}") == .dict([.str(before + decoded + after): 1]), "\(text)")
                }
                let control = "\"" + before + "\u{1F}" + after + "\""
                #expect(Self.reason(control) == "JSON: invalid control character at offset \(offset + 1)")
                let unterminated = "\"" + before + after
                #expect(Self.reason(unterminated) == "JSON: unterminated string starting at offset 0")
            }
        }
    }

    @Test func invalidUTF8IsReportedForKeysAndValuesAlike() throws {
        for prefix in ["", "abcdefghij"] {
            let bad: [UInt8] = Array("{\"\(prefix)".utf8) + [0xFF] + Array("\": 1, \"\(prefix)".utf8) + [0xFF] + Array("\": 2}".utf8)
            #expect(throws: SecureCookieError.self) { try JSONText.parse(bad, options: .text) }
        }
    }

    // MARK: - Keys

    @Test func repeatedKeysKeepDocumentOrderAndLastValues() throws {
        let value = try Self.parse(#"[{"a": 1, "b": 2, "a": 3}, {"b": 4, "a": 5}, {"A": 6, "\u0041": 7, "ab": 8, "abc": 9}]"#)
        guard case .list(let dicts) = value, dicts.count == 3,
            case .dict(let first) = dicts[0], case .dict(let second) = dicts[1], case .dict(let third) = dicts[2]
        else {
            Issue.record("\(value)")
            return
        }
        #expect(first.orderedKeys == ["a", "b"] && first.orderedValues == [3, 2])
        #expect(second.orderedKeys == ["b", "a"] && second.orderedValues == [4, 5])
        #expect(third.orderedKeys == ["A", "ab", "abc"] && third.orderedValues == [7, 8, 9])
    }

    @Test func manyKeysAndCanonicallyEquivalentKeysStayApart() throws {
        let keys = (0..<40).map { "key\($0 % 20)" }
        let text =
            "["
            + (0..<3).map { _ in "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ") + "}" }
            .joined(separator: ", ") + ", {\"\u{E9}\": 1, \"e\u{301}\": 2}]"
        guard case .list(let dicts) = try Self.parse(text), dicts.count == 4 else {
            Issue.record("not a list of four")
            return
        }
        for dict in dicts.prefix(3) {
            guard case .dict(let dict) = dict else { continue }
            #expect(dict.orderedKeys == (0..<20).map { .str("key\($0)") })
            #expect(dict.orderedValues == (20..<40).map { .int($0) })
        }
        guard case .dict(let accents) = dicts[3] else { return }
        #expect(accents.count == 2)
    }

    // MARK: - Containers

    @Test func nestedContainersKeepTheirContents() throws {
        let text = #"{"a": [1, [2, {"b": [], "c": {}}], [[3]]], "d": {"e": {"f": [4, 5.5, "six", null, true, false]}}, "g": []}"#
        let expected: PythonValue = .dict([
            "a": [1, [2, .dict(["b": [], "c": .dict([:])])], [[3]]],
            "d": .dict(["e": .dict(["f": [4, 5.5, "six", .none, true, false]])]),
            "g": [],
        ])
        #expect(try Self.parse(text) == expected)
        #expect(try JSONText.writeString(try Self.parse(text)) == text)
    }

    // MARK: - Writing strings

    /// The writer's escaping, one scalar at a time.
    static func referenceString(_ string: String, asciiOnly: Bool) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20: out += "\\u" + hex4(value)
            case 0x20...0x7E: out.unicodeScalars.append(scalar)
            default:
                if !asciiOnly {
                    out.unicodeScalars.append(scalar)
                } else if value >= 0x10000 {
                    out += "\\u" + hex4(0xD800 | ((value - 0x10000) >> 10)) + "\\u" + hex4(0xDC00 | ((value - 0x10000) & 0x3FF))
                } else {
                    out += "\\u" + hex4(value)
                }
            }
        }
        return out + "\""
    }

    static func hex4(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    @Test func writtenStringsMatchTheReference() throws {
        var generator = Generator(state: 99)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "/", "\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}",
            "\u{1F}", "\u{7F}", "\u{80}", "\u{E9}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{1F600}", "\u{10FFFF}",
        ]
        for _ in 0..<3_000 {
            var string = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                string.unicodeScalars.append(alphabet.randomElement(using: &generator) ?? "a")
            }
            for asciiOnly in [true, false] {
                let options = JSONText.WriteOptions(asciiOnly: asciiOnly)
                let written = try JSONText.writeString(.str(string), options: options)
                #expect(written == Self.referenceString(string, asciiOnly: asciiOnly), "\(string.unicodeScalars.map(\.value))")
            }
        }
    }
}
