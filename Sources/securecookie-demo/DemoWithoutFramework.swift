// Without the package trait `Hummingbird` or `Vapor` there is no server to run: the demo says how to build it.
#if !Hummingbird && !Vapor
import Foundation

/// `securecookie-demo` built without either framework: prints how to build the real one and fails.
@main
enum DemoWithoutFramework {
    static func main() {
        FileHandle.standardError.write(
            Data(
                """
                securecookie-demo was built without the package traits Hummingbird and Vapor; build it with
                    swift build --traits Hummingbird,Vapor --product securecookie-demo

                """.utf8))
        exit(1)
    }
}
#endif
