/// Opcode-level mutation of pickles (opcodes as Plugins/SecureCookiePickle/PickleOpcode.swift and
/// CPython's pickletools list them): inputs are split into opcodes with their arguments, then
/// opcodes are inserted, deleted, duplicated, swapped, repeated, or given extreme arguments, and
/// allowlisted GLOBALs with argument tuples and REDUCE/NEWOBJ are spliced in.
public enum PickleMutator {
    /// One opcode and its argument bytes.
    public struct Op: Equatable {
        /// The opcode.
        public var code: UInt8
        /// Its argument bytes, as they follow it.
        public var argument: [UInt8]
        /// The encoded bytes.
        public var bytes: [UInt8] { [code] + argument }
    }

    enum Shape {
        case none, line, twoLines
        case fixed(Int)
        case counted(Int)
    }

    static func shape(_ code: UInt8) -> Shape {
        switch code {
        case 0x4B, 0x68, 0x71, 0x80, 0x82: return .fixed(1)  // BININT1 BINGET BINPUT PROTO EXT1
        case 0x4D, 0x83: return .fixed(2)  // BININT2 EXT2
        case 0x4A, 0x6A, 0x72, 0x84: return .fixed(4)  // BININT LONG_BINGET LONG_BINPUT EXT4
        case 0x47, 0x95: return .fixed(8)  // BINFLOAT FRAME
        case 0x55, 0x43, 0x8C, 0x8A: return .counted(1)  // SHORT_BINSTRING SHORT_BINBYTES SHORT_BINUNICODE LONG1
        case 0x54, 0x58, 0x42, 0x8B: return .counted(4)  // BINSTRING BINUNICODE BINBYTES LONG4
        case 0x8D, 0x8E, 0x96: return .counted(8)  // BINUNICODE8 BINBYTES8 BYTEARRAY8
        case 0x46, 0x49, 0x4C, 0x53, 0x56, 0x50, 0x67, 0x70: return .line  // FLOAT INT LONG STRING UNICODE PERSID GET PUT
        case 0x63, 0x69: return .twoLines  // GLOBAL INST
        default: return .none
        }
    }

    /// Splits bytes into opcodes; a truncated argument keeps what is there.
    public static func parse(_ bytes: [UInt8]) -> [Op] {
        var ops: [Op] = []
        var index = 0
        while index < bytes.count {
            let code = bytes[index]
            index += 1
            var end = index
            switch shape(code) {
            case .none: break
            case .fixed(let width): end = index + width
            case .counted(let width):
                var length: UInt64 = 0
                for k in 0..<width where index + k < bytes.count { length |= UInt64(bytes[index + k]) << (8 * UInt64(k)) }
                let available = UInt64(max(0, bytes.count - index - width))
                end = index + width + Int(min(length, available))
            case .line, .twoLines:
                var lines = 0
                let wanted = shape(code).isTwoLines ? 2 : 1
                while end < bytes.count && lines < wanted {
                    if bytes[end] == 0x0A { lines += 1 }
                    end += 1
                }
            }
            end = min(end, bytes.count)
            ops.append(Op(code: code, argument: Array(bytes[index..<end])))
            index = end
        }
        return ops
    }

    /// The allowlisted globals (Plugins/SecureCookiePickle/PickleAllowlist.swift) and a few refused ones.
    static let globals: [(String, String)] = [
        ("datetime", "timedelta"), ("datetime", "timezone"), ("datetime", "datetime"), ("datetime", "date"),
        ("datetime", "time"), ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytes"),
        ("builtins", "bytearray"), ("builtins", "complex"), ("builtins", "object"), ("__builtin__", "set"),
        ("_codecs", "encode"), ("decimal", "Decimal"), ("collections", "OrderedDict"),
        ("copy_reg", "_reconstructor"), ("copyreg", "_reconstructor"), ("os", "system"), ("builtins", "eval"),
    ]

