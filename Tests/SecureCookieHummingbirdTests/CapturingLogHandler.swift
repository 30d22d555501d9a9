// Built only with the package trait `Hummingbird` (see Package.swift).
#if Hummingbird
import Logging
import NIOConcurrencyHelpers

/// A log handler that keeps every record, so tests can check what was logged and what never was.
struct CapturingLogHandler: LogHandler {
    /// One log record, its metadata flattened to text.
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]

        /// Everything in the record as one string, to search for text that must never appear.
        var fullText: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    /// The records, shared by every copy of the handler.
    final class Store: Sendable {
        private let box = NIOLockedValueBox<[Record]>([])
        var records: [Record] { box.withLockedValue { $0 } }
        func append(_ record: Record) { box.withLockedValue { $0.append(record) } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }

    /// A logger writing to a new store, and the store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test") { _ in CapturingLogHandler(store: store) }, store)
    }
}
#endif
