import SecureCookie
import SecureCookieJSON

/// The line a batch command prints for an input line that failed: `{"$error": "<kind>", "message": "..."}`.
enum ErrorLine {
    /// The error line for an error.
    ///
    /// - Parameter error: Any error; one that is not a ``SecureCookieError`` is shown as `undecodable`.
    /// - Returns: One line of JSON.
    static func text(for error: any Error) -> String {
        let (kind, message) = describe(error)
        return "{\"$error\": " + TaggedJSON.quoted(kind) + ", \"message\": " + TaggedJSON.quoted(message) + "}"
    }

    /// The kind name and message of an error.
    static func describe(_ error: any Error) -> (kind: String, message: String) {
        if let error = error as? SecureCookieError { return (error.kind.rawValue, error.description) }
        // Only the type: another error's text could repeat input.
        return (SecureCookieError.Kind.undecodable.rawValue, "failed with \(type(of: error))")
    }
}
