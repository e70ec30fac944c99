/// What a request said about one key: nothing, an explicit `null`, or a value. PATCH updates only what was sent.
public enum Field<Value> {
    case absent
    case null
    case value(Value)

    public var value: Value? { if case .value(let v) = self { v } else { nil } }
    public var isPresent: Bool { if case .absent = self { false } else { true } }

    /// The value, `nil` for `null`, or `current` when the key was not sent.
    public func resolved(current: Value?) -> Value? {
        switch self {
        case .absent: current
        case .null: nil
        case .value(let v): v
        }
    }

    public func map<T, E: Error>(_ transform: (Value) throws(E) -> T) throws(E) -> Field<T> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let v): .value(try transform(v))
        }
    }
}

extension Field: Sendable where Value: Sendable {}
