import Foundation
import SecureCookie
import SecureCookieFlask

/// Flask's session cookie, side by side with Flask 3.1's own `session_interface` serializer on CPython
/// (`flask_bench.py measure`, run in the same process tree, the same cookies).
enum FlaskBench {
    /// Measures reading and writing each of `flask_bench.py`'s cookies with ``FlaskSessionFraming`` and
    /// prints the table.
    ///
    /// - Parameters:
    ///   - python: A Python with Flask 3.1.3 (the interop venv's).
    ///   - script: `flask_bench.py`.
    ///   - secret: The benchmark's key (`flask_bench.py`'s `SECRET`).
    ///   - runner: Runs a command and returns its standard output.
    /// - Returns: The report rows.
    /// - Throws: When the Python side fails or a cookie does not read.
    static func run(python: String, script: URL, secret: SecretKey, runner: (String, [String]) throws -> Data) throws
        -> [[String: Any]]
    {
        print("\nMeasuring Flask's session serializer on CPython (\(python))…")
        let output = try runner(python, [script.path, "measure"])
        guard let report = try JSONSerialization.jsonObject(with: output) as? [String: Any],
            let cases = report["cases"] as? [[String: Any]]
        else {
            print("the Flask side printed no report")
            return []
        }
        print("Python \(report["python"] ?? "?"), Flask \(report["flask"] ?? "?"), itsdangerous \(report["itsdangerous"] ?? "?")\n")
        print("| framing | payload | cookie B | compressed | op | Swift µs | allocs | Flask µs | × faster |")
        print("|---|---|---:|---|---|---:|---:|---:|---:|")
        let framing = FlaskSessionFraming(secretKeys: [secret])
        var rows: [[String: Any]] = []
        for entry in cases {
            guard let payload = entry["payload"] as? String, let cookie = entry["cookie"] as? String,
                let timestamp = entry["timestamp"] as? Double, let pyRead = entry["unserialize_ns"] as? Double,
                let pyWrite = entry["serialize_ns"] as? Double
            else { continue }
            let compressed = entry["compressed"] as? Bool ?? false
            let bytes = Array(cookie.utf8)
            let session = try framing.read(bytes, now: timestamp)
            guard try framing.write(session.data, now: timestamp) == cookie else {
                print("| flask | \(payload) | the Swift cookie differs from Flask's: not measured |")
                continue
            }
            let read = try Measurement.of { _ = try framing.read(bytes, now: timestamp) }
            let write = try Measurement.of { _ = try framing.write(session.data, now: timestamp) }
            for (op, swift, py) in [("unserialize", read, pyRead), ("serialize", write, pyWrite)] {
                print(
                    "| flask | \(payload) | \(bytes.count) | \(compressed ? "yes" : "no") | \(op) | "
                        + "\(String(format: "%.2f", swift.nanoseconds / 1000)) | \(String(format: "%.1f", swift.allocations)) | "
                        + "\(String(format: "%.1f", py / 1000)) | \(String(format: "%.1f", py / swift.nanoseconds)) |")
                rows.append([
                    "codec": "flask", "payload": payload, "bytes": bytes.count, "op": op, "swift_ns": swift.nanoseconds,
                    "allocations": swift.allocations, "flask_ns": py, "compressed": compressed,
                ])
            }
        }
        return rows
    }
}
