import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// CPython's `Lib/test/pickletester.py` data: DATA0-DATA5, the 118 good and the 239 bad pickles.
@Suite("Pickle reader: CPython pickletester conformance")
struct PickletesterConformanceTests {
    static let dataFiles = [
        "DATA0.pickle", "DATA1.pickle", "DATA2.pickle", "DATA3.pickle", "DATA4.pickle", "DATA5.generated-cpython3.11.pickle",
    ]
    static let good = PickleFixtures.records(
        PickleFixtures.pickletester.appendingPathComponent("good/manifest.jsonl"), label: PickleFixtures.fileLabel)
    static let bad = PickleFixtures.records(
        PickleFixtures.pickletester.appendingPathComponent("bad/manifest.jsonl"), label: PickleFixtures.fileLabel)

    /// The globals the codec builds itself, under the names pickles use.
    /// Text INT and LONG pickles whose verdict in the manifest is pickle.py's, not that of CPython 3.11's
    /// C `_pickle`, which Werkzeug runs: `_pickle` reads INT with `strtol` base-0 rules (a leading 0 is
    /// octal, `0b`/`0o`/`0x` prefixes work) and LONG with `int(text, 0)`, which refuses a leading 0.
    /// Measured with CPython 3.11.7: `python3 -c "import _pickle; print(_pickle.loads(open(F, 'rb').read()))"`
    /// over each file; `nil` is a ValueError.
    static let cPickleVerdicts: [String: Int?] = [
        "good/109.pickle": 8, "good/110.pickle": -8, "good/111.pickle": 8, "good/112.pickle": -8,
        "good/113.pickle": nil, "good/114.pickle": nil, "good/115.pickle": nil, "good/116.pickle": nil,
        "good/117.pickle": nil, "good/118.pickle": nil,
        "bad/141.pickle": 2, "bad/142.pickle": 8, "bad/143.pickle": 16, "bad/144.pickle": 2, "bad/145.pickle": 8,
        "bad/146.pickle": 16,
    ]

    /// Checks a pickle of ``cPickleVerdicts`` against C `_pickle`'s verdict through loads and inspect.
    static func checkCPickleVerdict(_ verdict: Int?, _ bytes: [UInt8]) throws {
        let codec = PickleSerializationMethod.pickle
        if let verdict {
            #expect(try codec.loads(bytes) == .int(verdict))
            #expect(try codec.inspect(bytes[...], limits: .default) == String(verdict))
        } else {
            #expect(throws: SecureCookieError.self) { try codec.loads(bytes) }
            #expect(throws: SecureCookieError.self) { try codec.inspect(bytes[...], limits: .default) }
        }
    }

    static let allowlisted: Set<String> = [
        "builtins.set", "__builtin__.set", "builtins.frozenset", "__builtin__.frozenset", "builtins.bytes",
        "__builtin__.bytes", "builtins.bytearray", "__builtin__.bytearray", "builtins.complex", "__builtin__.complex",
        "builtins.object", "__builtin__.object", "_codecs.encode", "datetime.datetime", "datetime.date", "datetime.time",
        "datetime.timedelta", "datetime.timezone", "decimal.Decimal", "collections.OrderedDict",
        "copyreg._reconstructor", "copy_reg._reconstructor",
    ]

    static func globals(_ record: PickleFixtures.Record) -> [String] {
        guard case .list(let items)? = record["globals"] else { return [] }
        return items.compactMap { if case .str(let name) = $0 { return name } else { return nil } }
    }

    static func data(_ file: String) throws -> [UInt8] {
        try TestPaths.bytes(PickleFixtures.pickletester.appendingPathComponent(file))
    }

    static func createData() throws -> PythonValue {
        let text = try String(
            contentsOf: PickleFixtures.pickletester.appendingPathComponent("create_data.expected.json"), encoding: .utf8)
        return try PickleFixtures.expectedValue(try JSONText.parse(text: text))
    }

    @Test func manifestsArePresent() {
        let folder = TestPaths.relativePath(PickleFixtures.pickletester)
        #expect(TestPaths.missing(["good/manifest.jsonl", "bad/manifest.jsonl"].map { "\(folder)/\($0)" }) == [])
        #expect(Self.good.count == 118)
        #expect(Self.bad.count == 239)
    }

