/// The version `securecookie --version` prints: this package's release, as its git tag names it.
enum ToolVersion {
    /// The release, `MAJOR.MINOR.PATCH`.
    static let current = "1.0.0"
}
