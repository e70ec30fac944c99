public import Contracts
import Foundation
public import Kernel

/// The token a visitor carries (`rekomi_cid`) and a checkout passes back: `clk_` and the base64url of the tenant
/// number and the click id. It names its own record, so issuing one costs no index write and a sale finds its click
/// with one read. Forging one gains nothing: it must name a stored click to count.
public enum ClickToken {
    static let prefix = "clk_"

    public static func make(_ tenant: TenantID, _ click: ClickID) -> String {
        let encoded = Data(tenant.bytes + click.bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + encoded
    }

    /// The tenant and click a token names; `nil` for anything that is not a token.
    public static func parse(_ token: String) -> (tenant: TenantID, click: ClickID)? {
        guard token.hasPrefix(prefix), token.utf8.count == prefix.utf8.count + 27 else { return nil }
        let base64 = token.dropFirst(prefix.count).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
        guard let data = Data(base64Encoded: base64), data.count == 20, let tenant = TenantID(leadingBytes: data),
            let click = ClickID(bytes: data.dropFirst(4))
        else { return nil }
        return (tenant, click)
    }
}
