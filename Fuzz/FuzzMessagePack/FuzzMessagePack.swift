import FuzzSupport
import SecureCookie
import SecureCookieMessagePack

/// The MessagePack decoder on any bytes (what a leaked key lets an attacker sign); every accepted
/// value goes through ``FuzzOracle/check`` (tagged JSON bounded and read back, re-encoding typed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessagePack(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = MessagePackSerializationMethod()
    if let value = FuzzOracle.attempt("msgpack loads", { try codec.loads(bytes[...], limits: FuzzOracle.limits) }) {
        FuzzOracle.check(value, what: "msgpack") { try codec.dumps($0) }
    }
    return 0
}

/// Format-level mutation (``MessagePackMutator``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateMessagePack(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { MessagePackMutator.mutate($0, &$1) }
}
