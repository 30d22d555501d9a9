internal import CLibYAML
import SecureCookie

/// Builds the node graph of a single-document stream from libyaml events, as PyYAML's composer does,
/// with the limits a cookie needs.
///
/// - Aliases are counted with an expansion budget: each node records how many nodes its value
///   has once aliases are expanded, so a billion-laughs document fails at the first anchor
///   whose expansion passes ``SecureCookieLimits/maximumNodes``, without expanding anything.
///   Each node records its bytes of strings and digits the same way, so one long scalar aliased
///   many times fails at ``SecureCookieLimits/maximumMaterializedBytes``.
/// - An alias to a node that is still open (a recursive alias) is refused.
/// - Nesting, counted through aliases, is bounded by ``SecureCookieLimits/maximumDepth``.
/// - A scalar longer than ``SecureCookieLimits/maximumValueBytes`` is refused.
/// - A second document is refused, as `yaml.safe_load` refuses it.
internal struct YAMLComposer {
    private let parser: LibYAMLParser
    private let limits: SecureCookieLimits
    private var anchors: [String: YAMLNode] = [:]

    init(parser: LibYAMLParser, limits: SecureCookieLimits) {
        self.parser = parser
        self.limits = limits
    }

    private final class Open {
        let node: YAMLNode
        var items: [YAMLNode] = []
        var count = 1
        var bytes = 0
        var height = 1
        init(node: YAMLNode) { self.node = node }
    }

    /// Composes the stream's only document.
    ///
    /// - Returns: The root node, or `nil` for an empty stream (which `safe_load` reads as `None`).
    /// - Throws: ``SecureCookieError``: libyaml's parse errors (undecodable), a second document or a
    ///   recursive alias (refused), or a limit.
    mutating func composeSingleDocument() throws -> YAMLNode? {
        guard case .streamStart = try parser.next().event else {
            throw SecureCookieError.undecodable("YAML: expected the start of a stream")
        }
        let (first, _) = try parser.next()
        if case .streamEnd = first { return nil }
        guard case .documentStart = first else {
            throw SecureCookieError.undecodable("YAML: expected the start of a document")
        }
        let root = try composeDocumentBody()
        let (next, mark) = try parser.next()
        switch next {
        case .streamEnd:
            return root
        case .documentStart:
            throw SecureCookieError.refused(
                "multi-document stream",
                "expected a single document in the stream, found another at \(mark)")
        default:
            throw SecureCookieError.undecodable("YAML: expected the end of the stream at \(mark)")
        }
    }

