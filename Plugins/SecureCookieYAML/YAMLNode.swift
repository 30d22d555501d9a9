import SecureCookie

/// A composed YAML node with its resolved tag, as PyYAML's composer builds it.
///
/// A class, because aliases share nodes and merge-key flattening rewrites a mapping's pairs
/// in place, exactly as PyYAML's `flatten_mapping` does.
internal final class YAMLNode {
    enum Content {
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// The resolved tag (`tag:yaml.org,2002:int`, a local `!foo`...).
    var tag: String
    var content: Content
    /// Where the node starts.
    let mark: YAMLMark
    /// Nodes of the value once aliases are expanded, this node included.
    var expandedCount = 1
    /// Levels of collections once aliases are expanded (0 for a scalar).
    var height = 0
    /// What the value adds to the ``MaterializationBudget`` once aliases are expanded
    /// (``YAMLMaterializedSize``): computed once, when the node is finished, and spent again at
    /// each alias to it.
    var materializedBytes = 0
    /// The tag the node had when PyYAML would first construct it (``YAMLConstructor/prepareInPyYAMLOrder(_:)``):
    /// a `=` key rewritten to `!!str` by a later merge flattening is still `!!value` for an alias
    /// constructed before it.
    var constructionTag: String?
    /// The value built from this node, kept so an aliased node is built once, as PyYAML does.
    var constructed: PythonValue?
    /// Set while the node is being built, to catch a node that needs itself.
    var isConstructing = false

    init(tag: String, content: Content, mark: YAMLMark) {
        self.tag = tag
        self.content = content
        self.mark = mark
    }

    /// `scalar`, `sequence` or `mapping`, as PyYAML names node kinds in messages.
    var kindName: String {
        switch content {
        case .scalar: return "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
