import SecureCookie

/// Reads the fields of a struct or class from a dict.
internal struct KeyedValueDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let dict: PythonDict
    let codingPath: [any CodingKey]
    let options: ValueDecoder.Options

    /// The dict's `str` keys, and its `int` keys for integer coding keys, in the dict's order.
    var allKeys: [Key] {
        dict.orderedKeys.compactMap { key in
            switch key {
            case .str(let string): return Key(stringValue: string)
            case .int(let integer): return Key(intValue: integer)
            default: return nil
            }
        }
    }

    func contains(_ key: Key) -> Bool { lookup(key) != nil }

    /// The value for a key: by its string, else by its integer value.
    private func lookup(_ key: Key) -> PythonValue? {
        if let value = dict[.str(key.stringValue)] { return value }
        if let integer = key.intValue { return dict[.int(integer)] }
        return nil
    }

    private func value(_ key: Key) throws -> PythonValue {
        guard let value = lookup(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no such key in the dict", underlyingError: DecoderMessage()))
        }
        return value
    }

    private var path: [any CodingKey] { codingPath }

    func decodeNil(forKey key: Key) throws -> Bool { ScalarDecoding.isNone(try value(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try ScalarDecoding.bool(value(key), at: path + [key]) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try ScalarDecoding.string(value(key), at: path + [key]) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try ScalarDecoding.double(value(key), at: path + [key]) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try ScalarDecoding.float(value(key), at: path + [key]) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try ScalarDecoding.integer(type, value(key), at: path + [key]) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoder(value: value(key), codingPath: path + [key], options: options).decode(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try ValueDecoder(value: value(key), codingPath: path + [key], options: options).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ValueDecoder(value: value(key), codingPath: path + [key], options: options).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        // A missing `super` key reads as None, as Foundation's decoders do.
        ValueDecoder(
            value: dict[.str(AnyCodingKey.super.stringValue)] ?? PythonValue.none, codingPath: path + [AnyCodingKey.super], options: options
        )
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: lookup(key) ?? PythonValue.none, codingPath: path + [key], options: options)
    }
}

/// Reads the elements of an array or set from a list, tuple, set or bytes.
internal struct UnkeyedValueDecodingContainer: UnkeyedDecodingContainer {
    let elements: [PythonValue]
    let codingPath: [any CodingKey]
    let options: ValueDecoder.Options
    private(set) var currentIndex = 0

    init(elements: [PythonValue], codingPath: [any CodingKey], options: ValueDecoder.Options) {
        self.elements = elements
        self.codingPath = codingPath
        self.options = options
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element and its path, moving past it.
    private mutating func next(_ type: Any.Type) throws -> (PythonValue, [any CodingKey]) {
        let path = codingPath + [AnyCodingKey.index(currentIndex)]
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: path, debugDescription: "the sequence has only \(elements.count) elements",
                    underlyingError: DecoderMessage())
            )
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], path)
    }

    /// Reads the next element as a scalar, moving past it only when it was read.
    private mutating func scalar<T>(_ type: T.Type, _ read: (PythonValue, [any CodingKey]) throws -> T) throws -> T {
        let (value, path) = try next(type)
        currentIndex -= 1
        let result = try read(value, path)
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            _ = try next(Never.self)
            return false
        }
        guard ScalarDecoding.isNone(elements[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) { try ScalarDecoding.bool($0, at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) { try ScalarDecoding.string($0, at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) { try ScalarDecoding.double($0, at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) { try ScalarDecoding.float($0, at: $1) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try scalar(type) { try ScalarDecoding.integer(type, $0, at: $1) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // Move past the element only once it decoded, so a caller may retry it as another type.
        let (value, path) = try next(type)
        currentIndex -= 1
        let result = try ValueDecoder(value: value, codingPath: path, options: options).decode(T.self)
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (value, path) = try next(type)
        return try ValueDecoder(value: value, codingPath: path, options: options).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (value, path) = try next([Int].self)
        return try ValueDecoder(value: value, codingPath: path, options: options).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, path) = try next(PythonValue.self)
        return ValueDecoder(value: value, codingPath: path, options: options)
    }
}

/// Reads one value: a scalar, or a value that decodes itself.
internal struct SingleValueDecodingContainerImpl: SingleValueDecodingContainer {
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var value: PythonValue { decoder.value }

    func decodeNil() -> Bool { ScalarDecoding.isNone(value) }
    func decode(_ type: Bool.Type) throws -> Bool { try ScalarDecoding.bool(value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try ScalarDecoding.string(value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try ScalarDecoding.double(value, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try ScalarDecoding.float(value, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try ScalarDecoding.integer(type, value, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try ScalarDecoding.integer(type, value, at: codingPath) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type) throws -> Int128 { try ScalarDecoding.integer(type, value, at: codingPath) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type) throws -> UInt128 { try ScalarDecoding.integer(type, value, at: codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
}
