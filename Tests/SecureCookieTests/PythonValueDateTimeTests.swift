import Testing

@testable import SecureCookie

/// The datetime family against CPython 3.11's `datetime` module.
@Suite struct PythonValueDateTimeTests {
    /// `(kwargs, t.days, t.seconds, t.microseconds)` for `t = timedelta(**kwargs)` in Python.
    @Test(arguments: [
        ((-1, 0, 0), (-1, 0, 0)), ((0, -1, 0), (-1, 86399, 0)), ((0, 0, -1), (-1, 86399, 999_999)),
        ((-1, -1, -1), (-2, 86398, 999_999)), ((1, -86401, 0), (-1, 86399, 0)), ((0, -259_205, 0), (-4, 86395, 0)),
        ((0, 0, -1_000_001), (-1, 86398, 999_999)), ((0, 90000, 2_500_000), (1, 3602, 500_000)),
        ((-3, 100_000, -7), (-2, 13599, 999_993)),
    ])
    func timedeltaNormalisesAsPython(input: (Int, Int, Int), expected: (Int, Int, Int)) throws {
        let delta = try #require(PythonTimeDelta(days: input.0, seconds: input.1, microseconds: input.2))
        #expect(delta.days == expected.0)
        #expect(delta.seconds == expected.1)
        #expect(delta.microseconds == expected.2)
    }

    @Test func timedeltaBounds() {
        // Python: timedelta(days=999999999) works; timedelta(days=1000000000) and timedelta(days=-1000000000) raise.
        #expect(PythonTimeDelta(days: 999_999_999) != nil)
        #expect(PythonTimeDelta(days: -999_999_999) != nil)
        #expect(PythonTimeDelta(days: 1_000_000_000) == nil)
        #expect(PythonTimeDelta(days: -1_000_000_000) == nil)
        // Python: timedelta(days=-999999999, seconds=-1) raises OverflowError.
        #expect(PythonTimeDelta(days: -999_999_999, seconds: -1) == nil)
        // Extreme machine integers are refused, not trapped on.
        #expect(PythonTimeDelta(days: Int.min) == nil)
        #expect(PythonTimeDelta(days: 0, seconds: Int.min) == nil)
        // Python: timedelta(microseconds=-2**63) is -106751992 days, 71945 s, 224192 µs (within range).
        let fromMicroseconds = PythonTimeDelta(days: 0, microseconds: Int.min)
        #expect(fromMicroseconds.map { [$0.days, $0.seconds, $0.microseconds] } == [-106_751_992, 71945, 224_192])
        #expect(PythonTimeDelta(days: Int.max, seconds: Int.max, microseconds: Int.max) == nil)
    }

