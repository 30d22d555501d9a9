/// The codecs an application allows, by name: passed as a value, never a global.
///
/// A codec is part of the wire format and of the trust boundary, so nothing registers one
/// behind the application's back: the app builds the registry it wants and hands it on.
///
/// ```swift
/// let registry = SerializationRegistry([.json]).registering(.msgpack)
/// let codec = try registry.method(named: configuration.codec)
/// ```
public struct SerializationRegistry: Sendable {
    private var methods: [(name: String, method: any SerializationMethod)]

    /// Creates a registry holding the given codecs; a later codec replaces an earlier one of the same name.
    ///
    /// - Parameter methods: The codecs.
    public init(_ methods: [any SerializationMethod] = []) {
        self.methods = []
        for method in methods { self = registering(method) }
    }

    /// The registered names, in registration order.
    public var names: [String] { methods.map(\.name) }

    /// This registry with a codec added, replacing any of the same name.
    ///
    /// - Parameter method: The codec.
    /// - Returns: The new registry.
    public func registering(_ method: any SerializationMethod) -> SerializationRegistry {
        var copy = self
        if let index = copy.methods.firstIndex(where: { $0.name == method.name }) {
            copy.methods[index] = (method.name, method)
        } else {
            copy.methods.append((method.name, method))
        }
        return copy
    }

    /// This registry without the codec of that name.
    ///
    /// - Parameter name: The name.
    /// - Returns: The new registry.
    public func removing(_ name: String) -> SerializationRegistry {
        var copy = self
        copy.methods.removeAll { $0.name == name }
        return copy
    }

    /// The codec registered under a name.
    ///
    /// - Parameter name: The name, such as `json`.
    /// - Returns: The codec.
    /// - Throws: ``SecureCookieError`` of kind ``SecureCookieError/Kind/unknownCodec``, listing the names that exist.
    public func method(named name: String) throws -> any SerializationMethod {
        if let entry = methods.first(where: { $0.name == name }) { return entry.method }
        let known = names.isEmpty ? "none are registered" : "registered: " + names.joined(separator: ", ")
        throw SecureCookieError(.unknownCodec, "no codec named \"\(name)\" (\(known))")
    }
}
