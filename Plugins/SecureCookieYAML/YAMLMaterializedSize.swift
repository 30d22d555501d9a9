import SecureCookie

/// What a YAML scalar adds to the core ``MaterializationBudget``, from its resolved tag and the
/// length of its text, before any value is built.
///
/// The core counts the UTF-8 bytes of a `str`, the bytes of a `bytes` and the decimal digits of
/// an int beyond 64 bits; nothing for None, bools, floats, small ints and datetimes. A scalar is
/// weighed the same way, from its text, as an upper bound of what its value will count:
///
/// - `!!str` and `!!binary` (whose bytes are fewer than its base64 text), and any tag the
///   constructor does not know (it refuses them anyway): every byte of the text;
/// - `!!int`: the text's bytes when it is longer than 18 bytes (it may then be a big int, whose
///   digits are at most about as many), else nothing;
/// - everything else (null, bool, float, timestamp, merge and value keys): nothing.
internal enum YAMLMaterializedSize {
    /// The most text an int can have and still be certain to fit 64 bits in any base PyYAML reads.
    static let smallIntText = 18

    /// The weight of a scalar with a resolved tag.
    ///
    /// - Parameters:
    ///   - tag: The resolved tag (explicit or implicit).
    ///   - byteCount: The UTF-8 length of the scalar's text.
    /// - Returns: The bytes it spends.
    static func scalar(tag: String, byteCount: Int) -> Int {
        switch tag {
        case YAMLTag.int: return intWeight(byteCount)
        case YAMLTag.null, YAMLTag.bool, YAMLTag.float, YAMLTag.timestamp, YAMLTag.merge, YAMLTag.value:
            return 0
        default: return byteCount
        }
    }

    /// The weight of an untagged plain or quoted scalar, from the implicit resolver's answer.
    ///
    /// - Parameters:
    ///   - kind: The tag the implicit resolver gave (``YAMLImplicitTag/str`` for a quoted scalar).
    ///   - byteCount: The UTF-8 length of the scalar's text.
    /// - Returns: The bytes it spends.
    static func scalar(_ kind: YAMLImplicitTag, byteCount: Int) -> Int {
        switch kind {
        case .str, .yaml: return byteCount
        case .int: return intWeight(byteCount)
        case .null, .bool, .float, .timestamp, .merge, .value: return 0
        }
    }

    private static func intWeight(_ byteCount: Int) -> Int {
        byteCount > smallIntText ? byteCount : 0
    }

    /// `a + b`, saturating at `Int.max` (a collection's weight is a sum of its items').
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }

    /// The budget error for YAML, naming where the limit was passed.
    static func exceeded(_ budget: MaterializationBudget, at mark: YAMLMark) -> SecureCookieError {
        .limitExceeded(
            .materializedBytes,
            "the YAML value builds more than \(budget.maximum) bytes of strings, bytes and digits once aliases are followed, at \(mark)"
        )
    }
}
