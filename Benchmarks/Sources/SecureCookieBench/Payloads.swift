import SecureCookie

/// The benchmark's payloads built in Swift, equal to `payloads()` in `werkzeug_bench.py`, for `--profile`
/// (which runs without Python so that callgrind sees only the Swift side).
enum Payloads {
    /// Werkzeug's seed example: `{"foo": 42, "baz": (1, 2, 3)}`.
    static let seed: PythonDict = ["foo": 42, "baz": .tuple([1, 2, 3])]

    /// The ~650-byte session: user id, csrf token, locale, flashes, an 8-item cart of dicts with floats, a timestamp.
    static let session: PythonDict = {
        // Python: round(4.99 + i * 3.25, 2) for i in range(8)
        let prices = [4.99, 8.24, 11.49, 14.74, 17.99, 21.24, 24.49, 27.74]
        let cart: [PythonValue] = (0..<8).map { index in
            let sku = "SKU-" + String(1000 + index)
            return .dict(["sku": .str(sku), "qty": .int(1 + index % 3), "price": .float(prices[index])])
        }
        return [
            "user_id": 48213,
            "csrf_token": "9f2c4e1a7b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f",
            "locale": "en_GB",
            "flashes": [["message", "Welcome back, Ada!"], ["info", "Your cart was saved."]],
            "cart": .list(cart),
            "last_seen": 1732665600.25,
        ]
    }()

    /// The ~4 KB cookie: the session plus a browsing history.
    static let large: PythonDict = {
        var value = session
        value["history"] = .list(
            (0..<historyCount).map { index in
                .str("/catalog/section-\(twoDigits(index))/product-\(fourDigits(index * 37))?ref=home")
            })
        return value
    }()

    /// Must equal `HISTORY` in `werkzeug_bench.py`.
    static let historyCount = 54

    /// A payload by its name in the report (`seed`, `session`, `4k`).
    static func named(_ name: String) -> PythonDict? {
        switch name {
        case "seed": return seed
        case "session": return session
        case "4k": return large
        default: return nil
        }
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    private static func fourDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
