import SecureCookie

/// The HTTP date Flask's ` d` tag writes and reads (`werkzeug.http.http_date` and `parse_date`).
internal enum HTTPDate {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    // email.utils' tables, lower case (`_monthnames`, `_daynames`, `_timezones`).
    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "january", "february", "march",
        "april", "may", "june", "july", "aug", "september", "october", "november", "december",
    ]
    private static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "AST": -400, "ADT": -300, "EST": -500, "EDT": -400, "CST": -600, "CDT": -500,
        "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]

    /// `http_date(value)`: a naive datetime counted as UTC, an aware one converted to UTC, sub-seconds dropped:
    /// `Tue, 02 Jan 2024 03:04:05 GMT`.
    ///
    /// - Returns: `nil` when the UTC time falls outside years 1...9999 (Python's `OverflowError`).
    static func format(_ datetime: PythonDateTime) -> String? {
        guard let utc = PythonDateTime(microsecondsSinceUnixEpoch: datetime.microsecondsSinceUnixEpoch) else { return nil }
        return format(date: utc.date, hour: utc.time.hour, minute: utc.time.minute, second: utc.time.second)
    }

    /// `http_date(date)`: midnight UTC of the date.
    static func format(_ date: PythonDate) -> String {
        format(date: date, hour: 0, minute: 0, second: 0)
    }

    private static func format(date: PythonDate, hour: Int, minute: Int, second: Int) -> String {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let weekday = weekdays[(date.daysSinceUnixEpoch + 3).floorModulo(7)]
        return weekday + ", " + zeroPadded(date.day, 2) + " " + months[date.month - 1] + " " + zeroPadded(date.year, 4) + " "
            + zeroPadded(hour, 2) + ":" + zeroPadded(minute, 2) + ":" + zeroPadded(second, 2) + " GMT"
    }

    /// `parse_date(text)`: email.utils' `parsedate_to_datetime` (RFC 2822 and its relatives), an aware
    /// datetime; a date without a zone (or `-0000`) is UTC. `nil` where Werkzeug returns `None`.
    ///
    /// A port of CPython 3.11's `email._parseaddr._parsedate_tz`, with Python's `str.split()`,
    /// `str.isdigit()` and `int()` over Unicode spaces and digits.
    /// - Throws: ``SecureCookieError/Kind/undecodable`` where Python raises `OverflowError` (a field past 32
    ///   bits, a zone past timedelta's range), which `parse_date` does not catch.
    static func parse(_ text: String) throws -> PythonDateTime? {
        var data = fields(text)
        guard let first = data.first else { return nil }
        if first.hasSuffix(",") || dayNames.contains(first.lowercased()) {
            data.removeFirst()
        } else if let comma = first.lastIndex(of: ",") {
            data[0] = String(first[first.index(after: comma)...])
        }
        if data.count == 3 {
            let stuff = data[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if stuff.count == 3 { data = stuff + data[1...] }
        }
        if data.count == 4 {
            let s = data[3]
            let sign = s.firstIndex(of: "+") ?? s.firstIndex(of: "-")
            if let sign, sign > s.startIndex {
                data.replaceSubrange(3..., with: [String(s[..<sign]), String(s[sign...])])
            } else {
                data.append("")
            }
        }
        guard data.count >= 5 else { return nil }
        var (dd, mm, yy, tm, tz) = (data[0], data[1], data[2], data[3], data[4])
        guard !dd.isEmpty, !mm.isEmpty, !yy.isEmpty else { return nil }
        mm = mm.lowercased()
        if !monthNames.contains(mm) {
            (dd, mm) = (mm, dd.lowercased())
            guard monthNames.contains(mm) else { return nil }
        }
        guard var month = monthNames.firstIndex(of: mm).map({ $0 + 1 }) else { return nil }
        if month > 12 { month -= 12 }
        if dd.hasSuffix(",") { dd.removeLast() }
        if let colon = yy.firstIndex(of: ":"), colon > yy.startIndex { (yy, tm) = (tm, yy) }
        if yy.hasSuffix(",") {
            yy.removeLast()
            guard !yy.isEmpty else { return nil }
        }
        guard let yearLead = yy.unicodeScalars.first else { return nil }
        // `str.isdigit()`: decimal digits and the other digits (superscripts, circled digits).
        if ![.decimal, .digit].contains(yearLead.properties.numericType) { (yy, tz) = (tz, yy) }
        guard !tm.isEmpty else { return nil }
        if tm.hasSuffix(",") { tm.removeLast() }
        var clock = tm.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if clock.count == 1, clock[0].contains(".") {
            clock = clock[0].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard clock.count == 2 || clock.count == 3 else { return nil }
        }
        if clock.count == 2 { clock.append("0") }
        guard clock.count == 3 else { return nil }
        guard var year = pythonInt(yy), let day = pythonInt(dd), let hour = pythonInt(clock[0]),
            let minute = pythonInt(clock[1]), let second = pythonInt(clock[2])
        else { return nil }
        if year < 100 { year += year > 68 ? 1900 : 2000 }
        // The zone: a name, or an int; what int() cannot read (letters, more than 4300 digits) is no zone.
        var offset: Int?
        let zone = tz.uppercased()
        if let known = zones[zone] {
            offset = known
        } else if let number = pythonInt(zone) {
            offset = number == 0 && zone.hasPrefix("-") ? nil : number
        }
        // `datetime(*fields, tzinfo=timezone(timedelta(seconds=tz)))`: the tzinfo argument is evaluated
        // first. timedelta past 999,999,999 days is an OverflowError, which parse_date does not catch
        // (Flask's BadPayload); a timezone of a day or more a ValueError (None).
        var delta: PythonTimeDelta?
        if let offset, offset != 0 {
            let magnitude = offset.magnitude
            // -0500 -> -18000 seconds; past 2^62 (a huge int) the seconds are far past timedelta's range.
            let (hours, hoursOverflow) = (magnitude / 100).multipliedReportingOverflow(by: 3600)
            let (seconds, overflow) = hours.addingReportingOverflow(magnitude % 100 * 60)
            // checked: UInt(Int.max) converts a constant that fits
            guard !hoursOverflow, !overflow, magnitude < UInt(Int.max) else { throw overflowError() }
            let signed = offset < 0 ? -Int(seconds) : Int(seconds)  // checked: below Int.max (checked above)
            guard (-86_399_999_913_600..<86_400_000_000_000).contains(signed) else { throw overflowError() }
            guard signed.magnitude < 86_400 else { return nil }
            delta = PythonTimeDelta(days: 0, seconds: signed)
        }
        // C int arguments: a field past 32 bits is an OverflowError; one in range but invalid a ValueError (None).
        for field in [year, month, day, hour, minute, second] where !(-2_147_483_648...2_147_483_647).contains(field) {
            throw overflowError()
        }
        return PythonDateTime(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            utcOffset: delta ?? PythonTimeDelta(days: 0))
    }

    /// Python's `str.split()`: the text between runs of what `str.isspace()` calls whitespace, by code
    /// point (so `\r\n`, one Swift character, is two separators).
    private static func fields(_ text: String) -> [String] {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isPythonSpace(scalar) {
                if !field.isEmpty { fields.append(String(field)) }
                field = String.UnicodeScalarView()
            } else {
                field.append(scalar)
            }
        }
        if !field.isEmpty { fields.append(String(field)) }
        return fields
    }

    /// `str.isspace()`, measured over every code point with CPython 3.11.
    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    private static func overflowError() -> SecureCookieError {
        .undecodable("tag \" d\" holds a date field or zone past what Python's datetime takes (OverflowError)")
    }

    /// Python's `int(text)` (``PythonIntText``: Unicode digits and spaces as CPython reads them),
    /// surrounding whitespace, a sign, digits with single underscores between them; `nil` for anything else and for more than 4300 digits (Python's `ValueError`).
    /// Magnitudes past 2^62 saturate there: no date field or zone in range is that large.
    private static func pythonInt(_ text: String) -> Int? {
        guard let (negative, digits) = PythonIntText.digits(text, base: 10), digits.count <= 4300 else { return nil }
        let ceiling = 1 << 62
        var value = 0
        for digit in digits where value < ceiling {
            let (scaled, scaleOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, addOverflow) = scaled.addingReportingOverflow(Int(digit))  // checked: a digit widens
            value = scaleOverflow || addOverflow ? ceiling : Swift.min(ceiling, next)
        }
        return negative ? -value : value
    }
}
