import SecureCookie
import SecureCookieMessagePack
import Testing

/// Strings checked eight bytes at a time and output that outgrows its first buffer: the edges of
/// the reader's and the writer's fast paths.
@Suite("MessagePack buffer boundaries")
struct BufferBoundaryTests {
    @Test("a non-ASCII character anywhere in a str, around every 8-byte boundary, reads back unchanged")
    func nonASCIIAtEveryPosition() throws {
        for length in 1...20 {
            for position in 0..<length {
                var scalars = [Character](repeating: "a", count: length)
                scalars[position] = "\u{E9}"
                let text = String(scalars)
                let written = try codec.dumps(.str(text))
                #expect(same(try codec.loads(written), .str(text)), "\(length) at \(position)")
            }
        }
    }

    @Test("one invalid UTF-8 byte anywhere in an otherwise ASCII str is undecodable, naming the str's offset")
    func invalidByteAtEveryPosition() throws {
        for length in 1...20 {
            for position in 0..<length {
                for bad: UInt8 in [0x80, 0xC3, 0xFF] {
                    var body = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    body[position] = bad
                    let input: [UInt8] = [0x91, 0xD9, UInt8(length)] + body
                    let error = try #require(thrownError { try codec.loads(input) })
                    #expect(error.kind == .undecodable)
                    #expect(error.reason == "str at offset 1 is not valid UTF-8", "\(length) at \(position)")
                }
            }
        }
    }

    @Test("output past the first 1024 bytes is written in full, byte for byte")
    func outputGrowsPastTheStackBuffer() throws {
        let words = (0..<300).map { PythonValue.str("w\(1000 + $0)") }  // 300 fixstr of 5 bytes: 1803 bytes in all
        var expected: [UInt8] = [0xDC, 0x01, 0x2C]
        for index in 0..<300 { expected += [0xA5] + Array("w\(1000 + index)".utf8) }
        #expect(try codec.dumps(.list(words)) == expected)

        let long = String(repeating: "0123456789", count: 700)  // one str 16 write larger than the buffer
        let written = try codec.dumps(.list([.str("x"), .str(long), .int(1)]))
        #expect(written == [0x93, 0xA1, 0x78, 0xDA, 0x1B, 0x58] + Array(long.utf8) + [0x01])
    }

    @Test("uint 64 reads as an int up to 2**63-1 and as a big int above")
    func unsigned64() throws {
        #expect(same(try codec.loads([0xCF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), .int(Int.max)))
        let above = try codec.loads([0xCF, 0x80, 0, 0, 0, 0, 0, 0, 0])
        #expect(same(above, .bigInt(PythonBigInt(UInt64(1) << 63))))
        #expect(same(try codec.loads([0xCE, 0xFF, 0xFF, 0xFF, 0xFF]), .int(4_294_967_295)))
    }
}
