import SecureCookie

/// The nodes a pickle's value may still have once shared references are followed: the one
/// counter behind ``SecureCookieLimits/maximumNodes`` for ``PickleResolver`` and ``PickleInspector``.
internal struct PickleNodeBudget {
    /// The limit.
    let maximum: Int
    /// What the message says the pickle does past the limit ("'s value has", "shows").
    private let verb: String
    /// Nodes left before the limit.
    private(set) var left: Int

    init(_ limits: SecureCookieLimits, verb: String) {
        self.maximum = limits.maximumNodes
        self.verb = verb
        self.left = limits.maximumNodes
    }

    /// Counts `n` more nodes, throwing ``SecureCookieError/Kind/limitExceeded`` past the limit.
    mutating func spend(_ n: Int) throws {
        left -= n
        guard left >= 0 else {
            throw SecureCookieError.limitExceeded(
                .nodes, "the pickle\(verb) more than \(maximum) nodes once shared references are followed")
        }
    }
}
