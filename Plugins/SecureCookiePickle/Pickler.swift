import SecureCookie

/// Writes pickles byte-identical to CPython 3.11's `pickle.dumps(value, protocol=N)`. (Stub: being written.)
internal struct Pickler {
    let protocolVersion: Int

    func dump(_ value: PythonValue) throws -> [UInt8] {
        throw SecureCookieError.unrepresentable("the pickler is not written yet")
    }
}
