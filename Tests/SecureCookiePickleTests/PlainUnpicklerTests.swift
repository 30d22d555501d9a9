import Foundation
import SecureCookie
import SecureCookieJSON
import SecureCookieTestKit
import Testing

@testable import SecureCookiePickle

/// The fast path (``PlainUnpickler``) against the general one on every pickle we have: whenever the
/// fast path returns a value, the general path returns the same value (same types, same order);
/// and it does take the fast path for the plain pickles Python writes.
@Suite struct PlainUnpicklerTests {
    struct Sample: CustomStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        var description: String { label }
    }

    /// Every `.pickle` file of the conformance data, and every pickle of our fixture manifests.
    static let samples: [Sample] = {
        var samples: [Sample] = []
        for root in [PickleFixtures.pickletester, PickleFixtures.py2] {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard url.pathExtension == "pickle", let bytes = try? TestPaths.bytes(url) else { continue }
                samples.append(Sample(label: url.lastPathComponent, bytes: bytes))
            }
        }
        let pickler = TestPaths.fixtures.appendingPathComponent("pickle/pickler/cases.jsonl")
        for record in PickleFixtures.records(pickler, label: PickleFixtures.fileLabel) {
            guard case .list(let pickles)? = record["pickles"] else { continue }
            for case (let protocolVersion, .str(let hex)) in pickles.enumerated() {
                samples.append(Sample(label: "\(record.label) protocol \(protocolVersion)", bytes: Hex.decode(hex) ?? []))
            }
        }
        let reader = TestPaths.fixtures.appendingPathComponent("pickle/reader/cases.jsonl")
        for record in PickleFixtures.records(reader, label: PickleFixtures.fileLabel) {
            guard let text = record.string("pickle"), let data = Data(base64Encoded: text) else { continue }
            samples.append(Sample(label: "reader \(record.label)", bytes: [UInt8](data)))
        }
        return samples
    }()

    static let modes: [PicklePython2Strings] = [.ascii, .latin1, .bytes]

    @Test func theCorpusIsThere() {
        // 805 conformance pickles, 6 protocols for each pickler case, 6 for each reader case.
        #expect(Self.samples.count > 2_500, "only \(Self.samples.count) pickles found")
    }

    @Test(arguments: samples)
    func fastPathAgreesWithTheGeneralPath(_ sample: Sample) {
        for mode in Self.modes {
            let fast = sample.bytes.withUnsafeBufferPointer {
                PlainUnpickler.load($0, python2Strings: mode, limits: .default)
            }
            guard let fast else { continue }
            let codec = PickleSerializationMethod(python2Strings: mode)
            let general: PythonValue
            do {
                general = try codec.loadsInGeneral(sample.bytes[...], limits: .default)
            } catch {
                Issue.record("\(sample) (\(mode)): the fast path read a value the general path refuses: \(error)")
                continue
            }
            #expect(TaggedJSON.text(fast) == TaggedJSON.text(general), "\(sample) (\(mode))")
        }
    }

    /// Whether CPython writes this value at this protocol without naming any global.
    static func isPlain(_ value: PythonValue, protocolVersion: Int) -> Bool {
        switch value {
        case .none, .bool, .int, .bigInt, .float, .str: return true
        case .bytes: return protocolVersion >= 3
        case .bytearray: return protocolVersion >= 5
        case .list(let items), .tuple(let items): return items.allSatisfy { isPlain($0, protocolVersion: protocolVersion) }
        case .dict(let dict):
            return dict.allSatisfy {
                isPlain($0.key, protocolVersion: protocolVersion) && isPlain($0.value, protocolVersion: protocolVersion)
            }
        case .set(let set), .frozenset(let set):
            return protocolVersion >= 4 && set.allSatisfy { isPlain($0, protocolVersion: protocolVersion) }
        case .complex, .datetime, .date, .time, .timedelta, .decimal, .uuid, .markup: return false
        }
    }

    @Test func plainPicklesTakeTheFastPath() throws {
        // Every pickler case that CPython writes without a global (no sets below protocol 4, no
        // bytes below 3, no datetime, Decimal or complex) must be read without the general path.
        let pickler = TestPaths.fixtures.appendingPathComponent("pickle/pickler/cases.jsonl")
        var plain = 0
        var missed: [String] = []
        for record in PickleFixtures.records(pickler, label: PickleFixtures.fileLabel) {
            guard case .list(let pickles)? = record["pickles"], let json = record["value"] else { continue }
            let value = try TaggedJSON.decode(try JSONText.writeString(json, options: .init(asciiOnly: false)))
            for case (let protocolVersion, .str(let hex)) in pickles.enumerated()
            where Self.isPlain(value, protocolVersion: protocolVersion) {
                plain += 1
                let bytes = Hex.decode(hex) ?? []
                let fast = bytes.withUnsafeBufferPointer {
                    PlainUnpickler.load($0, python2Strings: .ascii, limits: .default)
                }
                if fast == nil { missed.append("\(record.label) protocol \(protocolVersion)") }
            }
        }
        #expect(plain > 900, "only \(plain) plain pickles")
        #expect(missed.isEmpty, "plain pickles that took the general path: \(missed)")
    }

    @Test func sharedContainersAndGlobalsGoToTheGeneralPath() throws {
        // x = [1]; [x, x] at protocol 2: the second x is a GET of a list.
        let shared: [UInt8] = [
            0x80, 0x02, 0x5D, 0x71, 0x00, 0x28, 0x5D, 0x71, 0x01, 0x4B, 0x01, 0x61,
            0x68, 0x01, 0x65, 0x2E,
        ]
        let global = Array("cposix\nsystem\n(S'true'\ntR.".utf8)
        for bytes in [shared, global] {
            let value = bytes.withUnsafeBufferPointer {
                PlainUnpickler.load($0, python2Strings: .ascii, limits: .default)
            }
            #expect(value == nil)
        }
        // And the codec still reads the shared list and refuses the global.
        #expect(try PickleSerializationMethod().loads(shared) == .list([.list([1]), .list([1])]))
        #expect(throws: SecureCookieError.self) { try PickleSerializationMethod().loads(global) }
    }
}
