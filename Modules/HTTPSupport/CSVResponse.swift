public import Hummingbird
public import Kernel

/// A CSV download: `text/csv` with an attachment file name.
public struct CSVResponse: ResponseGenerator {
    public let table: CSVTable
    public let filename: String

    public init(_ table: CSVTable, filename: String) {
        self.table = table
        self.filename = filename
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: table.document)))
    }
}
