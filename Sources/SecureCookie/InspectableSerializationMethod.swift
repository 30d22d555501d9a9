/// A codec that can show what unverified bytes hold without building anything dangerous.
///
/// Used only by `securecookie inspect`, for looking at cookies whose key you lack. Constructs the
/// codec would refuse when decoding (pickle globals, unknown YAML tags) are shown as inert
/// nodes (`{"$object": ...}`, `{"$global": "mod.name"}`, `{"$cycle": k}`), never resolved or called.
/// The cookie-decoding path never uses this.
public protocol InspectableSerializationMethod: SerializationMethod {
    /// Shows serialized bytes as one line of tagged JSON, with refused constructs as inert nodes.
    ///
    /// - Parameters:
    ///   - bytes: The serialized bytes (not verified).
    ///   - limits: The bounds to enforce while reading.
    /// - Returns: One line of tagged JSON.
    /// - Throws: ``SecureCookieError`` when the bytes cannot be read at all or go past a limit.
    func inspect(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> String
}
