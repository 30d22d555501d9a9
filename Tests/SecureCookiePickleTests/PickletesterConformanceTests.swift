import Foundation
import SecureCookie
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
        #expect(PickleFixtures.same(value, try Self.createData()), "got \(TaggedJSON.line(value))")
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
        #expect(PickleFixtures.sameTree(items[15], expectedTuple), "got \(TaggedJSON.line(items[15]))")
        #expect(PickleFixtures.sameTree(items[16], expectedTuple))
    }

    /// Good pickles load to their value, or are refused naming a global outside the allowlist.
    @Test(arguments: good)
    func goodPickleBehavesAsTheManifestSays(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("good/" + file)
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let refusable = Self.globals(record).filter { !Self.allowlisted.contains($0) }
        if refusable.isEmpty {
            let value = try codec.loads(bytes)
            let expected = try PickleFixtures.expectedValue(try #require(record["expected"]))
            #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.line(value))")
        } else {
            let error = try #require(throws: SecureCookieError.self) { try codec.loads(bytes) }
            #expect(error.kind == .refused)
            #expect(refusable.map { "global " + $0 }.contains(error.construct ?? ""), "\(error)")
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
        #expect(PickleFixtures.same(value, expected), "got \(TaggedJSON.line(value))")
    }

    @Test(arguments: good)
    func goodPickleInspectsAsItsStructuralForm(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("good/" + file)
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let shown = try codec.inspect(bytes[...], limits: .default)
        let expected = PickleFixtures.canonical(try #require(record["expected_structural"]))
        #expect(PickleFixtures.sameTree(PickleFixtures.canonical(try JSONText.parse(text: shown)), expected), "got \(shown)")
    }

    @Test(arguments: bad)
    func badPickleGivesAnError(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("bad/" + file)
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
    }

    @Test(arguments: bad)
    func badPickleGivesAnErrorWithItsMainClassesRegistered(_ record: PickleFixtures.Record) throws {
        let file = try #require(record.string("file"))
        let bytes = try Self.data("bad/" + file)
        var codec = PickleSerializationMethod.pickle
        for name in Self.globals(record) where name.hasPrefix("__main__.") {
            codec.constructors[name] = PickleFixtures.objectConstructor
        }
        #expect(throws: SecureCookieError.self) { try codec.loads(bytes) }
    }
}
