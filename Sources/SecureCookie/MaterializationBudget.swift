/// The bytes a cookie's values may build once shared references and aliases are followed: the one
/// counter behind ``SecureCookieLimits/maximumMaterializedBytes``.
///
/// A 4 KB pickle can memoize a 3 KB string and share it a hundred thousand times; a YAML cookie can
/// alias one long scalar as often. Every writer (tagged JSON, JSON, pickle, YAML, MessagePack) and
/// every hash of a key would then expand each reference. The budget counts what each reference
/// would expand to — the UTF-8 bytes of every `str`, the bytes of every `bytes` and `bytearray`, the
/// decimal digits of every `int` and `Decimal` beyond 64 bits — once per place it appears, and fails
/// with ``SecureCookieError/Limit/materializedBytes`` past the limit, before anything is written.
///
/// Codecs that share values (pickle's memo, YAML's anchors) spend from one budget as they read;
/// ``SecureCookie`` spends what each value read holds, for every codec, and checks a cookie's data
/// against it again before writing it.
public struct MaterializationBudget: Sendable {
    /// The limit, in bytes.
    public let maximum: Int
    /// Bytes left before the limit.
    public private(set) var remaining: Int

    /// Creates a budget of ``SecureCookieLimits/maximumMaterializedBytes``.
    ///
    /// - Parameter limits: The limits.
    public init(_ limits: SecureCookieLimits) {
        maximum = Swift.max(0, limits.maximumMaterializedBytes)
        remaining = maximum
    }

    /// Counts `bytes` more.
    ///
    /// - Parameter bytes: What a value adds (not negative).
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` (``SecureCookieError/Limit/materializedBytes``)
    ///   past the limit.
    public mutating func spend(_ bytes: Int) throws {
        guard bytes >= 0, bytes <= remaining else {
            remaining = 0
            throw SecureCookieError.limitExceeded(
                .materializedBytes,
                "the value builds more than \(maximum) bytes of strings, bytes and digits once shared references are followed"
            )
        }
        remaining -= bytes
    }

    /// Counts everything `value` holds, following each shared reference.
    ///
    /// The walk stops as soon as the budget is spent, so it costs at most one step per node the
    /// value has (already bounded by ``SecureCookieLimits/maximumNodes``) and never more than the
    /// budget in bytes.
    ///
    /// - Parameter value: The value.
    /// - Throws: As ``spend(_:)``.
    public mutating func spend(on value: PythonValue) throws {
        switch value {
        case .none, .bool, .int, .float, .complex, .date, .time, .timedelta, .datetime, .uuid:
            return
        case .markup(let text): try spend(text.utf8.count)
        case .bigInt(let integer): try spend(integer.decimalDigitBound)
        case .str(let text): try spend(text.utf8.count)
        case .bytes(let bytes), .bytearray(let bytes): try spend(bytes.count)
        case .decimal(let decimal): try spend(decimal.materializedDigitCount)
        case .list(let items), .tuple(let items):
            for item in items { try spend(on: item) }
        case .dict(let dict):
            for (key, item) in dict {
                try spend(on: key)
                try spend(on: item)
            }
        case .set(let set), .frozenset(let set):
            for item in set { try spend(on: item) }
        }
    }
}

extension PythonValue {
    /// Checks that this value stays within ``SecureCookieLimits/maximumMaterializedBytes``.
    ///
    /// - Parameter limits: The limits.
    /// - Throws: ``SecureCookieError/Kind/limitExceeded`` naming ``SecureCookieError/Limit/materializedBytes``.
    public func checkMaterializedSize(_ limits: SecureCookieLimits) throws {
        var budget = MaterializationBudget(limits)
        try budget.spend(on: self)
    }
}

extension PythonBigInt {
    /// An upper bound of the decimal digits of this integer, from its size in bits (no conversion).
    public var decimalDigitBound: Int {
        // 32 bits hold at most 9.64 decimal digits.
        let (digits, overflow) = limbs.count.multipliedReportingOverflow(by: 10)
        return overflow ? Int.max : digits
    }
}

extension PythonDecimal {
    /// The digits this decimal's coefficient holds (its text writes a large exponent as `E+n`, never as zeros).
    var materializedDigitCount: Int {
        guard case .finite(let coefficient, _) = form else { return 3 }
        return coefficient.utf8.count
    }
}
