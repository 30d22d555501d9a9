import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// `json.dumps(value)` byte for byte: `Fixtures/json/dumps-cases.jsonl`, made by
/// `Fixtures/json/make_dumps_cases.py` with CPython 3.11.
@Suite struct JSONDumpsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let dumps: String?
        let error: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = JSONFixtures.records("dumps-cases.jsonl").compactMap { record in
        guard let name = record["name"]?.stringValue, let input = record["input"]?.stringValue else { return nil }
        return Case(name: name, input: input, dumps: record["dumps"]?.stringValue, error: record["error"]?.stringValue)
    }

    @Test func fixtureIsComplete() {
        #expect(Self.cases.count == 84)
        #expect(Self.cases.filter { $0.error != nil }.count == 16)
    }

    @Test(arguments: cases)
    func matchesPython(_ testCase: Case) throws {
        let value = try TaggedJSON.decode(testCase.input)
        let result = outcome { try JSONSerializationMethod().dumps(value) }
        if let dumps = testCase.dumps {
            #expect(try result.get() == Array(dumps.utf8))
        } else {
            // Python raised TypeError ("Object of type ... is not JSON serializable" or "keys must be ...").
            #expect(testCase.error == "TypeError")
            guard case .failure(let error) = result else {
                Issue.record("wrote a value json.dumps refuses")
                return
            }
            #expect(error.kind == .unrepresentable)
        }
    }

    @Test func namesTheRefusedType() throws {
        #expect(throws: SecureCookieError.unrepresentable("")) { try JSONSerializationMethod().dumps(["a": [.bytes([1])]]) }
        do {
            _ = try JSONSerializationMethod().dumps(.set([1]))
        } catch let error as SecureCookieError {
            #expect(error.reason.contains("set"))
        }
        do {
            _ = try JSONSerializationMethod().dumps(.dict(PythonDict([(.tuple([1]), 1)])))
        } catch let error as SecureCookieError {
            #expect(error.reason.contains("tuple"))
        }
    }

    /// Python 3.11: `json.dumps(10**4300)` raises ValueError (int max str digits), as a dict key too:
    /// a limit error, as reading a 4301-digit number is.
    @Test func refusesIntegersPythonWillNotPrint() throws {
        // 2**14400 has 4335 decimal digits.
        let huge = PythonValue.integer(PythonBigInt(twosComplementLittleEndian: [UInt8](repeating: 0, count: 1800) + [1]))
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) { try JSONSerializationMethod().dumps(huge) }
        #expect(throws: SecureCookieError.limitExceeded(.integerDigits, "")) {
            try JSONSerializationMethod().dumps(.dict(PythonDict([(huge, PythonValue.int(1))])))
        }
        // 10**4299 (4300 digits) is printed.
        let digits = "1" + String(repeating: "0", count: 4299)
        let fine = try #require(PythonBigInt(decimal: digits))
        #expect(try JSONSerializationMethod().dumps(.integer(fine)) == Array(digits.utf8))
    }

    /// CPython's encoder recurses per level and fails near 995; the writer stops at 900 so Python can read what it writes.
    @Test func boundsNesting() throws {
        func nested(_ depth: Int) -> PythonValue { (0..<depth).reduce(PythonValue.list([])) { inner, _ in .list([inner]) } }
        let written = try JSONSerializationMethod().dumps(nested(899))
        #expect(written == Array((String(repeating: "[", count: 900) + String(repeating: "]", count: 900)).utf8))
        #expect(throws: SecureCookieError.unrepresentable("")) { try JSONSerializationMethod().dumps(nested(900)) }
    }
}
