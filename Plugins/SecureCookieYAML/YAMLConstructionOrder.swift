extension YAMLConstructor {
    /// Walks a document in the order PyYAML's constructor does, to reproduce the one side effect
    /// that order decides: a `=` key (`tag:yaml.org,2002:value`) becomes a `!!str` when its mapping
    /// is flattened, and a node is built once, with the tag it has then.
    ///
    /// PyYAML builds collections through generators: `construct_object` returns an empty list or
    /// dict at once and queues the rest, so a document's collections are filled level by level
    /// (the root, then the collections it holds, ...), each mapping flattened just before its
    /// pairs are built. So in `{a: {&k =: 1}, b: *k}` the alias `*k` is built (and refused, as
    /// PyYAML refuses it) before the inner mapping turns `=` into a string. This walk visits the
    /// nodes in that order with a queue (no recursion), flattens mappings as it goes, and records
    /// each node's tag when it is first reached (``YAMLNode/constructionTag``); building then uses it.
    ///
    /// - Throws: What flattening throws (a merge of something other than mappings), as PyYAML would.
    func prepareInPyYAMLOrder(_ root: YAMLNode) throws {
        var queue: [YAMLNode] = []
        var reached = Set<ObjectIdentifier>()
        func reach(_ node: YAMLNode) {
            guard reached.insert(ObjectIdentifier(node)).inserted else { return }
            node.constructionTag = node.tag
            if case .scalar = node.content { return }
            queue.append(node)
        }
        reach(root)
        var next = 0
        while next < queue.count {
            let node = queue[next]
            next += 1
            switch (node.constructionTag ?? node.tag, node.content) {
            case (YAMLTag.map, .mapping), (YAMLTag.set, .mapping):
                try flatten(node)
                guard case .mapping(let pairs) = node.content else { continue }
                for (key, value) in pairs {
                    reach(key)
                    reach(value)
                }
            case (YAMLTag.seq, .sequence(let items)):
                items.forEach(reach)
            case (YAMLTag.omap, .sequence(let items)), (YAMLTag.pairs, .sequence(let items)):
                // `construct_yaml_omap` builds each item's one key and value directly (no flattening).
                for item in items {
                    guard case .mapping(let pairs) = item.content, pairs.count == 1 else { break }
                    reach(pairs[0].key)
                    reach(pairs[0].value)
                }
            default:
                // Any other tag fails when it is built; nothing it holds is built before that.
                continue
            }
        }
    }
}
