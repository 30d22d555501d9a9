import Testing

/// Known answers from real Werkzeug 0.16.1 on Python 3.11: cookies it wrote, byte for byte.
@Suite("Known answers")
struct KnownAnswerTests {
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var value: String
        var cookie: String
        var description: String { cookie }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["--codec", "json", "--hash", "sha1", "--secret", "k"], value: #"{"a": 1, "b": 2}"#,
            cookie: "XqZOmAc4aVSF3N3Kri4mETmzR10=?a=MQ==&b=Mg=="),
        Case(
            arguments: ["--codec", "json", "--hash", "sha1", "--secret", "k"], value: "{}",
            cookie: "OoSiGO5mZSCbtw6EUl3YN2RaGWU=?"),
        Case(
            arguments: ["--codec", "json", "--secret", "foo"], value: #"{"x": 42, "a b/é": "v"}"#,
            cookie: "EMM2AVOTGhGL26zuKBpSNZ/5A98=?a+b%2F%C3%A9=InYi&x=NDI="),
        Case(
            arguments: ["--codec", "pickle", "--protocol", "4", "--secret", "deadbeef"],
            value: #"{"foo": 42, "baz": {"$tuple": [1, 2, 3]}}"#,
            cookie: "8eM1MRUnsd9Wg0KzlK/ixRuWTrw=?baz=gASVCQAAAAAAAABLAUsCSwOHlC4=&foo=gARLKi4="),
    ]

    @Test("encode writes Werkzeug's cookie", arguments: cases)
    func encode(_ known: Case) throws {
        let run = try InProcess.run(["encode"] + known.arguments, input: [known.value])
        #expect(run.lines == [known.cookie], "\(run.errors)")
        #expect(run.status == 0)
    }

    @Test("decode reads Werkzeug's cookie back", arguments: cases)
    func decode(_ known: Case) throws {
        let arguments = known.arguments.filter { $0 != "--protocol" && $0 != "4" }
        let run = try InProcess.run(["decode"] + arguments + [known.cookie])
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        let written = try InProcess.run(["encode"] + known.arguments, input: run.lines)
        #expect(written.lines == [known.cookie])
    }
}
