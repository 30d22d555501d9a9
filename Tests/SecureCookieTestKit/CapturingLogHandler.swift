// Built only with the package trait `Hummingbird` or `Vapor` (see Package.swift): the middlewares' tests use it.
#if Hummingbird || Vapor
import Logging
import NIOConcurrencyHelpers

/// A log handler that keeps every record, so tests can check what was logged and what never was.
public struct CapturingLogHandler: LogHandler {
    /// One log record, its metadata flattened to text.
    public struct Record: Sendable {
        /// The record's level.
        public let level: Logger.Level
        /// The message.
        public let message: String
        /// The handler's and the event's metadata, as text.
        public let metadata: [String: String]

        /// Everything in the record as one string, to search for text that must never appear.
        public var fullText: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    /// The records, shared by every copy of the handler.
    public final class Store: Sendable {
        /// An empty store.
        public init() {}
        private let box = NIOLockedValueBox<[Record]>([])
        /// Every record so far, in order.
        public var records: [Record] { box.withLockedValue { $0 } }
        /// Keeps a record.
        public func append(_ record: Record) { box.withLockedValue { $0.append(record) } }
    }

    /// Where this handler's records go.
    public let store: Store

    /// A handler writing to a store.
    public init(store: Store) { self.store = store }
    /// The logger's metadata (`LogHandler`).
    public var metadata: Logger.Metadata = [:]
    /// Every level is kept (`LogHandler`).
    public var logLevel: Logger.Level = .trace

    /// One metadata value (`LogHandler`).
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Keeps the event as a record (`LogHandler`).
    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        store.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }

    /// A logger writing to a new store, and the store.
    public static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test") { _ in CapturingLogHandler(store: store) }, store)
    }
}
#endif
