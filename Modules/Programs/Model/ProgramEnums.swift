/// Who can find the program. The spec's PATCH example sends `Public`, which is read as `Networked`.
public enum NetworkVisibility: String, Sendable, Codable, CaseIterable {
    case `private` = "Private", networked = "Networked", inviteOnly = "InviteOnly"

    public init?(input: String) {
        if input == "Public" { self = .networked } else { self.init(rawValue: input) }
    }
}
