import SecureCookie

extension Pickler.Session {
    // MARK: Globals and reduce

    /// `save_global` of a class or function: from protocol 4 its module name (interned, so shared)
    /// and name as strings then `STACK_GLOBAL`; before, `GLOBAL module\nname\n` with Python 2
    /// module names below protocol 3. A memo entry follows, so a second use is a memo reference.
    ///
    /// - Parameter global: The class or function.
    mutating func saveGlobal(_ global: Pickler.Global) {
        boundary()
        let key = Pickler.SharedObject.global(global)
        if fetchShared(key) { return }
        if proto >= 4 {
            saveString(global.module.name, shared: .moduleName(global.module))
            saveString(global.name, shared: nil)
            write(Op.stackGlobal)
        } else {
            write(Op.global)
            // _compat_pickle.REVERSE_IMPORT_MAPPING, for the one module used here.
            write(contentsOf: (proto < 3 && global.module == .builtins ? "__builtin__" : global.module.name).utf8)
            write(UInt8(ascii: "\n"))
            write(contentsOf: global.name.utf8)
            write(UInt8(ascii: "\n"))
        }
        shared[key] = memoPut()
    }

    /// `save_reduce` of `(callable, args)` with no state: the callable, the argument tuple,
    /// `REDUCE`, and a memo entry for the object built.
    ///
    /// - Parameters:
    ///   - callable: The class or function called.
    ///   - argumentCount: The number of arguments.
    ///   - arguments: Saves the arguments.
    /// - Returns: The memo index of the object built.
    /// - Throws: What `arguments` throws.
    @discardableResult
    mutating func saveReduce(
        _ callable: Pickler.Global, argumentCount: Int, arguments: (inout Pickler.Session) throws -> Void
    ) throws -> Int {
        saveGlobal(callable)
        try saveTuple(count: argumentCount, items: arguments)
        write(Op.reduce)
        return memoPut()
    }

    // MARK: Builtins by reduce

    /// `complex`: `copyreg.pickle_complex` gives `complex(real, imag)` at every protocol.
    mutating func writeComplex(_ real: Double, _ imaginary: Double) throws {
        try saveReduce(.complex, argumentCount: 2) { session in
            session.saveFloat(real)
            session.saveFloat(imaginary)
        }
    }

    /// `save_bytearray`: `BYTEARRAY8` and a memo entry at protocol 5; before, `bytearray(bytes)`
    /// (a fresh bytes object) or `bytearray()` by reduce.
    mutating func writeByteArray(_ bytes: [UInt8]) throws {
        if proto >= 5 {
            bytes.withUnsafeBufferPointer { data in
                writeHeaderAndData(
                    header: { session in
                        session.write(Op.byteArray8)
                        session.writeLittleEndian(UInt64(data.count), byteCount: 8)
                    }, data: data)
            }
            memoPut()
        } else if bytes.isEmpty {
            try saveReduce(.bytearray, argumentCount: 0) { _ in }
        } else {
            try saveReduce(.bytearray, argumentCount: 1) { session in
                try session.saveBytes(bytes, shared: nil)
            }
        }
    }

    /// `Decimal.__reduce__`: `Decimal(str(self))`, the string a fresh object.
    mutating func writeDecimal(_ decimal: PythonDecimal) throws {
        try saveReduce(.decimal, argumentCount: 1) { session in
            session.saveString(decimal.description, shared: nil)
        }
    }

    // MARK: datetime

    /// `timedelta.__reduce__`: `timedelta(days, seconds, microseconds)`.
    mutating func writeTimeDelta(_ delta: PythonTimeDelta) throws {
        try saveReduce(.timedelta, argumentCount: 3) { session in
            session.saveInt(delta.days)
            session.saveInt(delta.seconds)
            session.saveInt(delta.microseconds)
        }
    }

    /// `date.__reduce__`: `date(state)`, the state 4 bytes (year high, year low, month, day).
    mutating func writeDate(_ date: PythonDate) throws {
        let state = [UInt8(date.year >> 8), UInt8(date.year & 0xFF), UInt8(date.month), UInt8(date.day)]
        try saveReduce(.date, argumentCount: 1) { session in
            try session.saveBytes(state, shared: nil)
        }
    }

    /// `time.__reduce_ex__`: `time(state)` or `time(state, tzinfo)`, the state 6 bytes
    /// (hour, minute, second, microsecond big-endian in 3 bytes).
    mutating func writeTime(_ time: PythonTime) throws {
        let state = Self.timeState(time)
        try saveReduce(.time, argumentCount: time.utcOffset == nil ? 1 : 2) { session in
            try session.saveBytes(state, shared: nil)
            if let offset = time.utcOffset { try session.saveTimeZone(offset) }
        }
    }

    /// `datetime.__reduce_ex__`: `datetime(state)` or `datetime(state, tzinfo)`, the state 10 bytes
    /// (the date's 4, then the time's 6).
    mutating func writeDateTime(_ datetime: PythonDateTime) throws {
        let date = datetime.date
        let state =
            [UInt8(date.year >> 8), UInt8(date.year & 0xFF), UInt8(date.month), UInt8(date.day)]
            + Self.timeState(datetime.time)
        try saveReduce(.datetime, argumentCount: datetime.utcOffset == nil ? 1 : 2) { session in
            try session.saveBytes(state, shared: nil)
            if let offset = datetime.utcOffset { try session.saveTimeZone(offset) }
        }
    }

    private static func timeState(_ time: PythonTime) -> [UInt8] {
        [
            UInt8(time.hour), UInt8(time.minute), UInt8(time.second),
            UInt8(time.microsecond >> 16), UInt8((time.microsecond >> 8) & 0xFF), UInt8(time.microsecond & 0xFF),
        ]
    }

    /// `save` of a `datetime.timezone` with a fixed offset and no name: `timezone(timedelta)`;
    /// a zero offset is the `timezone.utc` singleton, written once.
    private mutating func saveTimeZone(_ offset: PythonTimeDelta) throws {
        boundary()
        // Checked on the normalised fields, so no total (which overflows for large days) is computed.
        guard PickleAllowlist.Builder.isTimeZoneOffset(offset) else {
            throw SecureCookieError.unrepresentable(
                "a UTC offset of \(offset.days) days is not strictly within ±24 hours; Python's timezone refuses it")
        }
        let isUTC = offset.days == 0 && offset.seconds == 0 && offset.microseconds == 0
        if isUTC && fetchShared(.utc) { return }
        let index = try saveReduce(.timezone, argumentCount: 1) { session in
            session.boundary()
            try session.writeTimeDelta(offset)
        }
        if isUTC { shared[.utc] = index }
    }
}
