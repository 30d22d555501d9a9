import Foundation
import SecureCookie

/// The order `sorted(d.items())` puts a dict's items in: what `json.dumps(..., sort_keys=True)` writes.
internal enum PythonKeyOrder {
    /// The dict's items sorted by key, as Python sorts them.
    ///
    /// - Throws: ``SecureCookieError/Kind/unrepresentable`` for keys Python cannot compare (`str` with
    ///   `int`, `None` with anything), a `TypeError` in Python.
    static func sorted(_ dict: PythonDict) throws -> [(key: PythonValue, value: PythonValue)] {
        var items = Array(dict)
        // The usual case, str keys only: compared by their UTF-8 bytes (code-point order), no throwing.
        if items.allSatisfy({ if case .str = $0.key { return true } else { return false } }) {
            items.sort { left, right in
                guard case .str(let a) = left.key, case .str(let b) = right.key else { return false }
                return utf8Precedes(a, b)
            }
            return items.map { (key: $0.key, value: $0.value) }
        }
        var failure: SecureCookieError?
        items.sort { left, right in
            guard failure == nil else { return false }
            do {
                return try precedes(left.key, right.key)
            } catch let error as SecureCookieError {
                failure = error
                return false
            } catch {
                return false
            }
        }
        if let failure { throw failure }
        return items.map { (key: $0.key, value: $0.value) }
    }

    /// Python's `a < b` for two dict keys.
    static func precedes(_ a: PythonValue, _ b: PythonValue) throws -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)), (.markup(let x), .markup(let y)), (.str(let x), .markup(let y)),
            (.markup(let x), .str(let y)):
            return utf8Precedes(x, y)
        default:
            guard let x = number(a), let y = number(b) else {
                throw SecureCookieError.unrepresentable(
                    "'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)' (sort_keys)")
            }
            return x < y
        }
    }

    /// A key as a number to order by: bool, int and float (a big int as its nearest double).
    private static func number(_ value: PythonValue) -> Double? {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let integer): return Double(integer)
        case .bigInt(let integer): return integer.doubleValue
        case .float(let double): return double
        default: return nil
        }
    }

    /// Whether `a` sorts before `b` as Python sorts strings (by code point, which is UTF-8 byte order),
    /// compared in place when both are native.
    @inline(__always)
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let compared = a.utf8.withContiguousStorageIfAvailable { left in
            b.utf8.withContiguousStorageIfAvailable { right -> Bool in
                guard let l = left.baseAddress, let r = right.baseAddress else { return left.count < right.count }
                let order = memcmp(l, r, Swift.min(left.count, right.count))
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        if let compared, let result = compared { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
