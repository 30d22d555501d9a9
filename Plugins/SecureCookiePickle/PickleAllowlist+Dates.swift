import SecureCookie

extension PickleAllowlist.Builder {
    /// `timedelta(days, seconds, microseconds, milliseconds, minutes, hours, weeks)` with int
    /// arguments, normalised as CPython does (exact integer arithmetic, every step checked), and
    /// refused past `|days| <= 999999999`. Float arguments are refused: CPython's rounding of their
    /// fractions is not reproduced.
    func timeDelta() throws -> PythonTimeDelta {
        guard arguments.count <= 7 else { throw bad("takes at most 7 arguments, got \(arguments.count)") }
        var fields = [Int](repeating: 0, count: 7)
        for (index, item) in arguments.enumerated() {
            if case .value(.float) = item { throw bad("float arguments are not supported") }
            fields[index] = try integerArgument(item)
        }
        let outOfRange = bad("days must have magnitude <= \(PythonTimeDelta.maximumDays)")
        func sum(_ terms: [(Int, Int)]) throws -> Int {
            var total = 0
            for (value, factor) in terms {
                let (product, o1) = value.multipliedReportingOverflow(by: factor)
                let (next, o2) = total.addingReportingOverflow(product)
                guard !o1, !o2 else { throw outOfRange }
                total = next
            }
            return total
        }
        let (carrySeconds, microseconds) = Self.floorDivision(try sum([(fields[2], 1), (fields[3], 1000)]), 1_000_000)
        let (carryDays, seconds) = Self.floorDivision(
            try sum([(fields[1], 1), (fields[4], 60), (fields[5], 3600), (carrySeconds, 1)]), 86_400)
        let days = try sum([(fields[0], 1), (fields[6], 7), (carryDays, 1)])
        guard days.magnitude <= UInt(PythonTimeDelta.maximumDays),  // checked: a positive constant
            let delta = PythonTimeDelta(days: days, seconds: seconds, microseconds: microseconds)
        else { throw outOfRange }
        return delta
    }

    /// Python's `divmod` by a positive divisor (which cannot overflow).
    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    /// Whether a timedelta is a valid `timezone` offset: strictly between -24 and +24 hours, checked
    /// on its normalised fields as CPython's `new_timezone` does (so no total is ever computed).
    static func isTimeZoneOffset(_ offset: PythonTimeDelta) -> Bool {
        offset.days == 0 || (offset.days == -1 && (offset.seconds > 0 || offset.microseconds > 0))
    }

    /// `timezone(offset[, name])`: the name must be a str; it is not kept (no value shows it).
    func timeZone() throws -> PythonTimeDelta {
        guard (1...2).contains(arguments.count) else { throw bad("takes 1 or 2 arguments, got \(arguments.count)") }
        guard case .value(.timedelta(let offset)) = arguments[0] else {
            throw bad("argument 1 must be datetime.timedelta, not \(arguments[0].typeName)")
        }
        if arguments.count == 2, try text(arguments[1]) == nil {
            throw bad("argument 2 must be str, not \(arguments[1].typeName)")
        }
        guard Self.isTimeZoneOffset(offset) else {
            throw bad("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)")
        }
        return offset
    }

    /// A tzinfo argument: `None`, or a `datetime.timezone` (whose offset the builder checked).
    func tzinfo(_ item: PickleItem?) throws -> PythonTimeDelta? {
        switch item {
        case nil, .value(.none)?: return nil
        case .timezone(let offset)?:
            guard Self.isTimeZoneOffset(offset) else { throw bad("tzinfo offset out of range") }
            return offset
        case .some(let other):
            if case .node(let node) = other, let parts = node.object {
                throw SecureCookieError.refused(
                    "tzinfo \(PickleAllowlist.shownName(parts.name))",
                    "only datetime.timezone offsets are read as a tzinfo (offset \(reader.opcodeOffset))")
            }
            throw bad("tzinfo must be a datetime.timezone, not \(other.typeName)")
        }
    }

