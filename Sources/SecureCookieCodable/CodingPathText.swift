import SecureCookie

/// A coding key made at run time: an array index, `super`, or a dict key read from a value.
internal struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The key of an element of an unkeyed container.
    static func index(_ index: Int) -> AnyCodingKey { AnyCodingKey(intValue: index) }

    /// The key `superEncoder()` and `superDecoder()` use.
    static let `super` = AnyCodingKey(stringValue: "super")
}

/// Coding paths as people read them in error messages: `user.roles[2]`.
internal enum CodingPathText {
    /// The path as text; the empty path is `top level`.
    ///
    /// A key the application declared (a `CodingKeys` enum case) is shown by name; any other key
    /// (a dictionary's, read from the value) is input and shown as `<key>`: error messages never
    /// repeat text from a cookie's value.
    static func text(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                let name = Mirror(reflecting: key).displayStyle == .enum ? key.stringValue : "<key>"
                text += text.isEmpty ? name : "." + name
            }
        }
        return text.isEmpty ? "top level" : text
    }

    /// `"at <path>: "`, the start of a reason.
    static func prefix(_ path: [any CodingKey]) -> String { "at " + text(path) + ": " }
}
