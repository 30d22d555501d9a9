/// The app-side session type the Codable bridge tests read and write.
struct CodableSession: Codable, Equatable {
    var userID: Int
    var name: String
    var roles: [String]
    var admin: Bool
    var score: Double
    var nickname: String?
}
