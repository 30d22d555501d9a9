import Foundation
import SecureCookie
import SecureCookiePickle
import SecureCookieTestKit
import Testing

/// Pickles that would run code in Python (`Fixtures/pickle/hostile/make_hostile.py`): each is refused,
/// naming what it would call, quickly; inspect mode shows them without calling anything.
@Suite("Pickle reader: hostile pickles")
struct HostilePickleTests {
    static let cases = PickleFixtures.records(
        TestPaths.fixtures.appendingPathComponent("pickle/hostile/hostile.jsonl"), label: PickleFixtures.fileLabel)

    @Test func allCasesArePresent() {
        #expect(Self.cases.count == 57)
    }

    @Test(arguments: cases)
    func refusedNamingWhatItWouldCall(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let construct = try #require(record.string("construct"))
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        if construct.isEmpty {
            #expect(error.kind == .undecodable, "\(error)")
        } else {
            #expect(error.kind == .refused, "\(error)")
            #expect(error.construct == construct, "\(error)")
        }
    }

    /// Registering harmless classes never lets a dangerous global through.
    @Test(arguments: cases)
    func stillRefusedWithOtherClassesRegistered(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let codec = PickleSerializationMethod.pickle
            .registering("__main__.C") { _ in .none }
            .registering("myapp.Cart") { _ in .none }
        #expect(throws: SecureCookieError.self) { try codec.loads(bytes) }
    }

    /// Inspect mode shows globals as inert nodes; only opcodes that need outside help are errors.
    @Test(arguments: cases)
    func inspectShowsWithoutCalling(_ record: PickleFixtures.Record) throws {
        let bytes = PickleFixtures.base64(try #require(record.string("pickle")))
        let construct = try #require(record.string("construct"))
        let codec = PickleSerializationMethod.pickle
        if record.string("name") == "build_setstate_on_set" {
            // BUILD of a dict state on a set is an AttributeError in CPython too: a broken pickle.
            let error = try #require(throws: SecureCookieError.self) { try codec.inspect(bytes[...], limits: .default) }
            #expect(error.kind == .undecodable)
        } else if construct.hasPrefix("global ") {
            let shown = try codec.inspect(bytes[...], limits: .default)
            let name = String(construct.dropFirst("global ".count))
            #expect(shown.contains(#""$global": "\#(name)""#) || shown.contains(#""class": "\#(name)""#), "\(shown)")
        } else if construct == "recursive value" {
            #expect(try codec.inspect(bytes[...], limits: .default).contains(#""$cycle": "#))
        } else {
            #expect(throws: SecureCookieError.self) { try codec.inspect(bytes[...], limits: .default) }
        }
    }

    @Test func inspectShowsAReduceCallStructurally() throws {
        // cposix\nsystem\n(S'id'\ntR. — what os.system("id") pickles to at protocol 0.
        let bytes = Array("cposix\nsystem\n(S'id'\ntR.".utf8)
        let shown = try PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default)
        #expect(shown == #"{"$object": {"class": "posix.system", "how": "reduce", "args": ["id"]}}"#)
    }

    @Test func refusalNamesTheGlobalAndItsOffset() throws {
        let bytes: [UInt8] =
            [0x80, 0x04, 0x8C, 0x02] + Array("os".utf8)
            + [0x8C, 0x06] + Array("system".utf8) + [0x93, 0x2E]
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        #expect(error.kind == .refused)
        #expect(error.construct == "global os.system")
        #expect(error.description.contains("STACK_GLOBAL at offset 14"), "\(error)")
    }
}
