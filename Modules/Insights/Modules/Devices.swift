import Contracts
import Kernel

extension InsightsQuery {
    /// Clicks and conversions per device class; sales without an originating click count under `(unknown)`.
    func devices(in store: borrowing some StoreReader & ~Copyable) throws -> InsightsReport {
        let totals = try reader.totals(scope, window, in: store)
        var rows: [[(String, JSONValue)]] = DeviceClass.allCases.map { device in
            let bucket = Contribution.bucket(device)
            return [
                ("device", .string(device.rawValue)), ("clicks", .int(totals.count(.clicksByDevice, bucket: bucket))),
                ("conversions", .int(totals.count(.conversionsByDevice, bucket: bucket))),
            ]
        }
        let unknown = totals.count(.conversionsByDevice, bucket: Contribution.unknownDevice)
        if unknown > 0 { rows.append([("device", .string(Contribution.unknown)), ("clicks", .int(0)), ("conversions", .int(unknown))]) }
        return list("devices", rows, header: ["device", "clicks", "conversions"])
    }
}
