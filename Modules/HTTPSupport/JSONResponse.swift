public import Hummingbird
public import Kernel

/// A JSON body with a status, as every API endpoint answers.
public struct JSONResponse: ResponseGenerator {
    public let status: HTTPResponse.Status
    public let body: JSONValue
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status = .ok, _ body: JSONValue, headers: HTTPFields = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response
    }

    /// The HTTP response, with no body for 204.
    public var response: Response {
        guard status != .noContent else { return Response(status: .noContent, headers: headers) }
        return .json(body.serialized(), status: status, headers: headers)
    }
}

extension Response {
    /// A JSON answer whose body is already serialized.
    public static func json(_ body: [UInt8], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        // Room for what the middlewares and the server add (rate limits, CORS, request id, date, server), so the
        // fields are not copied to a larger array with nearly every one of them.
        headers.reserveCapacity(headers.count + 10)
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension JSONValue: ResponseGenerator {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse(.ok, self).response(from: request, context: context)
    }
}
