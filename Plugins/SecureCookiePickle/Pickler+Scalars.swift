import SecureCookie

extension Pickler.Session {
    /// Writes any value (the C pickler's `save`).
    mutating func save(_ value: PythonValue) throws {
        try withUnsafePointer(to: value) { try save(at: $0) }
    }

    /// Writes the value at `pointer`. Containers hand their items over in place: a copy of an item
    /// would cost an atomic reference-count increment and decrement per string and container.
    mutating func save(at pointer: UnsafePointer<PythonValue>) throws {
        switch pointer.pointee {
        case .str(let text):
            if proto < 4 && proto >= 1 && text.utf8.count > 0xFFFF_FFFF { throw Self.tooLarge("str", proto) }
            saveStringValue(text)
        case .bytes(let bytes): try saveBytes(bytes, shared: Self.singletonKey(bytes))
        case .none:
            boundary()
            write(Op.none)
        case .bool(let flag):
            boundary()
            writeBool(flag)
        case .int(let integer):
            boundary()
            writeInt(integer)
        case .bigInt(let integer):
            boundary()
            try writeBigInt(integer)
        case .float(let double):
            boundary()
            writeFloat(double)
        case .complex(let real, let imaginary):
            boundary()
            try writeComplex(real, imaginary)
        case .bytearray(let bytes):
            boundary()
            try writeByteArray(bytes)
        case .list(let items):
            boundary()
            try nested { try $0.writeList(items) }
        case .tuple(let items):
            boundary()
            try nested { try $0.writeTuple(items) }
        case .dict(let dict):
            boundary()
            try nested { try $0.writeDict(dict) }
        case .set(let set):
            boundary()
            try nested { try $0.writeSet(set) }
        case .frozenset(let set):
            boundary()
            try nested { try $0.writeFrozenSet(set) }
        case .datetime(let datetime):
            boundary()
            try writeDateTime(datetime)
        case .date(let date):
            boundary()
            try writeDate(date)
        case .time(let time):
            boundary()
            try writeTime(time)
        case .timedelta(let delta):
            boundary()
            try writeTimeDelta(delta)
        case .decimal(let decimal):
            boundary()
            try writeDecimal(decimal)
        case .uuid, .markup:
            // Python pickles these through their classes (uuid.UUID, markupsafe.Markup), which this codec's
            // allowlist does not read back; writing them would make cookies it refuses.
            throw SecureCookieError.unrepresentable(
                "\(pointer.pointee.typeName) is pickled through its class, which this codec's allowlist does not read")
        }
    }

    /// CPython's refusal of a str or bytes over 4 GiB below protocol 4.
    static func tooLarge(_ type: String, _ proto: Int) -> SecureCookieError {
        .unrepresentable("a \(type) larger than 4 GiB needs pickle protocol 4 or higher, not \(proto)")
    }

    /// The singleton CPython uses for a string, if any: the empty string and one-character Latin-1 strings.
    ///
    /// - Parameter utf8: The string's UTF-8.
    /// - Returns: The singleton's key, or `nil` for a string CPython does not share.
    static func singletonKey(utf8: UnsafeBufferPointer<UInt8>) -> Pickler.SharedObject? {
        // By length: a Latin-1 character takes one byte (ASCII) or two (C2 or C3, then one more).
        switch utf8.count {
        case 0: return .latin1Character(-1)
        case 1: return .latin1Character(Int(utf8[0]))
        case 2 where utf8[0] == 0xC2 || utf8[0] == 0xC3:
            return .latin1Character(Int(utf8[0] & 0x1F) << 6 | Int(utf8[1] & 0x3F))
        default: return nil
        }
    }

    /// The singleton CPython uses for a bytes value, if any: empty and one-byte bytes.
    static func singletonKey(_ bytes: [UInt8]) -> Pickler.SharedObject? {
        switch bytes.count {
        case 0: return .byte(-1)
        case 1: return .byte(Int(bytes[0]))
        default: return nil
        }
    }

    // MARK: None, bool, int, float

    /// `save_bool`: `NEWTRUE`/`NEWFALSE` from protocol 2, `I01`/`I00` before.
    mutating func writeBool(_ flag: Bool) {
        if proto >= 2 {
            write(flag ? Op.newTrue : Op.newFalse)
        } else {
            write(ascii: flag ? "I01\n" : "I00\n")
        }
    }

    /// `save` of an `int`.
    mutating func saveInt(_ integer: Int) {
        boundary()
        writeInt(integer)
    }

