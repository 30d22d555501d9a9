import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieYAML

// securecookie-bench [--python PATH] [--flask-python PATH] [--tool PATH] [--batch N] [--json PATH]
// Measures serialize/unserialize per codec on Werkzeug's seed example, a ~650-byte session and a
// ~4 KB cookie, and — in the same run — Werkzeug 0.16.1 on CPython over the same cookies; with
// --flask-python, Flask's session cookie beside Flask 3.1's own serializer (FlaskBench.swift).
// securecookie-bench --profile CODEC [--op OP] [--payload NAME] [--iterations N]: one loop for callgrind (Profile.swift).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let benchDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let python = option("--python") ?? ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"
let secretText = "benchmark-secret-key-0123456789abcdef"
let secret = SecretKey(secretText)

if let codec = option("--profile") {
    try Profile.run(
        codec: codec, op: option("--op") ?? "unserialize", payload: option("--payload") ?? "session",
        iterations: Int(option("--iterations") ?? "") ?? 2000, secret: secret)
    exit(0)
}

@discardableResult
func run(_ executable: String, _ args: [String], stdin: URL? = nil, stdout: URL? = nil) throws -> (Data, Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
    process.arguments = executable.contains("/") ? args : [executable] + args
    let pipe = Pipe()
    if let stdout { process.standardOutput = try FileHandle(forWritingTo: stdout) } else { process.standardOutput = pipe }
    if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
    let start = ContinuousClock.now
    try process.run()
    let data = stdout == nil ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    let seconds = (ContinuousClock.now - start).seconds
    guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    return (data, seconds)
}

func formatFor(_ codec: String) -> CookieFormat {
    switch codec {
    case "json": return .json
    case "yaml": return .yaml
    case "msgpack": return .msgpack
    default: return .pickle
    }
}

