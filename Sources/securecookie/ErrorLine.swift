import SecureCookie

/// The line a batch command prints for an input line that failed: `{"$error": "<kind>", "message": "..."}`.
enum ErrorLine {
    /// The error line for an error.
    ///
    /// - Parameter error: Any error; one that is not a ``SecureCookieError`` is shown as `undecodable`.
    /// - Returns: One line of JSON.
    static func text(for error: any Error) -> String {
        let (kind, message) = describe(error)
        return "{\"$error\": " + JSONQuoting.quoted(kind) + ", \"message\": " + JSONQuoting.quoted(message) + "}"
    }

    /// The kind name and message of an error.
    static func describe(_ error: any Error) -> (kind: String, message: String) {
        if let error = error as? SecureCookieError { return (error.kind.rawValue, error.description) }
        // Only the type: another error's text could repeat input.
        return (SecureCookieError.Kind.undecodable.rawValue, "failed with \(type(of: error))")
    }
}

/// JSON string quoting as Python's `json.dumps(s, ensure_ascii=False)` writes it, with U+0085,
/// U+2028 and U+2029 escaped as tagged JSON escapes them.
enum JSONQuoting {
    /// The JSON string literal of a text, quotes included.
    static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            // Line breaks for Python's `str.splitlines()`: escaped so that the line stays one line.
            case "\u{85}": out += "\\u0085"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
