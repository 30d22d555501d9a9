internal import CLibYAML
import SecureCookie

/// Builds the node graph of a single-document stream from libyaml events, as PyYAML's composer does,
/// with the limits a cookie needs.
///
/// - Aliases are counted with an expansion budget: each node records how many nodes its value
///   has once aliases are expanded, so a billion-laughs document fails at the first anchor
///   whose expansion passes ``SecureCookieLimits/maximumNodes``, without expanding anything.
/// - An alias to a node that is still open (a recursive alias) is refused.
/// - Nesting, counted through aliases, is bounded by ``SecureCookieLimits/maximumDepth``.
/// - Bytes are counted as nodes are: each scalar spends its weight (``YAMLMaterializedSize``)
///   from one ``MaterializationBudget`` when it is made, each node records the bytes it holds
///   once aliases are expanded, and each alias spends its anchor's whole size again, so a long
///   scalar aliased many times fails with ``SecureCookieError/Limit/materializedBytes`` at the
///   alias that passes ``SecureCookieLimits/maximumMaterializedBytes``, before anything is built.
/// - A scalar longer than ``SecureCookieLimits/maximumValueBytes`` is refused.
/// - Messages name positions, kinds and lengths, never an anchor, a tag or a scalar's text.
/// - A second document is refused, as `yaml.safe_load` refuses it.
internal struct YAMLComposer {
    private let parser: LibYAMLParser
    private let limits: SecureCookieLimits
    private var anchors: [String: YAMLNode] = [:]
    /// The bytes this document may still build, aliases followed; one budget per ``YAMLSerializationMethod/loads(_:limits:)``.
    private var budget: MaterializationBudget

    init(parser: LibYAMLParser, limits: SecureCookieLimits) {
        self.parser = parser
        self.limits = limits
        self.budget = MaterializationBudget(limits)
    }

    private final class Open {
        let node: YAMLNode
        var items: [YAMLNode] = []
        var count = 1
        var height = 1
        var bytes = 0
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
                    throw SecureCookieError.undecodable("YAML: found undefined alias at \(mark)")
                }
                if stack.contains(where: { $0.node === target }) {
                    throw SecureCookieError.refused("recursive alias", "an alias inside the node it names at \(mark)")
                }
                let (levels, overflow) = stack.count.addingReportingOverflow(target.height)
                if overflow || levels > limits.maximumDepth {
                    throw SecureCookieError.limitExceeded(
                        .depth, "the alias at \(mark) nests more than \(limits.maximumDepth) levels")
                }
                // Every use of an anchor materializes all of it again.
                try spend(target.materializedBytes, at: mark)
                finished = target
            case .scalar(let anchor, let tag, let value, let plainImplicit, _, _):
                let byteCount = value.utf8.count
                if byteCount > limits.maximumValueBytes {
                    throw SecureCookieError.limitExceeded(
                        .valueBytes, "a scalar of \(byteCount) bytes at \(mark), more than \(limits.maximumValueBytes)")
                }
                let resolved: String
                if let tag, tag != "!" {
                    resolved = tag
                } else {
                    // PyYAML treats the non-specific tag `!` as plain-implicit even on an empty node,
                    // where libyaml reports plain_implicit = 0.
                    resolved = YAMLResolver.resolveScalar(value, plainImplicit: plainImplicit || tag == "!")
                }
                let weight = YAMLMaterializedSize.scalar(tag: resolved, byteCount: byteCount)
                try spend(weight, at: mark)
                let node = YAMLNode(tag: resolved, content: .scalar(value), mark: mark)
                node.materializedBytes = weight
                finished = node
                finishedAnchor = anchor
            case .sequenceStart(let anchor, let tag, _), .mappingStart(let anchor, let tag, _):
                if stack.count >= limits.maximumDepth {
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
                    while index < open.items.count - 1 {
                        pairs.append((open.items[index], open.items[index + 1]))
                        index += 2
                    }
                    open.node.content = .mapping(pairs)
                } else {
                    open.node.content = .sequence(open.items)
                }
                open.node.expandedCount = open.count
                open.node.height = open.height
                open.node.materializedBytes = open.bytes
                finished = open.node
            case .streamStart, .streamEnd, .documentStart:
                throw SecureCookieError.undecodable("YAML: unexpected event \(event.kindName) at \(mark)")
            }
            guard let node = finished else { continue }
            if let finishedAnchor { try register(finishedAnchor, node, mark) }
            if let parent = stack.last {
                parent.items.append(node)
                // Saturating: both stay at most the node limit, which may be configured up to `Int.max`.
                parent.count = YAMLMaterializedSize.sum(parent.count, node.expandedCount)
                parent.height = max(parent.height, YAMLMaterializedSize.sum(node.height, 1))
                parent.bytes = YAMLMaterializedSize.sum(parent.bytes, node.materializedBytes)
                if parent.count > limits.maximumNodes {
                    throw SecureCookieError.limitExceeded(
                        .nodes, "more than \(limits.maximumNodes) nodes once aliases are expanded, at \(mark)")
                }
            } else {
                root = node
            }
        }
    }

    private mutating func spend(_ bytes: Int, at mark: YAMLMark) throws {
        do {
            try budget.spend(bytes)
        } catch {
            throw YAMLMaterializedSize.exceeded(budget, at: mark)
        }
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
