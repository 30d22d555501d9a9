import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieYAML

/// One cookie written by real Werkzeug (Fixtures/werkzeug/*.jsonl) and how to read it.
struct WerkzeugFixture: CustomStringConvertible, Sendable {
    let name: String
    let codec: String
    let python: String
    let cookie: String
    let secrets: [SecretKey]
    let format: CookieFormat
    let expires: Double?

    var description: String { "\(python) \(codec) \(format.hashMethod) \(name)" }

    /// Every fixture of both Pythons whose codec this build has.
    static let all: [WerkzeugFixture] = {
        var fixtures: [WerkzeugFixture] = []
        for file in ["cookies-py3.jsonl", "cookies-py2.7.jsonl"] {
            let url = TestPaths.fixtures.appendingPathComponent("werkzeug").appendingPathComponent(file)
            guard let lines = try? TestPaths.lines(url) else { continue }
            for line in lines {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let cookie = object["cookie"] as? String, let codecName = object["codec"] as? String,
                    let hashName = object["hash"] as? String, let hash = HashMethod(named: hashName),
                    let secretList = object["secrets"] as? [[String: String]]
                else { continue }
                let secrets = secretList.compactMap { entry -> SecretKey? in
                    if let hex = entry["hex"] { return SecretKey(hex: hex) }
                    return entry["text"].map { SecretKey($0) }
                }
                let codec: any SerializationMethod
                switch codecName {
                case "json": codec = JSONSerializationMethod()
                case "yaml": codec = YAMLSerializationMethod()
                case "msgpack": codec = MessagePackSerializationMethod()
                case "pickle":
                    let mode = (object["py2_str"] as? String).flatMap(PicklePython2Strings.init(named:)) ?? .ascii
                    codec = PickleSerializationMethod(python2Strings: mode)
                default: continue
                }
                fixtures.append(
                    WerkzeugFixture(
                        name: object["name"] as? String ?? "?", codec: codecName, python: object["python"] as? String ?? "?",
                        cookie: cookie, secrets: secrets, format: CookieFormat(serializationMethod: codec, hashMethod: hash),
                        expires: object["expires"] as? Double))
            }
        }
        return fixtures
    }()

    /// A time at which the fixture has not expired.
    var now: Double { (expires ?? 2_000_000_000) - 1 }

    func unserialize(_ text: String) throws -> SecureCookie<CookieFormat> {
        try SecureCookie.unserialize(text, secretKeys: secrets, format: format, now: now)
    }
}
