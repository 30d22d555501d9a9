import SecureCookie
import SecureCookieMessagePack

/// The MessagePack decoder on any bytes (what a leaked key lets an attacker sign), then re-encoding what it read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessagePack(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = MessagePackSerializationMethod()
    if let value = try? codec.loads(bytes[...], limits: .default) {
        _ = try? codec.dumps(value)
        _ = TaggedJSON.encode(value)
    }
    return 0
}
