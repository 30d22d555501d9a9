import SecureCookie

extension SecureCookie {
    /// Creates a new cookie whose items are the fields of an app's `Encodable` session type.
    ///
    /// ```swift
    /// struct Session: Codable { var userID: Int; var roles: [String] }
    /// var cookie = try SecureCookie(encoding: Session(userID: 42, roles: ["admin"]), secretKey: "s3cret", format: .json)
    /// ```
    ///
    /// - Parameters:
    ///   - value: The session; it must encode as a keyed container (a struct, a class, `[String: T]`).
    ///   - secretKeys: The keys: the first signs, all verify.
    ///   - format: The cookie type.
    ///   - encoder: How the value is encoded (date and data strategies).
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unrepresentable`` when the
    ///   value does not encode as a dict, or as ``PythonValueEncoder/encode(_:)`` throws.
    public init<T: Encodable>(
        encoding value: T, secretKeys: [SecretKey], format: Format, encoder: PythonValueEncoder = PythonValueEncoder()
    ) throws {
        self.init(try Self.items(encoding: value, with: encoder), secretKeys: secretKeys, format: format)
    }

    /// Creates a new cookie, signed with one key, whose items are the fields of an `Encodable` value.
    ///
    /// - Parameters:
    ///   - value: The session; it must encode as a keyed container.
    ///   - secretKey: The key.
    ///   - format: The cookie type.
    ///   - encoder: How the value is encoded.
    /// - Throws: As ``init(encoding:secretKeys:format:encoder:)``.
    public init<T: Encodable>(
        encoding value: T, secretKey: SecretKey, format: Format, encoder: PythonValueEncoder = PythonValueEncoder()
    ) throws {
        try self.init(encoding: value, secretKeys: [secretKey], format: format, encoder: encoder)
    }

    /// Decodes the cookie's items as an app's `Decodable` session type.
    ///
    /// Items the type does not declare are ignored, so a cookie can carry keys another app (or the
    /// Python side) reads.
    ///
    /// ```swift
    /// let cookie = try SecureCookie.unserialize(header, secretKey: "s3cret", format: .json)
    /// let session = try cookie.decode(as: Session.self)
    /// ```
    ///
    /// - Parameters:
    ///   - type: The session type.
    ///   - decoder: How values are decoded.
    /// - Returns: The session.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/undecodable`` naming the
    ///   item and the problem (`at roles[1]: expected str, found int`), as
    ///   ``PythonValueDecoder/decode(_:from:)`` throws it.
    public func decode<T: Decodable>(as type: T.Type = T.self, decoder: PythonValueDecoder = PythonValueDecoder()) throws -> T {
        try decoder.decode(type, from: .dict(data))
    }

    /// Replaces the cookie's items with the fields of an `Encodable` value.
    ///
    /// The cookie is marked modified only when the items change (compared as Python compares
    /// dicts), so storing an unchanged session does not make ``shouldSave`` `true`. A field the
    /// value no longer encodes (a `nil` optional) removes its item.
    ///
    /// - Parameters:
    ///   - value: The session; it must encode as a keyed container.
    ///   - encoder: How the value is encoded.
    /// - Throws: As ``init(encoding:secretKeys:format:encoder:)``; the cookie is unchanged then.
    public mutating func store<T: Encodable>(_ value: T, encoder: PythonValueEncoder = PythonValueEncoder()) throws {
        let items = try Self.items(encoding: value, with: encoder)
        guard items != data else { return }
        for key in keys where items[key] == nil { removeValue(forKey: key) }
        for (key, item) in items {
            guard let key = key.stringValue else { continue }
            self[key] = item
        }
    }

    /// The items an `Encodable` value encodes to: a dict with `str` keys.
    private static func items<T: Encodable>(encoding value: T, with encoder: PythonValueEncoder) throws -> PythonDict {
        let encoded = try encoder.encode(value)
        guard case .dict(let items) = encoded else {
            throw SecureCookieError.unrepresentable(
                "a cookie's items are a dict, but \(T.self) encodes to a \(encoded.typeName)"
            )
        }
        return items
    }
}
