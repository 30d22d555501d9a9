import FuzzSupport
import SecureCookie
import SecureCookieJSON

/// The JSON decoder on any bytes (what a leaked key lets an attacker sign); every accepted value
/// goes through ``FuzzOracle/check`` (tagged JSON bounded and read back, re-encoding typed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = JSONSerializationMethod()
    if let value = FuzzOracle.attempt("json loads", { try codec.loads(bytes[...], limits: FuzzOracle.limits) }) {
        FuzzOracle.check(value, what: "json") { try codec.dumps($0) }
    }
    return 0
}

/// Token-level mutation (``FuzzVocabulary/json``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateJSON(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { FuzzVocabulary.json.mutate($0, &$1) }
}