func text(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

/// The 1-, 5- and 15-minute load averages, as /proc/loadavg gives them.
func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}
let cpuModel =
    (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
    .split(separator: "\n").first { $0.hasPrefix("model name") }
    .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?" } ?? "?"
let loadAtStart = loadAverage()
print("Machine: \(ProcessInfo.processInfo.activeProcessorCount) CPUs, \(cpuModel); load average \(loadAtStart)")

print("Measuring Werkzeug on CPython (\(python))…")
let (pythonOutput, _) = try run(python, [benchDirectory.appendingPathComponent("werkzeug_bench.py").path, "measure"])
guard let report = try JSONSerialization.jsonObject(with: pythonOutput) as? [String: Any],
    let cases = report["cases"] as? [[String: Any]]
else {
    print("the Python side printed no report")
    exit(1)
}
print("Python \(report["python"] ?? "?"), Werkzeug \(report["werkzeug"] ?? "?"); Swift release build\n")

var rows: [[String: Any]] = []
print("| codec | payload | cookie B | op | Swift µs | allocs | Werkzeug µs | × faster | floor µs | × floor |")
print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
let floor = Floor(secret: Array(secretText.utf8))
for entry in cases {
    guard let codec = entry["codec"] as? String, let payload = entry["payload"] as? String,
        let cookie = entry["cookie"] as? String, let pyUnserialize = entry["unserialize_ns"] as? Double,
        let pySerialize = entry["serialize_ns"] as? Double
    else { continue }
    let format = formatFor(codec)
    let decoded = try SecureCookie.unserialize(cookie, secretKey: secret, format: format, now: 0)
    let bytes = Array(cookie.utf8)
    var scratch: [UInt8] = []
    let floorMeasure = Measurement.of { precondition(floor.run(bytes, scratch: &scratch) > 0) }
    let read = try Measurement.of { _ = try SecureCookie.unserialize(bytes: bytes, secretKeys: [secret], format: format, now: 0) }
    let write = try Measurement.of {
        var cookie = SecureCookie(decoded.data, secretKeys: [secret], format: format)
        _ = try cookie.serialize()
    }
    for (op, swift, py) in [("unserialize", read, pyUnserialize), ("serialize", write, pySerialize)] {
        print(
            "| \(codec) | \(payload) | \(bytes.count) | \(op) | \(text(swift.nanoseconds / 1000)) | \(text(swift.allocations, 1)) | "
                + "\(text(py / 1000, 1)) | \(text(py / swift.nanoseconds, 1)) | \(text(floorMeasure.nanoseconds / 1000)) | "
                + "\(text(swift.nanoseconds / floorMeasure.nanoseconds, 1)) |")
        rows.append([
            "codec": codec, "payload": payload, "bytes": bytes.count, "op": op, "swift_ns": swift.nanoseconds,
            "allocations": swift.allocations, "werkzeug_ns": py, "floor_ns": floorMeasure.nanoseconds,
        ])
    }
}

if let cpickle = report["cpickle"] as? [String: Any],
    let session = cases.first(where: { $0["codec"] as? String == "pickle" && $0["payload"] as? String == "session" }),
    let cookie = session["cookie"] as? String
{
    let decoded = try SecureCookie.unserialize(cookie, secretKey: secret, format: .pickle, now: 0)
    let value = PythonValue.dict(decoded.data)
    // `loads` reads CPython's own pickle of the session (the bytes CPython's figure is for);
    // `dumps` writes the same value (Swift's pickle is larger: it does not share repeated keys).
    let pickled = [UInt8](Data(base64Encoded: cpickle["pickle_base64"] as? String ?? "") ?? Data())
    guard try PickleSerializationMethod().loads(pickled[...], limits: .default) == value else {
        fatalError("the Swift codec does not read CPython's pickle of the session as the session")
    }
    // Three rounds, CPython's C pickle asked again before each, so that both sides are timed under
    // the same load; the best of each side is kept.
    var loads = Measurement(nanoseconds: .infinity, allocations: 0)
    var dumps = Measurement(nanoseconds: .infinity, allocations: 0)
    var cpythonLoads = cpickle["loads_ns"] as? Double ?? .nan
    var cpythonDumps = cpickle["dumps_ns"] as? Double ?? .nan
    for round in 0..<3 {
        if round > 0 {
            let (output, _) = try run(python, [benchDirectory.appendingPathComponent("werkzeug_bench.py").path, "cpickle"])
            if let again = try JSONSerialization.jsonObject(with: output) as? [String: Any],
                let againLoads = again["loads_ns"] as? Double, let againDumps = again["dumps_ns"] as? Double
            {
                cpythonLoads = min(cpythonLoads, againLoads)
                cpythonDumps = min(cpythonDumps, againDumps)
            }
        }
        let roundLoads = try Measurement.of { _ = try PickleSerializationMethod().loads(pickled[...], limits: .default) }
        let roundDumps = try Measurement.of { _ = try PickleSerializationMethod().dumps(value) }
        if roundLoads.nanoseconds < loads.nanoseconds { loads = roundLoads }
        if roundDumps.nanoseconds < dumps.nanoseconds { dumps = roundDumps }
    }
    let swiftBytes = try PickleSerializationMethod().dumps(value).count
    print(
        "\nPickle codec alone on the session (CPython's pickle, \(pickled.count) bytes, protocol 4; Swift writes \(swiftBytes)) vs CPython's C `_pickle`, best of three interleaved rounds:"
    )
    print("| op | Swift µs | allocs | CPython C µs | × faster |\n|---|---:|---:|---:|---:|")
    for (op, swift, py) in [("loads", loads, cpythonLoads), ("dumps", dumps, cpythonDumps)] {
        print(
            "| \(op) | \(text(swift.nanoseconds / 1000)) | \(text(swift.allocations, 1)) | \(text(py / 1000)) | \(text(py / swift.nanoseconds, 1)) |"
        )
        rows.append([
            "codec": "pickle-codec", "payload": "session", "op": op, "swift_ns": swift.nanoseconds,
            "allocations": swift.allocations, "cpython_c_ns": py,
        ])
    }
}

if let flaskPython = option("--flask-python") {
    rows += try FlaskBench.run(
        python: flaskPython, script: benchDirectory.appendingPathComponent("flask_bench.py"), secret: secret,
        runner: { try run($0, $1).0 })
}

if let tool = option("--tool") {
    let count = Int(option("--batch") ?? "20000") ?? 20_000
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("securecookie-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let input = directory.appendingPathComponent("cookies.txt")
    let output = directory.appendingPathComponent("out.txt")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    try run(
        python, [benchDirectory.appendingPathComponent("werkzeug_bench.py").path, "write-batch", input.path, String(count), secretText])
    var swiftBest = Double.infinity
    var pythonBest = Double.infinity
    for _ in 0..<3 {
        swiftBest = min(swiftBest, try run(tool, ["decode", "--codec", "pickle", "--secret", secretText], stdin: input, stdout: output).1)
        pythonBest = min(
            pythonBest,
            try run(
                python, [benchDirectory.appendingPathComponent("werkzeug_bench.py").path, "batch", input.path, secretText],
                stdout: output
            ).1)
    }
    print("\nBatch decode of \(count) pickle session cookies to tagged JSON, process start included (best of 3):")
    print("| `securecookie decode` s | Python loop (Werkzeug) s | × faster |\n|---:|---:|---:|")
    print("| \(text(swiftBest, 3)) | \(text(pythonBest, 3)) | \(text(pythonBest / swiftBest, 1)) |")
    rows.append(["codec": "batch", "payload": "session", "op": "decode-\(count)", "swift_s": swiftBest, "python_s": pythonBest])
    try? FileManager.default.removeItem(at: directory)
}

if let path = option("--json") {
    let machine: [String: Any] = [
        "cpus": ProcessInfo.processInfo.activeProcessorCount, "cpu_model": cpuModel,
        "load_at_start": loadAtStart, "load_at_end": loadAverage(),
    ]
    let document: [String: Any] = [
        "python": report["python"] ?? "", "werkzeug": report["werkzeug"] ?? "", "machine": machine, "rows": rows,
    ]
    let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: URL(fileURLWithPath: path))
    print("\nload average at the end: \(loadAverage()); wrote \(path)")
}
