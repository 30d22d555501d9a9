import CProfilerControl
import SecureCookie
import SecureCookieFlask

/// `securecookie-bench --profile CODEC [--op unserialize|serialize|loads|dumps|floor] [--payload session] [--iterations N]`:
/// runs one operation in a loop, without Python, bracketed for callgrind:
///
///     valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=cg.out \
///         .build-perf/release/securecookie-bench --profile pickle --iterations 2000
///
/// Instructions per operation = callgrind's total `Ir` / iterations. Outside valgrind it prints ns/op.
enum Profile {
    static func run(codec: String, op: String, payload: String, iterations: Int, secret: SecretKey) throws {
        guard let data = Payloads.named(payload) else {
            print("unknown payload \(payload) (seed, session, 4k)")
            return
        }
        if codec == "flask" {
            try runFlask(op: op, data: data, payload: payload, iterations: iterations, secret: secret)
            return
        }
        let format = formatFor(codec)
        var writer = SecureCookie(data, secretKeys: [secret], format: format)
        let cookie = Array(try writer.serialize().utf8)
        let decoded = try SecureCookie.unserialize(bytes: cookie, secretKeys: [secret], format: format, now: 0)
        guard decoded.data == data || payload == "seed" else {
            print("the \(codec) round trip changed the \(payload) payload")
            return
        }
        let body: () throws -> Void
        switch op {
        case "unserialize":
            body = { _ = try SecureCookie.unserialize(bytes: cookie, secretKeys: [secret], format: format, now: 0) }
        case "serialize":
            body = {
                var cookie = SecureCookie(data, secretKeys: [secret], format: format)
                _ = try cookie.serialize()
            }
        case "loads", "dumps":
            // The codec alone on the whole payload as one value (what the "codec alone" table times).
            let codec = format.serializationMethod
            let value = PythonValue.dict(data)
            let encoded = try codec.dumps(value)
            body =
                op == "loads"
                ? { _ = try codec.loads(encoded[...], limits: .default) }
                : { _ = try codec.dumps(value) }
        case "floor":
            let floor = Floor(secret: secret.bytes)
            var scratch: [UInt8] = []
            body = { precondition(floor.run(cookie, scratch: &scratch) > 0) }
        default:
            print("unknown op \(op) (unserialize, serialize, loads, dumps, floor)")
            return
        }
        try measure(codec, payload, op, cookie.count, iterations, body)
    }

    /// Flask's session cookie: `unserialize`/`serialize` through ``FlaskSessionFraming``, `loads`/`dumps`
    /// the tagged-JSON codec alone.
    static func runFlask(op: String, data: PythonDict, payload: String, iterations: Int, secret: SecretKey) throws {
        let framing = FlaskSessionFraming(secretKeys: [secret])
        let now = 1_700_000_000.0
        let cookie = Array(try framing.write(data, now: now).utf8)
        let body: () throws -> Void
        switch op {
        case "unserialize": body = { _ = try framing.read(cookie, now: now) }
        case "serialize": body = { _ = try framing.write(data, now: now) }
        case "loads", "dumps":
            let codec = framing.serializationMethod
            let value = PythonValue.dict(data)
            let encoded = try codec.dumps(value)
            body = op == "loads" ? { _ = try codec.loads(encoded[...], limits: .default) } : { _ = try codec.dumps(value) }
        default:
            print("unknown op \(op) for flask (unserialize, serialize, loads, dumps)")
            return
        }
        try measure("flask", payload, op, cookie.count, iterations, body)
    }

    /// Warms up, then runs the measured loop between the profiler's start and stop.
    private static func measure(
        _ codec: String, _ payload: String, _ op: String, _ cookieBytes: Int, _ iterations: Int, _ body: () throws -> Void
    ) throws {
        for _ in 0..<100 { try body() }
        let clock = ContinuousClock()
        profiler_start()
        let elapsed = try clock.measure { for _ in 0..<iterations { try body() } }
        profiler_stop()
        print(
            "\(codec) \(payload) \(op): \(cookieBytes) B cookie, \(iterations) iterations, "
                + "\(text(elapsed.seconds * 1e9 / Double(iterations), 0)) ns/op")
    }
}
