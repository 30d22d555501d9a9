import FuzzSupport
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieYAML

/// The leaked-key threat model: the fuzzer's bytes become a correctly signed cookie value, so every
/// input reaches a codec through the whole cookie path. The first byte picks the codec.
private let formats: [CookieFormat] = [.json, .pickle, .yaml, .msgpack]
/// Made once: keying a secret's HMACs costs more than a fuzz iteration.
private let key: SecretKey = "fuzz-key"

/// The cookie reader on correctly signed cookies: the first byte picks the codec, the rest is the
/// value, signed with a known key and read back through `SecureCookie.unserialize`; every value
/// read goes through ``FuzzOracle/check`` and the cookie must serialize again or fail typed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignedCookie(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format = formats[Int(data[0]) % formats.count]
    let value = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let cookie = FuzzSigning.sign(value: value, key: key)
    guard
        var read = FuzzOracle.attempt(
            "signed \(format.serializationMethod.name) unserialize",
            {
                try SecureCookie.unserialize(cookie, secretKeys: [key], format: format, now: 0)
            })
    else { return 0 }
    for (_, item) in read.data {
        FuzzOracle.check(item, what: "signed \(format.serializationMethod.name)") { try format.serializationMethod.dumps($0) }
    }
    read["v2"] = read["v"]
    _ = FuzzOracle.attempt("signed \(format.serializationMethod.name) serialize") { try read.serialize() }
    return 0
}

/// The codec's own mutator on the value (the first byte, the codec, changes one time in 32).
@_cdecl("LLVMFuzzerCustomMutator")
public func mutateSignedCookie(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    FuzzMutation.mutate(data, size, maxSize, seed) { input, random in
        let codec = input.first ?? UInt8(truncatingIfNeeded: random.below(4))
        let body = Array(input.dropFirst())
        let room = FuzzMutation.maximumInput - 1
        let mutated: [UInt8]?
        switch codec % 4 {
        case 0: mutated = FuzzVocabulary.json.mutate(body, &random, maxSize: room)
        case 1: mutated = PickleMutator.mutate(body, &random, maxSize: room)
        case 2: mutated = FuzzVocabulary.yaml.mutate(body, &random, maxSize: room)
        default: mutated = MessagePackMutator.mutate(body, &random, maxSize: room)
        }
        let first = random.oneIn(32) ? UInt8(truncatingIfNeeded: random.below(4)) : codec
        return mutated.map { [first] + $0 }
    }
}
