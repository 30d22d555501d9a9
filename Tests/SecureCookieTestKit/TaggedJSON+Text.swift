import SecureCookie
import SecureCookieJSON

extension TaggedJSON {
    /// A value's tagged JSON for comparisons and messages in tests: ``TaggedJSON/encode(_:)``, or, for
    /// a value tagged JSON refuses to print (an int of more than 4300 digits), a line that says so.
    public static func text(_ value: PythonValue) -> String {
        (try? encode(value)) ?? "<unprintable \(value.typeName) of \(value.nodeCount) nodes>"
    }
}