    /// `(isoformat, (d - date(1970, 1, 1)).days)` in Python.
    @Test(arguments: [
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896), ("1970-01-01", 0), ("2000-02-29", 11016),
        ("1900-03-01", -25508), ("1969-12-31", -1), ("2024-12-31", 20088), ("1600-02-29", -135_081),
    ])
    func daysSinceEpochRoundTrip(iso: String, days: Int) throws {
        let date = try #require(PythonDate(daysSinceUnixEpoch: days))
        #expect(date.isoFormat == iso)
        #expect(date.daysSinceUnixEpoch == days)
    }

    @Test func dateBounds() {
        // Python: date.min is 0001-01-01, date.max 9999-12-31; one day beyond either is an OverflowError.
        #expect(PythonDate(daysSinceUnixEpoch: -719_163) == nil)
        #expect(PythonDate(daysSinceUnixEpoch: 2_932_897) == nil)
        #expect(PythonDate(daysSinceUnixEpoch: Int.max) == nil)
        #expect(PythonDate(daysSinceUnixEpoch: Int.min) == nil)
        #expect(PythonDate(year: 0, month: 1, day: 1) == nil)
        #expect(PythonDate(year: 10000, month: 1, day: 1) == nil)
        // Python: date(1900, 2, 29) raises (not a leap year); date(2000, 2, 29) works.
        #expect(PythonDate(year: 1900, month: 2, day: 29) == nil)
        #expect(PythonDate(year: 2000, month: 2, day: 29) != nil)
        #expect(PythonDate(year: 2023, month: 4, day: 31) == nil)
        #expect(PythonDate(year: 2023, month: 13, day: 1) == nil)
    }

    @Test func everyDayRoundTrips() throws {
        // Every day of years 1 to 9999 maps to consecutive day numbers and back.
        var expected = -719_162
        for year in [1, 2, 4, 100, 400, 1582, 1969, 1970, 2000, 2100, 9999] {
            if let start = PythonDate(year: year, month: 1, day: 1) { expected = start.daysSinceUnixEpoch }
            for month in 1...12 {
                for day in 1...PythonDate.daysIn(month: month, year: year) {
                    let date = try #require(PythonDate(year: year, month: month, day: day))
                    #expect(date.daysSinceUnixEpoch == expected)
                    #expect(PythonDate(daysSinceUnixEpoch: expected) == date)
                    expected += 1
                }
            }
        }
    }

    @Test func isoFormatMatchesPython() throws {
        let utc = try #require(PythonTimeDelta(days: 0))
        let minus0530 = try #require(PythonTimeDelta(days: 0, seconds: -(5 * 3600 + 30 * 60)))
        let almostDay = try #require(PythonTimeDelta(days: 0, seconds: 23 * 3600 + 59 * 60 + 59, microseconds: 1))
        let minusSecond = try #require(PythonTimeDelta(days: 0, seconds: -1))
        // Expected texts are CPython's isoformat() of the same values.
        #expect(
            try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5)).isoFormat
                == "2024-01-02T03:04:05")
        #expect(
            try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, microsecond: 123_456))
                .isoFormat == "2024-01-02T03:04:05.123456")
        #expect(
            try #require(PythonDateTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5, utcOffset: utc))
                .isoFormat == "2024-01-02T03:04:05+00:00")
        #expect(
            try #require(PythonDateTime(year: 1, month: 1, day: 1, microsecond: 1, utcOffset: minus0530)).isoFormat
                == "0001-01-01T00:00:00.000001-05:30")
        #expect(
            try #require(
                PythonDateTime(
                    year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59,
                    microsecond: 999_999, utcOffset: almostDay)
            ).isoFormat
                == "9999-12-31T23:59:59.999999+23:59:59.000001")
        #expect(try #require(PythonTime(hour: 3, minute: 4, second: 5)).isoFormat == "03:04:05")
        #expect(try #require(PythonTime(hour: 0, microsecond: 10)).isoFormat == "00:00:00.000010")
        #expect(try #require(PythonTime(hour: 12, utcOffset: minusSecond)).isoFormat == "12:00:00-00:00:01")
        #expect(try #require(PythonDate(year: 5, month: 6, day: 7)).isoFormat == "0005-06-07")
    }

    @Test func timeRefusesOffsetsOfADayOrMore() throws {
        // Python: timezone(timedelta(hours=24)) raises ValueError; so does a huge offset.
        for days in [1, -1, 999_999_999, -999_999_999] {
            let offset = try #require(PythonTimeDelta(days: days))
            #expect(PythonTime(hour: 0, utcOffset: offset) == nil)
        }
        let almostDay = try #require(PythonTimeDelta(days: 0, seconds: 86399, microseconds: 999_999))
        let almostMinusDay = try #require(PythonTimeDelta(days: 0, microseconds: -86_399_999_999))
        #expect(PythonTime(hour: 0, utcOffset: almostDay) != nil)
        #expect(PythonTime(hour: 0, utcOffset: almostMinusDay) != nil)
        #expect(PythonTime(hour: 24) == nil)
        #expect(PythonTime(hour: 0, microsecond: 1_000_000) == nil)
    }

    @Test func unixMicrosecondsRoundTrip() throws {
        // Python: datetime(2024,1,2,3,4,5,6, tzinfo=utc).timestamp() == 1704164645.000006.
        let utc = try #require(PythonTimeDelta(days: 0))
        let plus2 = try #require(PythonTimeDelta(days: 0, seconds: 7200))
        let value = try #require(PythonDateTime(microsecondsSinceUnixEpoch: 1_704_164_645_000_006, utcOffset: utc))
        #expect(value.isoFormat == "2024-01-02T03:04:05.000006+00:00")
        let shown = try #require(PythonDateTime(microsecondsSinceUnixEpoch: 1_704_164_645_000_006, utcOffset: plus2))
        #expect(shown.isoFormat == "2024-01-02T05:04:05.000006+02:00")
        #expect(shown.microsecondsSinceUnixEpoch == 1_704_164_645_000_006)
        // Python: datetime(1969,12,31,23,59,59,999999) is 1 microsecond before the epoch.
        #expect(PythonDateTime(microsecondsSinceUnixEpoch: -1)?.isoFormat == "1969-12-31T23:59:59.999999")
        // Out of range or overflowing inputs are refused, not trapped on.
        #expect(PythonDateTime(microsecondsSinceUnixEpoch: Int.max) == nil)
        #expect(PythonDateTime(microsecondsSinceUnixEpoch: Int.min) == nil)
        #expect(PythonDateTime(microsecondsSinceUnixEpoch: Int.max, utcOffset: plus2) == nil)
    }
}
