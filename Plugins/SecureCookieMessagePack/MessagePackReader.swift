import SecureCookie

/// A cursor over MessagePack input that never reads past the end: every read is checked first.
///
/// It reads from a raw buffer, valid only inside the `withUnsafeBufferPointer` call that lends it
/// (the decoder's whole run), so a byte costs no more than a load. Offsets in messages count from
/// the first byte of the input.
internal struct MessagePackReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte from the start of the input.
    private(set) var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The number of bytes not yet read.
    var remaining: Int { bytes.count &- offset }

    /// Reads one byte.
    ///
    /// - Parameters:
    ///   - what: What is being read, for the message.
    ///   - start: The offset of the value it belongs to.
    /// - Returns: The byte.
    /// - Throws: ``SecureCookieError`` (undecodable) at the end of the input.
    @inline(__always)
    mutating func readByte(_ what: StaticString, at start: Int) throws -> UInt8 {
        guard offset < bytes.count else { throw MessagePackError.truncated("\(what)", at: start, needs: 1, remaining: 0) }
        defer { offset &+= 1 }
        return bytes[offset]
    }

    /// Reads a big-endian unsigned integer of 1, 2, 4 or 8 bytes.
    @inline(__always)
    mutating func readBigEndian(_ width: Int, _ what: StaticString, at start: Int) throws -> UInt64 {
        guard width <= remaining else {
            throw MessagePackError.truncated("\(what)", at: start, needs: width, remaining: remaining)
        }
        // `width <= remaining` makes the buffer non-empty, so it has a base address.
        let raw = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + offset)
        offset &+= width
        switch width {
        case 1: return UInt64(raw.load(as: UInt8.self))
        case 2: return UInt64(UInt16(bigEndian: raw.loadUnaligned(as: UInt16.self)))
        case 4: return UInt64(UInt32(bigEndian: raw.loadUnaligned(as: UInt32.self)))
        case 8: return UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        default:
            // No caller asks for another width; read exactly `width` bytes all the same.
            var value: UInt64 = 0
            for index in 0..<width { value = value << 8 | UInt64(raw.load(fromByteOffset: index, as: UInt8.self)) }
            return value
        }
    }

    /// Reads a length-prefixed payload (str, bin, ext), checking the claimed length against the bytes left.
    ///
    /// - Returns: The payload, a view of the input (valid as long as the input buffer).
    @inline(__always)
    mutating func readPayload(_ length: UInt64, _ what: StaticString, at start: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard length <= UInt64(remaining) else {
            throw MessagePackError.lengthPastEnd("\(what)", at: start, claims: length, unit: "bytes", remaining: remaining)
        }
        let count = Int(length)
        defer { offset &+= count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset &+ count])
    }
}
