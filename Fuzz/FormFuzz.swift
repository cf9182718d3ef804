// libFuzzer harness: arbitrary bytes as a 项目支出绩效自评表 in a Word document, a workbook
// and a text → the form readers → the dataset files they would save. Built and run by
// scripts/fuzz.sh; not part of `swift test`.
import DataStore
import Foundation
import Scoring

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  // Checksums off: a changed byte should reach the XML and the layout reader.
  for ext in ["docx", "xlsx", "txt"] {
    do {
      let found = try FormImporter.contents(data: bytes, extension: ext, file: "fuzz.\(ext)", checkingCRC: false)
      for form in found.forms {
        _ = form.indicators.map(\.weight).reduce(0, +)
        _ = form.funds.map(\.label)
      }
    } catch {
      _ = error.description
    }
  }
  return 0
}
