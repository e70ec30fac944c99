import HTTPSupport
import HTTPTypes
import Hummingbird

extension CountryResolver {
    /// What a tracking request tells of its visitor: headers, and the country of its address.
    func visitor(_ request: Request, _ context: some VisitorRequestContext) -> Visitor {
        let countryHeader = header.flatMap { request.headers.value($0) }
        return Visitor(
            origin: request.headers.value(.origin), referer: request.headers.value(.referer), userAgent: request.headers.value(.userAgent),
            country: country(header: countryHeader, address: context.clientAddress))
    }
}
