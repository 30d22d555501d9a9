import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// Pickles Python 2 (and Python 3) wrote: CPython's datetime tests, serde-pickle's files and 408
/// pickles CPython 2.7.18 made with `pickle` and `cPickle` at protocols 0-2.
@Suite("Pickle reader: Python 2 conformance")
struct Python2ConformanceTests {
    static let datetimes = PickleFixtures.records(
        PickleFixtures.py2.appendingPathComponent("cpython-datetimetester/manifest.jsonl"), label: PickleFixtures.fileLabel)
    static let serde = PickleFixtures.records(
        PickleFixtures.py2.appendingPathComponent("serde-pickle/manifest.jsonl"), label: PickleFixtures.fileLabel)
    static let generated = PickleFixtures.records(
        PickleFixtures.py2.appendingPathComponent("generated-py27/manifest.jsonl"), label: PickleFixtures.fileLabel)

    static func bytes(_ folder: String, _ record: PickleFixtures.Record) throws -> [UInt8] {
        try TestPaths.bytes(
            PickleFixtures.py2.appendingPathComponent(folder).appendingPathComponent(
                try #require(record.string("file"))))
    }

    /// The first `class` named by a `$object` in a tagged tree, and whether it holds a `$cycle`.
    static func scan(_ json: PythonValue) -> (objectClass: String?, hasCycle: Bool) {
        switch json {
        case .list(let items):
            return items.map(scan).reduce((nil, false)) { ($0.0 ?? $1.0, $0.1 || $1.1) }
        case .dict(let dict):
            if case .dict(let body)? = dict["$object"], case .str(let name)? = body["class"] { return (name, false) }
            if dict["$cycle"] != nil { return (nil, true) }
            return dict.orderedValues.map(scan).reduce((nil, false)) { ($0.0 ?? $1.0, $0.1 || $1.1) }
        default:
            return (nil, false)
        }
    }

    @Test func manifestsArePresent() {
        let folder = TestPaths.relativePath(PickleFixtures.py2)
        let manifests = ["cpython-datetimetester", "serde-pickle", "generated-py27"].map { "\(folder)/\($0)/manifest.jsonl" }
        #expect(TestPaths.missing(manifests) == [])
        #expect(Self.datetimes.count == 18)
        #expect(Self.serde.count == 16)
        #expect(Self.generated.count == 408)
    }

    /// Plain datetime pickles load; those whose tzinfo is CPython's test class are refused naming it.
    @Test(arguments: datetimes)
    func datetimeTesterPickle(_ record: PickleFixtures.Record) throws {
        let bytes = try Self.bytes("cpython-datetimetester", record)
        let expectedJSON = try #require(record["expected"])
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        if case .dict(let dict) = expectedJSON, dict["tzinfo"] != nil {
            let error = try #require(throws: SecureCookieError.self) { try codec.loads(bytes) }
            #expect(error.kind == .refused)
            #expect(error.construct == "global test.datetimetester.PicklableFixedOffset")
        } else {
            let value = try codec.loads(bytes)
            #expect(PickleFixtures.same(value, try PickleFixtures.expectedValue(expectedJSON)), "got \(TaggedJSON.text(value))")
        }
        // Python 2 datetime state is read as raw bytes whatever the str option says.
        if record.string("file")?.contains("TZ") == false {
            #expect(throws: Never.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        }
    }

    /// A registered tzinfo class still does not make a datetime: only datetime.timezone offsets are read.
    @Test func registeredTZInfoIsStillRefusedAsATZInfo() throws {
        let record = try #require(Self.datetimes.first { $0.string("file") == "TestDateTimeTZ.2.p2.pickle" })
        let codec = PickleSerializationMethod(python2Strings: .latin1)
            .registering("test.datetimetester.PicklableFixedOffset") { _ in .none }
        let error = try #require(throws: SecureCookieError.self) { try codec.loads(try Self.bytes("cpython-datetimetester", record)) }
        #expect(error.kind == .refused)
        #expect(error.construct == "tzinfo test.datetimetester.PicklableFixedOffset")
    }

    @Test(arguments: serde)
    func serdePickleInspectsAsItsStructuralForm(_ record: PickleFixtures.Record) throws {
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let shown = try codec.inspect(try Self.bytes("serde-pickle", record)[...], limits: .default)
        let expected = PickleFixtures.canonical(try #require(record["expected_structural"]))
        #expect(PickleFixtures.sameTree(PickleFixtures.canonical(try JSONText.parse(text: shown)), expected), "got \(shown)")
    }

    /// serde-pickle's files all hold a user class or a cycle: refused, naming it.
    @Test(arguments: serde)
    func serdePickleIsRefused(_ record: PickleFixtures.Record) throws {
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let bytes = try Self.bytes("serde-pickle", record)
        let (objectClass, hasCycle) = Self.scan(try #require(record["expected_structural"]))
        let error = try #require(throws: SecureCookieError.self) { try codec.loads(bytes) }
        #expect(error.kind == .refused)
        if let objectClass {
            #expect(error.construct?.hasPrefix("global __main__.") == true, "\(error) (first class \(objectClass))")
        } else {
            #expect(hasCycle)
            #expect(error.construct == "recursive value")
        }
    }

    /// The 408 CPython 2.7 pickles load to the value Python 2 pickled, or are refused (user classes, cycles).
    @Test(arguments: generated)
    func generatedPython27Pickle(_ record: PickleFixtures.Record) throws {
        let bytes = try Self.bytes("generated-py27", record)
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let expectedJSON = try #require(record["expected"])
        let (objectClass, hasCycle) = Self.scan(expectedJSON)
        if objectClass != nil || hasCycle {
            let error = try #require(throws: SecureCookieError.self) { try codec.loads(bytes) }
            #expect(error.kind == .refused)
            #expect(error.construct == (objectClass.map { "global " + $0 } ?? "recursive value"), "\(error)")
        } else {
            let value = try codec.loads(bytes)
            #expect(PickleFixtures.same(value, try PickleFixtures.expectedValue(expectedJSON)), "got \(TaggedJSON.text(value))")
        }
    }

    /// With their class registered, the instance pickles load to the class and `__dict__`.
    @Test(arguments: generated.filter { Python2ConformanceTests.scan($0["expected"] ?? .none).objectClass != nil })
    func generatedPython27InstanceLoadsWhenRegistered(_ record: PickleFixtures.Record) throws {
        let (objectClass, _) = Self.scan(try #require(record["expected"]))
        let codec = PickleSerializationMethod(
            python2Strings: record.python2Strings, constructors: [try #require(objectClass): PickleFixtures.objectConstructor])
        let value = try codec.loads(try Self.bytes("generated-py27", record))
        #expect(
            PickleFixtures.same(value, try PickleFixtures.expectedValue(try #require(record["expected"]))),
            "got \(TaggedJSON.text(value))")
    }

    @Test(arguments: generated)
    func generatedPython27InspectsAsItsStructuralForm(_ record: PickleFixtures.Record) throws {
        let codec = PickleSerializationMethod(python2Strings: record.python2Strings)
        let shown = try codec.inspect(try Self.bytes("generated-py27", record)[...], limits: .default)
        let expected = PickleFixtures.canonical(try #require(record["expected_structural"]))
        #expect(PickleFixtures.sameTree(PickleFixtures.canonical(try JSONText.parse(text: shown)), expected), "got \(shown)")
    }
}
