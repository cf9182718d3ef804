// libFuzzer harness: the dataset CSV loader on arbitrary bytes, as every kind of file.
// Built and run by scripts/fuzz.sh; not part of `swift test`.
import DataStore
import Scoring

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  for kind in DatasetKind.allCases {
    do {
      let store = try DatasetLoader.parse(bytes, file: "fuzz.csv", kind: kind)
      // Touch what was loaded, as a statement would.
      _ = store.years
      for i in 0..<store.projects.count { _ = store.projects[i] }
    } catch {
      _ = error.description
    }
  }
  return 0
}
