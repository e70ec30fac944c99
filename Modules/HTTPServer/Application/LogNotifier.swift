import Contracts
import Logging

/// The default notifier: writes each outgoing message to the log, so a deployment without a mail provider still
/// sees what would have been sent.
struct LogNotifier: Notifier {
    let logger: Logger

    func send(_ message: OutgoingMessage) async {
        logger.notice("outgoing message", metadata: ["to": "\(message.to)", "subject": "\(message.subject)", "html": "\(message.html)"])
    }
}
