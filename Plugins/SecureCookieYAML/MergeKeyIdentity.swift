/// What PyYAML 6.0.4's `flatten_mapping` compares merged keys by: `id(key_node.value)`, the
/// identity of the Python object holding the key node's value.
///
/// A collection key's value is its own list, so only the same node (reached again through an
/// alias) is the same key. A scalar's value is its text as a `str` object, made afresh for each
/// scalar by PyYAML's scanner, except where CPython hands out a shared object: the empty string
/// and every one-character string below U+0100. So `{<<: [{a: 1}, {a: 2}]}` keeps `a: 1` (one
/// shared `"a"`) while `{<<: [{ab: 1}, {ab: 2}]}` keeps both pairs and reads as `{ab: 2}`; the
/// scalars `1` and `'1'` are then the same key here, whatever their tags.
internal enum MergeKeyIdentity: Hashable {
    case node(ObjectIdentifier)
    case sharedText(String)

    init(_ node: YAMLNode) {
        if case .scalar(let text) = node.content, Self.isShared(text) {
            self = .sharedText(text)
        } else {
            self = .node(ObjectIdentifier(node))
        }
    }

    private static func isShared(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return true }
        return scalars.next() == nil && first.value < 0x100
    }
}
