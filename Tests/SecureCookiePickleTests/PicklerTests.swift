import Foundation
import SecureCookie
import Testing

@testable import SecureCookiePickle

@Suite("Pickler: known answers and refusals")
struct PicklerTests {
    private func base64(_ value: PythonValue, protocol protocolVersion: Int) throws -> String {
        Data(try Pickler(protocolVersion: protocolVersion).dump(value)).base64EncodedString()
    }

    @Test("Werkzeug's documented cookie {'foo': 42, 'baz': (1, 2, 3)} at protocol 4")
    func werkzeugExample() throws {
        // From Werkzeug 0.16.1's SecureCookie: ...?baz=gASVCQAAAAAAAABLAUsCSwOHlC4=&foo=gARLKi4=
        #expect(try base64(.tuple([.int(1), .int(2), .int(3)]), protocol: 4) == "gASVCQAAAAAAAABLAUsCSwOHlC4=")
        #expect(try base64(.int(42), protocol: 4) == "gARLKi4=")
    }

    @Test("frames: under 4 bytes no FRAME, from 4 bytes a FRAME with the exact length")
    func smallFrames() throws {
        // PROTO 4, then BININT1 42 and STOP are 3 bytes: no frame.
        #expect(try Pickler(protocolVersion: 4).dump(.int(42)) == [0x80, 0x04, 0x4B, 0x2A, 0x2E])
        // BININT 65536 and STOP are 6 bytes: FRAME 6.
        #expect(
            try Pickler(protocolVersion: 5).dump(.int(65536))
                == [0x80, 0x05, 0x95, 6, 0, 0, 0, 0, 0, 0, 0, 0x4A, 0x00, 0x00, 0x01, 0x00, 0x2E])
    }

    @Test("protocols outside 0-5 are refused", arguments: [-1, 6, 256])
    func unknownProtocol(_ protocolVersion: Int) {
        #expect(throws: SecureCookieError.unrepresentable("")) { try Pickler(protocolVersion: protocolVersion).dump(.none) }
    }

    @Test("an int of more than 4300 digits: refused at protocols 0 and 1 (CPython's repr limit), LONG4 from 2")
    func hugeInteger() throws {
        // 2^14400 has 4335 decimal digits; its two's complement is 1800 zero bytes and a 0x01.
        let magnitude = [UInt8](repeating: 0, count: 1800) + [0x01]
        let value = PythonValue.integer(PythonBigInt(twosComplementLittleEndian: magnitude))
        for protocolVersion in 0...1 {
            #expect(throws: SecureCookieError.unrepresentable("")) { try Pickler(protocolVersion: protocolVersion).dump(value) }
        }
        let pickle = try Pickler(protocolVersion: 2).dump(value)
        #expect(pickle == [0x80, 0x02, 0x8B, 0x09, 0x07, 0x00, 0x00] + magnitude + [0x2E])
    }

    @Test("an int of exactly 4300 digits is written at protocol 0")
    func longestTextInteger() throws {
        let digits = String(repeating: "9", count: 4300)
        let value = PythonValue.integer(try #require(PythonBigInt(decimal: digits)))
        #expect(try Pickler(protocolVersion: 0).dump(value) == Array(("L" + digits + "L\n.").utf8))
    }

    @Test("a bigInt case holding a small value is written as the small int it is")
    func smallBigInt() throws {
        #expect(try Pickler(protocolVersion: 2).dump(.bigInt(PythonBigInt(5))) == [0x80, 0x02, 0x4B, 0x05, 0x2E])
    }

    @Test("nesting: the deepest CPython writes is accepted, deeper is refused, nothing crashes")
    func depth() throws {
        func nested(_ depth: Int) -> PythonValue {
            var value = PythonValue.list([])
            for _ in 1..<depth { value = .list([value]) }
            return value
        }
        let deepest = try Pickler(protocolVersion: 4).dump(nested(Pickler.maximumDepth))
        // 500 x (EMPTY_LIST MEMOIZE) + 499 x APPEND, inside one frame.
        #expect(deepest.count == 2 + 9 + Pickler.maximumDepth * 2 + (Pickler.maximumDepth - 1) + 1)
        #expect(throws: SecureCookieError.unrepresentable("")) {
            try Pickler(protocolVersion: 4).dump(nested(Pickler.maximumDepth + 1))
        }
        #expect(throws: SecureCookieError.unrepresentable("")) {
            try Pickler(protocolVersion: 0).dump(nested(1_000))
        }
    }

    @Test("memo indices past 255 use LONG_BINPUT and LONG_BINGET")
    func longMemo() throws {
        // 300 distinct strings, then "x" twice: the second "x" is CPython's shared
        // one-character singleton, fetched from memo index 301 (the list is index 0).
        let strings = (0..<300).map { PythonValue.str("s\($0)") }
        let pickle = try Pickler(protocolVersion: 2).dump(.list(strings + [.str("x"), .str("x")]))
        // BINUNICODE "x", LONG_BINPUT 301, LONG_BINGET 301, APPENDS, STOP
        #expect(
            Array(pickle.suffix(18))
                == [0x58, 1, 0, 0, 0, 0x78, 0x72, 0x2D, 0x01, 0, 0, 0x6A, 0x2D, 0x01, 0, 0, 0x65, 0x2E])
    }
}
