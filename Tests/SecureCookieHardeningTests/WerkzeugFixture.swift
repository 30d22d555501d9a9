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
        guard let hash = hashMethod else { return nil }
        let method: any SerializationMethod
        switch codec {
        case "json": method = JSONSerializationMethod()
        case "yaml": method = YAMLSerializationMethod()
        case "msgpack": method = MessagePackSerializationMethod()
        case "pickle":
            method = PickleSerializationMethod(python2Strings: python2Strings.flatMap(PicklePython2Strings.init(named:)) ?? .ascii)
        default: return nil
        }
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
