extension PythonDict {
    /// Reserves room for a number of pairs, so a decoder that knows the count builds the dict without regrowing it.
    ///
    /// - Parameter minimumCapacity: The number of pairs the dict will hold.
    public mutating func reserveCapacity(_ minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
        if minimumCapacity > Self.linearSearchLimit { index?.reserveCapacity(minimumCapacity) }
    }
}
