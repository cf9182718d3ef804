/// Distinct strings of a text column, each stored once and referred to by a code.
///
/// Names and units repeat across millions of rows; keeping codes in the column lets a
/// filter such as `name contains 村级` test each distinct name once, not each row.
public struct TextDictionary: Sendable {
  public private(set) var values: [String] = []
  /// Each text's code; nil until first needed for texts given whole (a snapshot's), since
  /// hashing hundreds of thousands of Chinese texts costs more than opening the rest.
  private var codes: [String: UInt32]? = [:]

  public init() {}

  /// Texts already known to be distinct, coded in order.
  init(distinct values: [String]) {
    self.values = values
    codes = nil
  }

  /// The code for `text`, adding it when new.
  public mutating func code(for text: String) -> UInt32 {
    if codes == nil {
      var built: [String: UInt32] = [:]
      built.reserveCapacity(values.count)
      for (i, v) in values.enumerated() where built[v] == nil { built[v] = UInt32(i) }
      codes = built
    }
    if let c = codes?[text] { return c }
    let c = UInt32(values.count)
    values.append(text)
    codes?[text] = c
    return c
  }

  /// The code for `text` if it occurs.
  public func existingCode(for text: String) -> UInt32? {
    guard let codes else { return values.firstIndex(of: text).map { UInt32($0) } }
    return codes[text]
  }

  public subscript(code: UInt32) -> String { values[Int(code)] }

  public var count: Int { values.count }
}
