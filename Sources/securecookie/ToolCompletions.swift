import ArgumentParser
import SecureCookie

/// The values shell completion offers for the options that take a name.
enum ToolCompletions {
    /// The codec names, as the tool's registry has them.
    static let codecNames = ToolCodecs.registry().names

    /// The hash names, as ``HashMethod/all`` has them.
    static let hashNames = HashMethod.all.map(\.name)

    /// `--codec`, `--from-codec`, `--to-codec`.
    static let codecs = CompletionKind.list(codecNames)

    /// `--hash`, `--from-hash`, `--to-hash`.
    static let hashes = CompletionKind.list(hashNames)

    /// `--py2-str`.
    static let python2Strings = CompletionKind.list(["ascii", "latin1", "utf-8", "bytes"])
}
