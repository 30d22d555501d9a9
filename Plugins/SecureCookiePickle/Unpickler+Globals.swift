import SecureCookie

extension Unpickler {
    /// Finds what a global means: an application's constructor, an allowlisted builder, or
    /// (inspect mode only) an inert reference. Anything else is refused, naming `module.name`.
    mutating func lookUpGlobal(module: String, name: String, _ r: PickleReader) throws -> PickleItem {
        guard !module.isEmpty else { throw r.error("empty module name in a global") }
        guard !name.isEmpty else { throw r.error("empty attribute name in the global \(module).") }
        let fullName = module + "." + name
        if options.inspect {
            return .global(PickleGlobal(name: fullName, role: PickleAllowlist.role(module: module, name: name) ?? .inert))
        }
        if let constructor = options.constructors[fullName] {
            return .global(PickleGlobal(name: fullName, role: .registered(constructor)))
        }
        if let role = PickleAllowlist.role(module: module, name: name) {
            return .global(PickleGlobal(name: fullName, role: role))
        }
        throw SecureCookieError.refused(
            "global \(fullName)",
            "not in the pickle codec's allowlist (\(PickleOpcode.name(r.opcode)) at offset \(r.opcodeOffset))")
    }

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
        case .reconstructor:
            return try reconstruct(global, arguments, r)
        default:
            if let keywords, case .node(let node) = keywords, !node.items.isEmpty {
                return try fallBack(
                    global, how, arguments, keywords,
                    r.error("\(global.name) takes no keyword arguments in a pickle"))
            }
            do {
                var builder = PickleAllowlist.Builder(global: global, how: how, arguments: arguments, reader: r)
                return try builder.build(&self)
            } catch let error as SecureCookieError {
                return try fallBack(global, how, arguments, keywords, error)
            }
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
        default:
            if options.inspect {
                return .node(makeObject(PickleObjectParts(name: cls.name, how: .reconstructor, arguments: extra)))
            }
            throw SecureCookieError.refused(
                "global \(cls.name)", "copyreg._reconstructor builds only registered classes (offset \(r.opcodeOffset))")
        }
    }

    /// `BUILD`: sets an object's state. Plain values accept only an empty state, as in Python.
    func build(_ target: PickleItem, state: PickleItem, _ r: PickleReader) throws {
        if case .node(let node) = target, node.kind == .object {
            node.object?.state = state
            return
        }
        switch state {
        case .value(.none): return
        case .node(let node) where node.kind == .dict && node.items.isEmpty: return
        default: throw r.error("BUILD cannot set the state of a \(target.typeName)")
        }
    }
}
