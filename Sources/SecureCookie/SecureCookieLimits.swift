/// Bounds on what a cookie and its values may cost to read: every one has an error.
///
/// The defaults fit real session cookies with room to spare; change them per cookie type
/// or on the command line.
public struct SecureCookieLimits: Sendable, Hashable {
    /// The longest cookie accepted, in bytes; also the longest `Set-Cookie` value written (4096).
    public var maximumCookieLength: Int
    /// The most items in one cookie (256).
    public var maximumItems: Int
    /// The deepest nesting of containers in one value (100).
    public var maximumDepth: Int
    /// The most nodes in one value, counted after following shared references and aliases (100,000).
    public var maximumNodes: Int
    /// The most decoded bytes of one value (64 KiB).
    public var maximumValueBytes: Int
    /// The most bytes the values of one cookie may build, counted once per reference: the UTF-8
    /// bytes of every `str`, the bytes of every `bytes` and `bytearray` and the digits of every
    /// big `int` and `Decimal`, each shared reference and alias followed (1 MiB). See
    /// ``MaterializationBudget``.
    public var maximumMaterializedBytes: Int

    /// Creates limits.
    public init(
        maximumCookieLength: Int = 4096, maximumItems: Int = 256, maximumDepth: Int = 100,
        maximumNodes: Int = 100_000, maximumValueBytes: Int = 65_536, maximumMaterializedBytes: Int = 1_048_576
    ) {
        self.maximumCookieLength = maximumCookieLength
        self.maximumItems = maximumItems
        self.maximumDepth = maximumDepth
        self.maximumNodes = maximumNodes
        self.maximumValueBytes = maximumValueBytes
        self.maximumMaterializedBytes = maximumMaterializedBytes
    }

    /// The defaults.
    public static let `default` = SecureCookieLimits()
}
