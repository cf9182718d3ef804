import Foundation
import Synchronization
import Testing

@testable import DataStore

/// The loader tells its monitor how far it is, and stops when the monitor says so.
@Suite struct LoadMonitorTests {
  /// A 70000-row file of 17-byte rows (26-byte header) and a 39-byte one: reports before
  /// each file, after 65535 rows of the first, and at the end, with every byte counted.
  @Test func reportsIncreasingBytesEndingAtTheTotal() throws {
    let folder = try TemporaryFolder()
    var big = "year,unit,seq,name,budget\n"
    for i in 1...70_000 { big += "2023,U," + String(format: "%05d", i) + ",n,1\n" }
    try folder.write("projects-a.csv", big)
    try folder.write("projects-b.csv", "year,unit,seq,name,budget\n2024,U,1,m,2\n")
    let seen = Mutex<[LoadMonitor.Progress]>([])
    let store = try DatasetLoader.load(
      paths: [folder.path],
      monitor: LoadMonitor { p in
        seen.withLock { $0.append(p) }
        return false
      })
    #expect(store.projects.count == 70_001)
    let first: Int = 26 + 70_000 * 17
    let total: Int = first + 39
    let middle: Int = 26 + 65_535 * 17
    let expected: [LoadMonitor.Progress] = [
      LoadMonitor.Progress(bytes: 0, total: total, rows: 0),
      LoadMonitor.Progress(bytes: middle, total: total, rows: 65_535),
      LoadMonitor.Progress(bytes: first, total: total, rows: 70_000),
      LoadMonitor.Progress(bytes: total, total: total, rows: 70_001),
    ]
    let reports = seen.withLock { $0 }
    #expect(reports == expected)
  }

  /// Stopping in the middle of a file loads nothing and says which file.
  @Test func stopsWhenTheMonitorSaysSo() throws {
    let folder = try TemporaryFolder()
    var big = "year,unit,seq,name,budget\n"
    for i in 1...70_000 { big += "2023,U,\(i),n,1\n" }
    let file = try folder.write("projects.csv", big)
    let calls = Mutex(0)
    let monitor = LoadMonitor { _ in calls.withLock { $0 += 1; return $0 == 2 } }
    #expect(throws: LoadError(file: file, message: "interrupted (Ctrl-C); nothing was loaded")) {
      try DatasetLoader.load(paths: [file], monitor: monitor)
    }
    #expect(calls.withLock { $0 } == 2)
  }
}
