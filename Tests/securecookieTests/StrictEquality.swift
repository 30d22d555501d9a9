import SecureCookie

/// Whether two values are the same value *and type*, all the way down.
///
/// ``PythonValue``'s `==` is Python's: `1 == 1.0 == True`. Tests need more: a tool that turned an
/// int into a float, or a tuple into a list, must fail. Dict and set order carry no meaning; floats
/// compare by bit pattern (so `-0.0` differs from `0.0`), NaN equals NaN; strings by code points.
func strictlyEqual(_ a: PythonValue, _ b: PythonValue) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.bigInt(let x), .bigInt(let y)): return x == y
    case (.float(let x), .float(let y)): return sameFloat(x, y)
    case (.complex(let xr, let xi), .complex(let yr, let yi)): return sameFloat(xr, yr) && sameFloat(xi, yi)
    case (.str(let x), .str(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.bytes(let x), .bytes(let y)), (.bytearray(let x), .bytearray(let y)): return x == y
    case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
        return x.count == y.count && zip(x, y).allSatisfy(strictlyEqual)
    case (.dict(let x), .dict(let y)):
        guard x.count == y.count else { return false }
        return x.allSatisfy { pair in
            y.contains { strictlyEqual(pair.key, $0.key) && strictlyEqual(pair.value, $0.value) }
        }
    case (.set(let x), .set(let y)), (.frozenset(let x), .frozenset(let y)):
        guard x.count == y.count else { return false }
        var left = Array(y)
        for element in x {
            guard let index = left.firstIndex(where: { strictlyEqual(element, $0) }) else { return false }
            left.remove(at: index)
        }
        return true
    case (.datetime(let x), .datetime(let y)): return x.isoFormat == y.isoFormat
    case (.date(let x), .date(let y)): return x == y
    case (.time(let x), .time(let y)): return x.isoFormat == y.isoFormat
    case (.timedelta(let x), .timedelta(let y)): return x == y
    case (.decimal(let x), .decimal(let y)): return x.description == y.description
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
