import SecureCookie

/// Python forms of Swift's scalar types.
internal enum ScalarEncoding {
    static func integer<T: BinaryInteger>(_ value: T) -> PythonValue {
        if let small = Int(exactly: value) { return .int(small) }
        return .bigInt(PythonBigInt(value))
    }

    /// A `Float` as the `float` its shortest decimal text names, so `Float(0.1)` is Python's `0.1`.
    static func float(_ value: Float) -> PythonValue {
        .float(Double(String(describing: value)) ?? Double(value))
    }
}

/// Writes the fields of a struct or class into a dict.
internal struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: ValueEncoder.State
    let dict: EncodedDict
    let codingPath: [any CodingKey]

    private func set(_ value: PythonValue, _ key: Key) { dict[key.stringValue] = .value(value) }

    mutating func encodeNil(forKey key: Key) throws { set(.none, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.str(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.float(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(ScalarEncoding.float(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int(value)), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int(value)), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.int(Int(value)), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.int(Int(value)), key) }
    // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.int(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { set(ScalarEncoding.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        dict[key.stringValue] = try state.box(value, at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested: EncodedDict
        if case .dict(let existing) = dict[key.stringValue] {
            nested = existing
        } else {
            nested = EncodedDict()
            dict[key.stringValue] = .dict(nested)
        }
        return KeyedEncodingContainer(
            KeyedValueEncodingContainer<NestedKey>(state: state, dict: nested, codingPath: codingPath + [key])
        )
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: EncodedList
        if case .list(let existing) = dict[key.stringValue] {
            nested = existing
        } else {
            nested = EncodedList()
            dict[key.stringValue] = .list(nested)
        }
        return UnkeyedValueEncodingContainer(state: state, list: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(state: state, codingPath: codingPath + [AnyCodingKey.super])
        dict[AnyCodingKey.super.stringValue] = .deferred(encoder)
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = ValueEncoder(state: state, codingPath: codingPath + [key])
        dict[key.stringValue] = .deferred(encoder)
        return encoder
    }
}

/// Writes the elements of an array or set into a list.
internal struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let state: ValueEncoder.State
    let list: EncodedList
    let codingPath: [any CodingKey]

    var count: Int { list.nodes.count }

    private func append(_ value: PythonValue) { list.nodes.append(.value(value)) }

    mutating func encodeNil() throws { append(.none) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.str(value)) }
    mutating func encode(_ value: Double) throws { append(.float(value)) }
    mutating func encode(_ value: Float) throws { append(ScalarEncoding.float(value)) }
    mutating func encode(_ value: Int) throws { append(.int(value)) }
    mutating func encode(_ value: Int8) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int16) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int32) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int64) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { append(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt16) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt32) throws { append(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt64) throws { append(ScalarEncoding.integer(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { append(ScalarEncoding.integer(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { append(ScalarEncoding.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        list.nodes.append(try state.box(value, at: codingPath + [AnyCodingKey.index(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = EncodedDict()
        let path = codingPath + [AnyCodingKey.index(count)]
        list.nodes.append(.dict(nested))
        return KeyedEncodingContainer(KeyedValueEncodingContainer<NestedKey>(state: state, dict: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = EncodedList()
        let path = codingPath + [AnyCodingKey.index(count)]
        list.nodes.append(.list(nested))
        return UnkeyedValueEncodingContainer(state: state, list: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = ValueEncoder(state: state, codingPath: codingPath + [AnyCodingKey.index(count)])
        list.nodes.append(.deferred(encoder))
        return encoder
    }
}

/// Writes one value: a scalar, or a value that encodes itself.
internal struct SingleValueEncodingContainerImpl: SingleValueEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func store(_ node: EncodedNode) {
        if encoder.storage != nil {
            encoder.state.record("a single value container was written twice", at: codingPath)
        }
        encoder.storage = node
    }

    private func store(_ value: PythonValue) { store(.value(value)) }

    mutating func encodeNil() throws { store(.none) }
    mutating func encode(_ value: Bool) throws { store(.bool(value)) }
    mutating func encode(_ value: String) throws { store(.str(value)) }
    mutating func encode(_ value: Double) throws { store(.float(value)) }
    mutating func encode(_ value: Float) throws { store(ScalarEncoding.float(value)) }
    mutating func encode(_ value: Int) throws { store(.int(value)) }
    mutating func encode(_ value: Int8) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int16) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int32) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: Int64) throws { store(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt) throws { store(ScalarEncoding.integer(value)) }
    mutating func encode(_ value: UInt8) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt16) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt32) throws { store(.int(Int(value))) }  // checked: a narrower integer type widens to Int
    mutating func encode(_ value: UInt64) throws { store(ScalarEncoding.integer(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { store(ScalarEncoding.integer(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { store(ScalarEncoding.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        // The value sits at this encoder's own path: a wrapper adds no level.
        store(try encoder.state.box(value, at: codingPath))
    }
}
