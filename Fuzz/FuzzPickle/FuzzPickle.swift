import SecureCookie
import SecureCookiePickle

/// The Pickle decoder on any bytes (what a leaked key lets an attacker sign), then re-encoding what
/// it read. Differential: whenever `loads` (which tries the plain-data fast path first) returns a
/// value, the general path alone must return the same one; a difference stops the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPickle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let modes: [PicklePython2Strings] = [.ascii, .latin1, .bytes]
    let codec = PickleSerializationMethod(python2Strings: modes[size % modes.count])
    if let value = try? codec.loads(bytes[...], limits: .default) {
        let general = try? codec.loadsInGeneral(bytes[...], limits: .default)
        if general.map(TaggedJSON.encode) != TaggedJSON.encode(value) {
            fatalError(
                "the pickle fast path read \(TaggedJSON.encode(value)); the general path \(general.map(TaggedJSON.encode) ?? "refused it")")
        }
        _ = try? codec.dumps(value)
    }
    _ = try? codec.inspect(bytes[...], limits: .default)
    return 0
}
