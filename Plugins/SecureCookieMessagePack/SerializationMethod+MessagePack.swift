import SecureCookie

extension SerializationMethod where Self == MessagePackSerializationMethod {
    /// The MessagePack codec, registered as `msgpack`: `SerializationRegistry([.msgpack])`.
    public static var msgpack: Self { MessagePackSerializationMethod() }
}
