import SecureCookie

/// The JSON parser behind ``JSONText``: Python's `json` scanner (`_json.c`, strict mode), over UTF-8 bytes.
///
/// Iterative, so nesting never grows the call stack; depth and node counts are checked as it goes.
internal struct JSONReader {
    internal let input: UnsafeBufferPointer<UInt8>
    internal var position = 0
    private let limits: SecureCookieLimits
    private var nodes = 0
    /// Reused between strings that hold escapes.
    internal var scratch: [UInt8] = []
    /// The first keys read without escapes: where their text is, and the string made of it.
    internal var keyCache: [(start: Int, count: Int, key: String)] = []
    /// How many keys ``keyCache`` remembers.
    internal static let keyCacheSize = 8

    /// Creates a reader over UTF-8 text.
    ///
    /// - Parameters:
    ///   - input: The text.
    ///   - limits: Depth and node limits.
    internal init(_ input: UnsafeBufferPointer<UInt8>, limits: SecureCookieLimits) {
        self.input = input
        self.limits = limits
    }

    /// Reads one document: white space, a value, white space, and nothing else.
    ///
    /// - Returns: The value.
    /// - Throws: ``SecureCookieError``.
    internal mutating func readDocument() throws -> PythonValue {
        skipWhiteSpace()
        let value = try readValue()
        skipWhiteSpace()
        guard position == input.count else { throw error("extra data") }
        return value
    }

    // MARK: - Structure

    private mutating func readValue() throws -> PythonValue {
        // Open containers, innermost last, each as the position in `stack` where its contents begin
        // (bit-inverted for an object). Contents wait on one shared stack, an object's as key, value,
        // key, value, so that each array or dict is built once, at its exact size, when it closes.
        var frames: [Int] = []
        var stack = JSONValueStack()
        nextValue: while true {
            skipWhiteSpace()
            var value: PythonValue
            guard position < input.count else { throw error("expecting value") }
            try countNode()
            switch input[position] {
            case UInt8(ascii: "["):
                try enter(depth: frames.count + 1)
                position += 1
                skipWhiteSpace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    value = .list([])
                } else {
                    if frames.capacity == 0 { frames.reserveCapacity(8) }
                    frames.append(stack.count)
                    continue nextValue
                }
            case UInt8(ascii: "{"):
                try enter(depth: frames.count + 1)
                position += 1
                skipWhiteSpace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    value = .dict(PythonDict())
                } else {
                    let key = try readKey()
                    if frames.capacity == 0 { frames.reserveCapacity(8) }
                    frames.append(~stack.count)
                    stack.push(.str(key))
                    continue nextValue
                }
            default:
                value = try readScalar()
            }
            // A value is complete: hand it to the enclosing containers, closing those that end here.
            while let frame = frames.last {
                let isObject = frame < 0
                stack.push(consume value)
                skipWhiteSpace()
                switch peek() {
                case UInt8(ascii: ","):
                    position += 1
                    if isObject {
                        skipWhiteSpace()
                        stack.push(.str(try readKey()))
                    }
                    continue nextValue
                case UInt8(ascii: "]") where !isObject:
                    position += 1
                    value = .list(stack.popArray(from: frame))
                case UInt8(ascii: "}") where isObject:
                    position += 1
                    value = .dict(stack.popDict(from: ~frame))
                default:
                    throw error("expecting ',' delimiter")
                }
                frames.removeLast()
            }
            return value
        }
    }

    /// Reads `"key"`, white space and `:` (position at the opening quote).
    private mutating func readKey() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("expecting property name enclosed in double quotes") }
        try countNode()
        let key = try readString(isKey: true)
        skipWhiteSpace()
        guard peek() == UInt8(ascii: ":") else { throw error("expecting ':' delimiter") }
        position += 1
        return key
    }

    private mutating func readScalar() throws -> PythonValue {
        switch input[position] {
        case UInt8(ascii: "\""):
            return .str(try readString())
        case UInt8(ascii: "n") where matches("null"):
            position += 4
            return .none
        case UInt8(ascii: "t") where matches("true"):
            position += 4
            return .bool(true)
        case UInt8(ascii: "f") where matches("false"):
            position += 5
            return .bool(false)
        case UInt8(ascii: "N") where matches("NaN"):
            position += 3
            return .float(.nan)
        case UInt8(ascii: "I") where matches("Infinity"):
            position += 8
            return .float(.infinity)
        case UInt8(ascii: "-") where matches("-Infinity"):
            position += 9
            return .float(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumber()
        default:
            throw error("expecting value")
        }
    }

    private mutating func enter(depth: Int) throws {
        guard depth <= limits.maximumDepth else {
            throw SecureCookieError.limitExceeded(
                .depth, "JSON nested more than \(limits.maximumDepth) levels deep at offset \(position)")
        }
    }

    private mutating func countNode() throws {
        nodes += 1
        guard nodes <= limits.maximumNodes else {
            throw SecureCookieError.limitExceeded(.nodes, "JSON has more than \(limits.maximumNodes) values (offset \(position))")
        }
    }

    // MARK: - Helpers

    internal func peek() -> UInt8? { position < input.count ? input[position] : nil }

    private func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard input.count - position >= count else { return false }
        return word.withUTF8Buffer { literal in
            for i in 0..<count where input[position + i] != literal[i] { return false }
            return true
        }
    }

    internal mutating func skipWhiteSpace() {
        while position < input.count {
            switch input[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// An undecodable-value error saying what was wrong and where.
    internal func error(_ what: String, at offset: Int? = nil) -> SecureCookieError {
        let at = offset ?? position
        if at >= input.count { return .undecodable("JSON: \(what) at end of input (offset \(at))") }
        return .undecodable("JSON: \(what) at offset \(at)")
    }
}
