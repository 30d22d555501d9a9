import ArgumentParser
import SecureCookie
import SecureCookieFlask
import SecureCookieJSON

/// `securecookie inspect`: show what a cookie holds **without** verifying it.
struct InspectCommand: StreamingCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a cookie's items without verifying it (for cookies whose key you lack).",
        discussion: """
            Prints one line of tagged JSON of the cookie's items. Nothing is verified: anyone could have \
            written these values. Constructs a codec refuses (pickle globals such as os.system) are shown as \
            inert {"$object": ...} and {"$global": "mod.name"} nodes and are never resolved or called. An item \
            that cannot be read is shown as {"$error": "<kind>", "message": "..."}, and the exit status is 1.
            """
    )

    @OptionGroup var codecOptions: CodecOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions
    @Argument(help: "A cookie (default: one a line from standard input).")
    var cookie: String?

    /// Runs the command on the given streams.
    ///
    /// - Returns: The exit status.
    func execute(io: ToolIO) throws -> Int32 {
        let format = try codecOptions.format(limits: limitOptions.limits)
        let inspect: (String) -> (String, Bool)
        if codecOptions.framing == .flask {
            let framing = FlaskSessionFraming(
                secretKeys: [], salt: codecOptions.salt, serializationMethod: format.serializationMethod, limits: format.limits)
            inspect = { inspectFlask($0, framing: framing) }
        } else {
            inspect = { self.inspect($0, format: format) }
        }
        io.writeError("securecookie: UNVERIFIED: the signature was not checked; anyone could have written these values\n")
        if let cookie {
            let (line, ok) = inspect(cookie)
            io.writeLine(line)
            return ok ? 0 : 1
        }
        var failed = false
        while let next = io.nextLine() {
            guard case .success(let bytes) = next else {
                if case .failure(let error) = next { io.writeLine(ErrorLine.text(for: error)) }
                failed = true
                continue
            }
            let (line, ok) = inspect(String(decoding: bytes, as: UTF8.self))
            io.writeLine(line)
            failed = failed || !ok
        }
        return failed ? 1 : 0
    }

    /// One Flask cookie's line: its payload decoded by the codec, unverified.
    func inspectFlask(_ cookie: String, framing: FlaskSessionFraming) -> (String, Bool) {
        do {
            let payload = try framing.unverifiedPayload(of: cookie)
            let value = try framing.serializationMethod.loads(payload[...], limits: framing.limits)
            try value.checkMaterializedSize(framing.limits)
            return (try TaggedJSON.encode(value), true)
        } catch {
            return (ErrorLine.text(for: error), false)
        }
    }

    /// One cookie's line, and whether every item could be read.
    func inspect(_ cookie: String, format: CookieFormat) -> (String, Bool) {
        let items: [(key: String, value: [UInt8])]
        do {
            items = try SecureCookie<CookieFormat>.unverifiedItems(of: cookie, format: format)
        } catch {
            return (ErrorLine.text(for: error), false)
        }
        var ok = true
        // One budget for the cookie's items, as decoding has.
        var budget = MaterializationBudget(format.limits)
        let shown: [(key: String, json: String)] = items.map { item in
            do {
                if let codec = format.serializationMethod as? any InspectableSerializationMethod {
                    return (item.key, try codec.inspect(item.value[...], limits: format.limits))
                }
                let value = try format.serializationMethod.loads(item.value[...], limits: format.limits)
                try budget.spend(on: value)
                return (item.key, try TaggedJSON.encode(value))
            } catch {
                ok = false
                return (item.key, ErrorLine.text(for: error))
            }
        }
        let keys = shown.map(\.key)
        let plain = Set(keys).count == keys.count && !keys.contains { $0.hasPrefix("$") }
        if plain {
            return ("{" + shown.map { TaggedJSON.quoted($0.key) + ": " + $0.json }.joined(separator: ", ") + "}", ok)
        }
        return ("{\"$dict\": [" + shown.map { "[" + TaggedJSON.quoted($0.key) + ", " + $0.json + "]" }.joined(separator: ", ") + "]}", ok)
    }
}
