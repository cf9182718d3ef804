// jixiao-bench: load time, memory after load and statement times on a projects CSV,
// laid out like ../shared/bench/peers.sh so the two tables line up.
//
//   jixiao-bench FILE [--runs N] [--indicators FILE] [--peers results.json]
//                     [--jixiao PATH] [--duckdb PATH] [--duckdb-database PATH] [--repo DIR]
//                     [--skip startup,indicators,load,oneshot]
//
// Load: --runs separate child processes (this executable with --child-load), each loading
// FILE with DatasetLoader and reporting its load time and VmHWM/VmRSS right after the load,
// as peers.sh does for DuckDB and sqlite3. Statements: one more load in this process,
// then each statement parsed and executed --runs times (Parser.parse + Engine.execute,
// exactly what the shell runs; rendering is not timed, as the engines' .timer does not
// time printing either). Startup: the jixiao executable reading an empty stdin from the
// repository root, whole-process wall time. One-shot: `jixiao --data FILE -c Q2` from a
// cold process (FILE may be a snapshot); with --duckdb, each round also runs DuckDB's
// shell on the same question (peers.sh's command), right after jixiao, and the ratio is
// taken per round: on a shared machine whose speed drifts over minutes, rounds taken
// side by side compare better than two series taken apart. With --duckdb-database (a
// DuckDB file holding the same rows as table `projects`, for a snapshot FILE), DuckDB's
// rounds open that file read-only and ask it instead of reading the CSV. Every figure is
// median (min–max).
import DataStore
import Foundation
import QueryEngine
import QuerySyntax
import Scoring

struct Stats {
  var values: [Double]
  var median: Double {
    let s = values.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
  }
  var min: Double { values.min() ?? 0 }
  var max: Double { values.max() ?? 0 }
  func text(_ scale: Double, _ places: Int) -> String {
    let f = "%.\(places)f"
    return String(format: f, median * scale) + " (" + String(format: f, min * scale) + "–" + String(format: f, max * scale) + ")"
  }
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// VmHWM and VmRSS of this process, in kB.
func memory() -> (hwm: Int, rss: Int) {
  guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
  var hwm = 0
  var rss = 0
  for line in text.split(separator: "\n") {
    let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard parts.count >= 2 else { continue }
    if parts[0] == "VmHWM:" { hwm = Int(parts[1]) ?? 0 }
    if parts[0] == "VmRSS:" { rss = Int(parts[1]) ?? 0 }
  }
  return (hwm, rss)
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(("jixiao-bench: " + message + "\n").data(using: .utf8)!)
  exit(2)
}

func log(_ message: String) {
  FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
}

// MARK: - Arguments

var args = Array(CommandLine.arguments.dropFirst())
var file: String?
var runs = 5
var indicatorsFile: String?
var peersFile: String?
var childLoad = false
var jixiaoPath: String?
var duckdbPath: String?
var duckdbDatabase: String?
var repo = FileManager.default.currentDirectoryPath
var skip: Set<String> = []
var i = 0
@MainActor func value() -> String {
  i += 1
  guard i < args.count else { fail("\(args[i - 1]) needs a value") }
  return args[i]
}
while i < args.count {
  switch args[i] {
  case "--runs": runs = Int(value()) ?? 5
  case "--indicators": indicatorsFile = value()
  case "--peers": peersFile = value()
  case "--jixiao": jixiaoPath = value()
  case "--duckdb": duckdbPath = value()
  case "--duckdb-database": duckdbDatabase = value()
  case "--repo": repo = value()
  case "--skip": skip = Set(value().split(separator: ",").map(String.init))
  case "--child-load": childLoad = true
  case "-h", "--help":
    print("usage: jixiao-bench FILE [--runs N] [--indicators FILE] [--peers results.json] [--jixiao PATH] [--duckdb PATH] [--duckdb-database PATH] [--repo DIR] [--skip startup,indicators,load,oneshot]")
    exit(0)
  default:
    if args[i].hasPrefix("--") { fail("unknown option \(args[i])") }
    file = args[i]
  }
  i += 1
}
guard let file else { fail("usage: jixiao-bench FILE [--runs N] [--indicators FILE] [--peers results.json]") }
runs = max(runs, 1)

func load(_ paths: [String]) -> Store {
  do {
    return try DatasetLoader.load(paths: paths)
  } catch {
    fail("\(error)")
  }
}

if childLoad {
  let t0 = now()
  let store = load([file])
  let t1 = now()
  let m = memory()
  print("LOAD \(t1 - t0) \(m.hwm) \(m.rss) \(store.projects.count)")
  exit(0)
}

let selfPath = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
let resolvedSelf = (try? FileManager.default.destinationOfSymbolicLink(atPath: selfPath)) ?? selfPath

func runProcess(_ path: String, _ arguments: [String], directory: String? = nil, stdin: String? = nil) -> (out: String, wall: Double, status: Int32) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = arguments
  if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardInput = FileHandle(forReadingAtPath: stdin ?? "/dev/null")
  p.standardError = FileHandle.standardError
  let t0 = now()
  do { try p.run() } catch { fail("cannot start \(path): \(error)") }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  let wall = now() - t0
  return (String(decoding: data, as: UTF8.self), wall, p.terminationStatus)
}

