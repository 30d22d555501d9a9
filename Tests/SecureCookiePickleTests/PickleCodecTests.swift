import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle
import Testing

/// The codec's options and API: presets, the Python 2 str option, registered constructors, errors.
@Suite("Pickle codec: options and constructors")
struct PickleCodecTests {
    @Test func presets() {
        let codec: PickleSerializationMethod = .pickle
        #expect(codec.name == "pickle")
        #expect(codec.protocolVersion == 4)
        #expect(codec.python2Strings == .ascii)
        let configured: PickleSerializationMethod = .pickle(protocol: 2, python2Strings: .latin1)
        #expect(configured.protocolVersion == 2)
        #expect(configured.python2Strings == .latin1)
    }

    @Test func registryFindsItByName() throws {
        let registry = SerializationRegistry([PickleSerializationMethod.pickle])
        #expect(try registry.method(named: "pickle").name == "pickle")
    }

    /// Werkzeug's documented example cookie: `baz=gASVCQAAAAAAAABLAUsCSwOHlC4=&foo=gARLKi4=`.
    @Test func werkzeugExampleValues() throws {
        #expect(try PickleSerializationMethod.pickle.loads(PickleFixtures.base64("gASVCQAAAAAAAABLAUsCSwOHlC4=")) == .tuple([1, 2, 3]))
        #expect(try PickleSerializationMethod.pickle.loads(PickleFixtures.base64("gARLKi4=")) == .int(42))
    }

    @Test(arguments: [
        ("ASCII", PicklePython2Strings.ascii), ("latin-1", .latin1), ("LATIN1", .latin1), ("utf8", .utf8),
        ("UTF-8", .utf8), ("bytes", .bytes),
    ])
    func python2StringOptionNames(_ name: String, _ option: PicklePython2Strings) {
        #expect(PicklePython2Strings(named: name) == option)
    }

    @Test func unknownEncodingNameIsNil() {
        #expect(PicklePython2Strings(named: "koi8-r") == nil)
    }

    /// `S'caf\xe9'` (protocol 0), `U\x04caf\xe9` (protocol 1) and `T` (BINSTRING): Python 2 strs.
    static let latinCafe: [[UInt8]] = [
        Array("S'caf\\xe9'\n.".utf8), [0x55, 4] + Array("caf".utf8) + [0xE9, 0x2E],
        [0x54, 4, 0, 0, 0] + Array("caf".utf8) + [0xE9, 0x2E],
    ]

