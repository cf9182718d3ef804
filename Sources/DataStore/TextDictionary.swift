/// Distinct strings of a text column, each stored once and referred to by a code.
///
/// Names and units repeat across millions of rows; keeping codes in the column lets a
/// filter such as `name contains 村级` test each distinct name once, not each row.
public struct TextDictionary: Sendable {
  public private(set) var values: [String] = []
  private var codes: [String: UInt32] = [:]

  public init() {}

  /// The code for `text`, adding it when new.
  public mutating func code(for text: String) -> UInt32 {
    if let c = codes[text] { return c }
    let c = UInt32(values.count)
    values.append(text)
    codes[text] = c
    return c
  }

  /// The code for `text` if it occurs.
  public func existingCode(for text: String) -> UInt32? { codes[text] }

  public subscript(code: UInt32) -> String { values[Int(code)] }

  public var count: Int { values.count }
}