/// Wall time of one run of `path` with stdin and stdout on /dev/null, started with
/// posix_spawn and reaped with waitpid: Foundation's Process adds tens of milliseconds
/// of its own to a process this short.
func spawnWall(_ path: String, _ arguments: [String] = [], directory: String) -> (wall: Double, status: Int32) {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  // The child starts in `directory`: the parent moves there for the spawn (nothing
  // else runs in the benchmark meanwhile) and moves back.
  let previous = FileManager.default.currentDirectoryPath
  guard FileManager.default.changeCurrentDirectoryPath(directory) else { fail("cannot change to \(directory)") }
  defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
  var pid: pid_t = 0
  let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
  defer { for a in argv { free(a) } }
  let t0 = now()
  guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { fail("cannot start \(path)") }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return (now() - t0, (status >> 8) & 0xFF)
}

// MARK: - Load, in separate processes

var loadTimes: [Double] = []
var hwms: [Double] = []
var rsss: [Double] = []
var loadWalls: [Double] = []
var rowCount = 0
if !skip.contains("load") {
  for run in 0..<runs {
    let r = runProcess(selfPath, [file, "--child-load"])
    let parts = r.out.split(separator: "\n").first { $0.hasPrefix("LOAD ") }?.split(separator: " ") ?? []
    guard r.status == 0, parts.count == 5 else { fail("load run \(run) failed: \(r.out)") }
    loadTimes.append(Double(parts[1])!)
    hwms.append(Double(parts[2])!)
    rsss.append(Double(parts[3])!)
    loadWalls.append(r.wall)
    rowCount = Int(parts[4])!
    log("load run \(run + 1)/\(runs): \(String(format: "%.3f", loadTimes.last!)) s, HWM \(Int(hwms.last!) / 1024) MiB")
  }
}

// MARK: - Statements, in this process

let queries: [(String, String, String)] = [
  ("Q1", "count where grade", "count projects where grade = 良"),
  ("Q2", "sum where grade", "sum budget where grade = 良"),
  ("Q3", "sum,count by grade", "sum budget, count by grade"),
  ("Q4", "avg score by year,fund", "avg score by year, fund"),
  ("Q5", "top10 budget, name like", "projects where name contains 村级 sort by budget desc limit 10"),
  ("Q6", "2023x2024 grade moves", "compare 2023 2024 grades"),
  ("Q7", "grade/score mismatch", "recompute changed"),
]

func time(_ engine: inout Engine, _ text: String, runs: Int) -> (Stats, Outcome) {
  var times: [Double] = []
  var last: Outcome?
  for _ in 0..<runs {
    // Drop the previous answer first, so its memory is not counted twice.
    last = nil
    let t0 = now()
    do {
      let parsed = try Parser.parse(text)
      for s in parsed { last = try engine.execute(s) }
    } catch let e as SyntaxError {
      fail("\(text): \(e.message)")
    } catch {
      fail("\(text): \(error)")
    }
    times.append(now() - t0)
  }
  return (Stats(values: times), last!)
}

func summary(_ outcome: Outcome) -> String {
  guard case .table(let t) = outcome else { return "" }
  if t.rows.count <= 6 {
    return t.rows.map { $0.map(\.display).joined(separator: "|") }.joined(separator: "; ")
  }
  let note = t.notes.first { $0.hasPrefix("grade transitions") || $0.contains("change grade") } ?? ""
  return "\(t.rows.count) rows" + (note.isEmpty ? "" : "; " + String(note.prefix(160)))
}

log("loading \(file) for the statements")
var queryTimes: [String: Stats] = [:]
var sessionPeak = 0
do {
  var engine = Engine(store: load([file]))
  rowCount = engine.store.projects.count
  for (id, _, text) in queries {
    let (s, outcome) = time(&engine, text, runs: runs)
    queryTimes[id] = s
    log("\(id) \(text): \(s.text(1e3, 2)) ms → \(summary(outcome))")
  }
  sessionPeak = memory().hwm
}

