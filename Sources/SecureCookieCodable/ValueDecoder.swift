import SecureCookie

#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// The `Decoder` behind ``PythonValueDecoder``: one per value being decoded.
internal struct ValueDecoder: Decoder {
    /// What every decoder of one `decode` call shares.
    struct Options {
        var dataStrategy: PythonValueEncoder.DataStrategy
        var userInfo: [CodingUserInfoKey: any Sendable]
    }

    let value: PythonValue
    let codingPath: [any CodingKey]
    let options: Options

    var userInfo: [CodingUserInfoKey: Any] { options.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .dict(let dict) = value else {
            throw ScalarDecoding.mismatch([String: Int].self, expected: "dict", found: value, at: codingPath)
        }
        return KeyedDecodingContainer(KeyedValueDecodingContainer<Key>(dict: dict, codingPath: codingPath, options: options))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let elements = ScalarDecoding.elements(of: value) else {
            throw ScalarDecoding.mismatch([Int].self, expected: "list", found: value, at: codingPath)
        }
        return UnkeyedValueDecodingContainer(elements: elements, codingPath: codingPath, options: options)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueDecodingContainerImpl(decoder: self)
    }

    /// Decodes this decoder's value as a type, handling the Foundation types that have a Python counterpart.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Date.self { return try cast(decodeDate()) }
        if T.self == Data.self, let data = try decodeDataDirectly() { return try cast(data) }
        if T.self == Decimal.self { return try cast(decodeDecimal()) }
        if T.self == URL.self { return try cast(decodeURL()) }
        return try T(from: self)
    }

    /// A child decoder for a nested value.
    func nested(_ value: PythonValue, at key: any CodingKey) -> ValueDecoder {
        ValueDecoder(value: value, codingPath: codingPath + [key], options: options)
    }

    private func cast<T, U>(_ value: U) throws -> T {
        guard let result = value as? T else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "cannot present \(U.self) as \(T.self)", underlyingError: DecoderMessage()))
        }
        return result
    }

    private func decodeDate() throws -> Date {
        switch value {
        case .float(let seconds) where seconds.isFinite:
            return Date(timeIntervalSince1970: seconds)
        case .int(let seconds):
            return Date(timeIntervalSince1970: Double(seconds))
        case .datetime(let datetime):
            // A naive datetime is counted as UTC, as Werkzeug's `_date_to_unix` does.
            let microseconds = datetime.microsecondsSinceUnixEpoch
            let seconds = microseconds.floorDivide(1_000_000)
            let fraction = microseconds.floorModulo(1_000_000)
            return Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / 1_000_000)
        default:
            throw ScalarDecoding.mismatch(Date.self, expected: "datetime or Unix seconds", found: value, at: codingPath)
        }
    }

    /// `Data` from bytes or a base64 `str`; `nil` to let `Data` read a list of byte values itself.
    private func decodeDataDirectly() throws -> Data? {
        switch value {
        case .bytes(let bytes), .bytearray(let bytes):
            return Data(bytes)
        case .str(let text) where options.dataStrategy.form == .base64:
            guard let data = Data(base64Encoded: text) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "str is not valid base64", underlyingError: DecoderMessage()))
            }
            return data
        case .list, .tuple:
            return nil
        default:
            let expected = options.dataStrategy.form == .base64 ? "bytes or base64 str" : "bytes"
            throw ScalarDecoding.mismatch(Data.self, expected: expected, found: value, at: codingPath)
        }
    }

    private func decodeDecimal() throws -> Decimal {
        let text: String
        switch value {
        case .decimal(let decimal):
            switch decimal.form {
            case .nan, .signalingNaN: return .nan
            case .infinity:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: codingPath, debugDescription: "an infinite Decimal has no Foundation Decimal form",
                        underlyingError: DecoderMessage())
                )
            case .finite: text = decimal.description
            }
        case .int(let integer): return Decimal(integer)
        case .bigInt(let integer):
            guard let bounded = try? integer.decimalText() else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: codingPath, debugDescription: "int of more than 4300 digits", underlyingError: DecoderMessage()))
            }
            text = bounded
        case .float(let double) where double.isFinite: text = PythonFloatRepr.repr(double)
        default:
            throw ScalarDecoding.mismatch(Decimal.self, expected: "decimal.Decimal", found: value, at: codingPath)
        }
        guard let decimal = Decimal(string: text, locale: nil) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath, debugDescription: "\(value.typeName) out of Foundation Decimal's range",
                    underlyingError: DecoderMessage())
            )
        }
        return decimal
    }

    private func decodeURL() throws -> URL {
        guard case .str(let text) = value else {
            throw ScalarDecoding.mismatch(URL.self, expected: "str", found: value, at: codingPath)
        }
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "str is not a valid URL", underlyingError: DecoderMessage()))
        }
        return url
    }
}
