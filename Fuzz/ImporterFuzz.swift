// libFuzzer harness: the report importer (and the table readers behind `import`) on
// arbitrary text. Built and run by scripts/fuzz.sh; not part of `swift test`.
import DataStore
import Foundation
import Scoring

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImporter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: bytes, as: UTF8.self)
  do {
    let result = try ReportImporter.parse(text: text, file: "fuzz.txt")
    _ = result.store.years
    for i in 0..<result.store.projects.count { _ = result.store.projects[i] }
    _ = DatasetWriter.files(result.store)
  } catch {
    _ = error.description
  }
  _ = Grid.markdown(text).csv
  _ = try? Grid.json(Data(bytes), file: "fuzz.json").csv
  return 0
}
