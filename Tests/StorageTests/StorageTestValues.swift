import Kernel

func tenant(_ number: UInt32) -> TenantID { TenantID(number: number)! }

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

struct ExpectedFailure: Error, Equatable {
    let id: Int
}
