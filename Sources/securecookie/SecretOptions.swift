import ArgumentParser
import Foundation
import SecureCookie

/// `--secret`, `--secret-hex`, `--secret-file`, `--secret-env`, each repeatable: a key-rotation list, the
/// first given signing.
struct SecretOptions: ParsableArguments {
    @Option(
        name: .customLong("secret"), help: ArgumentHelp("A secret key as UTF-8 text.", valueName: "text"),
        transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(
        name: .customLong("secret-hex"), help: ArgumentHelp("A secret key as hex digits.", valueName: "hex"),
        transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp("A file holding a secret key as raw bytes (one trailing newline removed).", valueName: "path"),
        transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    @Option(
        name: .customLong("secret-env"),
        help: ArgumentHelp("A secret key, the UTF-8 text of an environment variable (not shown by ps).", valueName: "name"),
        transform: { try OrderedSecret.environment($0) })
    var environment: [OrderedSecret] = []

    /// The keys in command-line order: the first signs, every one verifies.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file, environment) }

    func validate() throws {
        if keys.isEmpty { throw ValidationError("give a key with --secret, --secret-hex, --secret-file or --secret-env") }
    }
}

/// `--from-secret*`: the keys a migrated cookie is verified with.
struct FromSecretOptions: ParsableArguments {
    @Option(
        name: .customLong("from-secret"), help: ArgumentHelp("A key of the old cookies, as UTF-8 text.", valueName: "text"),
        transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(
        name: .customLong("from-secret-hex"), help: ArgumentHelp("A key of the old cookies, as hex.", valueName: "hex"),
        transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(
        name: .customLong("from-secret-file"), help: ArgumentHelp("A key file of the old cookies.", valueName: "path"),
        transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    @Option(
        name: .customLong("from-secret-env"),
        help: ArgumentHelp("A key of the old cookies, from an environment variable.", valueName: "name"),
        transform: { try OrderedSecret.environment($0) })
    var environment: [OrderedSecret] = []

    /// The keys in command-line order.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file, environment) }

    func validate() throws {
        if keys.isEmpty {
            throw ValidationError(
                "give the old cookies' key with --from-secret, --from-secret-hex, --from-secret-file or --from-secret-env")
        }
    }
}

/// `--to-secret*`: the keys re-issued cookies are signed with (the first); the old keys when none is given.
struct ToSecretOptions: ParsableArguments {
    @Option(
        name: .customLong("to-secret"), help: ArgumentHelp("The new key, as UTF-8 text (default: the first old key).", valueName: "text"),
        transform: { OrderedSecret.text($0) })
    var text: [OrderedSecret] = []

    @Option(
        name: .customLong("to-secret-hex"), help: ArgumentHelp("The new key, as hex.", valueName: "hex"),
        transform: { try OrderedSecret.hex($0) })
    var hex: [OrderedSecret] = []

    @Option(
        name: .customLong("to-secret-file"), help: ArgumentHelp("A file holding the new key.", valueName: "path"),
        transform: { try OrderedSecret.file($0) })
    var file: [OrderedSecret] = []

    @Option(
        name: .customLong("to-secret-env"), help: ArgumentHelp("The new key, from an environment variable.", valueName: "name"),
        transform: { try OrderedSecret.environment($0) })
    var environment: [OrderedSecret] = []

    /// The keys in command-line order.
    var keys: [SecretKey] { OrderedSecret.keys(text, hex, file, environment) }
}
