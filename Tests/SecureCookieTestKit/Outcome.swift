import SecureCookie

/// The result of a throwing call, with the error typed (any other error becomes an undecodable
/// ``SecureCookieError`` naming its type), so tests can compare outcomes of two paths.
///
/// - Parameter body: The call.
/// - Returns: Its value or its error.
public func outcome<T>(_ body: () throws -> T) -> Result<T, SecureCookieError> {
    do {
        return .success(try body())
    } catch let error as SecureCookieError {
        return .failure(error)
    } catch {
        return .failure(SecureCookieError.undecodable("unexpected error type: \(error)"))
    }
}
