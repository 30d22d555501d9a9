import SecureCookie
import Testing

@testable import SecureCookiePickle

/// No error message repeats text from inside a value: pickles carrying a marker in every text
/// field (INT/LONG/FLOAT literals, STRING, UNICODE, GLOBAL module and name, encodings and error
/// handlers for `_codecs.encode` and `bytes`, Decimal and complex text, timezone names) fail
/// with messages that name opcode, offset, type and length only.
@Suite("Pickle errors never repeat a value's text")
struct PickleErrorMarkerTests {
    static let marker = "SECRET-TOKEN-91c2"

    static func unicode(_ text: String) -> [UInt8] {
        let data = Array(text.utf8)
        return [UInt8(ascii: "X")] + withUnsafeBytes(of: UInt32(data.count).littleEndian) { Array($0) } + data
    }

    static func call(_ module: String, _ name: String, _ arguments: [UInt8]...) -> [UInt8] {
        Array("c\(module)\n\(name)\n(".utf8) + arguments.joined() + Array("tR.".utf8)
    }

    static let cases: [(String, [UInt8])] = {
        let m = marker
        let text = Array(m.utf8)
        return [
            ("INT", Array("I\(m)\n.".utf8)), ("INT digits then marker", Array("I12\(m)\n.".utf8)),
            ("LONG", Array("L\(m)L\n.".utf8)), ("LONG hex then marker", Array("L0x1\(m)\n.".utf8)),
            ("FLOAT", Array("F\(m)\n.".utf8)), ("FLOAT digits then marker", Array("F1.5\(m)\n.".utf8)),
            ("FLOAT overflow", Array("F1e999\(m)\n.".utf8)),
            ("GET", Array("g\(m)\n.".utf8)), ("PUT", Array("Np\(m)\n.".utf8)),
            ("STRING unquoted", Array("S\(m)\n.".utf8)), ("STRING bad escape", Array("S'\(m)\\x'\n.".utf8)),
            ("STRING non-ASCII", Array("S'\(m)\u{e9}'\n.".utf8)),
            ("UNICODE bad escape", Array("V\(m)\\u12\n.".utf8)), ("UNICODE surrogate", Array("V\(m)\\ud800\n.".utf8)),
            ("GLOBAL module", Array("c\(m)\nsystem\n.".utf8)), ("GLOBAL name", Array("cos\n\(m)\n.".utf8)),
            ("GLOBAL bad UTF-8", Array("c".utf8) + text + [0xFF, 0x0A] + Array("x\n.".utf8)),
            ("INST", Array("(i\(m)\nx\n.".utf8)),
            ("STACK_GLOBAL", [0x80, 0x04] + unicode(m) + unicode(m) + [0x93, 0x2E]),
            ("BINUNICODE bad UTF-8", [UInt8(ascii: "X"), 19, 0, 0, 0] + text + [0xC3, 0x28, 0x2E]),
            ("encoding", call("_codecs", "encode", unicode("a"), unicode(m))),
            ("errors", call("_codecs", "encode", unicode("\u{e9}"), unicode("ascii"), unicode(m))),
            ("bytes encoding", call("builtins", "bytes", unicode("a"), unicode(m))),
            ("latin-1 unencodable", call("_codecs", "encode", unicode("\(m)\u{20ac}"), unicode("latin1"))),
            ("Decimal", call("decimal", "Decimal", unicode(m))),
            ("complex", call("builtins", "complex", unicode(m))),
            ("date of a str", call("datetime", "date", unicode(m))),
            ("timezone name", call("datetime", "timezone", unicode(m), unicode(m))),
            ("set of a marker global", Array("c\(m)\n\(m)\n)R.".utf8)),
            ("registered-looking name", Array("c__main__\n\(m)\n)\u{81}.".utf8)),
        ]
    }()

    @Test func noMessageRepeatsTheMarker() {
        var failures = 0
        for (label, bytes) in Self.cases {
            for inspect in [false, true] {
                do {
                    if inspect {
                        _ = try PickleSerializationMethod.pickle.inspect(bytes[...], limits: .default)
                        continue
                    }
                    _ = try PickleSerializationMethod.pickle.loads(bytes[...], limits: .default)
                    Issue.record("\(label): loaded")
                } catch {
                    let message = String(describing: error)
                    if message.contains(Self.marker) || message.contains("SECRET") {
                        failures += 1
                        Issue.record("\(label)\(inspect ? " (inspect)" : ""): \(message)")
                    }
                }
            }
        }
        #expect(failures == 0)
    }
}
