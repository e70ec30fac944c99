import Contracts
import Kernel

/// An affiliate's own commission, replacing the program default. A value needs a type; a percentage is 0-100.
enum CustomCommission {
    static func read(_ body: FieldReader) throws(DomainError) -> (type: Field<CommissionType>, hundredths: Field<Int64>) {
        let type = try body.oneOf("customCommissionType", CommissionType.self)
        let value = try body.number("customCommissionValue", in: 0...10_000_000).map { (v) throws(DomainError) -> Int64 in
            let scaled = (v * 100).rounded()
            guard abs(v * 100 - scaled) < 1e-6 else {
                throw DomainError.validation("customCommissionValue", "customCommissionValue must have at most 2 decimal places")
            }
            return Int64(scaled)
        }
        return (type, value)
    }

    /// The pair after applying what was sent to `current`, checked together.
    static func resolve(
        type: Field<CommissionType>, hundredths: Field<Int64>, current: (CommissionType?, Int64?)
    ) throws(DomainError) -> (CommissionType?, Int64?) {
        let resolvedType = type.resolved(current: current.0)
        let resolvedValue = hundredths.resolved(current: current.1)
        switch (resolvedType, resolvedValue) {
        case (nil, nil): return (nil, nil)
        case (nil, _): throw DomainError.validation("customCommissionType", "customCommissionType is required with customCommissionValue")
        case (_, nil): throw DomainError.validation("customCommissionValue", "customCommissionValue is required with customCommissionType")
        case (.percentage?, let value?) where value > 10_000:
            throw DomainError.validation("customCommissionValue", "customCommissionValue is a percentage and must be between 0 and 100")
        default: return (resolvedType, resolvedValue)
        }
    }
}
