// A plain executable that drives the MessagePack codec through every fixture, error path and hostile
// input of its tests, so valgrind can watch msgpack-c's buffers being freed. (The Swift Testing runner
// parks its main thread in dispatchMain(), which valgrind 3.19 cannot run.) Built and run by leakcheck.sh.
import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack

guard CommandLine.arguments.count == 3 else {
    print("usage: MessagePackLeakCheck <Fixtures/msgpack> <Fixtures/conformance/msgpack-test-suite/msgpack-test-suite.json>")
    exit(2)
}
let fixtures = URL(fileURLWithPath: CommandLine.arguments[1])  // Fixtures/msgpack
let conformance = URL(fileURLWithPath: CommandLine.arguments[2])  // Fixtures/conformance/msgpack-test-suite/...json
let codec = MessagePackSerializationMethod()
let roomy = SecureCookieLimits(maximumDepth: 4096, maximumNodes: 1 << 20, maximumValueBytes: 1 << 22)
var calls = 0
var mismatches = 0

/// A data file's text, or a clear exit naming the path (a missing file must not trap).
func text(_ url: URL) -> String {
    guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("leakcheck: missing or unreadable test data: \(url.path)\n".utf8))
        exit(2)
    }
    return text
}

/// A JSON-lines fixture's records, or a clear exit naming the file and line.
func lines(_ name: String) -> [PythonDict] {
    let url = fixtures.appendingPathComponent(name)
    return text(url).split(separator: "\n").enumerated().map { number, line in
        guard case .dict(let fields)? = try? TaggedJSON.decode(line, limits: roomy) else {
            FileHandle.standardError.write(Data("leakcheck: \(url.path) line \(number + 1) is not a tagged-JSON dict\n".utf8))
            exit(2)
        }
        return fields
    }
}

func bytes(_ value: PythonValue?) -> [UInt8] {
    guard case .str(let text)? = value else { return [] }
    let digits = Array(text.utf8.filter { $0 != UInt8(ascii: "-") })
    return stride(from: 0, to: digits.count - 1, by: 2).compactMap {
        UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)
    }
}

/// Runs one call; `true` when it returned.
@MainActor @discardableResult
func attempt(_ body: () throws -> Void) -> Bool {
    calls += 1
    do {
        try body()
        return true
    } catch { return false }
}

// Python's packb/unpackb corpus, both ways, and every prefix of each encoding.
for line in lines("roundtrip.jsonl") {
    let data = bytes(line["msgpack"])
    if let value = line["value"] {
        attempt { if try codec.dumps(value) != data { mismatches += 1 } }
    }
    let loaded = attempt { _ = try codec.loads(data[...], limits: roomy) }
    if loaded != (line["loaded"] != nil) { mismatches += 1 }
    if data.count < 2000 {
        for length in 0..<data.count where attempt({ _ = try codec.loads(data[..<length], limits: roomy) }) {
            mismatches += 1
        }
    }
}
// Hand-made input: values and every kind of failure.
for line in lines("decode.jsonl") {
    let read = attempt { _ = try codec.loads(bytes(line["msgpack"])) }
    if read != (line["value"] != nil) { mismatches += 1 }
}
// Values packb refuses: msgpack-c's buffer holds a partial value when the error is thrown.
for line in lines("unrepresentable.jsonl") {
    if let value = line["value"], attempt({ _ = try codec.dumps(value) }) { mismatches += 1 }
    if let value = line["value"], attempt({ _ = try codec.dumps(.list([.str(String(repeating: "x", count: 9000)), value])) }) {
        mismatches += 1
    }
}
// Every encoding of the conformance suite.
if case .dict(let groups)? = try? TaggedJSON.decode(text(conformance), limits: roomy) {
    for (_, group) in groups {
        guard case .list(let cases) = group else { continue }
        for case .dict(let suiteCase) in cases {
            guard case .list(let encodings)? = suiteCase["msgpack"] else { continue }
            for encoding in encodings { attempt { _ = try codec.loads(bytes(encoding)) } }
        }
    }
} else {
    FileHandle.standardError.write(Data("leakcheck: \(conformance.path) is not the msgpack-test-suite JSON object\n".utf8))
    exit(2)
}
// Hostile claims, depth and node floods, and seeded corruption.
for input: [UInt8] in [
    [0xDF, 0x41, 0x72, 0x72, 0x61], [0xDD, 0xFF, 0xFF, 0xFF, 0xFF], [0xDB, 0xFF, 0xFF, 0xFF, 0xFF, 0x61],
    [UInt8](repeating: 0x91, count: 200) + [0xC0], [0xDC, 0xFF, 0xFF] + [UInt8](repeating: 0xC0, count: 65_535),
] {
    if attempt({ _ = try codec.loads(input) }) { mismatches += 1 }
}
var state: UInt64 = 0x5EC0_0C1E
@MainActor func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}
let samples = lines("roundtrip.jsonl").map { bytes($0["msgpack"]) }.filter { !$0.isEmpty && $0.count < 400 }
for _ in 0..<(samples.isEmpty ? 0 : 5000) {
    var data = samples[Int(next() % UInt64(samples.count))]
    data[Int(next() % UInt64(data.count))] = UInt8(truncatingIfNeeded: next())
    attempt {
        let value = try codec.loads(data[...], limits: .default)
        _ = try codec.dumps(value)
    }
}
print("\(calls) codec calls, \(mismatches) mismatches")
exit(mismatches == 0 ? 0 : 1)
