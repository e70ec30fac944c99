extension Sequence where Element: Hashable {
    /// Each element once, where it first occurs: a payment's keys and codes, gathered from several fields.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