    /// Composes nodes until the document ends; returns the root.
    private mutating func composeDocumentBody() throws -> YAMLNode {
        anchors.removeAll()
        var stack: [Open] = []
        var root: YAMLNode?
        while true {
            let (event, mark) = try parser.next()
            var finished: YAMLNode?
            var finishedAnchor: String?
            switch event {
            case .documentEnd:
                guard let root else { throw SecureCookieError.undecodable("YAML: a document without a node at \(mark)") }
                return root
            case .alias(let anchor):
                guard let target = anchors[anchor] else {
                    throw SecureCookieError.undecodable("YAML: found an undefined alias at \(mark)")
                }
                if stack.contains(where: { $0.node === target }) {
                    throw SecureCookieError.refused("recursive alias", "an alias inside the node it names at \(mark)")
                }
                if stack.count + target.height > limits.maximumDepth {
                    throw SecureCookieError.limitExceeded(
                        .depth, "an alias at \(mark) nests more than \(limits.maximumDepth) levels")
                }
                finished = target
            case .scalar(let anchor, let tag, let value, let plainImplicit, _, _):
                if value.utf8.count > limits.maximumValueBytes {
                    throw SecureCookieError.limitExceeded(
                        .valueBytes, "a scalar of \(value.utf8.count) bytes at \(mark), more than \(limits.maximumValueBytes)")
                }
                let resolved: String
                if let tag, tag != "!" {
                    resolved = tag
                } else {
                    // PyYAML treats the non-specific tag `!` as plain-implicit even on an empty node,
                    // where libyaml reports plain_implicit = 0.
                    resolved = YAMLResolver.resolveScalar(value, plainImplicit: plainImplicit || tag == "!")
                }
                let scalar = YAMLNode(tag: resolved, content: .scalar(value), mark: mark)
                // What the scalar builds: the text of a str, the digits of an int, about the bytes of a
                // binary (its base64 is longer); other scalars are fixed-size.
                if resolved == YAMLTag.str || resolved == YAMLTag.int || resolved == YAMLTag.binary {
                    scalar.expandedBytes = value.utf8.count
                }
                finished = scalar
                finishedAnchor = anchor
            case .sequenceStart(let anchor, let tag, _), .mappingStart(let anchor, let tag, _):
                if stack.count + 1 > limits.maximumDepth {
                    throw SecureCookieError.limitExceeded(.depth, "more than \(limits.maximumDepth) levels at \(mark)")
                }
                let isSequence: Bool
                if case .sequenceStart = event { isSequence = true } else { isSequence = false }
                let defaultTag = isSequence ? YAMLTag.seq : YAMLTag.map
                let resolved = (tag == nil || tag == "!") ? defaultTag : tag ?? defaultTag
                let node = YAMLNode(tag: resolved, content: isSequence ? .sequence([]) : .mapping([]), mark: mark)
                try register(anchor, node, mark)
                stack.append(Open(node: node))
                continue
            case .sequenceEnd, .mappingEnd:
                guard let open = stack.popLast() else {
                    throw SecureCookieError.undecodable("YAML: unbalanced collection end at \(mark)")
                }
                if case .mapping = open.node.content {
                    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                    pairs.reserveCapacity(open.items.count / 2)
                    var index = 0
                    while index + 1 < open.items.count {
                        pairs.append((open.items[index], open.items[index + 1]))
                        index += 2
                    }
                    open.node.content = .mapping(pairs)
                } else {
                    open.node.content = .sequence(open.items)
                }
                open.node.expandedCount = open.count
                open.node.expandedBytes = open.bytes
                open.node.height = open.height
                finished = open.node
            case .streamStart, .streamEnd, .documentStart:
                throw SecureCookieError.undecodable("YAML: unexpected event \(event.testSuiteLine) at \(mark)")
            }
            guard let node = finished else { continue }
            if let finishedAnchor { try register(finishedAnchor, node, mark) }
            if let parent = stack.last {
                parent.items.append(node)
                parent.count = Self.saturatingSum(parent.count, node.expandedCount)
                parent.bytes = Self.saturatingSum(parent.bytes, node.expandedBytes)
                parent.height = max(parent.height, node.height + 1)
                if parent.count > limits.maximumNodes {
                    throw SecureCookieError.limitExceeded(
                        .nodes, "more than \(limits.maximumNodes) nodes once aliases are expanded, at \(mark)")
                }
                if parent.bytes > limits.maximumMaterializedBytes {
                    throw SecureCookieError.limitExceeded(
                        .materializedBytes,
                        "more than \(limits.maximumMaterializedBytes) bytes of strings and digits once aliases are expanded, at \(mark)"
                    )
                }
            } else {
                root = node
            }
        }
    }

    /// `a + b`, or `Int.max` where that overflows (both are counts, so never below zero).
    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode, _ mark: YAMLMark) throws {
        guard let anchor else { return }
        if anchors[anchor] != nil {
            throw SecureCookieError.undecodable("YAML: found a duplicate anchor at \(mark)")
        }
        if anchors.count >= limits.maximumNodes {
            throw SecureCookieError.limitExceeded(.memo, "more than \(limits.maximumNodes) anchors at \(mark)")
        }
        anchors[anchor] = node
    }
}
