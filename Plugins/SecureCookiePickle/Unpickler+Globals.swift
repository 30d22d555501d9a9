import SecureCookie

extension Unpickler {
    /// Finds what a global means: an application's constructor, an allowlisted builder, or
    /// (inspect mode only) an inert reference. Anything else is refused, naming `module.name`.
    mutating func lookUpGlobal(module: String, name: String, _ r: PickleReader) throws -> PickleItem {
        guard !module.isEmpty else { throw r.error("empty module name in a global") }
        guard !name.isEmpty else { throw r.error("empty attribute name in a global") }
        let fullName = module + "." + name
        if options.inspect {
            return .global(PickleGlobal(name: fullName, role: PickleAllowlist.role(module: module, name: name) ?? .inert))
        }
        if let constructor = options.constructors[fullName] {
            return .global(PickleGlobal(name: fullName, role: .registered(constructor)))
        }
        // C `_pickle` maps Python 2's `__builtin__` and `copy_reg` to `builtins` and `copyreg` only in
        // pickles of protocol 0-2 (`fix_imports`); from protocol 3 on there are no such modules.
        let isPython2Module = module == "__builtin__" || module == "copy_reg"
        if !(isPython2Module && protocolVersion >= 3), let role = PickleAllowlist.role(module: module, name: name) {
            return .global(PickleGlobal(name: fullName, role: role))
        }
        throw SecureCookieError.refused(
            "global \(PickleAllowlist.shownName(fullName))",
            "not in the pickle codec's allowlist (\(PickleOpcode.name(r.opcode)) at offset \(r.opcodeOffset))")
    }

    /// The classes whose `__new__` ignores every argument (their `__init__` does the work).
    private static let newIgnoresArguments: Set<String> = [
        "builtins.set", "__builtin__.set", "builtins.bytearray", "__builtin__.bytearray", "collections.OrderedDict",
    ]

    /// Calls a global as `REDUCE`, `NEWOBJ`, `NEWOBJ_EX`, `INST` or `OBJ` would.
    mutating func call(
        _ callee: PickleItem, _ how: PickleConstructor.How, _ arguments: [PickleItem], keywords: PickleItem?,
        _ r: PickleReader
    ) throws -> PickleItem {
        guard case .global(let global) = callee else {
            throw r.error("\(PickleOpcode.name(r.opcode)) needs a global to call, not a \(callee.typeName)")
        }
        switch global.role {
        case .registered(let constructor):
            return .node(
                makeObject(
                    PickleObjectParts(
                        name: global.name, how: how, constructor: constructor, arguments: arguments, keywordArguments: keywords)))
        case .inert:
            return .node(
                makeObject(
                    PickleObjectParts(
                        name: global.name, how: how, arguments: arguments, keywordArguments: keywords)))
        case .reconstructor where how == .reduce || how == .instance:
            return try reconstruct(global, arguments, r)
        case .reconstructor where how == .newObject || how == .newObjectWithKeywords:
            return try fallBack(
                global, how, arguments, keywords, r.error("NEWOBJ class argument must be a type, not a function"))
        case .codecsEncode where how == .newObject || how == .newObjectWithKeywords:
            // Functions, not classes: `NEWOBJ` and `NEWOBJ_EX` refuse them.
            return try fallBack(
                global, how, arguments, keywords, r.error("NEWOBJ class argument must be a type, not a function"))
        default:
            // set, bytearray and OrderedDict build in __init__, which NEWOBJ_EX does not call: their __new__
            // ignores its arguments, keyword ones included (measured on CPython 3.11).
            let newIgnoresArguments = Self.newIgnoresArguments.contains(global.name) && how == .newObjectWithKeywords
            if let keywords, case .node(let node) = keywords, !node.items.isEmpty, !newIgnoresArguments {
                return try fallBack(
                    global, how, arguments, keywords,
                    r.error("\(global.name) takes no keyword arguments in a pickle"))
            }
            do {
                var builder = PickleAllowlist.Builder(
                    global: global, how: how, arguments: arguments, reader: r, python2Strings: options.python2Strings,
                    limits: limits, budgetLeft: budget.remaining)
                let built = try builder.build(&self)
                try spendOnBuilt(built)
                return built
            } catch let error as SecureCookieError {
                return try fallBack(global, how, arguments, keywords, error)
            }
        }
    }

