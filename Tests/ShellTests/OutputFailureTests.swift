import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Output that cannot be written is a failure with a message; a closed pipe is not; odd
/// standard input and `-f -` are read, not crashed on. The real executable, run by sh so
/// descriptors can be closed and pointed at devices.
@Suite("Output failures and standard input", .timeLimit(.minutes(2)))
struct OutputFailureTests {
  struct Run {
    var status: Int32
    var out: String
    var err: String
  }

  /// Runs `script` with $JX the jixiao executable, in a fresh folder holding a copy of
  /// the bundled datasets; `inspect` sees the folder before it is removed.
  static func sh(_ script: String, inspect: (String) throws -> Void = { _ in }) throws -> Run {
    let program = try #require(CommandLineTests.executable(), "the jixiao executable was not found; run swift build")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-out-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.copyItem(atPath: CommandLineTests.root.appendingPathComponent("datasets").path, toPath: dir + "/datasets")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "(\(script)) >\"$D/.out\" 2>\"$D/.err\"; echo $? >\"$D/.status\""]
    process.currentDirectoryURL = URL(fileURLWithPath: dir)
    var environment = ProcessInfo.processInfo.environment
    environment["JX"] = program
    environment["D"] = dir
    environment["NO_COLOR"] = "1"
    process.environment = environment
    try process.run()
    process.waitUntilExit()
    let read = { (name: String) in (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? "" }
    try inspect(dir)
    return Run(status: Int32(read(".status").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, out: read(".out"), err: read(".err"))
  }

  @Test func aFullDiskOnStandardOutputExitsOneWithAMessage() throws {
    let run = try Self.sh(#""$JX" --format csv -c projects >/dev/full"#)
    #expect(run.status == 1)
    #expect(run.err == "error: cannot write the results to standard output: No space left on device\n")
  }

  @Test func aClosedStandardOutputExitsOneWithAMessage() throws {
    let run = try Self.sh(#""$JX" -c projects >&-"#)
    #expect(run.status == 1)
    #expect(run.err == "error: cannot write the results to standard output: Bad file descriptor\n")
  }

  @Test func aPipeClosedByItsReaderIsQuietAndNotAnError() throws {
    let run = try Self.sh(#"("$JX" --format csv -c projects -c projects; echo "jx=$?" >&2) | head -1"#)
    #expect(run.out == "year,unit,seq,name,budget,score,grade\n")
    #expect(run.err == "jx=0\n")
  }

  @Test func aFolderAsStandardInputIsAnErrorNotACrash() throws {
    let run = try Self.sh(#""$JX" < /tmp"#)
    #expect(run.status == 2)
    #expect(run.err == "error: standard input: is a folder, not a file of statements\n")
  }

  @Test func dashAndDevStdinReadStandardInput() throws {
    for name in ["-", "/dev/stdin"] {
      let piped = try Self.sh(#"echo "count projects" | "$JX" --format csv -f "# + name)
      #expect(piped.out == "count\n19\n", "\(name) from a pipe")
      #expect(piped.status == 0)
      let file = try Self.sh(#"echo "count projects" > s.jx; "$JX" --format csv -f "# + name + " < s.jx")
      #expect(file.out == "count\n19\n", "\(name) from a file")
    }
  }

  @Test func outputToAFullDeviceIsReportedOnceAndResultsComeBack() throws {
    let run = try Self.sh(#""$JX" --format csv -c ".output /dev/full" -c "count projects" -c "count projects""#)
    #expect(run.status == 1)
    #expect(run.err == "error: cannot write to /dev/full: No space left on device; results go to the screen again\n")
    #expect(run.out == "count\n19\n")
  }

  @Test func outputOntoALoadedDatasetIsRefusedAndLeavesItWhole() throws {
    let file = "datasets/projects-2023-shuangshanzi.csv"
    let original = try String(contentsOfFile: CommandLineTests.root.appendingPathComponent(file).path, encoding: .utf8)
    let run = try Self.sh(#""$JX" --format csv -c ".output ./datasets/../datasets/projects-2023-shuangshanzi.csv" -c "count projects""#) { (dir: String) throws in
      #expect(try String(contentsOfFile: dir + "/" + file, encoding: .utf8) == original)
    }
    #expect(run.status == 1)
    #expect(run.err == "error: ./datasets/../datasets/projects-2023-shuangshanzi.csv: is part of the loaded data (loaded as datasets/projects-2023-shuangshanzi.csv); .output would empty it; send the results to another file\n")
    #expect(run.out == "count\n19\n")
  }

  @Test func saveIntoAFolderWithAFolderTargetChangesNothing() throws {
    let run = try Self.sh(#"mkdir -p s/departments.csv && echo keep > s/projects.csv && "$JX" -c "save s --force""#) { (dir: String) throws in
      #expect(try String(contentsOfFile: dir + "/s/projects.csv", encoding: .utf8) == "keep\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/s").sorted() == ["departments.csv", "projects.csv"])
    }
    #expect(run.status == 1)
    #expect(run.err.contains("s/departments.csv: is a folder; nothing was written"))
  }

  @Test func exportDoesNotFollowALinkPlantedAtItsTarget() throws {
    let run = try Self.sh(#"echo secret > victim && ln -s victim out.csv && "$JX" -c "export csv out.csv --force projects""#) { (dir: String) throws in
      #expect(try String(contentsOfFile: dir + "/victim", encoding: .utf8) == "secret\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".jixiao-tmp") } == [])
    }
    #expect(run.status == 1)
    #expect(run.err.contains("out.csv: is a symbolic link; it is not replaced or written through"))
  }

  @Test func exportAndSaveWriteAndReload() throws {
    let run = try Self.sh(#""$JX" -c "export csv out.csv projects where grade = 优" -c "save copy" && "$JX" --data copy --format csv -c "count projects""#)
    #expect(run.status == 0)
    #expect(run.out.hasSuffix("count\n19\n"))
    #expect(run.out.contains("saved copy/projects.csv, copy/departments.csv, copy/funds.csv"))
  }
}
