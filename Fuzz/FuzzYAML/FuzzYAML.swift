import FuzzSupport
import SecureCookie
import SecureCookieYAML

/// The YAML decoder on any bytes (what a leaked key lets an attacker sign); every accepted value
/// goes through ``FuzzOracle/check`` (tagged JSON bounded and read back, re-encoding typed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = YAMLSerializationMethod()
    if let value = FuzzOracle.attempt("yaml loads", { try codec.loads(bytes[...], limits: FuzzOracle.limits) }) {
        FuzzOracle.check(value, what: "yaml") { try codec.dumps($0) }
    }
    return 0
}

/// Token-level mutation (``FuzzVocabulary/yaml``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateYAML(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { FuzzVocabulary.yaml.mutate($0, &$1) }
}