    /// Integer fields, then an optional tzinfo at position `fieldCount.upperBound`, as the
    /// positional parameters of `time()` and `datetime()`.
    private func fieldsAndTZInfo(_ fieldCount: ClosedRange<Int>) throws -> ([Int], PythonTimeDelta?) {
        guard arguments.count <= fieldCount.upperBound + 1 else {
            throw bad("takes at most \(fieldCount.upperBound + 1) arguments, got \(arguments.count)")
        }
        guard arguments.count >= fieldCount.lowerBound else {
            throw bad("takes at least \(fieldCount.lowerBound) arguments, got \(arguments.count)")
        }
        let fields = try arguments.prefix(fieldCount.upperBound).map { try integerArgument($0) }
        let offset = try tzinfo(arguments.count > fieldCount.upperBound ? arguments[fieldCount.upperBound] : nil)
        return (fields, offset)
    }

    /// A pickled date, time or datetime state (bytes, a Python 2 str, or a str of code points below
    /// 256), when its length and month (or hour) byte make CPython read it as a state.
    private func state(_ item: PickleItem, count: Int, sane: ([UInt8]) -> Bool) -> [UInt8]? {
        let bytes: [UInt8]
        switch item {
        case .value(.bytes(let raw)), .python2String(let raw): bytes = raw
        case .value(.str(let text)):
            guard text.unicodeScalars.count == count, text.unicodeScalars.allSatisfy({ $0.value <= 0xFF }) else { return nil }
            bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        default: return nil
        }
        guard bytes.count == count, sane(bytes) else { return nil }
        return bytes
    }

    private static func monthIsSane(_ byte: UInt8) -> Bool { (1...12).contains(byte) }

    /// `date(year, month, day)` or a pickled date state.
    func date() throws -> PythonDate {
        if arguments.count == 1, let state = state(arguments[0], count: 4, sane: { Self.monthIsSane($0[2]) }) {
            // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
            guard let date = PythonDate(year: Int(state[0]) << 8 | Int(state[1]), month: Int(state[2]), day: Int(state[3]))
            else { throw bad("a date state out of range") }
            return date
        }
        guard arguments.count == 3 else { throw bad("takes 3 arguments, got \(arguments.count)") }
        let fields = try arguments.map { try integerArgument($0) }
        guard let date = PythonDate(year: fields[0], month: fields[1], day: fields[2]) else { throw bad("out of range") }
        return date
    }

    /// `time(hour, minute, second, microsecond, tzinfo)` or a pickled time state and tzinfo.
    func time() throws -> PythonTime {
        if (1...2).contains(arguments.count),
            let state = state(arguments[0], count: 6, sane: { $0[0] & 0x7F < 24 })
        {
            let offset = try tzinfo(arguments.count == 2 ? arguments[1] : nil)
            guard
                let time = PythonTime(
                    // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
                    hour: Int(state[0] & 0x7F), minute: Int(state[1]), second: Int(state[2]),
                    // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
                    microsecond: Int(state[3]) << 16 | Int(state[4]) << 8 | Int(state[5]), utcOffset: offset)
            else { throw bad("a time state out of range") }
            return time
        }
        let (fields, offset) = try fieldsAndTZInfo(0...4)
        let f = fields + Array(repeating: 0, count: 4 - fields.count)
        guard let time = PythonTime(hour: f[0], minute: f[1], second: f[2], microsecond: f[3], utcOffset: offset)
        else { throw bad("out of range") }
        return time
    }

    /// `datetime(year, month, day, hour, minute, second, microsecond, tzinfo)` or a pickled state and tzinfo.
    func dateTime() throws -> PythonDateTime {
        if (1...2).contains(arguments.count),
            let state = state(arguments[0], count: 10, sane: { Self.monthIsSane($0[2] & 0x7F) })
        {
            let offset = try tzinfo(arguments.count == 2 ? arguments[1] : nil)
            guard
                let value = PythonDateTime(
                    // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
                    year: Int(state[0]) << 8 | Int(state[1]), month: Int(state[2] & 0x7F), day: Int(state[3]),
                    // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
                    hour: Int(state[4]), minute: Int(state[5]), second: Int(state[6]),
                    // checked: bytes of a packed state, widened; shifts of at most 16 bits into Int
                    microsecond: Int(state[7]) << 16 | Int(state[8]) << 8 | Int(state[9]), utcOffset: offset)
            else { throw bad("a datetime state out of range") }
            return value
        }
        let (fields, offset) = try fieldsAndTZInfo(3...7)
        let f = fields + Array(repeating: 0, count: 7 - fields.count)
        guard
            let value = PythonDateTime(
                year: f[0], month: f[1], day: f[2], hour: f[3], minute: f[4], second: f[5], microsecond: f[6],
                utcOffset: offset)
        else { throw bad("out of range") }
        return value
    }
}
