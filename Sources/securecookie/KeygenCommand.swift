import ArgumentParser

/// `securecookie keygen`: print a new random secret key as hex.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Print a new random secret key as hex (for --secret-hex), from the system's secure generator."
    )

    @Option(help: ArgumentHelp("How many random bytes (1-1024).", valueName: "n"))
    var bytes: Int = 32

    func validate() throws {
        guard (1...1024).contains(bytes) else { throw ValidationError("--bytes must be from 1 to 1024") }
    }

    mutating func run() throws {
        let io = ToolIO.standard()
        io.writeLine(key())
        io.flush()
    }

    /// A new key's hex digits.
    func key() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])  // checked: a 4-bit index
            text.append(digits[Int(byte & 0x0F)])  // checked: a 4-bit index
        }
        return text
    }
}
