import FuzzSupport
import SecureCookie
import SecureCookieJSON
import SecureCookiePickle

/// The Pickle decoder on any bytes (what a leaked key lets an attacker sign), and its inspector
/// (what `securecookie inspect` runs on a cookie with no key at all). Differential: whenever
/// `loads` (which tries the plain-data fast path first) returns a value, the general path alone
/// must return the same one. Every accepted value then goes through ``FuzzOracle/check``
/// (tagged JSON bounded and read back, re-pickling typed), and the inspector's output must stay
/// within ``FuzzOracle/inspectBound``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPickle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let modes: [PicklePython2Strings] = [.ascii, .latin1, .bytes]
    let codec = PickleSerializationMethod(python2Strings: modes[size % modes.count])
    let limits = FuzzOracle.limits
    if let value = FuzzOracle.attempt("pickle loads", { try codec.loads(bytes[...], limits: limits) }) {
        let general = FuzzOracle.attempt("pickle general path") { try codec.loadsInGeneral(bytes[...], limits: limits) }
        // A value past the materialization budget is one the cookie path refuses: comparing its
        // tagged JSON would cost what the budget is there to prevent.
        guard (try? value.checkMaterializedSize(limits)) != nil else {
            if general == nil { FuzzOracle.fail("the pickle general path refused what the fast path read") }
            inspect(bytes, codec)
            return 0
        }
        // Tagged JSON refuses an int past 4300 digits (typed): both paths then give nil.
        let fast = try? TaggedJSON.encode(value)
        let other = general.map { try? TaggedJSON.encode($0) }
        if other != fast {
            FuzzOracle.fail(
                "the pickle fast path read \(fast?.prefix(300) ?? "(no tagged JSON)"); the general path \(other.map { $0?.prefix(300) ?? "(no tagged JSON)" } ?? "refused it")"
            )
        }
        FuzzOracle.check(value, what: "pickle") { try codec.dumps($0) }
    }
    inspect(bytes, codec)
    // The same comparison at limits drawn from the input: a limit one path checks where the other
    // does not is a disagreement the default limits never reach.
    let random = FuzzOracle.randomLimits(for: bytes)
    if let value = try? codec.loads(bytes[...], limits: random) {
        guard let general = FuzzOracle.attempt("pickle general path", { try codec.loadsInGeneral(bytes[...], limits: random) })
        else { FuzzOracle.fail("the pickle general path refused what the fast path read at \(random)") }
        if !FuzzOracle.identical(value, general) { FuzzOracle.fail("the two pickle paths read different values at \(random)") }
    }
    return 0
}

/// The inspector (no key needed) on the same bytes: typed errors only, output within ``FuzzOracle/inspectBound``.
private func inspect(_ bytes: [UInt8], _ codec: PickleSerializationMethod) {
    if let text = FuzzOracle.attempt("pickle inspect", { try codec.inspect(bytes[...], limits: FuzzOracle.limits) }),
        text.utf8.count > FuzzOracle.inspectBound
    {
        FuzzOracle.fail("pickle inspect wrote \(text.utf8.count) bytes (bound \(FuzzOracle.inspectBound))")
    }
}

/// Opcode-level mutation (``PickleMutator``), with libFuzzer's byte mutator one time in four.
@_cdecl("LLVMFuzzerCustomMutator")
public func mutatePickle(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { PickleMutator.mutate($0, &$1) }
}
