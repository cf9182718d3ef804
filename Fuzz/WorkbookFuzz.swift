// libFuzzer harness: arbitrary bytes as an .xlsx workbook → the workbook reader → the
// loader. Built and run by scripts/fuzz.sh; not part of `swift test`.
import DataStore
import Foundation
import Scoring

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Data(bytes: data, count: size)
  // Checksums off: a changed byte should reach the XML and the loader, not stop at the CRC.
  do {
    let store = try TableImporter.workbook(data: bytes, file: "fuzz.xlsx", checkingCRC: false)
    _ = store.years
    for i in 0..<store.projects.count { _ = store.projects[i] }
  } catch {
    _ = error.description
  }
  // The sheets alone too, as `import` reads them before loading.
  if let sheets = try? WorkbookReader.sheets(data: bytes, file: "fuzz.xlsx", checkingCRC: false) {
    for sheet in sheets { _ = sheet.grid.csv }
  }
  return 0
}