    static let textArguments: [(UInt8, String)] = [
        (0x49, "I010"), (0x49, "I01"), (0x49, "I00"), (0x49, "I-0"), (0x49, "I 1"), (0x49, "I1_0"),
        (0x49, "I999999999"), (0x49, "I2147483647"), (0x49, "I-2147483648"), (0x49, "I9223372036854775808"),
        (0x49, "I-9223372036854775809"), (0x49, "I+1"), (0x4C, "L1L"), (0x4C, "L-0L"), (0x4C, "L0x10"),
        (0x4C, "L" + String(repeating: "9", count: 5000)), (0x4C, "L99999999999999999999L"), (0x46, "F1e999"),
        (0x46, "F-1e999"), (0x46, "Fnan"), (0x46, "Finf"), (0x46, "F-0.0"), (0x46, "F1e-999"), (0x46, "F0x1p3"),
        (0x46, "F1_0"), (0x53, "S'abc'"), (0x53, "S\"a\""), (0x53, "S'a"), (0x53, "S'\\x"), (0x53, "S'\\777'"),
        (0x56, "V\\u0041"), (0x56, "V\\ud800"), (0x56, "V\\U0010ffff"), (0x56, "V\\U00110000"), (0x67, "g0"),
        (0x67, "g-1"), (0x67, "g999999999"), (0x70, "p0"), (0x70, "p-1"), (0x70, "p99999999999999999999"),
    ]

    /// A small random value as opcodes: an int at an edge, a string, bytes, a nested allowlisted call.
    static func value(_ random: inout FuzzRandom, depth: Int = 0) -> [UInt8] {
        switch random.below(depth > 1 ? 7 : 9) {
        case 0: return [0x4A] + FuzzBytes.little(FuzzBytes.extremes(width: 4, random: &random), width: 4)
        case 1: return [0x4B, UInt8(truncatingIfNeeded: random.next())]
        case 2:
            let width = random.pick([1, 2, 4, 8, 9, 16, 255])
            return [0x8A, UInt8(width)] + (0..<width).map { _ in random.pick([0x00, 0xFF, 0x7F, 0x80]) }
        case 3:
            let (code, text) = random.pick(textArguments)
            return [code] + Array(text.utf8.dropFirst()) + [0x0A]
        case 4:
            let count = random.pick([0, 1, 3, 100, 1000])
            return [0x8C, UInt8(min(count, 255))] + Array(repeating: 0x61, count: min(count, 255))
        case 5: return [random.pick([0x4E, 0x88, 0x89, 0x29, 0x5D, 0x7D, 0x8F])]
        case 6:
            return [0x47]
                + FuzzBytes.big(
                    random.pick([0x7FF0_0000_0000_0000, 0x7FF8_0000_0000_0001, 0x8000_0000_0000_0000, 0x7FEF_FFFF_FFFF_FFFF]), width: 8)
        default: return call(&random, depth: depth + 1)
        }
    }

    /// `GLOBAL module name`, arguments, then REDUCE, NEWOBJ or NEWOBJ_EX (or STACK_GLOBAL's form).
    static func call(_ random: inout FuzzRandom, depth: Int = 0) -> [UInt8] {
        let (module, name) = random.pick(globals)
        var out: [UInt8]
        if random.oneIn(3) {
            out = [0x8C, UInt8(module.utf8.count)] + Array(module.utf8) + [0x8C, UInt8(name.utf8.count)] + Array(name.utf8) + [0x93]
        } else {
            out = [0x63] + Array(module.utf8) + [0x0A] + Array(name.utf8) + [0x0A]
        }
        let count = random.below(4)
        var arguments: [UInt8] = []
        if name == "timezone" {
            arguments =
                [0x63] + Array("datetime\ntimedelta\n".utf8) + [0x28, 0x4A]
                + FuzzBytes.little(FuzzBytes.extremes(width: 4, random: &random), width: 4) + [0x74, 0x52]
        } else {
            for _ in 0..<count { arguments += value(&random, depth: depth + 1) }
        }
        switch random.below(4) {
        case 0: out += [0x28] + arguments + [0x74, 0x52]  // MARK args TUPLE REDUCE
        case 1: out += [0x28] + arguments + [0x74, 0x81]  // MARK args TUPLE NEWOBJ
        case 2: out += [0x28] + arguments + [0x74, 0x7D, 0x92]  // args {} NEWOBJ_EX
        default: out += [0x28] + arguments + [0x74, 0x52, 0x94]  // ... REDUCE MEMOIZE
        }
        return out
    }

