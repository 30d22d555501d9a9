import SecureCookie

/// Reads a pickle's bytes in one pass.
///
/// Every read checks the bytes exist before touching them, so a claimed length (`BINBYTES8`,
/// `LONG4`, `FRAME`) never allocates or reads past the input. Frames bound nothing: CPython's C
/// `_pickle` (which Werkzeug's `pickle.loads` runs) only checks that a frame's bytes are present,
/// and so does ``beginFrame(_:)``.
internal struct PickleReader {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    /// The offset of the next byte.
    private(set) var position = 0
    /// The opcode being read and its offset, for error messages.
    var opcode: UInt8 = 0
    var opcodeOffset = 0

    /// A reader over the buffer, or `nil` for an empty one (which may have no address).
    init?(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
        self.base = base
        self.count = buffer.count
    }

    var isAtEnd: Bool { position >= count }

    /// An undecodable error naming the current opcode and offset.
    func error(_ what: String) -> SecureCookieError {
        .undecodable("\(what) (\(PickleOpcode.name(opcode)) at offset \(opcodeOffset))")
    }

    private func truncated(_ needed: Int) -> SecureCookieError {
        error("pickle data was truncated: \(needed) bytes needed, \(count - position) left")
    }

    /// Reads the next opcode, recording it for messages.
    @inline(__always) mutating func nextOpcode() throws -> UInt8 {
        guard position < count else {
            opcodeOffset = position
            throw SecureCookieError.undecodable("pickle data was truncated: no STOP opcode before offset \(position)")
        }
        opcodeOffset = position
        opcode = base[position]
        position += 1
        return opcode
    }

    @inline(__always) mutating func byte() throws -> UInt8 {
        guard position < count else { throw truncated(1) }
        defer { position += 1 }
        return base[position]
    }

    /// `n` bytes, after checking they exist.
    @inline(__always) mutating func bytes(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, n <= count - position else { throw truncated(n) }
        defer { position += n }
        return UnsafeBufferPointer(start: base + position, count: n)
    }

    /// An unsigned little-endian integer of `width` bytes (1, 2, 4 or 8).
    @inline(__always) mutating func unsigned(_ width: Int) throws -> UInt64 {
        let raw = try bytes(width)
        var value: UInt64 = 0
        for i in (0..<width).reversed() { value = value << 8 | UInt64(raw[i]) }
        return value
    }

    /// A signed little-endian 32-bit integer.
    @inline(__always) mutating func int32() throws -> Int {
        Int(Int32(bitPattern: UInt32(truncatingIfNeeded: try unsigned(4))))
    }

    /// A length of `width` bytes as a count, refusing one larger than the input.
    mutating func length(_ width: Int) throws -> Int {
        let value = try unsigned(width)
        guard value <= UInt64(count) else {
            throw error("pickle data was truncated: a length of \(value) bytes is claimed, \(count - position) left")
        }
        return Int(value)
    }

    /// The bytes up to the next newline, without it (the newline is consumed).
    mutating func line() throws -> UnsafeBufferPointer<UInt8> {
        var i = position
        while i < count, base[i] != 0x0A { i += 1 }
        guard i < count else { throw error("pickle data was truncated: no newline") }
        defer { position = i + 1 }
        return UnsafeBufferPointer(start: base + position, count: i - position)
    }

    /// A reader at an earlier opcode's offset: to read a scalar a second time.
    func rereading(at offset: Int) -> PickleReader {
        var copy = self
        copy.position = min(max(offset, 0), count)
        return copy
    }

    /// The `FRAME` opcode, as CPython's C `_pickle` reads it: the frame's `size` bytes must be
    /// present, and that is all. Opcodes may straddle frame ends and frames may nest or overlap.
    mutating func beginFrame(_ size: UInt64) throws {
        guard size <= UInt64(count - position) else {
            throw error("pickle exhausted before end of frame: a frame of \(size) bytes is claimed, \(count - position) left")
        }
    }
}
