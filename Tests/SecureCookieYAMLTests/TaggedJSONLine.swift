import SecureCookie

extension TaggedJSON {
    /// A value's tagged JSON for test comparisons and messages: ``TaggedJSON/encode(_:)``, or a
    /// placeholder for the values it refuses (ints of more than 4300 digits).
    static func line(_ value: PythonValue) -> String {
        (try? encode(value)) ?? "<not encodable as tagged JSON>"
    }
}
