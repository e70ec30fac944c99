/// Stores files too large for records (tax-form PDFs). Keys are paths of simple segments chosen by Vouch itself.
public protocol BlobStore: Sendable {
    func put(_ key: [String], _ bytes: [UInt8]) throws
    func get(_ key: [String]) throws -> [UInt8]?
}
