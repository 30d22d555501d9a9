import ArgumentParser
import SecureCookie
import SecureCookieJSON
import SecureCookieMessagePack
import SecureCookiePickle
import SecureCookieYAML

/// The codecs the tool offers, built with the command line's codec options.
enum ToolCodecs {
    /// Every codec, as a registry: `json`, `pickle`, `yaml`, `msgpack`.
    ///
    /// - Parameters:
    ///   - pickleProtocol: The protocol pickles are written with.
    ///   - python2Strings: How Python 2 `str` values in pickles are read.
    /// - Returns: A registry holding the four codecs.
    static func registry(pickleProtocol: Int = 4, python2Strings: PicklePython2Strings = .ascii) -> SerializationRegistry {
        SerializationRegistry([
            JSONSerializationMethod(),
            PickleSerializationMethod(protocolVersion: pickleProtocol, python2Strings: python2Strings),
            YAMLSerializationMethod(),
            MessagePackSerializationMethod(),
        ])
    }
}

/// Parses a hash name.
func parseHash(_ name: String) throws -> HashMethod {
    guard let method = HashMethod(named: name) else {
        let names = HashMethod.all.map(\.name).joined(separator: ", ")
        throw ValidationError("no hash named '\(name)' (known: \(names))")
    }
    return method
}

/// Parses a `--py2-str` mode.
func parsePython2Strings(_ name: String) throws -> PicklePython2Strings {
    guard ["ascii", "latin1", "utf-8", "bytes"].contains(name), let mode = PicklePython2Strings(named: name) else {
        throw ValidationError("--py2-str is one of ascii, latin1, utf-8, bytes; not '\(name)'")
    }
    return mode
}

/// Parses a pickle protocol.
func parseProtocol(_ text: String) throws -> Int {
    guard let value = Int(text), (0...5).contains(value) else {  // checked: failable parse, then range-checked
        throw ValidationError("--protocol is a pickle protocol from 0 to 5; not '\(text)'")
    }
    return value
}

/// `--codec`, `--hash`, `--py2-str`: the cookie type of the cookies read or written.
struct CodecOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The codec: json, pickle, yaml or msgpack.", valueName: "name"), completion: ToolCompletions.codecs)
    var codec: String = "json"

    @Option(
        help: ArgumentHelp("The MAC's hash: md5, sha1 (Werkzeug's default), sha256, sha384 or sha512.", valueName: "name"),
        completion: ToolCompletions.hashes, transform: parseHash)
    var hash: HashMethod = .sha1

    @Option(
        name: .customLong("py2-str"),
        help: ArgumentHelp(
            "How Python 2 str values in pickles are read: ascii (Python 3's default), latin1, utf-8 or bytes.",
            valueName: "mode"),
        completion: ToolCompletions.python2Strings, transform: parsePython2Strings)
    var python2Strings: PicklePython2Strings = .ascii

    /// The codec, with the pickle options applied.
    func method(pickleProtocol: Int = 4) throws -> any SerializationMethod {
        try ToolCodecs.registry(pickleProtocol: pickleProtocol, python2Strings: python2Strings).method(named: codec)
    }

    /// The cookie type.
    func format(limits: SecureCookieLimits, pickleProtocol: Int = 4) throws -> CookieFormat {
        CookieFormat(serializationMethod: try method(pickleProtocol: pickleProtocol), hashMethod: hash, limits: limits)
    }

    func validate() throws {
        do {
            _ = try method()
        } catch let error as SecureCookieError {
            throw ValidationError(error.reason)
        }
    }
}