    /// `save_long` for a machine integer.
    mutating func writeInt(_ integer: Int) {
        if integer >= Int(Int32.min) && integer <= Int(Int32.max) {
            if proto >= 1 {
                let bits = UInt32(bitPattern: Int32(integer))
                if bits >> 16 != 0 {
                    write(Op.binInt)
                    writeLittleEndian(UInt64(bits), byteCount: 4)
                } else if bits >> 8 != 0 {
                    write(Op.binInt2)
                    writeLittleEndian(UInt64(bits), byteCount: 2)
                } else {
                    write(Op.binInt1, UInt8(bits))
                }
            } else {
                write(Op.int)
                writeDecimal(integer)
                write(UInt8(ascii: "\n"))
            }
        } else if proto >= 2 {
            // Fewest two's-complement bytes that keep the sign: 5 to 8 here.
            var count = 8
            while count > 1 {
                let top = integer >> ((count - 1) * 8 - 1)  // the top byte and the sign bit below it
                if top == 0 || top == -1 { count -= 1 } else { break }
            }
            write(Op.long1, UInt8(count))
            writeLittleEndian(UInt64(bitPattern: Int64(integer)), byteCount: count)
        } else {
            write(Op.long)
            writeDecimal(integer)
            write(ascii: "L\n")
        }
    }

    /// `save_long` for an integer outside 64 bits: `LONG1`/`LONG4` from protocol 2, `L…L` text before.
    mutating func writeBigInt(_ integer: PythonBigInt) throws {
        if let small = integer.intValue {
            writeInt(small)
            return
        }
        if proto >= 2 {
            let bytes = integer.twosComplementLittleEndian
            if bytes.count < 256 {
                write(Op.long1, UInt8(bytes.count))
            } else {
                guard bytes.count <= 0x7FFF_FFFF else {
                    throw SecureCookieError.unrepresentable("the int is too large to pickle (\(bytes.count) bytes)")
                }
                write(Op.long4)
                writeLittleEndian(UInt64(bytes.count), byteCount: 4)
            }
            write(contentsOf: bytes)
        } else {
            // CPython's repr(int) refuses more than 4300 digits (sys.get_int_max_str_digits()).
            let limit = PythonBigInt.maximumDecimalDigits
            let tooLong = SecureCookieError.unrepresentable(
                "an int of more than \(limit) decimal digits cannot be pickled at protocol \(proto): CPython refuses to write its text")
            guard integer.bitWidth <= 14_285 else { throw tooLong }  // 2^14285 > 10^4300
            let text = integer.description
            guard text.utf8.count - (integer.isNegative ? 1 : 0) <= limit else { throw tooLong }
            write(Op.long)
            write(contentsOf: text.utf8)
            write(ascii: "L\n")
        }
    }

    /// `save` of a `float`.
    mutating func saveFloat(_ double: Double) {
        boundary()
        writeFloat(double)
    }

    /// `save_float`: `BINFLOAT` (big-endian IEEE 754) from protocol 1, `F` and `repr` at protocol 0.
    mutating func writeFloat(_ double: Double) {
        if proto >= 1 {
            write(Op.binFloat)
            output.appendBigEndian(double.bitPattern)
        } else {
            write(Op.float)
            write(contentsOf: PythonFloatRepr.repr(double).utf8)
            write(UInt8(ascii: "\n"))
        }
    }

    // MARK: str

