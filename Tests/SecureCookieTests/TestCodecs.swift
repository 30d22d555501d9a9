@testable import SecureCookie

/// A minimal codec for testing the wire format without a real codec module: ints as decimal
/// digits and simple strings in double quotes — the same bytes Python's `json.dumps` writes for them.
struct DigitsCodec: SerializationMethod {
    var name: String { "digits" }

    func dumps(_ value: PythonValue) throws -> [UInt8] {
        switch value {
        case .int(let number): return Array(String(number).utf8)
        case .str(let text) where text.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" }):
            return Array("\"\(text)\"".utf8)
        default: throw SecureCookieError.unrepresentable("\(value.typeName) is not supported by the test codec")
        }
    }

    func loads(_ bytes: ArraySlice<UInt8>, limits: SecureCookieLimits) throws -> PythonValue {
        let text = String(decoding: bytes, as: UTF8.self)
        if let number = Int(text) { return .int(number) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return .str(String(text.dropFirst().dropLast())) }
        throw SecureCookieError.undecodable("not digits or a quoted string: \(text)")
    }
}

/// The test cookie type: Werkzeug's `JSONSecureCookie` as far as ints and simple strings go.
struct DigitsCookie: SecureCookieFormat {
    var serializationMethod: any SerializationMethod { DigitsCodec() }
    var hashMethod: HashMethod = .insecureSHA1
    var legacyHashMethods: [HashMethod] = []
    var limits: SecureCookieLimits = .default
}
