import HTTPSupport
import HTTPTypes
import Hummingbird

extension CountryResolver {
    /// What a tracking request tells of its visitor: headers, and the country of its address.
    func visitor(_ request: Request, _ context: some VisitorRequestContext) -> Visitor {
        let countryHeader = header.flatMap { request.headers[$0] }
        return Visitor(
            origin: request.headers[.origin], referer: request.headers[.referer], userAgent: request.headers[.userAgent],
            country: country(header: countryHeader, address: context.clientAddress))
    }
}
