internal import CLibYAML
import SecureCookie

/// Owns one libyaml emitter writing into a byte buffer; frees it in `deinit`.
///
/// Configured as PyYAML's `safe_dump` configures its emitter: UTF-8, indent 2, width 80,
/// non-ASCII escaped (`allow_unicode=False`). Events handed to libyaml are owned by it from
/// then on, whether emitting succeeds or fails.
internal final class LibYAMLEmitter {
    enum CollectionKind { case sequence, mapping }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    /// Where libyaml's write handler appends output.
    private var bytes: [UInt8] = []
    /// Room reserved after the output at its first write (for the `...` line `dumps` may add).
    private let trailingCapacity: Int

    /// Creates an emitter.
    ///
    /// - Parameter trailingCapacity: Bytes to reserve after the output, so appending that many
    ///   to ``output`` does not grow it again.
    /// - Throws: ``SecureCookieError`` (unrepresentable) when libyaml cannot allocate one.
    init(trailingCapacity: Int = 0) throws {
        // Throw before `emitter` is set, so `deinit` never runs on a half-made emitter.
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw SecureCookieError.unrepresentable("libyaml could not allocate an emitter")
        }
        self.emitter = emitter
        self.trailingCapacity = trailingCapacity
        // The emitter is only used while this object lives, so an unretained reference is enough.
        yaml_emitter_set_output(
            emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 0 }
                let owner = Unmanaged<LibYAMLEmitter>.fromOpaque(data).takeUnretainedValue()
                if owner.bytes.isEmpty { owner.bytes.reserveCapacity(size + owner.trailingCapacity) }
                owner.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(self).toOpaque())
        yaml_emitter_set_unicode(emitter, 0)
        yaml_emitter_set_width(emitter, 80)
        yaml_emitter_set_indent(emitter, 2)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// The bytes written so far.
    var output: [UInt8] { bytes }

    func streamStart() throws {
        try emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
    }

    func streamEnd() throws {
        try emit { yaml_stream_end_event_initialize(&$0) }
    }

    func documentStart() throws {
        try emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) }
    }

    func documentEnd() throws {
        try emit { yaml_document_end_event_initialize(&$0, 1) }
    }

    /// A scalar.
    ///
    /// libyaml reads a scalar's tag only when neither implicit flag is set (`yaml_emitter_analyze_event`),
    /// so the tag is handed over only then, sparing libyaml a copy of it.
    ///
    /// - Parameters:
    ///   - value: The text.
    ///   - tag: The full tag.
    ///   - plainImplicit: Whether the tag may be left out when written plain.
    ///   - quotedImplicit: Whether the tag may be left out when written quoted.
    ///   - literal: Ask for the literal block style (`|`), as PyYAML does for binary.
    /// - Throws: ``SecureCookieError`` (unrepresentable) for text longer than libyaml takes, or
    ///   when libyaml cannot create or emit the event.
    func scalar(_ value: String, tag: String, plainImplicit: Bool, quotedImplicit: Bool, literal: Bool) throws {
        if let done = try value.utf8.withContiguousStorageIfAvailable({ text in
            try scalar(text, tag: tag, plainImplicit: plainImplicit, quotedImplicit: quotedImplicit, literal: literal)
        }) {
            return done
        }
        try Array(value.utf8).withUnsafeBufferPointer { text in
            try scalar(text, tag: tag, plainImplicit: plainImplicit, quotedImplicit: quotedImplicit, literal: literal)
        }
    }

    private func scalar(
        _ text: UnsafeBufferPointer<UInt8>, tag: String, plainImplicit: Bool, quotedImplicit: Bool,
        literal: Bool
    ) throws {
        guard text.count <= Int(Int32.max) else { throw SecureCookieError.unrepresentable("a string too long for libyaml") }
        let style = literal ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE
        // libyaml copies the value; an empty one still needs a valid pointer.
        let empty: UInt8 = 0
        try withUnsafePointer(to: empty) { emptyPointer in
            let valuePointer = text.baseAddress ?? emptyPointer
            if plainImplicit || quotedImplicit {
                try emit {
                    yaml_scalar_event_initialize(
                        &$0, nil, nil, valuePointer, Int32(text.count), plainImplicit ? 1 : 0,
                        quotedImplicit ? 1 : 0, style)
                }
            } else {
                try tag.withCString { tagPointer in
                    try tagPointer.withMemoryRebound(to: UInt8.self, capacity: tag.utf8.count + 1) { tagBytes in
                        try emit {
                            yaml_scalar_event_initialize(&$0, nil, tagBytes, valuePointer, Int32(text.count), 0, 0, style)
                        }
                    }
                }
            }
        }
    }

    /// The start of a block sequence or mapping; libyaml reads the tag only when not implicit.
    func collectionStart(_ kind: CollectionKind, tag: String, implicit: Bool) throws {
        func start(_ tag: UnsafePointer<UInt8>?) throws {
            try emit {
                switch kind {
                case .sequence:
                    return yaml_sequence_start_event_initialize(&$0, nil, tag, implicit ? 1 : 0, YAML_BLOCK_SEQUENCE_STYLE)
                case .mapping:
                    return yaml_mapping_start_event_initialize(&$0, nil, tag, implicit ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
                }
            }
        }
        if implicit { return try start(nil) }
        try tag.withCString { tagPointer in
            try tagPointer.withMemoryRebound(to: UInt8.self, capacity: tag.utf8.count + 1) { try start($0) }
        }
    }

    func collectionEnd(_ kind: CollectionKind) throws {
        switch kind {
        case .sequence: try emit { yaml_sequence_end_event_initialize(&$0) }
        case .mapping: try emit { yaml_mapping_end_event_initialize(&$0) }
        }
    }

    /// Initialises an event and hands it to libyaml, which owns it from then on.
    private func emit(_ initialize: (inout yaml_event_t) -> Int32) throws {
        var event = yaml_event_t()
        guard initialize(&event) == 1 else {
            throw SecureCookieError.unrepresentable("libyaml could not create an event")
        }
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown error"
            throw SecureCookieError.unrepresentable("libyaml emitter: \(problem)")
        }
    }
}
