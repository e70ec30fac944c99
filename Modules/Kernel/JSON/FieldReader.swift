/// Reads typed, validated fields out of a JSON object body. Every failure is a `validation_failed` naming the field.
public struct FieldReader: Sendable {
    public let members: [(String, JSONValue)]

    public init(_ body: JSONValue) throws(DomainError) {
        guard case .object(let members) = body else {
            throw DomainError(.badRequest, "validation_failed", "Request body must be a JSON object")
        }
        self.members = members
    }

    public func raw(_ key: String) -> Field<JSONValue> {
        guard let value = members.last(where: { $0.0 == key })?.1 else { return .absent }
        return value == .null ? .null : .value(value)
    }

    public func string(_ key: String, maxLength: Int = 1_000, allowEmpty: Bool = false) throws(DomainError) -> Field<String> {
        try raw(key).map { (value) throws(DomainError) -> String in
            guard case .string(let text) = value else { throw Self.typeError(key, "a string", value) }
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty && !allowEmpty { throw DomainError.validation(key, "\(key) must not be empty") }
            // Characters never outnumber UTF-8 bytes, so only long text pays for counting characters.
            if trimmed.utf8.count > maxLength && trimmed.count > maxLength {
                throw DomainError.validation(key, "\(key) must be at most \(maxLength) characters")
            }
            return trimmed
        }
    }

    public func integer(_ key: String, in range: ClosedRange<Int64>) throws(DomainError) -> Field<Int64> {
        try raw(key).map { (value) throws(DomainError) -> Int64 in
            guard case .int(let number) = value else { throw Self.typeError(key, "an integer", value) }
            guard range.contains(number) else {
                throw DomainError.validation(key, "\(key) must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return number
        }
    }

    public func number(_ key: String, in range: ClosedRange<Double>) throws(DomainError) -> Field<Double> {
        try raw(key).map { (value) throws(DomainError) -> Double in
            let number: Double
            switch value {
            case .int(let int): number = Double(int)
            case .double(let double): number = double
            default: throw Self.typeError(key, "a number", value)
            }
            guard number.isFinite, range.contains(number) else {
                throw DomainError.validation(key, "\(key) must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return number
        }
    }

    public func bool(_ key: String) throws(DomainError) -> Field<Bool> {
        try raw(key).map { (value) throws(DomainError) -> Bool in
            guard case .bool(let flag) = value else { throw Self.typeError(key, "a boolean", value) }
            return flag
        }
    }

    /// An array of strings, each trimmed, empty ones refused, duplicates dropped (first kept).
    public func strings(_ key: String, maxCount: Int, maxLength: Int) throws(DomainError) -> Field<[String]> {
        try raw(key).map { (value) throws(DomainError) -> [String] in
            guard case .array(let items) = value else { throw Self.typeError(key, "an array of strings", value) }
            guard items.count <= maxCount else { throw DomainError.validation(key, "\(key) may hold at most \(maxCount) entries") }
            var seen: Set<String> = []
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw Self.typeError(key, "an array of strings", item) }
                let trimmed = text.trimmingWhitespace()
                guard !trimmed.isEmpty, trimmed.count <= maxLength else {
                    throw DomainError.validation(key, "each \(key) entry must be 1-\(maxLength) characters")
                }
                if seen.insert(trimmed).inserted { result.append(trimmed) }
            }
            return result
        }
    }

    /// One of an enum's spellings, exactly as written (case-sensitive).
    public func oneOf<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) throws(DomainError) -> Field<E> where E.RawValue == String {
        try raw(key).map { (value) throws(DomainError) -> E in
            guard case .string(let text) = value else { throw Self.typeError(key, "a string", value) }
            guard let parsed = E(rawValue: text) else {
                let allowed = E.allCases.map(\.rawValue).joined(separator: " | ")
                throw DomainError.validation(key, "\(key) must be one of \(allowed)")
            }
            return parsed
        }
    }

    /// The value of a field that must be sent and must not be `null`. Inlinable so that every caller gets it
    /// specialized rather than going through generic metadata for each field.
    @inlinable
    public static func required<T>(_ field: Field<T>, _ key: String) throws(DomainError) -> T {
        guard let value = field.value else { throw DomainError.validation(key, "\(key) is required") }
        return value
    }

    private static func typeError(_ key: String, _ expected: String, _ value: JSONValue) -> DomainError {
        DomainError.validation(key, "\(key) must be \(expected), not \(value.typeName)")
    }
}

extension String {
    /// The string without leading and trailing white space.
    public func trimmingWhitespace() -> String {
        // Text that starts and ends with a visible ASCII character (nearly all of it) has nothing to trim, and that
        // test skips a Unicode property lookup per end.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) ? self : String(scalars[first...last])
    }
}
