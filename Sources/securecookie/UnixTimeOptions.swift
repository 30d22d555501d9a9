import ArgumentParser

/// `--now` and `--expires`: Unix times a `datetime` can hold, years 1 to 9999 UTC.
///
/// NaN, infinities and anything outside that range are usage errors (exit 64): a clock of NaN
/// would accept every expired cookie, and an expiry past the calendar is one Python cannot write.
enum UnixTimeOptions {
    /// 0001-01-01T00:00:00Z.
    static let earliest: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z.
    static let latest: Int64 = 253_402_300_799

    /// Parses `--now`: a finite number of seconds, possibly with a fraction.
    static func parseNow(_ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= Double(earliest), value < Double(latest) + 1 else {
            throw ValidationError("--now must be a Unix time between \(earliest) and \(latest) (years 1 to 9999)")
        }
        return value
    }

    /// Parses `--expires`: a whole number of seconds.
    static func parseExpires(_ text: String) throws -> Int64 {
        guard let value = Int64(text), (earliest...latest).contains(value) else {  // checked: failable parse, then range-checked
            throw ValidationError("--expires must be a whole Unix time between \(earliest) and \(latest) (years 1 to 9999)")
        }
        return value
    }
}
