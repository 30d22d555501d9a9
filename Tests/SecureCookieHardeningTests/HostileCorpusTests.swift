import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieTestKit
import SecureCookieYAML
import Testing

/// Fixtures/hostile/hostile.jsonl (made by make_hostile.py): code-execution pickles through every
/// opcode path, expansion bombs, deep nesting, huge length claims and bad UTF-8, each correctly
/// signed with a known key. Each must be refused with its own kind of error.
@Suite struct HostileCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        let codec: String
        let name: String
        let cookie: String
        let expect: String
        var description: String { "\(codec) \(name)" }
    }

    static let cases: [Case] = {
        let url = TestPaths.fixtures.appendingPathComponent("hostile").appendingPathComponent("hostile.jsonl")
        return ((try? TestPaths.lines(url)) ?? []).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                let codec = object["codec"], let name = object["name"], let cookie = object["cookie"],
                let expect = object["expect"]
            else { return nil }
            return Case(codec: codec, name: name, cookie: cookie, expect: expect)
        }
    }()

    static func format(_ codec: String) -> CookieFormat? {
        switch codec {
        case "json": return .json
        case "pickle": return .pickle
        case "yaml": return .yaml
        case "msgpack": return .msgpack
        default: return nil
        }
    }

    @Test func theCorpusCoversEveryCodec() {
        #expect(Set(Self.cases.map(\.codec)) == ["json", "pickle", "yaml", "msgpack"])
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases)
    func isRefusedWithItsKind(hostile: Case) throws {
        let format = try #require(Self.format(hostile.codec))
        let error = #expect(throws: SecureCookieError.self) {
            try SecureCookie.unserialize(hostile.cookie, secretKey: "hostile-key", format: format)
        }
        #expect(error?.kind.rawValue == hostile.expect, "\(error.map(String.init(describing:)) ?? "no error")")
        #expect(error?.key == "v")
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