    @Test(arguments: dataFiles)
    func dataIsRefusedNamingMainC(_ file: String) throws {
        let error = try #require(throws: SecureCookieError.self) {
            try PickleSerializationMethod.pickle.loads(try Self.data(file))
        }
        #expect(error.kind == .refused)
        #expect(error.construct == "global __main__.C")
    }

    @Test(arguments: dataFiles)
    func dataLoadsWithMainCRegistered(_ file: String) throws {
        let codec = PickleSerializationMethod(constructors: ["__main__.C": PickleFixtures.objectConstructor])
        let value = try codec.loads(try Self.data(file))
        #expect(PickleFixtures.same(value, try Self.createData()), "got \(TaggedJSON.text(value))")
    }

    @Test(arguments: dataFiles)
    func dataInspectsStructurally(_ file: String) throws {
        let shown = try PickleSerializationMethod.pickle.inspect(try Self.data(file)[...], limits: .default)
        let tree = try JSONText.parse(text: shown)
        guard case .list(let items) = tree else {
            Issue.record("not a list: \(shown)")
            return
        }
        #expect(items.count == 18)
        #expect(PickleFixtures.sameTree(items[3], try JSONText.parse(text: #"{"$complex": [3.0, 0.0]}"#)))
        let how = file.hasPrefix("DATA0") || file.hasPrefix("DATA1") ? "copyreg._reconstructor" : "newobj"
        let object = #"{"$object": {"class": "__main__.C", "how": "\#(how)", "state": {"foo": 1, "bar": 2}}}"#
        let expectedTuple = try JSONText.parse(text: #"{"$tuple": ["abc", "abc", \#(object), \#(object)]}"#)
        #expect(PickleFixtures.sameTree(items[15], expectedTuple), "got \(TaggedJSON.text(items[15]))")
        #expect(PickleFixtures.sameTree(items[16], expectedTuple))
    }

    /// Good pickles load to their value, or are refused naming a global outside the allowlist.
    @Test(arguments: good)
    func goodPickleBehavesAsTheManifestSays(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("good/" + file)
        if let verdict = Self.cPickleVerdicts["good/" + file] { return try Self.checkCPickleVerdict(verdict, bytes) }
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let refusable = Self.globals(record).filter { !Self.allowlisted.contains($0) }
        if refusable.isEmpty {
            let value = try codec.loads(bytes)
            let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
            #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.text(value))")
        } else {
            let error = try #require(throws: SecureCookieError.self) { try codec.loads(bytes) }
            #expect(error.kind == .refused)
            // A global whose name is not a plain dotted ASCII identifier is named only by its length.
            let shown = refusable.map { name in
                name.utf8.allSatisfy { $0 < 0x80 } ? "global " + name : "global of \(name.utf8.count) bytes (not an identifier)"
            }
            #expect(shown.contains(error.construct ?? ""), "\(error)")
        }
    }

    /// Where the manifest gives a value for a non-allowlisted global, registering it loads that value.
    @Test(arguments: good.filter { !$0.bool("expected_unrepresentable") && !PickletesterConformanceTests.globals($0).isEmpty })
    func goodPickleLoadsWithItsClassRegistered(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("good/" + file)
        var codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        for name in Self.globals(record) where !Self.allowlisted.contains(name) {
            if name == "mödule.glöbal" {
                // The test harness installs sys.modules['mödule'] = SimpleNamespace(glöbal=42).
                codec = codec.registering(name) { _ in .int(42) }
            } else if name == "builtins.int" {
                codec = codec.registering(name) { call in call.arguments.first ?? .int(0) }
            } else {
                codec.constructors[name] = PickleFixtures.objectConstructor
            }
        }
        let value = try codec.loads(bytes)
        let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
        #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.text(value))")
    }

    @Test(arguments: good)
    func goodPickleInspectsAsItsStructuralForm(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("good/" + file)
        if let verdict = Self.cPickleVerdicts["good/" + file] { return try Self.checkCPickleVerdict(verdict, bytes) }
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let shown = try codec.inspect(bytes[...], limits: .default)
        let expected = PickleFixtures.canonical(try #require(record["expected_structural"]))
        #expect(PickleFixtures.sameTree(PickleFixtures.canonical(try JSONText.parse(text: shown)), expected), "got \(shown)")
    }

    @Test(arguments: bad)
    func badPickleGivesAnError(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("bad/" + file)
        if let verdict = Self.cPickleVerdicts["bad/" + file] { return try Self.checkCPickleVerdict(verdict, bytes) }
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
    }

    @Test(arguments: bad)
    func badPickleGivesAnErrorWithItsMainClassesRegistered(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("bad/" + file)
        if let verdict = Self.cPickleVerdicts["bad/" + file] { return try Self.checkCPickleVerdict(verdict, bytes) }
        var codec = PickleSerializationMethod.pickle
        for name in Self.globals(record) where name.hasPrefix("__main__.") {
            codec.constructors[name] = PickleFixtures.objectConstructor
        }
        #expect(throws: SecureCookieError.self) { try codec.loads(bytes) }
    }
}
