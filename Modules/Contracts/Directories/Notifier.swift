/// An email (or other message) to a person outside the brand: invites now, payout notices later.
public struct OutgoingMessage: Sendable, Equatable {
    public let to: String
    public let subject: String
    public let html: String

    public init(to: String, subject: String, html: String) {
        self.to = to
        self.subject = subject
        self.html = html
    }
}

/// Sends messages. The default writes them to the log; a deployment plugs in a mail provider; tests capture them.
/// Sending happens after the change is committed and never fails the request that caused it.
public protocol Notifier: Sendable {
    func send(_ message: OutgoingMessage) async
}