var indicatorTimes: Stats?
/// Loading the projects and indicators files together (once), grouping included.
var indicatorLoad: Double?
var indicatorWarm: Stats?
if let indicatorsFile, !skip.contains("indicators") {
  log("loading \(file) with \(indicatorsFile)")
  do {
    let loadStart = now()
    let store = try DatasetLoader.load(paths: [file, indicatorsFile])
    indicatorLoad = now() - loadStart
    log("load with indicators: \(String(format: "%.3f", indicatorLoad!)) s")
    // Cold: a fresh engine each run, so grouping the indicators and scoring every
    // project are timed, not the cached columns.
    var cold: [Double] = []
    var outcome: Outcome?
    for _ in 0..<min(runs, 3) {
      var engine = Engine(store: store)
      let (s, o) = time(&engine, "recompute", runs: 1)
      cold += s.values
      outcome = o
    }
    indicatorTimes = Stats(values: cold)
    log("recompute with indicators, cold: \(indicatorTimes!.text(1e3, 2)) ms → \(summary(outcome!))")
    // Warm: the same engine again, the scores read from the cache.
    var engine = Engine(store: store)
    _ = time(&engine, "recompute", runs: 1)
    let (warm, _) = time(&engine, "recompute", runs: min(runs, 3))
    indicatorWarm = warm
    log("recompute with indicators, warm: \(warm.text(1e3, 2)) ms")
  } catch {
    log("recompute with indicators skipped: \(error)")
  }
}

// MARK: - Startup on the bundled data

var startup: Stats?
if !skip.contains("startup") {
  let binary = jixiaoPath ?? URL(fileURLWithPath: resolvedSelf).deletingLastPathComponent().appendingPathComponent("jixiao").path
  if FileManager.default.isExecutableFile(atPath: binary) {
    var walls: [Double] = []
    _ = spawnWall(binary, directory: repo)
    for _ in 0..<max(runs, 5) {
      let r = spawnWall(binary, directory: repo)
      if r.status != 0 { fail("\(binary) exited with \(r.status)") }
      walls.append(r.wall)
    }
    startup = Stats(values: walls)
  } else {
    log("no jixiao executable at \(binary); build it (swift build -c release) or pass --jixiao PATH")
  }
}

// MARK: - One-shot Q2 from a cold process

/// `jixiao --data FILE -c Q2`, whole-process wall time after one warm-up run: for a
/// snapshot FILE this is opening it and answering, the figure a user feels first.
var oneshot: Stats?
var oneshotDuckDB: Stats?
var oneshotPaired: Stats?
if !skip.contains("oneshot") {
  let binary = jixiaoPath ?? URL(fileURLWithPath: resolvedSelf).deletingLastPathComponent().appendingPathComponent("jixiao").path
  if FileManager.default.isExecutableFile(atPath: binary) {
    let data = URL(fileURLWithPath: file).standardizedFileURL.path
    let arguments = ["--data", data, "-c", "sum budget where grade = 良"]
    // The question as peers.sh puts it to DuckDB's shell.
    let quoted = "'" + data.replacingOccurrences(of: "'", with: "''") + "'"
    let duckdbArguments =
      duckdbDatabase.map { ["-init", "/dev/null", "-readonly", $0, "-c", "SELECT sum(budget) FROM projects WHERE grade='良'"] }
      ?? ["-init", "/dev/null", "-c", "SELECT sum(budget) FROM read_csv(\(quoted)) WHERE grade='良'"]
    _ = spawnWall(binary, arguments, directory: repo)
    if let duckdbPath { _ = spawnWall(duckdbPath, duckdbArguments, directory: repo) }
    var walls: [Double] = []
    var duckdbWalls: [Double] = []
    // The two take turns at going first (jixiao, DuckDB; DuckDB, jixiao; …), so that each
    // runs after itself as often as after the other: on this machine jixiao started right
    // after DuckDB spent 10 % of its time having fresh pages zeroed, 1.5 % after itself.
    for round in 0..<runs {
      func ownRun() {
        let r = spawnWall(binary, arguments, directory: repo)
        if r.status != 0 { fail("\(binary) --data \(data) exited with \(r.status)") }
        walls.append(r.wall)
      }
      if round % 2 == 0 { ownRun() }
      if let duckdbPath {
        let d = spawnWall(duckdbPath, duckdbArguments, directory: repo)
        if d.status != 0 { fail("\(duckdbPath) exited with \(d.status)") }
        duckdbWalls.append(d.wall)
      }
      if round % 2 == 1 { ownRun() }
    }
    oneshot = Stats(values: walls)
    log("one-shot Q2: \(oneshot!.text(1, 3)) s")
    if !duckdbWalls.isEmpty {
      oneshotDuckDB = Stats(values: duckdbWalls)
      oneshotPaired = Stats(values: zip(walls, duckdbWalls).map { $0 / $1 })
      log("one-shot Q2, DuckDB in the same rounds: \(oneshotDuckDB!.text(1, 3)) s; jixiao ÷ DuckDB per round \(oneshotPaired!.text(1, 2))")
    }
  }
}

