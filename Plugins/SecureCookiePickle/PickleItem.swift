import SecureCookie

/// One entry of the unpickler's stack or memo.
///
/// Scalars and immutable values are plain ``PythonValue``s. Containers the pickle can still
/// change after creating them (a list that later opcodes append to through the memo) are
/// ``PickleNode`` references, turned into values only once the pickle has been read, so
/// shared references behave as in Python.
internal enum PickleItem {
    /// A finished value.
    case value(PythonValue)
    /// A Python 2 `str`: raw bytes, decoded at the end by the ``PicklePython2Strings`` option
    /// (or read as raw bytes by the datetime constructors, as CPython does).
    case python2String([UInt8])
    /// A container or object still being built.
    case node(PickleNode)
    /// A global reference (`GLOBAL`, `STACK_GLOBAL`, `INST`), allowlisted, registered or (in inspect mode) inert.
    case global(PickleGlobal)
    /// A `datetime.timezone`: only usable as a datetime's or time's tzinfo.
    case timezone(PythonTimeDelta)

    /// A short description for error messages (`list`, `global posix.system`).
    var typeName: String {
        switch self {
        case .value(let value): return value.typeName
        case .python2String: return "str"
        case .node(let node): return node.typeName
        case .global(let global): return "global " + PickleAllowlist.shownName(global.name)
        case .timezone: return "datetime.timezone"
        }
    }

    /// The items of a tuple, if this is one.
    var tupleItems: [PickleItem]? {
        switch self {
        case .value(.tuple(let values)): return values.map { .value($0) }
        case .node(let node) where node.kind == .tuple: return node.items
        default: return nil
        }
    }
}

/// A mutable container or object under construction; the identity the pickle memo shares.
internal final class PickleNode {
    enum Kind: Equatable { case list, tuple, dict, set, frozenset, object }

    let kind: Kind
    /// Elements; for a dict, keys and values alternating.
    var items: [PickleItem]
    /// For ``Kind/object``: what the pickle said about the object.
    var object: PickleObjectParts?
    /// Set while the resolver is inside this node (to find cycles).
    var visiting = false
    /// The value the resolver built for this node, its node count and nesting height, so a
    /// shared node is built once (as Python builds one object) and only counted again.
    var resolved: (value: PythonValue, count: Int, height: Int)?

    init(_ kind: Kind, items: [PickleItem] = []) {
        self.kind = kind
        self.items = items
    }

    init(object: PickleObjectParts) {
        self.kind = .object
        self.items = []
        self.object = object
    }

    var typeName: String {
        switch kind {
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .set: return "set"
        case .frozenset: return "frozenset"
        case .object: return object.map { "object of " + PickleAllowlist.shownName($0.name) } ?? "object"
        }
    }

    /// Drops every reference this node holds, so cycles and deep chains are freed without recursion.
    func clear() {
        items = []
        object = nil
        resolved = nil
    }
}

/// What a pickle says about one object built from a registered or (in inspect mode) unknown global.
internal struct PickleObjectParts {
    var name: String
    var how: PickleConstructor.How
    var constructor: PickleConstructor?
    var arguments: [PickleItem] = []
    var keywordArguments: PickleItem?
    var state: PickleItem?
    var listItems: [PickleItem] = []
    var dictItems: [PickleItem] = []
}

/// A global the pickle referred to.
internal struct PickleGlobal {
    /// What the codec does with it.
    enum Role {
        case set, frozenset, bytes, bytearray, complex, codecsEncode
        case datetime, date, time, timedelta, timezone, decimal, orderedDict
        case reconstructor, object
        /// An application's constructor.
        case registered(PickleConstructor)
        /// Inspect mode only: shown, never resolved or called.
        case inert
    }

    /// `module.name`, as the pickle writes it.
    let name: String
    let role: Role
}
