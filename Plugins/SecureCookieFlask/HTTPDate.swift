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
        return weekday + ", " + padded(date.day, 2) + " " + months[date.month - 1] + " " + padded(date.year, 4) + " "
            + padded(hour, 2) + ":" + padded(minute, 2) + ":" + padded(second, 2) + " GMT"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `parse_date(text)`: email.utils' `parsedate_to_datetime` (RFC 2822 and its relatives), an aware
    /// datetime; a date without a zone (or `-0000`) is UTC. `nil` where Werkzeug returns `None`.
    ///
    /// A port of CPython 3.11's `email._parseaddr._parsedate_tz` over ASCII (Python's `str.split`,
    /// `isdigit` and `int` also take other Unicode spaces and digits).
    static func parse(_ text: String) -> PythonDateTime? {
        var data = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
            .map(String.init)
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
        guard let yearLead = yy.utf8.first else { return nil }
        if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(yearLead) { (yy, tz) = (tz, yy) }
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
        var offset = 0
        let zone = tz.uppercased()
        if let known = zones[zone] {
            offset = known
        } else if let number = pythonInt(zone) {
            offset = number == 0 && zone.hasPrefix("-") ? 0 : number
        }
        // -0500 -> -18000 seconds; an offset Python's timezone() refuses (a day or more) gives None.
        let magnitude = offset.magnitude
        guard magnitude < 100_000_000 else { return nil }
        let seconds = Int(magnitude / 100 * 3600 + magnitude % 100 * 60)  // checked: magnitude below 10^8
        guard seconds < 86_400, let delta = PythonTimeDelta(days: 0, seconds: offset < 0 ? -seconds : seconds) else {
            return nil
        }
        return PythonDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, utcOffset: delta)
    }

    /// Python's `int(text)` over ASCII: surrounding whitespace, a sign, digits with single underscores
    /// between them. `nil` for anything else, and for values past nine digits (no date field is that
    /// long, and Python's datetime refuses them too).
    private static func pythonInt(_ text: String) -> Int? {
        var bytes = Substring(text).utf8.drop(while: { $0 == 0x20 || (0x09...0x0D).contains($0) })
        while let last = bytes.last, last == 0x20 || (0x09...0x0D).contains(last) { bytes = bytes.dropLast() }
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard let lead = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lead),
            let tail = bytes.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(tail)
        else { return nil }
        var value = 0
        var digits = 0
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                guard !previousUnderscore else { return nil }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            if value == 0 && byte == UInt8(ascii: "0") { continue }
            digits += 1
            guard digits <= 9 else { return 1_000_000_000 * (negative ? -1 : 1) }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))  // checked: at most nine digits
        }
        return negative ? -value : value
    }
}
