import SecureCookie

/// What a scalar opcode pushes: a finished value, or a Python 2 `str` whose bytes are decoded
/// later (by the ``PicklePython2Strings`` option, or read raw by the datetime constructors).
internal enum PickleScalar {
    case value(PythonValue)
    case python2String([UInt8])
}

extension PickleReader {
    /// Reads the argument of a scalar opcode (`NONE`, the ints, floats, strings and bytes).
    ///
    /// Shared by ``Unpickler`` and ``PlainUnpickler`` (which calls the argument readers below
    /// itself for the commonest opcodes), so both read every scalar the same way.
    ///
    /// - Parameter op: The opcode just read.
    /// - Returns: The scalar, or `nil` when `op` is not a scalar opcode (nothing is consumed).
    /// - Throws: ``SecureCookieError``: `undecodable` for a truncated or malformed argument,
    ///   `limit-exceeded` for an integer of more than 4300 digits.
    @inline(__always) mutating func scalar(_ op: UInt8) throws -> PickleScalar? {
        switch op {
        case PickleOpcode.none: return .value(.none)
        case PickleOpcode.newTrue: return .value(.bool(true))
        case PickleOpcode.newFalse: return .value(.bool(false))
        case PickleOpcode.binInt: return .value(.int(try int32()))
        case PickleOpcode.binInt1: return .value(.int(try binInt1()))
        case PickleOpcode.binInt2: return .value(.int(try binInt2()))
        case PickleOpcode.int:
            return .value(try PickleNumberText.intOpcode(try line(), reader: self))
        case PickleOpcode.long:
            return .value(try PickleNumberText.longOpcode(try line(), reader: self))
        case PickleOpcode.long1:
            let count = Int(try byte())
            return .value(Self.long(try bytes(count)))
        case PickleOpcode.long4:
            let count = try int32()
            guard count >= 0 else { throw error("LONG pickle has negative byte count") }
            return .value(Self.long(try bytes(count)))
        case PickleOpcode.float:
            return .value(.float(try PickleNumberText.floatOpcode(try line(), reader: self)))
        case PickleOpcode.binFloat:
            return .value(.float(try binFloat()))
        case PickleOpcode.string:
            return .python2String(try PickleText.quotedString(try line(), reader: self))
        case PickleOpcode.binString:
            let count = try int32()
            guard count >= 0 else { throw error("BINSTRING pickle has negative byte count") }
            return .python2String(Array(try bytes(count)))
        case PickleOpcode.shortBinString:
            let count = Int(try byte())
            return .python2String(Array(try bytes(count)))
        case PickleOpcode.unicode:
            return .value(.str(try PickleText.rawUnicodeEscape(try line(), reader: self)))
        case PickleOpcode.shortBinUnicode:
            return .value(.str(try shortBinUnicode()))
        case PickleOpcode.binUnicode:
            let count = try length(4)
            return .value(.str(try PickleText.utf8(try bytes(count), reader: self, what: "the str")))
        case PickleOpcode.binUnicode8:
            let count = try length(8)
            return .value(.str(try PickleText.utf8(try bytes(count), reader: self, what: "the str")))
        case PickleOpcode.shortBinBytes:
            let count = Int(try byte())
            return .value(.bytes(Array(try bytes(count))))
        case PickleOpcode.binBytes:
            let count = try length(4)
            return .value(.bytes(Array(try bytes(count))))
        case PickleOpcode.binBytes8:
            let count = try length(8)
            return .value(.bytes(Array(try bytes(count))))
        case PickleOpcode.byteArray8:
            let count = try length(8)
            return .value(.bytearray(Array(try bytes(count))))
        case PickleOpcode.emptyTuple:
            return .value(.tuple([]))
        default:
            return nil
        }
    }

    // The arguments of the scalar opcodes plain pickles are mostly made of, which ``PlainUnpickler``
    // reads without going through ``scalar(_:)``.

    /// The argument of `BININT1`.
    @inline(__always) mutating func binInt1() throws -> Int { Int(try byte()) }

    /// The argument of `BININT2`.
    @inline(__always) mutating func binInt2() throws -> Int { Int(try unsigned(2)) }

    /// The argument of `BINFLOAT`: a big-endian IEEE 754 double.
    @inline(__always) mutating func binFloat() throws -> Double { Double(bitPattern: try unsigned(8).byteSwapped) }

    /// The argument of `SHORT_BINUNICODE`: a length byte and that many bytes of UTF-8.
    @inline(__always) mutating func shortBinUnicode() throws -> String {
        let count = Int(try byte())
        return try PickleText.utf8(try bytes(count), reader: self, what: "the str")
    }

    /// A `LONG1`/`LONG4` integer: little-endian two's complement.
    static func long(_ bytes: UnsafeBufferPointer<UInt8>) -> PythonValue {
        if bytes.count <= 8 {
            guard let last = bytes.last else { return .int(0) }
            var value: UInt64 = last & 0x80 != 0 ? ~0 : 0
            for byte in bytes.reversed() { value = value << 8 | UInt64(byte) }
            return .int(Int(bitPattern: UInt(value)))
        }
        return .integer(PythonBigInt(twosComplementLittleEndian: bytes))
    }
}
