import SecureCookie

/// The MessagePack timestamp extension (type -1): seconds since the Unix epoch and nanoseconds.
///
/// Python's `msgpack` reads one as an aware UTC `datetime`, dropping the nanoseconds below a
/// microsecond (it truncates, even before 1970), and writes an aware `datetime` as one.
internal struct MessagePackTimestamp: Equatable {
    /// The extension type of timestamps.
    static let extensionType: Int8 = -1

    /// The first second `datetime` can hold, 0001-01-01T00:00:00Z.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// The last second `datetime` can hold, 9999-12-31T23:59:59Z.
    static let maximumSeconds: Int64 = 253_402_300_799

    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    var nanoseconds: UInt32

    init(seconds: Int64, nanoseconds: UInt32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The instant of an aware datetime, as `Timestamp.from_datetime` computes it.
    init(_ datetime: PythonDateTime) {
        let microseconds = datetime.microsecondsSinceUnixEpoch
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        let floorSeconds = remainder < 0 ? quotient - 1 : quotient
        let floorRemainder = remainder < 0 ? remainder + 1_000_000 : remainder
        self.init(seconds: Int64(floorSeconds), nanoseconds: UInt32(floorRemainder * 1000))
    }

    /// Reads the 4-, 8- or 12-byte payload.
    ///
    /// - Parameters:
    ///   - payload: The extension's data.
    ///   - offset: Where the extension starts, for messages.
    /// - Throws: ``SecureCookieError`` (undecodable) for another length or nanoseconds of 10^9 or more.
    init(payload: UnsafeBufferPointer<UInt8>, at offset: Int) throws {
        func bigEndian(_ range: Range<Int>) -> UInt64 {
            payload[range].reduce(0) { $0 << 8 | UInt64($1) }
        }
        switch payload.count {
        case 4:
            self.init(seconds: Int64(bigEndian(0..<4)), nanoseconds: 0)
        case 8:
            let data = bigEndian(0..<8)
            self.init(seconds: Int64(data & 0x3_FFFF_FFFF), nanoseconds: UInt32(data >> 34))
        case 12:
            self.init(seconds: Int64(bitPattern: bigEndian(4..<12)), nanoseconds: UInt32(bigEndian(0..<4)))
        default:
            throw MessagePackError.timestampLength(payload.count, at: offset)
        }
        guard nanoseconds < 1_000_000_000 else { throw MessagePackError.timestampNanoseconds(at: offset) }
    }

    /// The aware UTC datetime Python's `timestamp=3` gives: nanoseconds truncated to microseconds.
    ///
    /// - Parameter offset: Where the extension starts, for messages.
    /// - Returns: The datetime, with a UTC offset of zero.
    /// - Throws: ``SecureCookieError`` (undecodable) outside years 1 to 9999.
    func datetime(at offset: Int) throws -> PythonDateTime {
        guard (Self.minimumSeconds...Self.maximumSeconds).contains(seconds),
            let utc = PythonTimeDelta(days: 0),
            let value = PythonDateTime(
                // In range, |seconds| < 2^38, so the product and sum stay far below 2^63.
                microsecondsSinceUnixEpoch: Int(seconds) * 1_000_000 + Int(nanoseconds / 1000), utcOffset: utc)
        else { throw MessagePackError.timestampRange(at: offset) }
        return value
    }
}
