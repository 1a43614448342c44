// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "protocol",
    products: [
        .executable(name: "protocol", targets: ["ProtocolCLI"]),
        .library(name: "GateKit", targets: ["GateKit"]),
    ],
    targets: [
        .target(name: "GateKit"),
        .executableTarget(name: "ProtocolCLI", dependencies: ["GateKit"]),
        .testTarget(name: "GateKitTests", dependencies: ["GateKit"], exclude: ["Fixtures"]),
        .testTarget(name: "ProtocolCLITests", dependencies: ["ProtocolCLI"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
