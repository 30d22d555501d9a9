import SecureCookie

/// Reading the ISO 8601 text `isoformat()` writes for `$datetime`, `$date` and `$time`.
///
/// Accepted: `YYYY-MM-DD`; `HH:MM[:SS[.f…]]` with 1 to 6 fraction digits; a datetime joins the two
/// with `T` (or a space); a time or datetime may end in a UTC offset `±HH:MM[:SS[.ffffff]]` or `Z`.
internal enum TaggedJSONDates {
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func digits(_ count: Int) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for _ in 0..<count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)  // checked: at most 6 digits
                index += 1
            }
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// `.f…` (1 to 6 digits) as microseconds; 0 when absent.
        mutating func fraction(exactlySix: Bool) -> Int? {
            guard take(UInt8(ascii: ".")) else { return 0 }
            var value = 0
            var count = 0
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10, count < 6 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))  // checked: at most 6 digits
                index += 1
                count += 1
            }
            guard count > 0, !exactlySix || count == 6 else { return nil }
            for _ in count..<6 { value *= 10 }
            return value
        }
    }

    /// Parses `YYYY-MM-DD`.
    internal static func date(_ text: String) -> PythonDate? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let date = date(&scanner), scanner.atEnd else { return nil }
        return date
    }

    /// Parses `HH:MM[:SS[.ffffff]][offset]`.
    internal static func time(_ text: String) -> PythonTime? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let time = time(&scanner), scanner.atEnd else { return nil }
        return time
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.ffffff]][offset]`.
    internal static func dateTime(_ text: String) -> PythonDateTime? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let date = date(&scanner), scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: " ")),
            let time = time(&scanner), scanner.atEnd
        else { return nil }
        return PythonDateTime(date: date, time: time)
    }

    private static func date(_ scanner: inout Scanner) -> PythonDate? {
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")), let month = scanner.digits(2),
            scanner.take(UInt8(ascii: "-")), let day = scanner.digits(2)
        else { return nil }
        return PythonDate(year: year, month: month, day: day)
    }

    private static func time(_ scanner: inout Scanner) -> PythonTime? {
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2) else { return nil }
        var second = 0
        var microsecond = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let s = scanner.digits(2), let us = scanner.fraction(exactlySix: false) else { return nil }
            second = s
            microsecond = us
        }
        var offset: PythonTimeDelta?
        if scanner.take(UInt8(ascii: "Z")) {
            offset = PythonTimeDelta(days: 0)
        } else if let sign = scanner.take(UInt8(ascii: "+")) ? 1 : scanner.take(UInt8(ascii: "-")) ? -1 : nil {
            guard let hours = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minutes = scanner.digits(2),
                minutes < 60
            else { return nil }
            var seconds = 0
            var microseconds = 0
            if scanner.take(UInt8(ascii: ":")) {
                guard let s = scanner.digits(2), s < 60, let us = scanner.fraction(exactlySix: true) else { return nil }
                seconds = s
                microseconds = us
            }
            offset = PythonTimeDelta(
                days: 0, seconds: sign * (hours * 3600 + minutes * 60 + seconds),
                microseconds: sign * microseconds)
            guard offset != nil else { return nil }
        }
        return PythonTime(hour: hour, minute: minute, second: second, microsecond: microsecond, utcOffset: offset)
    }
}
