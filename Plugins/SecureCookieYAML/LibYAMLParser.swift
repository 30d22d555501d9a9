internal import CLibYAML
import SecureCookie

/// Owns one libyaml parser, and the copy of the input it reads when it made one; frees both in `deinit`.
///
/// Every event is copied into a ``YAMLEvent`` and deleted before ``next()`` returns, on
/// success and on failure alike, so no libyaml allocation outlives this object.
internal final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    /// The copy of the input, when this parser made one.
    private let ownedInput: UnsafeMutableBufferPointer<UInt8>?
    private var finished = false

    /// Creates a parser over a copy of the bytes.
    ///
    /// - Throws: ``SecureCookieError`` (undecodable) when libyaml cannot allocate its parser.
    convenience init(_ bytes: ArraySlice<UInt8>) throws {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        try self.init(input: UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count), owned: copy)
    }

    /// Creates a parser over bytes it does not copy, unless they are empty: they must outlive the parser.
    ///
    /// - Throws: ``SecureCookieError`` (undecodable) when libyaml cannot allocate its parser.
    convenience init(borrowing bytes: UnsafeBufferPointer<UInt8>) throws {
        // libyaml wants a non-null input pointer, which an empty buffer may not have.
        if bytes.isEmpty || bytes.baseAddress == nil {
            try self.init(copying: bytes)
        } else {
            try self.init(input: bytes, owned: nil)
        }
    }

    private convenience init(copying bytes: UnsafeBufferPointer<UInt8>) throws {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        try self.init(input: UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count), owned: copy)
    }

    /// Takes ownership of `owned` (freed in `deinit`, or here when libyaml cannot allocate a parser).
    private init(input: UnsafeBufferPointer<UInt8>, owned: UnsafeMutableBufferPointer<UInt8>?) throws {
        // Set up in locals and throw before any stored property is set, so `deinit` never runs
        // on a half-made parser.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard let start = input.baseAddress, yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            owned?.deallocate()
            throw SecureCookieError.undecodable("libyaml could not allocate a parser")
        }
        yaml_parser_set_input_string(parser, start, input.count)
        self.parser = parser
        self.input = input
        self.ownedInput = owned
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        ownedInput?.deallocate()
    }

    /// Parses the next event into `event`, which the caller must then delete with `yaml_event_delete`.
    ///
    /// - Returns: `false` on a libyaml error, with nothing to delete.
    func parse(into event: inout yaml_event_t) -> Bool {
        yaml_parser_parse(parser, &event) == 1
    }

    /// The next event, with the position where it starts.
    ///
    /// - Returns: The event and its start mark.
    /// - Throws: ``SecureCookieError`` (undecodable) with libyaml's message, line and column.
    func next() throws -> (event: YAMLEvent, mark: YAMLMark) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(zeroBasedLine: event.start_mark.line, column: event.start_mark.column)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return (.streamStart, mark)
        case YAML_STREAM_END_EVENT:
            finished = true
            return (.streamEnd, mark)
        case YAML_DOCUMENT_START_EVENT:
            return (.documentStart(explicit: event.data.document_start.implicit == 0), mark)
        case YAML_DOCUMENT_END_EVENT:
            return (.documentEnd(explicit: event.data.document_end.implicit == 0), mark)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: Self.string(event.data.alias.anchor) ?? ""), mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value =
                scalar.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                } ?? ""
            let style: YAMLScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            return (
                .scalar(
                    anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag), value: value,
                    plainImplicit: scalar.plain_implicit != 0, quotedImplicit: scalar.quoted_implicit != 0,
                    style: style), mark
            )
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            return (
                .sequenceStart(
                    anchor: Self.string(start.anchor), tag: Self.string(start.tag),
                    flow: start.style == YAML_FLOW_SEQUENCE_STYLE), mark
            )
        case YAML_SEQUENCE_END_EVENT:
            return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            return (
                .mappingStart(
                    anchor: Self.string(start.anchor), tag: Self.string(start.tag),
                    flow: start.style == YAML_FLOW_MAPPING_STYLE), mark
            )
        case YAML_MAPPING_END_EVENT:
            return (.mappingEnd, mark)
        default:
            throw SecureCookieError.undecodable("libyaml returned no event")
        }
    }

    /// Whether the stream-end event has been read.
    var isFinished: Bool { finished }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libyaml's error as PyYAML words it: problem, position, and context.
    private func parserError() -> SecureCookieError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        var text: String
        if state.error == YAML_READER_ERROR {
            let offset = state.problem_offset
            let (line, column) = position(ofOffset: offset)
            // libyaml's `problem_value` is the offending input byte or code point: never shown.
            text = "\(problem) at byte offset \(offset), line \(line) column \(column)"
        } else {
            let mark = YAMLMark(zeroBasedLine: state.problem_mark.line, column: state.problem_mark.column)
            text = "\(problem) at \(mark)"
            if let context = state.context.map({ String(cString: $0) }) {
                let contextMark = YAMLMark(zeroBasedLine: state.context_mark.line, column: state.context_mark.column)
                text += " (\(context) at \(contextMark))"
            }
        }
        return SecureCookieError.undecodable("YAML: " + text)
    }

    /// The 1-based line and column (in characters) of a byte offset in the input.
    private func position(ofOffset offset: Int) -> (Int, Int) {
        var line = 1
        var column = 1
        // Both stay below the input's length, so neither addition can overflow.
        for byte in input.prefix(max(0, min(offset, input.count))) {
            if byte == 0x0A {
                line &+= 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column &+= 1
            }
        }
        return (line, column)
    }
}
