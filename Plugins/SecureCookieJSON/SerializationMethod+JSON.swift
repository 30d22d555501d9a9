import SecureCookie

extension SerializationMethod where Self == JSONSerializationMethod {
    /// The JSON codec, registered as `json`: `SerializationRegistry([.json])`.
    public static var json: Self { JSONSerializationMethod() }
}
