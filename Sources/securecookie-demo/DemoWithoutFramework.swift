// Without the package trait `Hummingbird` there is no server to run: the demo says how to build it.
#if !Hummingbird
import Foundation

/// `securecookie-demo` built without Hummingbird: prints how to build the real one and fails.
@main
enum DemoWithoutHummingbird {
    static func main() {
        FileHandle.standardError.write(
            Data(
                """
                securecookie-demo was built without the package trait Hummingbird; build it with
                    swift build --traits Hummingbird --product securecookie-demo

                """.utf8))
        exit(1)
    }
}
#endif