// MARK: - The table

/// peers.sh's results.json, when given: a stats dict per figure per engine.
var peers: [String: Any] = [:]
if let peersFile {
  guard let data = FileManager.default.contents(atPath: peersFile),
    let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
  else { fail("cannot read \(peersFile)") }
  peers = json
}

@MainActor func peer(_ engine: String, _ path: [String]) -> Stats? {
  var node: Any? = (peers["configs"] as? [String: Any])?[engine]
  for key in path { node = (node as? [String: Any])?[key] }
  guard let d = node as? [String: Any], let m = d["median"] as? Double, let lo = d["min"] as? Double, let hi = d["max"] as? Double else {
    return nil
  }
  return Stats(values: [lo, m, hi])
}

let engines = peers.isEmpty ? [] : ["duckdb", "duckdb-t1", "sqlite3"].filter { (peers["configs"] as? [String: Any])?[$0] != nil }
let width = 24
@MainActor func pad(_ s: String, _ w: Int) -> String {
  s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count)
}
@MainActor func row(_ label: String, _ mine: Stats?, _ path: [String], _ scale: Double, _ places: Int) {
  var line = pad(label, 34) + pad(mine?.text(scale, places) ?? "-", width)
  var duck: Stats?
  for e in engines {
    let s = peer(e, path)
    if e == "duckdb" { duck = s }
    line += pad(s?.text(scale, places) ?? "-", width)
  }
  if !engines.isEmpty {
    if let mine, let duck, duck.median > 0 {
      line += String(format: "%.2f", mine.median / duck.median)
    } else {
      line += "-"
    }
  }
  print(line)
}

let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
var cpu = "unknown"
if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
  let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") })
{
  cpu = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? cpu
}
let memGiB = Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30)
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu), \(String(format: "%.1f", memGiB)) GiB")
print("data: \((file as NSString).lastPathComponent), \(rowCount) rows, \(String(format: "%.1f", Double(size) / 1e6)) MB; median (min–max) of \(runs)")
print(pad("figure", 34) + pad("jixiao", width) + engines.map { pad($0, width) }.joined() + (engines.isEmpty ? "" : "jixiao÷duckdb"))
if !loadTimes.isEmpty {
  row("load, s (in-session stamps)", Stats(values: loadTimes), ["load_s"], 1, 2)
  row("load process wall, s", Stats(values: loadWalls), ["load_process_wall_s"], 1, 2)
  row("RSS after load, MiB", Stats(values: rsss), ["rss_after_load_kb"], 1 / 1024, 0)
  row("peak (VmHWM) after load, MiB", Stats(values: hwms), ["hwm_after_load_kb"], 1 / 1024, 0)
}
for (id, desc, _) in queries {
  row("\(id) ms, \(desc)", queryTimes[id], ["queries", id, "s"], 1e3, 2)
}
print(pad("query session peak, MiB", 34) + pad(String(sessionPeak / 1024), width)
  + engines.map { e in
    let v = ((peers["configs"] as? [String: Any])?[e] as? [String: Any])?["session_peak_kb"] as? Double
    return pad(v.map { String(Int($0) / 1024) } ?? "-", width)
  }.joined())
if let indicatorLoad { print(pad("load + indicators, s", 34) + String(format: "%.3f", indicatorLoad)) }
if let indicatorTimes { print(pad("recompute + indicators, ms", 34) + indicatorTimes.text(1e3, 2)) }
if let indicatorWarm { print(pad("recompute + indicators, warm, ms", 34) + indicatorWarm.text(1e3, 2)) }
if let startup { print(pad("startup, bundled data, ms", 34) + startup.text(1e3, 1)) }
if let oneshot { print(pad("one-shot Q2 from cold process, s", 34) + oneshot.text(1, 3)) }
if let oneshotDuckDB, let oneshotPaired {
  print(pad("one-shot Q2, DuckDB alternated, s", 34) + oneshotDuckDB.text(1, 3))
  print(pad("one-shot jixiao÷DuckDB per round", 34) + oneshotPaired.text(1, 2))
}
