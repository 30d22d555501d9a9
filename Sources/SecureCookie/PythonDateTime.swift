/// A Python `datetime.timedelta`, normalised as Python normalises it.
///
/// `0 <= seconds < 86400`, `0 <= microseconds < 1_000_000`, and `days` carries the sign.
public struct PythonTimeDelta: Sendable, Hashable, Comparable {
    /// Whole days, possibly negative; Python bounds it to ±999,999,999.
    public let days: Int
    /// Seconds within the day, `0..<86400`.
    public let seconds: Int
    /// Microseconds within the second, `0..<1_000_000`.
    public let microseconds: Int

    /// The largest number of days Python allows.
    public static let maximumDays = 999_999_999

    /// Creates a normalised timedelta from fields of any sign, as `timedelta(days, seconds, microseconds)`.
    ///
    /// Every `Int` is accepted without overflow; fails (is `nil`) when the result is outside
    /// Python's range (±999,999,999 days), as Python's `OverflowError`.
    ///
    /// - Parameters:
    ///   - days: Days.
    ///   - seconds: Seconds.
    ///   - microseconds: Microseconds.
    public init?(days: Int, seconds: Int = 0, microseconds: Int = 0) {
        // Carries move right to left; each is at most |Int| / 10^6 or / 86,400, and each sum is checked.
        let us = microseconds.floorModulo(1_000_000)
        let (s0, o1) = seconds.addingReportingOverflow(microseconds.floorDivide(1_000_000))
        guard !o1 else { return nil }
        let s = s0.floorModulo(86_400)
        let (d, o2) = days.addingReportingOverflow(s0.floorDivide(86_400))
        // `magnitude`, not `abs`: `abs(Int.min)` traps.
        guard !o2, d.magnitude <= UInt(Self.maximumDays) else { return nil }  // checked: a positive constant
        self.days = d
        self.seconds = s
        self.microseconds = us
    }

    /// The total length in microseconds.
    ///
    /// Exact for every timedelta Python allows: ±999,999,999 days are about ±8.64 × 10^19 µs, more
    /// than `Int` holds, so the result saturates at `Int.min`/`Int.max` beyond about ±106,751 days.
    /// Use ``totalMicrosecondsIfRepresentable`` to tell the two apart.
    public var totalMicroseconds: Int {
        totalMicrosecondsIfRepresentable ?? (days < 0 ? Int.min : Int.max)
    }

    /// The total length in microseconds, or `nil` when it does not fit in an `Int` (beyond about
    /// ±106,751 days).
    public var totalMicrosecondsIfRepresentable: Int? {
        let (dayMicroseconds, o1) = days.multipliedReportingOverflow(by: 86_400_000_000)
        let (withSeconds, o2) = dayMicroseconds.addingReportingOverflow(seconds * 1_000_000)
        let (total, o3) = withSeconds.addingReportingOverflow(microseconds)
        return o1 || o2 || o3 ? nil : total
    }

    /// Orders by length.
    public static func < (lhs: PythonTimeDelta, rhs: PythonTimeDelta) -> Bool {
        (lhs.days, lhs.seconds, lhs.microseconds) < (rhs.days, rhs.seconds, rhs.microseconds)
    }

    /// The offset as `datetime.isoformat()` appends it: `+HH:MM`, with `:SS` and `.ffffff` when needed.
    ///
    /// Meant for offsets (within ±24 hours); any timedelta is written without overflow, as
    /// `±H…H:MM:SS.ffffff` of its whole length.
    public var utcOffsetText: String {
        let negative = days < 0
        // |delta| as (whole seconds, microseconds), computed on the normalised fields so that no
        // product can overflow: |days| ≤ 999,999,999, so |days| × 86,400 + 86,399 < 8.7 × 10^13.
        // checked: |days| <= 999,999,999 and 0 <= seconds < 86,400: below 8.7e13
        var wholeSeconds = days.magnitude * 86_400 + UInt(seconds)
        var us = UInt(microseconds)  // checked: 0 <= microseconds < 10^6
        if negative {
            // −(d·86400 + s + us/10^6) for d < 0: borrow a second when there are microseconds.
            // checked: |days| <= 999,999,999 and 0 <= seconds < 86,400: below 8.7e13
            wholeSeconds = days.magnitude * 86_400 - UInt(seconds)
            if us != 0 {
                wholeSeconds -= 1
                us = 1_000_000 - us
            }
        }
        let sign = negative ? "-" : "+"
        let s = Int(wholeSeconds)  // checked: below 8.7 × 10^13 (see above)
        let usInt = Int(us)  // checked: below 10^6
        var text = sign + zeroPadded(s / 3600, 2) + ":" + zeroPadded((s / 60) % 60, 2)
        if s % 60 != 0 || usInt != 0 { text += ":" + zeroPadded(s % 60, 2) }
        if usInt != 0 { text += "." + zeroPadded(usInt, 6) }
        return text
    }
}

/// A Python `datetime.date`.
public struct PythonDate: Sendable, Hashable, Comparable {
    /// Year, 1...9999.
    public let year: Int
    /// Month, 1...12.
    public let month: Int
    /// Day of the month.
    public let day: Int

