/// A codec for moving off a legacy codec without logging anyone out: it reads values written by
/// the legacy codec and by the current one, and writes only the current one.
///
/// Each value is tried with the current codec first, strictly; only when that codec finds the
/// bytes undecodable is the legacy codec asked. A refusal or a limit error from the current codec
/// is final, and a value that neither reads is an error. For the usual move from pickle to JSON
/// this cannot guess wrong: no pickle is valid JSON (every pickle ends in `.`, or starts with
/// `\x80`), and JSON is tried first.
///
/// ```swift
/// let migrating = MigratingSerializationMethod(reading: .pickle, writing: .json)
/// ```
///
/// Cookies read through it report ``ReissueReasons/legacyCodec`` so the application can re-issue them.
public struct MigratingSerializationMethod: SerializationMethod {
    /// The codec that writes, and reads first.
    public let current: any SerializationMethod
    /// The codec that only reads, second.
    public let legacy: any SerializationMethod

    /// Creates a migrating codec.
    ///
    /// - Parameters:
    ///   - legacy: The codec old cookies were written with (typically pickle).
    ///   - current: The codec to write with from now on (typically JSON).
    public init(reading legacy: any SerializationMethod, writing current: any SerializationMethod) {
        self.legacy = legacy
        self.current = current
    }

    /// `legacy>current`, such as `pickle>json`.
    public var name: String { legacy.name + ">" + current.name }

    /// Writes with the current codec.
    ///
    /// - Parameter value: The value.
    /// - Returns: The current codec's bytes.
    /// - Throws: What the current codec throws.
    public func dumps(_ value: PythonValue) throws -> [UInt8] { try current.dumps(value) }

    /// Reads with the current codec, or failing that (undecodable only) with the legacy one.
    ///
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - limits: The bounds.
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``; when neither codec reads the bytes, the legacy codec's error.
    public func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        try loadsReportingForm(bytes, limits: limits).value
    }

    /// Reads a value and says whether the legacy codec was needed.
    ///
    /// - Parameters:
    ///   - bytes: The bytes.
    ///   - limits: The bounds.
    /// - Returns: The value, and whether the legacy codec read it.
    /// - Throws: As ``loads(_:limits:)``.
    public func loadsReportingForm(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> (value: PythonValue, isLegacy: Bool) {
        do {
            return (try current.loads(bytes, limits: limits), false)
        } catch let error as SecureCookieError where error.kind == .undecodable {
            do {
                return (try legacy.loads(bytes, limits: limits), true)
            } catch let legacyError as SecureCookieError where legacyError.kind == .undecodable {
                throw SecureCookieError.undecodable(
                    "neither \(current.name) (\(error.reason)) nor \(legacy.name) (\(legacyError.reason)) reads the value")
            }
        }
    }
}
