import SecureCookie

/// The ways MessagePack input or output goes wrong, each as a ``SecureCookieError`` with a reason
/// that names the offset and the format byte involved.
///
/// Offsets count from the first byte of the value being read.
internal enum MessagePackError {
    /// Input ends inside a value.
    static func truncated(_ what: String, at offset: Int, needs: Int, remaining: Int) -> SecureCookieError {
        .undecodable("truncated MessagePack: \(what) at offset \(offset) needs \(needs) bytes, \(remaining) remain")
    }

    /// A container or string claims more than the input can hold.
    static func lengthPastEnd(_ what: String, at offset: Int, claims count: UInt64, unit: String, remaining: Int)
        -> SecureCookieError
    {
        .undecodable(
            "truncated MessagePack: \(what) at offset \(offset) claims \(count) \(unit) but only \(remaining) bytes remain"
        )
    }

    /// Input holds bytes after the one value.
    static func trailingBytes(_ count: Int, at offset: Int) -> SecureCookieError {
        .undecodable("\(count) trailing byte\(count == 1 ? "" : "s") after the MessagePack value, from offset \(offset)")
    }

    /// The never-used format byte `0xc1`.
    static func reservedFormat(at offset: Int) -> SecureCookieError {
        .undecodable("format byte 0xc1 at offset \(offset) is never used by MessagePack")
    }

    /// A `str` whose bytes are not UTF-8 (Python's `raw=False` decodes strictly).
    static func invalidUTF8(at offset: Int) -> SecureCookieError {
        .undecodable("str at offset \(offset) is not valid UTF-8")
    }

    /// A timestamp extension whose payload is not 4, 8 or 12 bytes.
    static func timestampLength(_ length: Int, at offset: Int) -> SecureCookieError {
        .undecodable("timestamp (ext -1) at offset \(offset) has \(length) payload bytes; only 4, 8 or 12 are valid")
    }

    /// A timestamp whose nanoseconds field is 10^9 or more (the field's value is not shown).
    static func timestampNanoseconds(at offset: Int) -> SecureCookieError {
        .undecodable("timestamp at offset \(offset) has a nanoseconds field above 999999999")
    }

    /// A timestamp outside `datetime`'s years 1 to 9999 (its seconds are not shown).
    static func timestampRange(at offset: Int) -> SecureCookieError {
        .undecodable("timestamp at offset \(offset) is outside datetime's years 1-9999")
    }

    /// An extension type other than the timestamp.
    static func extType(_ type: Int8, length: Int, at offset: Int) -> SecureCookieError {
        .refused("ext type \(type)", "MessagePack extension type \(type) (\(length) bytes) at offset \(offset) has no Python value")
    }

    /// A map key Python cannot hash.
    static func unhashableKey(_ typeName: String, at offset: Int) -> SecureCookieError {
        .refused("map key of type \(typeName)", "Python cannot use a \(typeName) (at offset \(offset)) as a dict key")
    }

    /// Containers nested deeper than the limit.
    static func depth(_ limit: Int, at offset: Int) -> SecureCookieError {
        .limitExceeded(.depth, "container at offset \(offset) is nested more than \(limit) levels deep")
    }

    /// More nodes than the limit.
    static func nodes(_ limit: Int, at offset: Int) -> SecureCookieError {
        .limitExceeded(.nodes, "more than \(limit) nodes (reached at offset \(offset))")
    }

    /// More str, bin and big-int bytes than ``SecureCookieLimits/maximumMaterializedBytes``.
    static func materializedBytes(_ limit: Int, at offset: Int) -> SecureCookieError {
        .limitExceeded(
            .materializedBytes, "more than \(limit) bytes of strings, bytes and digits (reached at offset \(offset))")
    }

    /// More input than the limit.
    static func valueBytes(_ count: Int, limit: Int) -> SecureCookieError {
        .limitExceeded(.valueBytes, "\(count) bytes of MessagePack, more than \(limit)")
    }

    /// A value `msgpack.packb` refuses.
    static func cannotSerialize(_ value: PythonValue, _ detail: String = "") -> SecureCookieError {
        .unrepresentable(
            "MessagePack can not serialize a '\(value.typeName)' object" + (detail.isEmpty ? "" : " (\(detail))"))
    }

    /// An integer outside the range MessagePack holds.
    static func integerRange(_ value: PythonBigInt) -> SecureCookieError {
        .unrepresentable(
            "MessagePack integers lie in [-2**63, 2**64); a\(value.isNegative ? " negative" : "n") int of \(value.bitWidth) bits does not")
    }

    /// Nesting past `msgpack.packb`'s recursion limit.
    static func packDepth(_ limit: Int) -> SecureCookieError {
        .unrepresentable("value nests more than \(limit) levels deep, past msgpack.packb's recursion limit")
    }

    /// A length MessagePack cannot write (2^32 or more).
    static func packLength(_ what: String, _ length: Int) -> SecureCookieError {
        .unrepresentable("\(what) of length \(length) is too long for MessagePack (at most 2**32 - 1)")
    }

    /// msgpack-c could not allocate its output buffer.
    static func outOfMemory() -> SecureCookieError {
        .unrepresentable("msgpack-c could not grow its output buffer")
    }
}
