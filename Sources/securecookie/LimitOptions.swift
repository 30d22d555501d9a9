import ArgumentParser
import SecureCookie

/// `--max-cookie-length`, `--max-items`, `--max-depth`, `--max-nodes`, `--max-value-bytes`,
/// `--max-materialized-bytes`.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The longest cookie read or written, in bytes.", valueName: "n"))
    var maxCookieLength: Int = SecureCookieLimits.default.maximumCookieLength

    @Option(help: ArgumentHelp("The most items in a cookie.", valueName: "n"))
    var maxItems: Int = SecureCookieLimits.default.maximumItems

    @Option(help: ArgumentHelp("The deepest nesting of a value.", valueName: "n"))
    var maxDepth: Int = SecureCookieLimits.default.maximumDepth

    @Option(help: ArgumentHelp("The most nodes in a value, shared references followed.", valueName: "n"))
    var maxNodes: Int = SecureCookieLimits.default.maximumNodes

    @Option(help: ArgumentHelp("The most decoded bytes of one value.", valueName: "n"))
    var maxValueBytes: Int = SecureCookieLimits.default.maximumValueBytes

    @Option(
        help: ArgumentHelp(
            "The most bytes of strings, bytes and digits a cookie's values build, shared references followed.",
            valueName: "n"))
    var maxMaterializedBytes: Int = SecureCookieLimits.default.maximumMaterializedBytes

    /// The limits.
    var limits: SecureCookieLimits {
        SecureCookieLimits(
            maximumCookieLength: maxCookieLength, maximumItems: maxItems, maximumDepth: maxDepth,
            maximumNodes: maxNodes, maximumValueBytes: maxValueBytes, maximumMaterializedBytes: maxMaterializedBytes)
    }

    func validate() throws {
        for (name, value) in [
            ("cookie-length", maxCookieLength), ("items", maxItems), ("depth", maxDepth),
            ("nodes", maxNodes), ("value-bytes", maxValueBytes), ("materialized-bytes", maxMaterializedBytes),
        ] where value < 1 {
            throw ValidationError("--max-\(name) must be at least 1")
        }
    }
}
