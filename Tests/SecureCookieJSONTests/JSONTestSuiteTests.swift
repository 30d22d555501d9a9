import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

/// nst/JSONTestSuite `test_parsing` (318 files, `Fixtures/conformance/JSONTestSuite`), read through the
/// codec with the default limits, against what CPython 3.11's `json.loads(bytes)` does with each file
/// (`Fixtures/json/jsontestsuite-python.jsonl`, made by `Fixtures/json/make_jsontestsuite_outcomes.py`).
@Suite struct JSONTestSuiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let python: String
        let tagged: String?
        var testDescription: String { file }
    }

    static let folder = TestPaths.conformance.appendingPathComponent("JSONTestSuite/test_parsing")

    static func escapingLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{85}", with: "\\u0085").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    static let cases: [Case] = JSONFixtures.records("jsontestsuite-python.jsonl").compactMap { record in
        guard let file = record["file"]?.stringValue, let python = record["python"]?.stringValue else { return nil }
        // Python's json.dumps(ensure_ascii=False) writes U+0085, U+2028 and U+2029 raw; tagged JSON escapes
        // them (one line for str.splitlines()), so the fixture's text is compared with them escaped.
        return Case(file: file, python: python, tagged: record["tagged"]?.stringValue.map(Self.escapingLineBreaks))
    }

    /// `n_` files Python's `json.loads` accepts, and so does this codec: Python's `NaN` and `Infinity` extension.
    static let acceptedLikePython: Set<String> = [
        "n_number_NaN.json", "n_number_infinity.json", "n_number_minus_infinity.json",
    ]

    /// Python loads these but this codec, with its default limits, does not: the depth limit (100).
    static let refusedByDefaultLimits: Set<String> = ["i_structure_500_nested_arrays.json"]

    static func load(_ file: String, limits: SecureCookieLimits = .default) -> Result<PythonValue, SecureCookieError> {
        let bytes: [UInt8]
        do {
            bytes = try TestPaths.bytes(folder.appendingPathComponent(file))
        } catch {
            return .failure(SecureCookieError.malformed("\(error)"))
        }
        return outcome { try JSONSerializationMethod().loads(bytes[...], limits: limits) }
    }

    @Test func everyFileHasAPythonOutcome() throws {
        let files = try TestPaths.contentsOfDirectory(Self.folder).filter { $0.hasSuffix(".json") }
        #expect(files.count == 318)
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test(arguments: cases)
    func matchesPython(_ testCase: Case) throws {
        let result = Self.load(testCase.file)
        switch testCase.python {
        case "ok" where Self.refusedByDefaultLimits.contains(testCase.file):
            guard case .failure(let error) = result else {
                Issue.record("loaded past the depth limit")
                return
            }
            #expect(error.limit == .depth)
            // With Python's own bound instead, it loads to Python's value.
            let relaxed = Self.load(testCase.file, limits: SecureCookieLimits(maximumDepth: 1000))
            #expect(try TaggedJSON.text(relaxed.get()) == testCase.tagged)
        case "ok":
            #expect(try TaggedJSON.text(result.get()) == testCase.tagged)
        case "lone_surrogate":
            guard case .failure(let error) = result else {
                Issue.record("loaded a lone surrogate")
                return
            }
            #expect(error.kind == .undecodable && error.reason.contains("surrogate"), "\(error)")
        case "RecursionError":
            // Python runs out of recursion; here the size or depth limit stops it first.
            guard case .failure(let error) = result else {
                Issue.record("loaded what Python could not")
                return
            }
            #expect(error.limit == .valueBytes || error.limit == .depth, "\(error)")
        default:
            // JSONDecodeError, UnicodeDecodeError.
            guard case .failure(let error) = result else {
                Issue.record("loaded what Python refuses with \(testCase.python)")
                return
            }
            #expect(error.kind == .undecodable, "\(error)")
        }
    }

    /// The suite's own verdicts, with the deliberate deviations listed above.
    @Test func suiteVerdicts() {
        var yLoaded = 0
        var yTotal = 0
        var nRejected = 0
        var nTotal = 0
        var iLoaded = 0
        var iTotal = 0
        var nAccepted: Set<String> = []
        for testCase in Self.cases {
            let loaded = (try? Self.load(testCase.file).get()) != nil
            switch testCase.file.prefix(2) {
            case "y_":
                yTotal += 1
                if loaded { yLoaded += 1 } else { Issue.record("y_ file refused: \(testCase.file)") }
            case "n_":
                nTotal += 1
                if loaded { nAccepted.insert(testCase.file) } else { nRejected += 1 }
            default:
                iTotal += 1
                if loaded { iLoaded += 1 }
            }
        }
        #expect(yTotal == 95 && yLoaded == 95)
        #expect(nTotal == 188 && nRejected == 185)
        #expect(nAccepted == Self.acceptedLikePython)
        // i_: 14 load (big and tiny numbers, UTF-16 with and without BOM, UTF-8 BOM); 21 are refused:
        // 11 lone surrogates, 9 invalid UTF-8 (as Python), 1 past the default depth limit.
        #expect(iTotal == 35 && iLoaded == 14)
    }
}
