public import Contracts
public import Kernel

/// The token a visitor carries (`rekomi_cid`) and a checkout passes back: `clk_` and the base64url of the tenant
/// number and the click id. It names its own record, so issuing one costs no index write and a sale finds its click
/// with one read. Forging one gains nothing: it must name a stored click to count.
public enum ClickToken {
    static let prefix = "clk_"

    public static func make(_ tenant: TenantID, _ click: ClickID) -> String {
        prefix + Base64URL.encode(tenant.bytes + click.bytes)
    }

    /// The tenant and click a token names; `nil` for anything that is not a token.
    public static func parse(_ token: String) -> (tenant: TenantID, click: ClickID)? {
        guard token.hasPrefix(prefix), token.utf8.count == prefix.utf8.count + 27 else { return nil }
        guard let data = Base64URL.decode(token.dropFirst(prefix.count)), data.count == 20, let tenant = TenantID(leadingBytes: data),
            let click = ClickID(bytes: data.dropFirst(4))
        else { return nil }
        return (tenant, click)
    }
}
