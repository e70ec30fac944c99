import ArgumentParser

/// `vouch`: the affiliate and referral tracking server.
@main
struct VouchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vouch",
        abstract: "Vouch: a self-hostable, multi-tenant affiliate and referral tracking server.",
        subcommands: [ServeCommand.self, RollupsCommand.self],
        defaultSubcommand: ServeCommand.self)
}
