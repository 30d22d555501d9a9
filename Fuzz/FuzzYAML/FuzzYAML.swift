import FuzzSupport
import SecureCookie
import SecureCookieYAML

/// The YAML decoder on any bytes (what a leaked key lets an attacker sign); every accepted value
/// goes through ``FuzzOracle/check`` (tagged JSON bounded and read back, re-encoding typed).
/// Differential: at the default limits and at limits drawn from the input, whenever the one-pass
/// loader returns a value, the composer and constructor alone must return the same one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let codec = YAMLSerializationMethod()
    if let value = FuzzOracle.attempt("yaml loads", { try codec.loads(bytes[...], limits: FuzzOracle.limits) }) {
        FuzzOracle.check(value, what: "yaml") { try codec.dumps($0) }
    }
    compareThePaths(bytes, codec, FuzzOracle.limits)
    compareThePaths(bytes, codec, FuzzOracle.randomLimits(for: bytes))
    return 0
}

private func compareThePaths(_ bytes: [UInt8], _ codec: YAMLSerializationMethod, _ limits: SecureCookieLimits) {
    guard let fast = codec.loadsInOnePass(bytes[...], limits: limits) else { return }
    guard let general = FuzzOracle.attempt("yaml general path", { try codec.loadsInGeneral(bytes[...], limits: limits) })
    else { FuzzOracle.fail("the YAML general path refused what the one-pass loader read at \(limits)") }
    if !FuzzOracle.identical(fast, general) {
        FuzzOracle.fail("the two YAML paths read different values at \(limits)")
    }
}

/// Token-level mutation (``FuzzVocabulary/yaml``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateYAML(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { FuzzVocabulary.yaml.mutate($0, &$1) }
}
