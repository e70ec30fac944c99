/// A failure of the storage engine. Never shown to clients as is: the HTTP edge reports a 503 or 500.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The map is full and could not grow.
        case mapFull
        /// A key longer than the engine allows.
        case keyTooLong
        /// The environment is closed or being closed.
        case closed
        /// The files are damaged or of another version.
        case corrupted
        /// Anything else the engine reported.
        case engine
    }

    public let code: Code
    /// The engine's own return code, for logs.
    public let engineCode: Int32
    public let message: String

    public init(_ code: Code, engineCode: Int32 = 0, message: String) {
        self.code = code
        self.engineCode = engineCode
        self.message = message
    }

    public var description: String { "storage error \(code) (\(engineCode)): \(message)" }
}
