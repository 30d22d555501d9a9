import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieYAML

/// The hardening tests read Werkzeug's cookies through the test kit's one model of them.
typealias WerkzeugFixture = WerkzeugCookieFixture

extension WerkzeugCookieFixture {
    /// The cookie type Werkzeug wrote it with, or `nil` for a codec or hash this build lacks.
    var format: CookieFormat? {
        let python2 = python2Strings.flatMap(PicklePython2Strings.init(named:)) ?? .ascii
        let registry = SerializationRegistry([
            JSONSerializationMethod(), YAMLSerializationMethod(), MessagePackSerializationMethod(),
            PickleSerializationMethod(python2Strings: python2),
        ])
        guard let hash = hashMethod, let method = try? registry.method(named: codec) else { return nil }
        return CookieFormat(serializationMethod: method, hashMethod: hash)
    }

    /// A time at which the fixture has not expired.
    var unexpiredClock: Double { expires.map { Double($0) - 1 } ?? 1_999_999_999 }

    /// Reads a cookie text (this fixture's, or a changed one) as this fixture's cookie type, with its keys.
    func unserialize(_ text: String) throws -> SecureCookie<CookieFormat> {
        guard let format else { throw SecureCookieError.malformed("no codec \(codec) or hash \(hash) in this build") }
        return try SecureCookie.unserialize(text, secretKeys: secretKeys, format: format, now: unexpiredClock)
    }
}
