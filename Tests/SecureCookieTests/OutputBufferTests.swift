import SecureCookie
import SecureCookieTestKit
import Testing

/// ``OutputBuffer`` against `[UInt8]` built with the standard library's own operations.
@Suite("OutputBuffer: the same bytes an array gets")
struct OutputBufferTests {
    @Test("random appends of every kind, across many growths from the smallest capacity")
    func randomAppends() {
        var random = SplitMix64(state: 0x0B0F_F3E5)
        for round in 0..<50 {
            var buffer = OutputBuffer(capacity: Int(random.next() % 40))
            var expected: [UInt8] = []
            for _ in 0..<Int(random.next() % 300) {
                let value = random.next()
                switch random.next() % 9 {
                case 0:
                    buffer.append(UInt8(truncatingIfNeeded: value))
                    expected.append(UInt8(truncatingIfNeeded: value))
                case 1:
                    buffer.append(UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8))
                    expected += [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
                case 2:
                    let count = Int(value % 70)
                    buffer.append(0xAB, count: count)
                    expected += repeatElement(0xAB, count: count)
                case 3:
                    let bytes = (0..<Int(value % 200)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ round) }
                    bytes.withUnsafeBufferPointer { buffer.append($0) }
                    expected += bytes
                case 4:
                    let byteCount = Int(value % 9)
                    buffer.appendLittleEndian(value, byteCount: byteCount)
                    expected += (0..<byteCount).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
                case 5:
                    buffer.appendBigEndian(value)
                    expected += (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
                case 6:
                    let integer = Int(bitPattern: UInt(value)) >> Int(value % 64)
                    buffer.appendDecimal(integer)
                    expected += Array(String(integer).utf8)
                case 7:
                    let text = String(repeating: "é€😀", count: Int(value % 7))
                    buffer.append(utf8Of: text)
                    expected += Array(text.utf8)
                default:
                    buffer.append("PROTO\n")
                    expected += Array("PROTO\n".utf8)
                }
                #expect(buffer.count == expected.count)
            }
            #expect(buffer.finish() == expected, "round \(round)")
        }
    }

    @Test("decimal text of the extremes", arguments: [0, 1, 9, 10, -1, -10, 1_000_000, Int.max, Int.min])
    func decimal(_ value: Int) {
        var buffer = OutputBuffer(capacity: 0)
        buffer.append(UInt8(ascii: "<"))
        buffer.appendDecimal(value)
        buffer.append(UInt8(ascii: ">"))
        #expect(buffer.finish() == Array("<\(value)>".utf8))
    }

    @Test("removing a range and rewriting bytes in place match the array's")
    func removeAndSubscript() {
        var random = SplitMix64(state: 77)
        for _ in 0..<200 {
            let bytes = (0..<Int(random.next() % 100 + 1)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var buffer = OutputBuffer(capacity: 4)
            buffer.append(contentsOf: bytes)
            var expected = bytes
            let start = Int(random.next() % UInt64(bytes.count))
            let length = Int(random.next() % UInt64(bytes.count - start + 1))
            buffer.remove(from: start, count: length)
            expected.removeSubrange(start..<(start + length))
            if !expected.isEmpty {
                let position = Int(random.next() % UInt64(expected.count))
                buffer[position] = 0x42
                expected[position] = 0x42
                #expect(buffer[position] == 0x42)
            }
            #expect(buffer.withUnsafeBytes { Array($0) } == expected)
            buffer.removeAll()
            #expect(buffer.count == 0)
            buffer.append(7)
            #expect(buffer.finish() == [7])
        }
    }
}