    /// Creates a date, checking it as Python does.
    ///
    /// - Returns: `nil` for a date Python would refuse.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= PythonDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceUnixEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivide(400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    ///
    /// - Returns: `nil` outside years 1...9999.
    public init?(daysSinceUnixEpoch days: Int) {
        // 0001-01-01 ... 9999-12-31; checked first so that the arithmetic below cannot overflow.
        guard (-719_162...2_932_896).contains(days) else { return nil }
        let z = days + 719_468
        let era = z.floorDivide(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// `YYYY-MM-DD`, as `isoformat()` writes it.
    public var isoFormat: String { zeroPadded(year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2) }

    /// Orders by calendar.
    public static func < (lhs: PythonDate, rhs: PythonDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A Python `datetime.time`, naive or with a fixed UTC offset.
public struct PythonTime: Sendable, Hashable {
    /// Hour, 0...23.
    public let hour: Int
    /// Minute, 0...59.
    public let minute: Int
    /// Second, 0...59.
    public let second: Int
    /// Microsecond, 0...999,999.
    public let microsecond: Int
    /// The fixed UTC offset, or `nil` for a naive time.
    public let utcOffset: PythonTimeDelta?

    /// Creates a time, checking it as Python does (an offset must lie strictly within ±24 hours).
    ///
    /// - Returns: `nil` for a time Python would refuse.
    public init?(hour: Int, minute: Int = 0, second: Int = 0, microsecond: Int = 0, utcOffset: PythonTimeDelta? = nil) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
            (0...999_999).contains(microsecond)
        else { return nil }
        // Within ±24 hours means days is 0 or -1 once normalised; checked first so that
        // `totalMicroseconds` cannot overflow on a huge timedelta.
        if let utcOffset, !(-1...0).contains(utcOffset.days) || utcOffset.totalMicroseconds.magnitude >= 86_400_000_000 {
            return nil
        }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.utcOffset = utcOffset
    }

    /// `HH:MM:SS[.ffffff][+HH:MM]`, as `isoformat()` writes it.
    public var isoFormat: String {
        var text = zeroPadded(hour, 2) + ":" + zeroPadded(minute, 2) + ":" + zeroPadded(second, 2)
        if microsecond != 0 { text += "." + zeroPadded(microsecond, 6) }
        if let utcOffset { text += utcOffset.utcOffsetText }
        return text
    }
}

/// A Python `datetime.datetime`, naive or with a fixed UTC offset (`datetime.timezone`).
public struct PythonDateTime: Sendable, Hashable {
    /// The date part.
    public let date: PythonDate
    /// The time of day, carrying the UTC offset when the datetime is aware.
    public let time: PythonTime

    /// Creates a datetime, checking it as Python does.
    ///
    /// - Returns: `nil` for a datetime Python would refuse.
    public init?(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        microsecond: Int = 0, utcOffset: PythonTimeDelta? = nil
    ) {
        guard let date = PythonDate(year: year, month: month, day: day),
            let time = PythonTime(hour: hour, minute: minute, second: second, microsecond: microsecond, utcOffset: utcOffset)
        else { return nil }
        self.date = date
        self.time = time
    }

    /// Creates a datetime from its parts.
    public init(date: PythonDate, time: PythonTime) {
        self.date = date
        self.time = time
    }

    /// The UTC offset, or `nil` when naive.
    public var utcOffset: PythonTimeDelta? { time.utcOffset }

    /// Microseconds since 1970-01-01T00:00:00 of the wall-clock fields, ignoring any offset.
    public var wallClockMicrosecondsSinceEpoch: Int {
        // No overflow: years 1...9999 are ±3.0 × 10^6 days, ±2.6 × 10^17 µs.
        ((date.daysSinceUnixEpoch * 86_400 + time.hour * 3600 + time.minute * 60 + time.second) * 1_000_000) + time.microsecond
    }

    /// Microseconds since the Unix epoch in UTC; a naive datetime is counted as UTC, as Werkzeug does.
    public var microsecondsSinceUnixEpoch: Int {
        // No overflow: the offset is within ±24 hours (checked by `PythonTime`).
        wallClockMicrosecondsSinceEpoch - (utcOffset?.totalMicroseconds ?? 0)
    }

    /// Creates the datetime at a number of microseconds after the Unix epoch, shown at a given offset.
    ///
    /// Fails (is `nil`) outside years 1...9999.
    ///
    /// - Parameters:
    ///   - microseconds: Microseconds since 1970-01-01T00:00:00Z.
    ///   - utcOffset: The offset to show it at, or `nil` for a naive datetime in UTC.
    public init?(microsecondsSinceUnixEpoch microseconds: Int, utcOffset: PythonTimeDelta? = nil) {
        if let utcOffset, !(-1...0).contains(utcOffset.days) { return nil }
        let (local, overflow) = microseconds.addingReportingOverflow(utcOffset?.totalMicroseconds ?? 0)
        guard !overflow else { return nil }
        let days = local.floorDivide(86_400_000_000)
        let rest = local.floorModulo(86_400_000_000)
        guard let date = PythonDate(daysSinceUnixEpoch: days) else { return nil }
        let seconds = rest / 1_000_000
        self.init(
            year: date.year, month: date.month, day: date.day, hour: seconds / 3600, minute: (seconds / 60) % 60,
            second: seconds % 60, microsecond: rest % 1_000_000, utcOffset: utcOffset)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]`, as `isoformat()` writes it.
    public var isoFormat: String { date.isoFormat + "T" + time.isoFormat }
}

extension Int {
    /// Python's `//`, for a positive divisor (every caller passes a positive constant, so neither
    /// `Int.min / -1` nor `q - 1` can overflow).
    @inlinable package func floorDivide(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    /// Python's `%`, for a positive divisor (`r + divisor` is then below `divisor`).
    @inlinable package func floorModulo(_ divisor: Int) -> Int {
        let r = self % divisor
        return (r != 0 && (r < 0) != (divisor < 0)) ? r + divisor : r
    }

}

/// `value` in decimal, zero-padded to `width` digits.
package func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
