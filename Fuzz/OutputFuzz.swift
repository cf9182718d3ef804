// libFuzzer harness: `.output`, `.once`, `export` and `save` on arbitrary sequences of
// statements, paths and folder contents, all inside a fresh temporary folder. Checks
// after every statement that no temporary file is left and the loaded data is intact.
// Built and run by scripts/fuzz.sh; not part of `swift test`.
import DataStore
import Foundation
import Glibc
import Scoring
import Shell

/// Paths the statements use: relative, inside the folder, some through links.
let names = ["a.csv", "b.json", "d/x.csv", "data/projects-2023.csv", "data", "link", "dlink", "d", ".", "x y.csv", "深.md", "dev", "data/.", "d/../a.csv"]
let statements = ["projects", "count projects", "projects where grade = 优", "sum budget by grade", "check"]
let formats = ["csv", "json", "markdown", "xlsx", "md", "pdf"]
let dataset = "year,unit,seq,name,budget,score,grade\n2023,测试镇,1,项目一,10.5,95,优\n2023,测试镇,2,项目二,3,81,良\n"

let root = "/tmp/jixiao-outputfuzz-\(getpid())"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOutput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var at = 0
  func next() -> Int {
    defer { at += 1 }
    return at < bytes.count ? Int(bytes[at]) : 0
  }
  func pick(_ list: [String]) -> String { list[next() % list.count] }

  let folder = root + "/case"
  _ = try? FileManager.default.removeItem(atPath: folder)
  // Absolute paths everywhere: libFuzzer writes its corpus relative to the working folder.
  guard (try? FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)) != nil else { return 0 }
  func inside(_ name: String) -> String { folder + "/" + name }
  FileManager.default.createFile(atPath: inside("data/projects-2023.csv"), contents: Data(dataset.utf8))
  guard let store = try? DatasetLoader.load(paths: [inside("data")]) else { preconditionFailure("the seed dataset did not load") }

  // Arrange the folder: files, folders and links (always pointing inside it).
  let setup = next() % 6
  for _ in 0..<setup {
    let name = pick(["a.csv", "b.json", "d", "link", "dlink", "x y.csv", "dev", "深.md", "copy"])
    switch next() % 5 {
    case 0: FileManager.default.createFile(atPath: inside(name), contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600])
    case 1: mkdir(inside(name), 0o755)
    // Relative link targets: they resolve inside the folder.
    case 2: symlink(pick(["a.csv", "data/projects-2023.csv", "d", "data", "missing"]), inside(name))
    case 3: mkdir(inside(name), 0o555)  // a folder that cannot be written into
    default: mkfifo(inside(name) + ".fifo", 0o644)  // never a target below: opening it would wait
    }
  }

  let out = StringSink()
  let err = StringSink()
  let session = Session(store: store, out: out, err: err)
  let steps = 1 + next() % 8
  for _ in 0..<steps {
    let line: String
    switch next() % 7 {
    case 0: line = ".output " + inside(pick(names))
    case 1: line = ".once " + inside(pick(names))
    case 2: line = ".output"
    case 3:
      var s = "export \(pick(formats)) '\(inside(pick(names)))'"
      if next() % 2 == 0 { s += " --force" }
      if next() % 3 == 0 { s += " --bom" }
      if next() % 2 == 0 { s += " " + pick(statements) }
      line = s
    case 4: line = "save '\(inside(pick(["copy", "data", "d", ".", "a.csv", "link", "dlink", "new/deeper"])))'" + (next() % 2 == 0 ? " --force" : "")
    case 5: line = "import '\(inside("data/projects-2023.csv"))' --save '\(inside(pick(["copy", "data", "d"])))'"
    default: line = pick(statements)
    }
    if line.hasPrefix(".") { _ = session.runDotCommand(line) } else { _ = session.run(line) }
    check(folder)
  }
  _ = session.runDotCommand(".output")
  check(folder)
  return 0
}

/// No temporary file anywhere below the folder, and the loaded file unchanged.
func check(_ folder: String) {
  guard let walker = FileManager.default.enumerator(atPath: folder) else { return }
  while let path = walker.nextObject() as? String {
    if (path as NSString).lastPathComponent.hasPrefix(".jixiao-tmp.") {
      preconditionFailure("temporary file left behind: \(path)")
    }
  }
  let text = FileManager.default.contents(atPath: folder + "/data/projects-2023.csv").map { String(decoding: $0, as: UTF8.self) }
  if text != dataset { preconditionFailure("the loaded dataset was changed: \(text ?? "(gone)")") }
}
