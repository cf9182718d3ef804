// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "jixiao",
  products: [
    .executable(name: "jixiao", targets: ["jixiao"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    // Domain values, rule sets, scoring and audit checks. Pure: no I/O.
    .target(name: "Scoring"),
    // Columnar in-memory store, dataset loading and validation.
    .target(
      name: "DataStore",
      dependencies: ["Scoring", "CMappedFile", "CRecordScan", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    // The reader's byte loops, sixteen bytes at a time: a record without quotes, the UTF-8 check.
    .target(name: "CRecordScan", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    // The SIGBUS guard for files mapped while they are parsed: a signal handler is C.
    // DWARF 4, which valgrind (the instruction counts in docs/PERFORMANCE.md) reads.
    .target(name: "CMappedFile", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    // Source locations, diagnostics, tokens, lexer, AST, parser.
    .target(name: "QuerySyntax"),
    // Checking statements against the store and evaluating them to result tables.
    .target(name: "QueryEngine", dependencies: ["QuerySyntax", "DataStore", "Scoring"]),
    // Session, REPL loop, completion, settings and rendering; no terminal access.
    .target(name: "Shell", dependencies: ["QueryEngine", "QuerySyntax", "DataStore", "Scoring"]),
    // libedit, with fixed-signature wrappers for its variadic calls.
    .systemLibrary(
      name: "CEditLine",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    // The libedit-backed line reader: the only code that touches the terminal.
    .target(name: "LineEditor", dependencies: ["Shell", "DataStore", "CEditLine"]),
    .executableTarget(
      name: "jixiao",
      dependencies: [
        "Shell", "LineEditor", "DataStore", "Scoring",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Measures load, memory and statements on large generated files (docs/PERFORMANCE.md).
    .executableTarget(
      name: "jixiao-bench",
      dependencies: ["DataStore", "QueryEngine", "QuerySyntax", "Scoring"]
    ),
    .testTarget(name: "ScoringTests", dependencies: ["Scoring"]),
    .testTarget(name: "DataStoreTests", dependencies: ["DataStore"]),
    .testTarget(name: "QuerySyntaxTests", dependencies: ["QuerySyntax"]),
    .testTarget(name: "QueryEngineTests", dependencies: ["QueryEngine"]),
    // Fixtures and Transcripts are read from the source tree, not bundled.
    .testTarget(name: "ShellTests", dependencies: ["Shell", "LineEditor", "DataStore", "Scoring", "QuerySyntax", "QueryEngine"], exclude: ["Fixtures", "Transcripts"]),
    // Properties over many generated inputs: round trips, sums, grades, money.
    .testTarget(
      name: "PropertyTests",
      dependencies: ["Scoring", "DataStore", "QuerySyntax", "QueryEngine", "Shell"]
    ),
  ]
)
