import SecureCookie
import SecureCookieYAML

/// The YAML decoder on any bytes (what a leaked key lets an attacker sign), then re-encoding what it read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = YAMLSerializationMethod()
    if let value = try? codec.loads(bytes[...], limits: .default) {
        _ = try? codec.dumps(value)
        _ = TaggedJSON.encode(value)
    }
    return 0
}