    /// Spends the materialization budget on what a builder made: a new str, bytes or Decimal, or
    /// the new references a set, frozenset or dict made from an iterable holds.
    private mutating func spendOnBuilt(_ built: PickleItem) throws {
        switch built {
        case .value(let value): try budget.spend(on: value)
        case .node(let node):
            for item in node.items { try spend(onReference: item) }
        default: break
        }
    }

    /// In inspect mode, a call the codec cannot build is shown as an inert object; otherwise the error stands.
    private mutating func fallBack(
        _ global: PickleGlobal, _ how: PickleConstructor.How, _ arguments: [PickleItem], _ keywords: PickleItem?,
        _ error: SecureCookieError
    ) throws -> PickleItem {
        guard options.inspect else { throw error }
        return .node(makeObject(PickleObjectParts(name: global.name, how: how, arguments: arguments, keywordArguments: keywords)))
    }

    /// `copyreg._reconstructor(cls, base, state)`: only `object` as base, only for registered classes.
    private mutating func reconstruct(_ global: PickleGlobal, _ arguments: [PickleItem], _ r: PickleReader) throws -> PickleItem {
        guard arguments.count == 3, case .global(let cls) = arguments[0] else {
            throw r.error("\(global.name) needs (class, base, state)")
        }
        var isObjectBase = false
        if case .global(let base) = arguments[1] {
            if case .object = base.role { isObjectBase = true }
            // Inspect mode shows an unusual base (anything outside builtins) as the plain call it is.
            if options.inspect, !base.name.hasPrefix("builtins."), !base.name.hasPrefix("__builtin__.") {
                return .node(makeObject(PickleObjectParts(name: global.name, how: .reduce, arguments: arguments)))
            }
        }
        var extra: [PickleItem] = []
        if case .value(.none) = arguments[2] {} else { extra = [arguments[2]] }
        switch cls.role {
        case .registered(let constructor) where isObjectBase && extra.isEmpty:
            return .node(makeObject(PickleObjectParts(name: cls.name, how: .reconstructor, constructor: constructor)))
        case .inert:
            return .node(makeObject(PickleObjectParts(name: cls.name, how: .reconstructor, arguments: extra)))
        case .registered:
            throw SecureCookieError.refused(
                "global \(cls.name)",
                "copyreg._reconstructor is read only with the base object and no state (offset \(r.opcodeOffset))")
        case .set, .frozenset, .orderedDict:
            // `base.__new__(cls, state)` then `base.__init__(obj, state)`: for these, with the class
            // as its own base, `cls(state)`.
            guard case .global(let base) = arguments[1], base.name.hasSuffix(cls.name.drop(while: { $0 != "." })),
                Self.isSameBuiltin(cls.role, base.role)
            else { fallthrough }
            return try call(arguments[0], .reduce, [arguments[2]], keywords: nil, r)
        default:
            if options.inspect {
                return .node(makeObject(PickleObjectParts(name: cls.name, how: .reconstructor, arguments: extra)))
            }
            throw SecureCookieError.refused(
                "global \(cls.name)", "copyreg._reconstructor builds only registered classes (offset \(r.opcodeOffset))")
        }
    }

    /// Whether two roles are one of the builtin containers `copyreg._reconstructor` can rebuild.
    private static func isSameBuiltin(_ a: PickleGlobal.Role, _ b: PickleGlobal.Role) -> Bool {
        switch (a, b) {
        case (.set, .set), (.frozenset, .frozenset), (.orderedDict, .orderedDict): return true
        default: return false
        }
    }

    /// `BUILD`: sets an object's state. Plain values have neither `__setstate__` nor `__dict__`, so
    /// CPython's C `_pickle` accepts only the states that set nothing without them: `None`, or a
    /// `(None, slotstate)` pair whose slot state is `None` or an empty dict.
    func build(_ target: PickleItem, state: PickleItem, _ r: PickleReader) throws {
        if case .node(let node) = target, node.kind == .object {
            node.object?.state = state
            return
        }
        if case .value(.none) = state { return }
        if let pair = state.tupleItems, pair.count == 2, case .value(.none) = pair[0] {
            switch pair[1] {
            case .value(.none): return
            case .node(let node) where node.kind == .dict && node.items.isEmpty: return
            case .node(let node) where node.kind == .dict:
                throw r.error("BUILD cannot set attributes on a \(target.typeName)")
            default: throw r.error("BUILD slot state is not a dictionary")
            }
        }
        if case .node(let node) = state, node.kind == .dict {
            throw r.error("BUILD cannot set the state of a \(target.typeName): it has no __dict__")
        }
        throw r.error("BUILD state is not a dictionary")
    }
}
