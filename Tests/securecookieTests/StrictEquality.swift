import SecureCookie

/// Whether two values are the same value *and type*, all the way down.
///
/// ``PythonValue``'s `==` is Python's: `1 == 1.0 == True`. Tests need more: a tool that turned an
/// int into a float, or a tuple into a list, must fail. Dict and set order carry no meaning; floats
/// compare by bit pattern (so `-0.0` differs from `0.0`), NaN equals NaN; strings by code points.
func strictlyEqual(_ a: PythonValue, _ b: PythonValue) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.int(x), .int(y)): return x == y
    case let (.bigInt(x), .bigInt(y)): return x == y
    case let (.float(x), .float(y)): return sameFloat(x, y)
    case let (.complex(xr, xi), .complex(yr, yi)): return sameFloat(xr, yr) && sameFloat(xi, yi)
    case let (.str(x), .str(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case let (.bytes(x), .bytes(y)), let (.bytearray(x), .bytearray(y)): return x == y
    case let (.list(x), .list(y)), let (.tuple(x), .tuple(y)):
        return x.count == y.count && zip(x, y).allSatisfy(strictlyEqual)
    case let (.dict(x), .dict(y)):
        guard x.count == y.count else { return false }
        return x.allSatisfy { pair in
            y.contains { strictlyEqual(pair.key, $0.key) && strictlyEqual(pair.value, $0.value) }
        }
    case let (.set(x), .set(y)), let (.frozenset(x), .frozenset(y)):
        guard x.count == y.count else { return false }
        var left = Array(y)
        for element in x {
            guard let index = left.firstIndex(where: { strictlyEqual(element, $0) }) else { return false }
            left.remove(at: index)
        }
        return true
    case let (.datetime(x), .datetime(y)): return x.isoFormat == y.isoFormat
    case let (.date(x), .date(y)): return x == y
    case let (.time(x), .time(y)): return x.isoFormat == y.isoFormat
    case let (.timedelta(x), .timedelta(y)): return x == y
    case let (.decimal(x), .decimal(y)): return x.description == y.description
    default: return false
    }
}

private func sameFloat(_ x: Double, _ y: Double) -> Bool {
    (x.isNaN && y.isNaN) || x.bitPattern == y.bitPattern
}

/// A value as Python's `json.dumps` + `json.loads` gives it back: tuples become lists.
///
/// Only the conversion the JSON codec makes silently for the values it can hold (see the
/// tagged-JSON spec's codec table); used to predict what a cookie migrated to JSON reads as.
func jsonShaped(_ value: PythonValue) -> PythonValue {
    switch value {
    case .tuple(let items), .list(let items): return .list(items.map(jsonShaped))
    case .dict(let dict): return .dict(PythonDict(dict.map { ($0.key, jsonShaped($0.value)) }))
    default: return value
    }
}
