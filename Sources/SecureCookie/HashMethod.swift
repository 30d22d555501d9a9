@preconcurrency import Crypto

/// The hash a cookie's HMAC uses: Werkzeug's `hash_method`.
///
/// Werkzeug's and Flask's default is SHA-1 (``insecureSHA1``); MD5 and SHA-1 live on only for
/// compatibility with cookies already issued, and their names say so, as swift-crypto's `Insecure`
/// namespace does. Prefer ``sha256`` for new cookies.
public struct HashMethod: Sendable, Hashable, CustomStringConvertible {
    internal enum Algorithm: Sendable, Hashable { case md5, sha1, sha256, sha384, sha512 }
    internal let algorithm: Algorithm

    /// The name used on the command line and in configuration (`md5`, `sha1`, `sha256`, `sha384`, `sha512`).
    public let name: String
    /// The MAC's length in bytes.
    public let digestByteCount: Int

    private init(_ algorithm: Algorithm, _ name: String, _ digestByteCount: Int) {
        self.algorithm = algorithm
        self.name = name
        self.digestByteCount = digestByteCount
    }

    /// HMAC-MD5, for cookies that an application configured with `hashlib.md5`: compatibility only.
    public static let insecureMD5 = HashMethod(.md5, "md5", 16)
    /// HMAC-SHA1, Werkzeug's and Flask's default: compatibility with cookies they issue.
    public static let insecureSHA1 = HashMethod(.sha1, "sha1", 20)
    /// HMAC-MD5 (``insecureMD5``).
    @available(*, deprecated, renamed: "insecureMD5", message: "MD5 is for compatibility only")
    public static var md5: HashMethod { insecureMD5 }
    /// HMAC-SHA1 (``insecureSHA1``).
    @available(*, deprecated, renamed: "insecureSHA1", message: "SHA-1 is for compatibility only")
    public static var sha1: HashMethod { insecureSHA1 }
    /// HMAC-SHA256.
    public static let sha256 = HashMethod(.sha256, "sha256", 32)
    /// HMAC-SHA384.
    public static let sha384 = HashMethod(.sha384, "sha384", 48)
    /// HMAC-SHA512.
    public static let sha512 = HashMethod(.sha512, "sha512", 64)

    /// Every hash method, weakest first.
    public static let all: [HashMethod] = [.insecureMD5, .insecureSHA1, .sha256, .sha384, .sha512]

    /// The hash method of a name.
    ///
    /// Fails (is `nil`) for any other name.
    ///
    /// - Parameter name: `md5`, `sha1`, `sha256`, `sha384` or `sha512`.
    public init?(named name: String) {
        guard let method = HashMethod.all.first(where: { $0.name == name }) else { return nil }
        self = method
    }

    /// The name.
    public var description: String { name }

    /// Equal when the algorithms are equal.
    public static func == (lhs: HashMethod, rhs: HashMethod) -> Bool { lhs.algorithm == rhs.algorithm }

    /// Hashes the algorithm.
    public func hash(into hasher: inout Hasher) { hasher.combine(algorithm) }
}
