/// `take` and `cursor` of a list request, validated.
public struct PageRequest: Sendable {
    public static let defaultTake = 50
    public static let maxTake = 200

    public let take: Int
    public let cursor: Cursor?

    public init(take: Int = PageRequest.defaultTake, cursor: Cursor? = nil) {
        self.take = take
        self.cursor = cursor
    }

    /// From query parameters: `take` must be an integer in 1...200, `cursor` one of ours.
    public init(take: String?, cursor: String?) throws(DomainError) {
        if let take {
            guard let value = Int(take), (1...Self.maxTake).contains(value) else {
                throw DomainError.validation("take", "take must be an integer between 1 and \(Self.maxTake)")
            }
            self.take = value
        } else {
            self.take = Self.defaultTake
        }
        self.cursor = try cursor.map { (token) throws(DomainError) in try Cursor(token: token) }
    }
}

/// One page of a list: `{ items, nextCursor, hasMore }`.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let nextCursor: Cursor?

    public init(items: [Item], nextCursor: Cursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public var hasMore: Bool { nextCursor != nil }

    public func json(_ render: (Item) -> JSONValue) -> JSONValue {
        .object([
            ("items", .array(items.map(render))),
            ("nextCursor", .string(nextCursor?.token)),
            ("hasMore", .bool(hasMore)),
        ])
    }
}
