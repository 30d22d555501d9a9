import SecureCookie

extension PythonValueEncoder {
    /// How a `Date` is written.
    ///
    /// The default, ``unixSeconds``, works with every codec (Python's `json` cannot hold a
    /// `datetime`) and is how Werkzeug itself stores a cookie's `_expires`.
    /// ``PythonValueDecoder`` reads both forms whatever was chosen here.
    public struct DateStrategy: Sendable, Hashable {
        internal enum Form: Sendable, Hashable {
            case unixSeconds
            case datetime
        }

        internal let form: Form

        /// A `float` of seconds since 1970-01-01T00:00:00Z, as Python's `time.time()` gives it.
        public static let unixSeconds = DateStrategy(form: .unixSeconds)

        /// An aware `datetime.datetime` in UTC (offset `+00:00`), to the microsecond.
        ///
        /// Pickle and MessagePack (a timestamp) hold it; JSON cannot, and YAML's `safe_dump` writes it
        /// as a timestamp that `safe_load` reads back.
        public static let datetime = DateStrategy(form: .datetime)
    }

    /// How `Data` is written.
    ///
    /// The default, ``bytes``, is what a Python app would store; Python's `json` cannot hold
    /// `bytes`, so a JSON cookie needs ``base64``.
    public struct DataStrategy: Sendable, Hashable {
        internal enum Form: Sendable, Hashable {
            case bytes
            case base64
        }

        internal let form: Form

        /// Python `bytes`.
        public static let bytes = DataStrategy(form: .bytes)

        /// A `str` of standard base64 with padding.
        public static let base64 = DataStrategy(form: .base64)
    }
}
