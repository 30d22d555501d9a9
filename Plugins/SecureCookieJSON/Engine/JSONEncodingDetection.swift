import SecureCookie

/// `json.detect_encoding`: how `json.loads(bytes)` decides the bytes' encoding, and the transcoding to UTF-8.
///
/// A UTF-8 byte-order mark is skipped; UTF-16 and UTF-32 (with a byte-order mark, or recognised by
/// the zero bytes of an ASCII first character) are transcoded to UTF-8 before parsing. Python decodes
/// with `surrogatepass`, so a lone surrogate would become part of a `str`; a Swift string cannot hold
/// one, so it is undecodable here.
internal enum JSONEncodingDetection {
    /// The outcome: parse the input from an offset, or parse transcoded bytes.
    internal enum Result {
        /// The input is UTF-8; parse from this offset (3 after a byte-order mark).
        case utf8(skip: Int)
        /// The input was UTF-16 or UTF-32; these are its UTF-8 bytes.
        case transcoded([UInt8])
    }

    private enum Encoding {
        case utf16(bigEndian: Bool)
        case utf32(bigEndian: Bool)
    }

    /// Detects the encoding and transcodes when it is not UTF-8.
    ///
    /// - Parameter bytes: The input.
    /// - Returns: How to parse it.
    /// - Throws: ``SecureCookieError/Kind/undecodable`` for truncated or invalid UTF-16/UTF-32.
    internal static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Result {
        let count = bytes.count
        func starts(with prefix: [UInt8]) -> Bool {
            count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        // Same order as Python: UTF-32 marks first (FF FE 00 00 also starts like FF FE), then UTF-16, then UTF-8.
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .transcoded(try transcode(bytes, from: 4, .utf32(bigEndian: true))) }
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .transcoded(try transcode(bytes, from: 4, .utf32(bigEndian: false))) }
        if starts(with: [0xFE, 0xFF]) { return .transcoded(try transcode(bytes, from: 2, .utf16(bigEndian: true))) }
        if starts(with: [0xFF, 0xFE]) { return .transcoded(try transcode(bytes, from: 2, .utf16(bigEndian: false))) }
        if starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(skip: 3) }
        if count >= 4 {
            if bytes[0] == 0 {
                return .transcoded(try transcode(bytes, from: 0, bytes[1] != 0 ? .utf16(bigEndian: true) : .utf32(bigEndian: true)))
            }
            if bytes[1] == 0 {
                let encoding: Encoding = (bytes[2] != 0 || bytes[3] != 0) ? .utf16(bigEndian: false) : .utf32(bigEndian: false)
                return .transcoded(try transcode(bytes, from: 0, encoding))
            }
        } else if count == 2 {
            if bytes[0] == 0 { return .transcoded(try transcode(bytes, from: 0, .utf16(bigEndian: true))) }
            if bytes[1] == 0 { return .transcoded(try transcode(bytes, from: 0, .utf16(bigEndian: false))) }
        }
        return .utf8(skip: 0)
    }

    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ encoding: Encoding) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var offset = start
        switch encoding {
        case .utf16(let bigEndian):
            func unit(at offset: Int) -> UInt32 {
                bigEndian
                    // checked: bytes widen to UInt32; two or four bytes fill 32 bits
                    ? UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
                    // checked: bytes widen to UInt32; two or four bytes fill 32 bits
                    : UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset])
            }
            guard (bytes.count - start) % 2 == 0 else {
                throw SecureCookieError.undecodable("JSON: truncated UTF-16 data at offset \(bytes.count - 1)")
            }
            while offset < bytes.count {
                let first = unit(at: offset)
                var scalar = first
                if (0xD800..<0xDC00).contains(first) {
                    guard offset + 4 <= bytes.count, case let second = unit(at: offset + 2), (0xDC00..<0xE000).contains(second)
                    else { throw SecureCookieError.undecodable("JSON: lone UTF-16 surrogate at offset \(offset)") }
                    scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)  // checked: a checked surrogate pair: at most 0x10FFFF
                    offset += 2
                } else if (0xDC00..<0xE000).contains(first) {
                    throw SecureCookieError.undecodable("JSON: lone UTF-16 surrogate at offset \(offset)")
                }
                offset += 2
                appendUTF8(scalar, to: &output)
            }
        case .utf32(let bigEndian):
            guard (bytes.count - start) % 4 == 0 else {
                throw SecureCookieError.undecodable("JSON: truncated UTF-32 data at offset \(bytes.count - (bytes.count - start) % 4)")
            }
            while offset < bytes.count {
                let b = (0..<4).map { UInt32(bytes[offset + $0]) }  // checked: bytes widen to UInt32; two or four bytes fill 32 bits
                // checked: four bytes into 32 bits
                let scalar = bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
                guard scalar < 0x110000, !(0xD800..<0xE000).contains(scalar) else {
                    throw SecureCookieError.undecodable("JSON: invalid UTF-32 code point at offset \(offset)")
                }
                offset += 4
                appendUTF8(scalar, to: &output)
            }
        }
        return output
    }

    /// Appends the UTF-8 form of a Unicode scalar value (not a surrogate).
    internal static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))  // checked: scalar below 0x80 here
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | scalar & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | scalar & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
        default:
            output.append(UInt8(0xF0 | scalar >> 18))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
            output.append(UInt8(0x80 | scalar & 0x3F))  // checked: a UTF-8 byte of a scalar at most 0x10FFFF: below 256
        }
    }
}
