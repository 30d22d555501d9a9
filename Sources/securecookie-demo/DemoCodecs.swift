// Built with the package trait `Hummingbird` or `Vapor` (see Package.swift).
#if Hummingbird || Vapor
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle

/// The demo's cookie type, chosen from `--codec` and `--legacy-codec`.
enum DemoCodecs {
    /// The codecs the demo offers, by their registered names.
    static func registry(python2Strings: PicklePython2Strings) -> SerializationRegistry {
        SerializationRegistry([.json, .pickle(python2Strings: python2Strings)])
    }

    /// The cookie type: the codec alone, or, with a legacy codec, a migrating codec that reads both
    /// and writes only the current one. Outdated cookies (legacy codec, rotated key) are re-issued.
    ///
    /// - Throws: ``SecureCookieError`` of kind `unknown-codec` for a name the registry lacks.
    static func format(codec: String, legacyCodec: String?, python2Strings: PicklePython2Strings) throws -> CookieFormat {
        let registry = registry(python2Strings: python2Strings)
        let current = try registry.method(named: codec)
        let method: any SerializationMethod
        if let legacyCodec {
            method = MigratingSerializationMethod(reading: try registry.method(named: legacyCodec), writing: current)
        } else {
            method = current
        }
        return CookieFormat(serializationMethod: method, reissuePolicy: .migrate)
    }
}
#endif
