import Foundation
import SecureCookieTestKit
import Testing

/// The test data is part of the repository: every file the conformance suites read, each suite's
/// upstream license and the README that names its origin. A missing one fails here by its path
/// (and in the suite that reads it), never as a crash.
@Suite struct TestDataTests {
    /// What the suites read, relative to the package root.
    static let conformanceData = [
        "Fixtures/conformance/README.md",
        "Fixtures/conformance/JSONTestSuite/LICENSE",
        "Fixtures/conformance/JSONTestSuite/test_parsing/y_structure_lonely_null.json",
        "Fixtures/conformance/msgpack-test-suite/LICENSE",
        "Fixtures/conformance/msgpack-test-suite/msgpack-test-suite.json",
        "Fixtures/conformance/pickletester/PSF-LICENSE",
        "Fixtures/conformance/pickletester/data_manifest.jsonl",
        "Fixtures/conformance/pickletester/create_data.expected.json",
        "Fixtures/conformance/pickletester/good/manifest.jsonl",
        "Fixtures/conformance/pickletester/bad/manifest.jsonl",
        "Fixtures/conformance/py2/cpython-datetimetester/PSF-LICENSE",
        "Fixtures/conformance/py2/cpython-datetimetester/manifest.jsonl",
        "Fixtures/conformance/py2/serde-pickle/LICENSE-MIT",
        "Fixtures/conformance/py2/serde-pickle/LICENSE-APACHE",
        "Fixtures/conformance/py2/serde-pickle/manifest.jsonl",
        "Fixtures/conformance/py2/generated-py27/manifest.jsonl",
        "Fixtures/conformance/yaml-test-suite/License",
        "Fixtures/conformance/yaml-test-suite/manifest.jsonl",
    ]

    @Test func conformanceDataIsInTheRepository() {
        #expect(TestPaths.missing(Self.conformanceData) == [])
    }

    /// As many files as the conformance README says each suite has.
    @Test(arguments: [
        ("JSONTestSuite/test_parsing", ".json", 318), ("pickletester/good", ".pickle", 118), ("pickletester/bad", ".pickle", 239),
        ("py2/cpython-datetimetester", ".pickle", 18), ("py2/serde-pickle", ".pickle", 16), ("py2/generated-py27", ".pickle", 408),
    ])
    func suiteHasItsFiles(_ folder: String, _ suffix: String, _ count: Int) throws {
        let names = try TestPaths.contentsOfDirectory(TestPaths.conformance.appendingPathComponent(folder))
        #expect(names.filter { $0.hasSuffix(suffix) }.count == count, "Fixtures/conformance/\(folder)")
    }

    @Test func yamlTestSuiteHasItsCases() throws {
        let suite = TestPaths.conformance.appendingPathComponent("yaml-test-suite")
        let cases = try TestPaths.contentsOfDirectory(suite).filter {
            FileManager.default.fileExists(atPath: suite.appendingPathComponent($0).appendingPathComponent("in.yaml").path)
        }
        #expect(cases.count == 402)
    }

    @Test func aMissingFileIsAnErrorNamingItsPath() {
        let url = TestPaths.conformance.appendingPathComponent("no-such-suite/manifest.jsonl")
        #expect(throws: TestDataError.missing("Fixtures/conformance/no-such-suite/manifest.jsonl")) {
            try TestPaths.lines(url)
        }
        #expect(throws: TestDataError.missing("Fixtures/conformance/no-such-suite")) {
            try TestPaths.contentsOfDirectory(url.deletingLastPathComponent())
        }
    }

    @Test func testDataIsFoundInsideThePackage() {
        #expect(TestPaths.relativePath(TestPaths.conformance) == "Fixtures/conformance")
        #expect(FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent("Package.swift").path))
    }
}
