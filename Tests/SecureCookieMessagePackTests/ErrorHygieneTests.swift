import SecureCookie
import SecureCookieTestKit
import Testing

/// No error repeats bytes from inside the value: a marker in every str, bin, ext payload and key,
/// and distinctive numbers in timestamp fields, never appear in an error's text.
@Suite("MessagePack errors never repeat the value's bytes")
struct ErrorHygieneTests {
    static let marker = Array("ZQXMARKERQZ".utf8)

    static func str(_ payload: [UInt8]) -> [UInt8] { [0xD9, UInt8(payload.count)] + payload }
    static func bin(_ payload: [UInt8]) -> [UInt8] { [0xC4, UInt8(payload.count)] + payload }

    static let inputs: [[UInt8]] = {
        let m = marker
        return [
            str(m + [0xFF]),  // invalid UTF-8 after the marker
            str(m + [0xED, 0xA0, 0x80]),  // a surrogate
            [0xD9, 0x40] + m,  // str claiming more than there is
            [0xC4, 0x40] + m,  // bin claiming more than there is
            [0xC7, UInt8(m.count), 0x05] + m,  // ext type 5, refused
            [0xC7, UInt8(m.count), 0xFF] + m,  // a timestamp of the wrong length
            [0xC7, UInt8(m.count), 0x80] + m,  // a negative ext type
            [0x81, 0x91] + str(m) + [0x01],  // an array key holding the marker
            [0x81, 0x81] + str(m) + str(m) + [0x01],  // a map key holding it
            str(m) + str(m),  // trailing bytes
            [0x92] + str(m),  // truncated array
            [0x82] + str(m) + bin(m) + str(m),  // truncated map
            [0x91, 0xC1] + m,  // the reserved byte
            // A timestamp with 1,234,567,890 ns (> 10^9 - 1) and seconds far outside years 1-9999.
            [0xC7, 12, 0xFF, 0x49, 0x96, 0x02, 0xD2, 0, 0, 0, 0, 0, 0, 0, 1],
            [0xC7, 12, 0xFF, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0xE5, 0xF4, 0xC8, 0xF7, 0x43],
            [0xD7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC, 0x00, 0x00, 0x00, 0x00],  // 64-bit form, ns = 2^30 - 1
        ]
    }()

    @Test("every input fails without the marker or the timestamp's numbers in its text")
    func noMarker() {
        let markerText = String(decoding: Self.marker, as: UTF8.self)
        for input in Self.inputs {
            guard let error = thrownError({ try codec.loads(input) }) else {
                Issue.record("accepted \(input)")
                continue
            }
            for text in [error.description, error.reason, error.construct ?? ""] {
                #expect(!text.contains(markerText), "\(text)")
                #expect(!text.contains("ZQX"), "\(text)")
                for number in ["1234567890", "987654321987", "1073741823"] {
                    #expect(!text.contains(number), "\(text)")
                }
            }
        }
    }

    @Test("writing an integer out of range does not print it")
    func unrepresentableInteger() throws {
        let big = try #require(PythonBigInt(decimal: "123456789012345678901234567890"))
        let error = try #require(thrownError { try codec.dumps(.integer(big)) })
        #expect(error.kind == .unrepresentable)
        #expect(!error.description.contains("123456789012345678901234567890"))
    }
}