    /// Memo amplification: a long string memoized, then fetched many times through nested lists.
    static func amplifier(_ random: inout FuzzRandom, room: Int) -> [UInt8] {
        let length = random.pick([16, 256, 1024, 2048])
        var out: [UInt8]
        switch random.below(3) {
        case 0: out = [0x58] + FuzzBytes.little(UInt64(length), width: 4) + Array(repeating: 0x78, count: length)
        case 1: out = [0x8B] + FuzzBytes.little(UInt64(length), width: 4) + Array(repeating: 0x7F, count: length)
        default: out = [0x42] + FuzzBytes.little(UInt64(length), width: 4) + Array(repeating: 0x62, count: length)
        }
        out += [0x71, 0x00, 0x30, 0x28]  // BINPUT 0, POP, MARK
        let gets = max(1, min(200, (room - out.count) / 4))
        out += Array(repeating: [0x68, 0x00], count: gets).flatMap { $0 } + [0x6C, 0x71, 0x01]
        for _ in 0..<random.below(6) { out += [0x28] + Array(repeating: [0x68, 0x01], count: 40).flatMap { $0 } + [0x6C, 0x71, 0x01] }
        return out + [0x2E]
    }

    /// One structure-aware mutation of a pickle.
    public static func mutate(_ input: [UInt8], _ random: inout FuzzRandom, maxSize: Int = FuzzMutation.maximumInput) -> [UInt8]? {
        var ops = parse(input)
        if ops.isEmpty || random.oneIn(40) {
            return random.oneIn(2) ? amplifier(&random, room: maxSize) : [0x80, 0x04] + call(&random) + [0x2E]
        }
        let rounds = 1 + random.below(3)
        for _ in 0..<rounds {
            let at = random.below(ops.count)
            switch random.below(10) {
            case 0: if ops.count > 1 { ops.remove(at: at) }
            case 1: ops.insert(ops[at], at: at)
            case 2: ops.swapAt(at, random.below(ops.count))
            case 3:  // repeat a span
                let end = min(ops.count, at + 1 + random.below(8))
                let span = Array(ops[at..<end])
                let times = random.pick([2, 4, 16, 100])
                for _ in 0..<times { ops.insert(contentsOf: span, at: at) }
            case 4: ops.insert(contentsOf: parse(value(&random)), at: at)
            case 5: ops.insert(contentsOf: parse(call(&random)), at: at)
            case 6: extremeArgument(&ops[at], &random, ops: ops)
            case 7:  // memo traffic
                let index = UInt8(truncatingIfNeeded: random.below(4))
                let memo: [Op] = [
                    Op(code: 0x94, argument: []), Op(code: 0x71, argument: [index]), Op(code: 0x68, argument: [index]),
                    Op(code: 0x6A, argument: [index, 0, 0, 0]), Op(code: 0x32, argument: []),
                ]
                ops.insert(random.pick(memo), at: at)
            case 8:  // a structural opcode
                let code = random.pick(
                    [
                        0x28, 0x74, 0x6C, 0x64, 0x61, 0x65, 0x73, 0x75, 0x90, 0x91, 0x52, 0x81, 0x62, 0x30, 0x31, 0x85, 0x86, 0x87, 0x2E,
                        0x6F,
                    ] as [UInt8])
                ops.insert(Op(code: code, argument: []), at: at)
            default:
                let (code, text) = random.pick(textArguments)
                ops.insert(Op(code: code, argument: Array(text.utf8.dropFirst()) + [0x0A]), at: at)
            }
        }
        var out = ops.flatMap(\.bytes)
        if out.count > maxSize { out.removeLast(out.count - maxSize) }
        return out
    }

    static func extremeArgument(_ op: inout Op, _ random: inout FuzzRandom, ops: [Op]) {
        switch shape(op.code) {
        case .fixed(let width):
            op.argument = FuzzBytes.little(FuzzBytes.extremes(width: width, random: &random), width: width)
        case .counted(let width):
            let body = Array(op.argument.dropFirst(width))
            let length: UInt64 =
                random.oneIn(2) ? FuzzBytes.extremes(width: width, random: &random) : UInt64(body.count) &+ UInt64(random.below(3)) &- 1
            var newBody = body
            if random.oneIn(3) { newBody += Array(repeating: random.pick([0x00, 0xFF, 0x80, 0xC3, 0xED]), count: random.below(64)) }
            op.argument = FuzzBytes.little(length, width: width) + newBody
        case .line, .twoLines:
            let (code, text) = random.pick(textArguments)
            op = Op(code: code, argument: Array(text.utf8.dropFirst()) + [0x0A])
        case .none:
            op.code = random.pick([0x4A, 0x8A, 0x8B, 0x58, 0x68, 0x6A, 0x4C, 0x49, 0x46])
            op.argument = parse(value(&random)).first?.argument ?? []
        }
    }
}

extension PickleMutator.Shape {
    var isTwoLines: Bool {
        if case .twoLines = self { return true }
        return false
    }
}
