/// The opcodes of pickle protocols 0-5, as CPython's `Lib/pickletools.py` lists them.
internal enum PickleOpcode {
    static let mark: UInt8 = 0x28  // (
    static let stop: UInt8 = 0x2E  // .
    static let pop: UInt8 = 0x30  // 0
    static let popMark: UInt8 = 0x31  // 1
    static let dup: UInt8 = 0x32  // 2
    static let float: UInt8 = 0x46  // F
    static let int: UInt8 = 0x49  // I
    static let binInt: UInt8 = 0x4A  // J
    static let binInt1: UInt8 = 0x4B  // K
    static let long: UInt8 = 0x4C  // L
    static let binInt2: UInt8 = 0x4D  // M
    static let none: UInt8 = 0x4E  // N
    static let persID: UInt8 = 0x50  // P
    static let binPersID: UInt8 = 0x51  // Q
    static let reduce: UInt8 = 0x52  // R
    static let string: UInt8 = 0x53  // S
    static let binString: UInt8 = 0x54  // T
    static let shortBinString: UInt8 = 0x55  // U
    static let unicode: UInt8 = 0x56  // V
    static let binUnicode: UInt8 = 0x58  // X
    static let append: UInt8 = 0x61  // a
    static let build: UInt8 = 0x62  // b
    static let global: UInt8 = 0x63  // c
    static let dict: UInt8 = 0x64  // d
    static let emptyDict: UInt8 = 0x7D  // }
    static let appends: UInt8 = 0x65  // e
    static let get: UInt8 = 0x67  // g
    static let binGet: UInt8 = 0x68  // h
    static let inst: UInt8 = 0x69  // i
    static let longBinGet: UInt8 = 0x6A  // j
    static let list: UInt8 = 0x6C  // l
    static let emptyList: UInt8 = 0x5D  // ]
    static let obj: UInt8 = 0x6F  // o
    static let put: UInt8 = 0x70  // p
    static let binPut: UInt8 = 0x71  // q
    static let longBinPut: UInt8 = 0x72  // r
    static let setItem: UInt8 = 0x73  // s
    static let tuple: UInt8 = 0x74  // t
    static let emptyTuple: UInt8 = 0x29  // )
    static let setItems: UInt8 = 0x75  // u
    static let binFloat: UInt8 = 0x47  // G
    static let proto: UInt8 = 0x80
    static let newObj: UInt8 = 0x81
    static let ext1: UInt8 = 0x82
    static let ext2: UInt8 = 0x83
    static let ext4: UInt8 = 0x84
    static let tuple1: UInt8 = 0x85
    static let tuple2: UInt8 = 0x86
    static let tuple3: UInt8 = 0x87
    static let newTrue: UInt8 = 0x88
    static let newFalse: UInt8 = 0x89
    static let long1: UInt8 = 0x8A
    static let long4: UInt8 = 0x8B
    static let binBytes: UInt8 = 0x42  // B
    static let shortBinBytes: UInt8 = 0x43  // C
    static let shortBinUnicode: UInt8 = 0x8C
    static let binUnicode8: UInt8 = 0x8D
    static let binBytes8: UInt8 = 0x8E
    static let emptySet: UInt8 = 0x8F
    static let addItems: UInt8 = 0x90
    static let frozenSet: UInt8 = 0x91
    static let newObjEx: UInt8 = 0x92
    static let stackGlobal: UInt8 = 0x93
    static let memoize: UInt8 = 0x94
    static let frame: UInt8 = 0x95
    static let byteArray8: UInt8 = 0x96
    static let nextBuffer: UInt8 = 0x97
    static let readonlyBuffer: UInt8 = 0x98

    /// The pickletools name of an opcode, for error messages (`BINUNICODE`), or its hex value when unknown.
    static func name(_ code: UInt8) -> String {
        switch code {
        case mark: return "MARK"
        case stop: return "STOP"
        case pop: return "POP"
        case popMark: return "POP_MARK"
        case dup: return "DUP"
        case float: return "FLOAT"
        case int: return "INT"
        case binInt: return "BININT"
        case binInt1: return "BININT1"
        case long: return "LONG"
        case binInt2: return "BININT2"
        case none: return "NONE"
        case persID: return "PERSID"
        case binPersID: return "BINPERSID"
        case reduce: return "REDUCE"
        case string: return "STRING"
        case binString: return "BINSTRING"
        case shortBinString: return "SHORT_BINSTRING"
        case unicode: return "UNICODE"
        case binUnicode: return "BINUNICODE"
        case append: return "APPEND"
        case build: return "BUILD"
        case global: return "GLOBAL"
        case dict: return "DICT"
        case emptyDict: return "EMPTY_DICT"
        case appends: return "APPENDS"
        case get: return "GET"
        case binGet: return "BINGET"
        case inst: return "INST"
        case longBinGet: return "LONG_BINGET"
        case list: return "LIST"
        case emptyList: return "EMPTY_LIST"
        case obj: return "OBJ"
        case put: return "PUT"
        case binPut: return "BINPUT"
        case longBinPut: return "LONG_BINPUT"
        case setItem: return "SETITEM"
        case tuple: return "TUPLE"
        case emptyTuple: return "EMPTY_TUPLE"
        case setItems: return "SETITEMS"
        case binFloat: return "BINFLOAT"
        case proto: return "PROTO"
        case newObj: return "NEWOBJ"
        case ext1: return "EXT1"
        case ext2: return "EXT2"
        case ext4: return "EXT4"
        case tuple1: return "TUPLE1"
        case tuple2: return "TUPLE2"
        case tuple3: return "TUPLE3"
        case newTrue: return "NEWTRUE"
        case newFalse: return "NEWFALSE"
        case long1: return "LONG1"
        case long4: return "LONG4"
        case binBytes: return "BINBYTES"
        case shortBinBytes: return "SHORT_BINBYTES"
        case shortBinUnicode: return "SHORT_BINUNICODE"
        case binUnicode8: return "BINUNICODE8"
        case binBytes8: return "BINBYTES8"
        case emptySet: return "EMPTY_SET"
        case addItems: return "ADDITEMS"
        case frozenSet: return "FROZENSET"
        case newObjEx: return "NEWOBJ_EX"
        case stackGlobal: return "STACK_GLOBAL"
        case memoize: return "MEMOIZE"
        case frame: return "FRAME"
        case byteArray8: return "BYTEARRAY8"
        case nextBuffer: return "NEXT_BUFFER"
        case readonlyBuffer: return "READONLY_BUFFER"
        default: return "0x" + String(code, radix: 16)
        }
    }
}
