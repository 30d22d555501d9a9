import Foundation
import SecureCookie
import SecureCookieFlask
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Fixtures/hostile/hostile.jsonl (made by make_hostile.py): code-execution pickles through every
/// opcode path, expansion bombs, deep nesting, huge length claims and bad UTF-8, each correctly
/// signed with a known key, and Flask session cookies hostile to its framing and tags. Each must be
/// refused with its own kind of error, or read where Python reads it within the limits (`ok`).
/// Every line holding a cookie runs here (the encode lines run through the tool in `make hostile`).
@Suite struct HostileCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        let codec: String
        let name: String
        let cookie: String
        let expect: String
        /// The clock a Flask line is read at (Flask's timestamps are checked against it).
        let now: Double?
        let isFlask: Bool
        var description: String { "\(codec) \(name)" }
    }

    /// The corpus's lines as JSON objects (read afresh: `[String: Any]` is not `Sendable`).
    static func objects() -> [[String: Any]] {
        let url = TestPaths.fixtures.appendingPathComponent("hostile").appendingPathComponent("hostile.jsonl")
        return ((try? TestPaths.lines(url)) ?? []).compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    /// How many lines hold a cookie, counted without the typed reading `cases` does.
    static let cookieLineCount: Int = objects().filter { $0["cookie"] != nil }.count

    static let cases: [Case] = objects().compactMap { object in
        guard let codec = object["codec"] as? String, let name = object["name"] as? String,
            let cookie = object["cookie"] as? String, let expect = object["expect"] as? String
        else { return nil }
        return Case(
            codec: codec, name: name, cookie: cookie, expect: expect, now: (object["now"] as? NSNumber)?.doubleValue,
            isFlask: object["format"] as? String == "flask")
    }

    static func format(_ codec: String) -> CookieFormat? {
        switch codec {
        case "json": return .json
        case "pickle": return .pickle
        case "yaml": return .yaml
        case "msgpack": return .msgpack
        default: return nil
        }
    }

    @Test func theCorpusCoversEveryCodecAndEveryCookieLine() {
        #expect(Set(Self.cases.map(\.codec)) == ["json", "pickle", "yaml", "msgpack", "flask"])
        #expect(Self.cases.filter(\.isFlask).count >= 100)
        // Every line that holds a cookie is a case: none dropped by a field of an unexpected type.
        #expect(Self.cases.count == Self.cookieLineCount)
        #expect(Self.cases.count >= 200)
    }

    /// Flask lines Flask reads ("ok") that this package refuses, each with the reason the Flask
    /// codec's README gives: a Swift `String` cannot hold a lone surrogate, and ` m` over a container
    /// would need Python's `repr`.
    static let refusedWhereFlaskReads: [String: String] = [
        "d-surrogate": "lone surrogate", "surrogate-value": "lone surrogate",
        "surrogate-reversed-pair": "lone surrogate", "surrogate-key": "lone surrogate",
        "surrogate-5000": "lone surrogate", "surrogate-in-markup": "lone surrogate",
        "surrogate-in-di-key": "lone surrogate", "m-list": "Markup(repr(list))",
    ]

    @Test func everyListedExceptionIsAnOkFlaskLine() {
        let okFlask = Set(Self.cases.filter { $0.isFlask && $0.expect == "ok" }.map(\.name))
        #expect(Set(Self.refusedWhereFlaskReads.keys).isSubset(of: okFlask))
    }

    @Test(arguments: cases)
    func isReadOrRefusedWithItsKind(hostile: Case) throws {
        let result: Result<Void, SecureCookieError>
        if hostile.isFlask {
            let now = try #require(hostile.now)
            let framing = FlaskSessionFraming(secretKeys: ["hostile-key"])
            result = outcome { _ = try framing.read(Array(hostile.cookie.utf8), now: now) }
        } else {
            let format = try #require(Self.format(hostile.codec))
            result = outcome { _ = try SecureCookie.unserialize(hostile.cookie, secretKey: "hostile-key", format: format) }
        }
        let want = Self.refusedWhereFlaskReads[hostile.name].map { _ in "undecodable" } ?? hostile.expect
        switch result {
        case .success:
            #expect(want == "ok", "read; want \(want)")
        case .failure(let error):
            #expect(error.kind.rawValue == want, "\(error)")
            if !hostile.isFlask { #expect(error.key == "v") }
        }
    }

    @Test func refusedGlobalsAreNamed() throws {
        let reduce = try #require(Self.cases.first { $0.name == "reduce-posix-system-p2" })
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(reduce.cookie, secretKey: "hostile-key", format: .pickle)
        }
        #expect(error?.construct?.contains("posix.system") == true)
        #expect(error?.description.contains("posix.system") == true)
    }
}
