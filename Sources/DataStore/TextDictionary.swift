/// Distinct strings of a text column, each stored once and referred to by a code.
///
/// Names and units repeat across millions of rows; keeping codes in the column lets a
/// filter such as `name contains 村级` test each distinct name once, not each row.
///
/// Texts are distinct under canonical equivalence, as Swift compares strings. Hashing a
/// Chinese String for that costs about a microsecond (it normalises as it hashes), which
/// was a tenth of a large load; so while every text is plain (`PlainText`: ASCII and CJK
/// ideographs, punctuation and full-width forms, which are already in normal form and
/// equivalent only to themselves) texts are looked up by their bytes. The first text
/// that is not plain switches the dictionary to a String-keyed one for good.
public struct TextDictionary: Sendable {
  public private(set) var values: [String] = []
  private var lookup: Lookup

  private enum Lookup: Sendable {
    /// Built on first use (a snapshot's texts, given whole and known distinct).
    case unbuilt
    /// Every value is plain: codes found by bytes.
    case plain(PlainTable)
    case strings([String: UInt32])
  }

  public init() {
    lookup = .plain(PlainTable())
  }

  /// Texts already known to be distinct, coded in order.
  init(distinct values: [String]) {
    self.values = values
    lookup = .unbuilt
  }

  /// The code for `text`, adding it when new.
  public mutating func code(for text: String) -> UInt32 {
    if case .plain = lookup, PlainText.isPlain(text) {
      var bytes = text
      return bytes.withUTF8 { code(plainBytes: UnsafeRawBufferPointer($0), text: text) }
    }
    return code(string: text)
  }

  /// The code for text given as bytes that are UTF-8, building its String only when new.
  mutating func code(utf8 bytes: UnsafeRawBufferPointer) -> UInt32 {
    if case .plain = lookup, PlainText.isPlain(bytes) { return code(plainBytes: bytes, text: nil) }
    if case .unbuilt = lookup {
      build()
      return code(utf8: bytes)
    }
    return code(string: String(decoding: bytes, as: UTF8.self))
  }

  private mutating func code(plainBytes bytes: UnsafeRawBufferPointer, text: String?) -> UInt32 {
    guard case .plain(var table) = lookup else { return code(string: text ?? String(decoding: bytes, as: UTF8.self)) }
    lookup = .unbuilt  // the table is held uniquely while it is changed
    defer { lookup = .plain(table) }
    let h = PlainTable.hash(bytes)
    if let c = table.find(bytes, hash: h, in: values) { return c }
    let c = UInt32(values.count)
    values.append(text ?? String(decoding: bytes, as: UTF8.self))
    table.insert(c, hash: h)
    return c
  }

  private mutating func code(string text: String) -> UInt32 {
    switch lookup {
    case .unbuilt:
      build()
      return code(for: text)
    case .plain:
      // A text that is not plain: from now on, Strings decide.
      lookup = .strings(stringCodes())
      return code(string: text)
    case .strings(var codes):
      if let c = codes[text] { return c }
      lookup = .unbuilt
      let c = UInt32(values.count)
      values.append(text)
      codes[text] = c
      lookup = .strings(codes)
      return c
    }
  }

  /// The code for `text` if it occurs.
  public func existingCode(for text: String) -> UInt32? {
    switch lookup {
    case .unbuilt:
      return values.firstIndex(of: text).map { UInt32($0) }
    case .plain(let table):
      var text = text
      // A text that is not plain can still be equivalent to a plain one (the Kelvin sign
      // to K): Strings decide.
      guard PlainText.isPlain(text) else { return values.firstIndex(of: text).map { UInt32($0) } }
      return text.withUTF8 { table.find(UnsafeRawBufferPointer($0), hash: PlainTable.hash(UnsafeRawBufferPointer($0)), in: values) }
    case .strings(let codes):
      return codes[text]
    }
  }

  private mutating func build() {
    if values.allSatisfy(PlainText.isPlain) {
      var table = PlainTable()
      for (i, v) in values.enumerated() {
        var v = v
        v.withUTF8 { table.insert(UInt32(i), hash: PlainTable.hash(UnsafeRawBufferPointer($0))) }
      }
      lookup = .plain(table)
    } else {
      lookup = .strings(stringCodes())
    }
  }

  private func stringCodes() -> [String: UInt32] {
    var built: [String: UInt32] = [:]
    built.reserveCapacity(values.count)
    for (i, v) in values.enumerated() where built[v] == nil { built[v] = UInt32(i) }
    return built
  }

  public subscript(code: UInt32) -> String { values[Int(code)] }

  public var count: Int { values.count }
}