    /// `save` of a `str` value: a fresh object unless CPython keeps it as a singleton.
    mutating func saveStringValue(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in saveStringValue(utf8: utf8, text) }
        if done == nil {
            var copy = text
            copy.withUTF8 { utf8 in saveStringValue(utf8: utf8, text) }
        }
    }

    private mutating func saveStringValue(utf8: UnsafeBufferPointer<UInt8>, _ text: String) {
        let key = Self.singletonKey(utf8: utf8)
        guard key == nil, proto >= 1 else { return saveString(text, shared: key) }
        boundary()
        writeUnicodeHeaderAndData(utf8)
        memoPut()
    }

    /// `save` of a `str`: a memo reference when it is a shared singleton already written, else
    /// `save_unicode` and a memo entry.
    ///
    /// - Parameters:
    ///   - text: The string.
    ///   - key: The singleton it is in CPython, or `nil` for a fresh object.
    mutating func saveString(_ text: String, shared key: Pickler.SharedObject?) {
        boundary()
        if fetchShared(key) { return }
        if proto >= 1 {
            let written: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
                writeUnicodeHeaderAndData(utf8)
            }
            if written == nil {
                var text = text
                text.withUTF8 { utf8 in writeUnicodeHeaderAndData(utf8) }
            }
        } else {
            write(Op.unicode)
            for scalar in text.unicodeScalars { writeRawUnicodeEscaped(scalar.value) }
            write(UInt8(ascii: "\n"))
        }
        let index = memoPut()
        if let key { shared[key] = index }
    }

    /// `write_unicode_binary`: `SHORT_BINUNICODE`, `BINUNICODE` or `BINUNICODE8`, then the UTF-8.
    private mutating func writeUnicodeHeaderAndData(_ utf8: UnsafeBufferPointer<UInt8>) {
        let proto = proto
        let count = utf8.count
        writeHeaderAndData(
            header: { session in
                if count <= 0xFF && proto >= 4 {
                    session.write(Op.shortBinUnicode, UInt8(count))
                } else if count <= 0xFFFF_FFFF || proto < 4 {
                    session.write(Op.binUnicode)
                    session.writeLittleEndian(UInt64(count), byteCount: 4)
                } else {
                    session.write(Op.binUnicode8)
                    session.writeLittleEndian(UInt64(count), byteCount: 8)
                }
            }, data: utf8)
    }

    /// One code point as the C pickler's `raw_unicode_escape` writes it for protocol 0: `\Uxxxxxxxx`
    /// from U+10000, `\uxxxx` from U+0100 and for `\`, NUL, LF, CR and U+001A, else the Latin-1 byte.
    private mutating func writeRawUnicodeEscaped(_ value: UInt32) {
        if value >= 0x1_0000 {
            writeHexEscape(value, letter: UInt8(ascii: "U"), digits: 8)
        } else if value >= 0x100 || value == 0x5C || value == 0 || value == 0x0A || value == 0x0D || value == 0x1A {
            writeHexEscape(value, letter: UInt8(ascii: "u"), digits: 4)
        } else {
            write(UInt8(value))
        }
    }

    private mutating func writeHexEscape(_ value: UInt32, letter: UInt8, digits: Int) {
        let hex: StaticString = "0123456789abcdef"
        write(UInt8(ascii: "\\"), letter)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            output.append(hex.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// `save` of a string that is bytes decoded as Latin-1 (the first argument of `_codecs.encode`),
    /// written without building the string.
    mutating func saveLatin1String(_ bytes: [UInt8]) {
        let key: Pickler.SharedObject? = bytes.count == 1 ? .latin1Character(Int(bytes[0])) : nil
        boundary()
        if fetchShared(key) { return }
        if proto >= 1 {
            if bytes.allSatisfy({ $0 < 0x80 }) {
                bytes.withUnsafeBufferPointer { writeUnicodeHeaderAndData($0) }
            } else {
                Self.latin1AsUTF8(bytes).withUnsafeBufferPointer { writeUnicodeHeaderAndData($0) }
            }
        } else {
            write(Op.unicode)
            for byte in bytes { writeRawUnicodeEscaped(UInt32(byte)) }
            write(UInt8(ascii: "\n"))
        }
        let index = memoPut()
        if let key { shared[key] = index }
    }

    /// Latin-1 bytes as UTF-8: bytes from 0x80 take two bytes each.
    static func latin1AsUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | (byte >> 6))
                utf8.append(0x80 | (byte & 0x3F))
            }
        }
        return utf8
    }

    // MARK: bytes

    /// `save` of a `bytes`: native opcodes from protocol 3, `_codecs.encode(latin1_text, 'latin1')`
    /// (or `bytes()` when empty) before, then a memo entry.
    ///
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - key: The singleton it is in CPython, or `nil` for a fresh object.
    /// - Throws: ``SecureCookieError`` of kind `unrepresentable` for bytes over 4 GiB (or, below
    ///   protocol 3, whose Latin-1 text is over 4 GiB) below protocol 4.
    mutating func saveBytes(_ bytes: [UInt8], shared key: Pickler.SharedObject?) throws {
        boundary()
        if fetchShared(key) { return }
        let index: Int
        if proto >= 3 {
            let count = bytes.count
            if proto < 4 && count > 0xFFFF_FFFF { throw Self.tooLarge("bytes", proto) }
            let proto = proto
            bytes.withUnsafeBufferPointer { data in
                writeHeaderAndData(
                    header: { session in
                        if count <= 0xFF {
                            session.write(Op.shortBinBytes, UInt8(count))
                        } else if count <= 0xFFFF_FFFF || proto < 4 {
                            session.write(Op.binBytes)
                            session.writeLittleEndian(UInt64(count), byteCount: 4)
                        } else {
                            session.write(Op.binBytes8)
                            session.writeLittleEndian(UInt64(count), byteCount: 8)
                        }
                    }, data: data)
            }
            index = memoPut()
        } else if bytes.isEmpty {
            index = try saveReduce(.bytes, argumentCount: 0) { _ in }
        } else {
            if proto >= 1 && bytes.count > 0x7FFF_FFFF && bytes.reduce(0, { $0 + ($1 < 0x80 ? 1 : 2) }) > 0xFFFF_FFFF {
                throw Self.tooLarge("str", proto)  // the Latin-1 text of the bytes
            }
            index = try saveReduce(.codecsEncode, argumentCount: 2) { session in
                session.saveLatin1String(bytes)
                session.saveString("latin1", shared: .latin1Constant)
            }
        }
        if let key { shared[key] = index }
    }
}