    @Test(arguments: latinCafe)
    func python2StringsDefaultToASCIIAndSayWhichOption(_ bytes: [UInt8]) throws {
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        #expect(error.kind == .undecodable)
        #expect(error.reason.contains("python2Strings"), "\(error)")
        #expect(try PickleSerializationMethod(python2Strings: .latin1).loads(bytes) == .str("caf\u{E9}"))
        #expect(try PickleSerializationMethod(python2Strings: .bytes).loads(bytes) == .bytes(Array("caf".utf8) + [0xE9]))
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod(python2Strings: .utf8).loads(bytes) }
    }

    @Test func python2StringsAsUTF8() throws {
        let bytes = Array("S'caf\\xc3\\xa9'\n.".utf8)
        #expect(try PickleSerializationMethod(python2Strings: .utf8).loads(bytes) == .str("caf\u{E9}"))
        #expect(try PickleSerializationMethod.pickle.loads(Array("S'plain'\n.".utf8)) == .str("plain"))
    }

    /// Python 2 escapes in STRING, as `codecs.escape_decode` reads them.
    @Test func stringEscapes() throws {
        let bytes = Array(#"S'a\'b\"c\\d\n\t\x41\101\7\q'"#.utf8) + Array("\n.".utf8)
        let expected: [UInt8] = Array("a'b\"c\\d\n\tAA".utf8) + [7] + Array("\\q".utf8)
        #expect(try PickleSerializationMethod(python2Strings: .bytes).loads(bytes) == .bytes(expected))
    }

    /// `V` (UNICODE) is raw-unicode-escape: only `\u`/`\U` after an odd number of backslashes.
    @Test func rawUnicodeEscape() throws {
        let bytes = Array(#"V\u03c0 \\u03c0 \U0001F600 \x41"#.utf8) + Array("\n.".utf8)
        #expect(try PickleSerializationMethod.pickle.loads(bytes) == .str("\u{3C0} \\\\u03c0 \u{1F600} \\x41"))
        let surrogate = Array(#"V\ud800"#.utf8) + Array("\n.".utf8)
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(surrogate) }
    }

    /// A registered constructor receives what the pickle said, whichever opcode built the object.
    @Test(
        arguments: [
            // REDUCE: myapp.Point(1, 2)
            ("cmyapp\nPoint\n(I1\nI2\ntR.", "reduce", [PythonValue.int(1), .int(2)], PythonValue?.none),
            // NEWOBJ + BUILD
            ("\u{80}\u{02}cmyapp\nPoint\n)\u{81}}U\u{01}xK\u{05}sb.", "newobj", [], .dict([.str("x"): .int(5)])),
            // INST with a state
            ("(I7\nimyapp\nPoint\n(dS'y'\nI3\nsb.", "inst", [.int(7)], .dict([.str("y"): .int(3)])),
            // copy_reg._reconstructor(cls, object, None)
            ("ccopy_reg\n_reconstructor\n(cmyapp\nPoint\nc__builtin__\nobject\nNtR.", "copyreg._reconstructor", [], nil),
        ] as [(String, String, [PythonValue], PythonValue?)])
    func registeredConstructorSeesTheCall(_ text: String, _ how: String, _ arguments: [PythonValue], _ state: PythonValue?) throws {
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let codec = PickleSerializationMethod(python2Strings: .latin1).registering("myapp.Point") { call in
            .tuple([.str(call.name), .str(call.how.rawValue), .list(call.arguments), call.state ?? .none])
        }
        #expect(try codec.loads(bytes) == .tuple([.str("myapp.Point"), .str(how), .list(arguments), state ?? .none]))
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
    }

    @Test func registeredConstructorSeesAppendedAndSetItems() throws {
        // NEWOBJ of myapp.Bag, then APPENDS [1, 2] and SETITEMS {"k": 3}.
        let bytes: [UInt8] =
            [0x80, 0x02] + Array("cmyapp\nBag\n)".utf8) + [0x81, 0x28, 0x4B, 1, 0x4B, 2, 0x65, 0x28]
            + [0x58, 1, 0, 0, 0, 0x6B, 0x4B, 3, 0x75, 0x2E]
        let codec = PickleSerializationMethod.pickle.registering("myapp.Bag") { call in
            .tuple([.list(call.listItems), .list(call.dictItems)])
        }
        #expect(try codec.loads(bytes) == .tuple([.list([1, 2]), .list(["k", 3])]))
    }

    @Test func bareRegisteredGlobalIsAReference() throws {
        let codec = PickleSerializationMethod.pickle.registering("myapp.DEFAULT") { call in
            #expect(call.how == .reference)
            return .str("default")
        }
        #expect(try codec.loads(Array("cmyapp\nDEFAULT\n.".utf8)) == .str("default"))
    }

    @Test func constructorErrorsBecomeRefusals() throws {
        struct Oops: Error {}
        let codec = PickleSerializationMethod.pickle.registering("myapp.Point") { _ in throw Oops() }
        let error = try #require(throws: SecureCookieError.self) { try codec.loads(Array("cmyapp\nPoint\n)R.".utf8)) }
        #expect(error.kind == .refused)
        #expect(error.construct == "global myapp.Point")
    }

    @Test func inspectNeverCallsRegisteredConstructors() throws {
        let codec = PickleSerializationMethod.pickle.registering("myapp.Point") { _ in
            Issue.record("called in inspect mode")
            return .none
        }
        let shown = try codec.inspect(Array("cmyapp\nPoint\n(I1\ntR.".utf8)[...], limits: .default)
        #expect(shown == #"{"$object": {"class": "myapp.Point", "how": "reduce", "args": [1]}}"#)
    }

    /// Allowlisted builders, written by Python 2 and 3 at protocols 0-2 (hand-checked against CPython 3.11 `pickle.loads`).
    @Test(
        arguments: [
            ("c__builtin__\nset\n((lI1\naI2\natR.", PythonValue.set([1, 2])),
            ("c__builtin__\nfrozenset\n((lI1\natR.", .frozenset([1])),
            ("c_codecs\nencode\n(V\u{E9}\nVlatin1\ntR.", .bytes([0xE9])),
            ("c__builtin__\nbytes\n)R.", .bytes([])),
            ("c__builtin__\nbytearray\n(V\u{FF}A\nS'latin-1'\ntR.", .bytearray([0xFF, 0x41])),
            ("c__builtin__\ncomplex\n(F1.5\nF-2.0\ntR.", .complex(1.5, -2)),
            ("ccollections\nOrderedDict\n((lp0\n(lp1\nVa\naI1\naatR.", .dict(["a": 1])),
        ] as [(String, PythonValue)])
    func allowlistedBuilders(_ text: String, _ expected: PythonValue) throws {
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        #expect(try PickleSerializationMethod(python2Strings: .latin1).loads(bytes) == expected)
    }

    @Test func decimalAndTimedelta() throws {
        let decimal = try PickleSerializationMethod.pickle.loads(Array("cdecimal\nDecimal\n(V1.10\ntR.".utf8))
        #expect(decimal == .decimal(try #require(PythonDecimal("1.10"))))
        #expect(TaggedJSON.text(decimal) == #"{"$decimal": "1.10"}"#)
        let delta = try PickleSerializationMethod.pickle.loads(Array("cdatetime\ntimedelta\n(I-1\nI68400\nI0\ntR.".utf8))
        #expect(delta == .timedelta(try #require(PythonTimeDelta(days: -1, seconds: 68_400))))
    }

    @Test func datetimeWithFixedOffsetTimezone() throws {
        // pickle.dumps(datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-8))), 2), from CPython 3.11.
        let bytes = PickleFixtures.base64(
            "gAJjZGF0ZXRpbWUKZGF0ZXRpbWUKcQBjX2NvZGVjcwplbmNvZGUKcQFYCwAAAAfDqAECAwQFAAAAcQJYBgAAAGxhdGluMXEDhnEEUnEFY2RhdGV0aW1lCnRpbWV6b25lCnEGY2RhdGV0aW1lCnRpbWVkZWx0YQpxB0r/////TQDhSwCHcQhScQmFcQpScQuGcQxScQ0u"
        )
        let expected = PythonDateTime(
            year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5,
            utcOffset: PythonTimeDelta(days: 0, seconds: -8 * 3600))
        #expect(try PickleSerializationMethod.pickle.loads(bytes) == .datetime(try #require(expected)))
    }

    /// Python raises OverflowError for these; the reader must not trap on Int.min arithmetic.
    @Test(arguments: [
        "cdatetime\ntimedelta\n(I-9223372036854775808\ntR.", "cdatetime\ntimedelta\n(I0\nI-9223372036854775808\ntR.",
        "cdatetime\ndate\n(I-9223372036854775808\nI1\nI1\ntR.", "c__builtin__\ncomplex\n(I-9223372036854775808\ntR.",
    ])
    func extremeIntegerArgumentsAreErrorsNotTraps(_ text: String) throws {
        let bytes = Array(text.utf8)
        if text.contains("complex") {
            #expect(try PickleSerializationMethod.pickle.loads(bytes) == .complex(-9_223_372_036_854_775_808.0, 0))
        } else {
            let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
            #expect(error.kind == .undecodable)
        }
    }

    @Test func bareTimezoneIsRefused() throws {
        let bytes = Array("cdatetime\ntimezone\n(cdatetime\ntimedelta\n(I0\nI0\nI0\ntRtR.".utf8)
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        #expect(error.kind == .refused)
    }

    @Test func errorsNameTheOpcodeAndOffset() throws {
        let bytes: [UInt8] = [0x80, 0x02, 0x58, 5, 0, 0, 0, 0x61, 0x62]
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(bytes) }
        #expect(error.kind == .undecodable)
        #expect(error.reason.contains("BINUNICODE at offset 2"), "\(error)")
        let unknown = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads([0x4E, 0xFF]) }
        #expect(unknown.reason.contains("0xff at offset 1"), "\(unknown)")
    }

    @Test func emptyInputIsAnError() throws {
        let error = try #require(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads([]) }
        #expect(error.kind == .undecodable)
    }

    @Test func framesMayOverlapAsInCPythonsCPickle() throws {
        // C `_pickle` only checks that a frame's bytes are present: FRAME 3 holding "N", then a
        // second FRAME before the first is used up, loads (CPython 3.11: None).
        let overlapping: [UInt8] = [0x80, 0x04, 0x95, 3, 0, 0, 0, 0, 0, 0, 0, 0x4E, 0x95, 1, 0, 0, 0, 0, 0, 0, 0, 0x2E]
        #expect(try PickleSerializationMethod.pickle.loads(overlapping) == .none)
        // A length field cut short (7 bytes and then "N") claims more than there is: refused.
        let short: [UInt8] = [0x80, 0x04, 0x95, 3, 0, 0, 0, 0, 0, 0, 0x4E, 0x95, 1, 0, 0, 0, 0, 0, 0, 0, 0x2E]
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod.pickle.loads(short) }
        let good: [UInt8] = [0x80, 0x04, 0x95, 2, 0, 0, 0, 0, 0, 0, 0, 0x4E, 0x2E]
        #expect(try PickleSerializationMethod.pickle.loads(good) == .none)
    }
}
