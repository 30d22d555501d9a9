import SecureCookie

/// A cursor over MessagePack input that never reads past the end: every read is checked first.
///
/// Offsets in messages count from the first byte of the input.
internal struct MessagePackReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// The offset of the next byte from the start of the input.
    var offset: Int { position - bytes.startIndex }

    /// The number of bytes not yet read.
    var remaining: Int { bytes.endIndex - position }

    /// Reads one byte.
    ///
    /// - Parameters:
    ///   - what: What is being read, for the message.
    ///   - start: The offset of the value it belongs to.
    /// - Returns: The byte.
    /// - Throws: ``SecureCookieError`` (undecodable) at the end of the input.
    mutating func readByte(_ what: String, at start: Int) throws -> UInt8 {
        guard remaining >= 1 else { throw MessagePackError.truncated(what, at: start, needs: 1, remaining: 0) }
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads a big-endian unsigned integer of 1, 2, 4 or 8 bytes.
    mutating func readBigEndian(_ width: Int, _ what: String, at start: Int) throws -> UInt64 {
        try readBytes(width, what, at: start).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Reads `count` bytes, after checking that they are there.
    mutating func readBytes(_ count: Int, _ what: String, at start: Int) throws -> ArraySlice<UInt8> {
        guard count <= remaining else {
            throw MessagePackError.truncated(what, at: start, needs: count, remaining: remaining)
        }
        defer { position += count }
        return bytes[position..<position + count]
    }

    /// Reads a length-prefixed payload (str, bin, ext), checking the claimed length against the bytes left.
    mutating func readPayload(_ length: UInt64, _ what: String, at start: Int) throws -> ArraySlice<UInt8> {
        guard length <= UInt64(remaining) else {
            throw MessagePackError.lengthPastEnd(what, at: start, claims: length, unit: "bytes", remaining: remaining)
        }
        return try readBytes(Int(length), what, at: start)
    }
}
