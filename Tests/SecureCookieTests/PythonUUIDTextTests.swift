import SecureCookie
import Testing

/// ``PythonUUID/init(_:)`` reads text as `uuid.UUID(text)` does. Each answer was measured with
/// CPython 3.11.7 (`python3 -c 'import uuid; print(uuid.UUID(text))'`, `nil` where it raised
/// `ValueError`); Flask's ` u` tag is checked the same way, live, in `Interop/flask/interop.py`.
@Suite struct PythonUUIDTextTests {
    static let zeros31 = String(repeating: "0", count: 31)
    static let zeros30 = String(repeating: "0", count: 30)
    static let one = "00000000-0000-0000-0000-000000000001"
    static let zero = "00000000-0000-0000-0000-000000000000"

    static let cases: [(text: String, uuid: String?)] = [
        ("{00000000-0000-0000-0000-000000000001}", one),
        ("urn:uuid:00000000000000000000000000000001", one),
        ("uuid:urn:0000000000000000000000000000000A", "00000000-0000-0000-0000-00000000000a"),
        ("}{0000000000000000000000000000000F}{", "00000000-0000-0000-0000-00000000000f"),
        ("ffffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
        ("0x" + String(repeating: "0", count: 29) + "A", "00000000-0000-0000-0000-00000000000a"),
        ("0X_" + String(repeating: "0", count: 28) + "A", "00000000-0000-0000-0000-00000000000a"),
        ("0x__" + String(repeating: "0", count: 28), nil),
        ("+" + zeros30 + "1", one),
        ("-" + zeros30 + "1", nil),  // the dash is removed first: 31 characters
        ("0000_" + String(repeating: "0", count: 26) + "1", one),
        (String(repeating: "0", count: 29) + "_01", one),
        (zeros30 + "__", nil),
        (" " + zeros30 + "1", one),
        ("\t" + zeros30 + "\n", zero),
        ("\u{1C}" + zeros31, nil),  // str.isspace() says yes, int() does not strip it
        ("\u{2003}" + zeros31, zero),
        ("\u{3000}" + zeros30 + "\u{85}", zero),
        (zeros30 + "\u{661}\u{662}", "00000000-0000-0000-0000-000000000012"),
        (String(repeating: "\u{FF10}", count: 31) + "\u{FF19}", "00000000-0000-0000-0000-000000000009"),
        ("\u{B2}" + zeros31, nil),  // a superscript digit is a digit but not a decimal
        (zeros31 + "\u{E9}", nil),
        (zeros31 + "\u{7F}", nil),
        (zeros31, nil),
        (zeros31 + "00", nil),
        (zeros31 + "g", nil),
        ("", nil),
    ]

    @Test(arguments: cases) func readsAsPythonDoes(text: String, uuid: String?) {
        #expect(PythonUUID(text)?.description == uuid)
    }
}
