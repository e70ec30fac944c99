import Foundation
import HTTPSupport
import Hummingbird

extension Request {
    /// The token of `Authorization: Bearer <token>` (the scheme in any case), or `nil`.
    var bearerToken: String? {
        guard let header = headers.value(.authorization) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}
