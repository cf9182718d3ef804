import Scoring

/// Typed access to the cells of the current CSV record, with errors that say where.
struct RecordCursor {
  let file: String
  let headers: [String]
  /// Field index of each column key present in the header.
  let index: [String: Int]
  var reader: DelimitedReader

  /// A column found once in the header: its key (for errors) and its field, nil when the
  /// file has no such column. Reading a file's rows by columns found once hashes no key
  /// per cell.
  struct Column {
    let key: String
    let field: Int?
  }

  func column(_ key: String) -> Column { Column(key: key, field: index[key]) }

  func error(_ key: String, _ message: String) -> LoadError { error(column(key), message) }

  func error(_ column: Column, _ message: String) -> LoadError {
    let f = column.field
    return LoadError(
      file: file, line: reader.recordLine, column: f.map { headers[$0] } ?? column.key,
      field: f.map { $0 + 1 }, message: message)
  }

  /// Whether the column is absent or the cell is empty.
  func isBlank(_ key: String) -> Bool {
    guard let f = index[key], f < reader.fieldCount else { return true }
    return reader.isBlank(f)
  }

  func text(_ key: String) -> String? { text(column(key)) }

  func text(_ column: Column) -> String? {
    guard let f = column.field, f < reader.fieldCount else { return nil }
    let t = reader.text(f)
    return t.isEmpty ? nil : t
  }

  func requiredText(_ key: String) throws(LoadError) -> String { try requiredText(column(key)) }

  func requiredText(_ column: Column) throws(LoadError) -> String {
    guard let t = text(column) else { throw error(column, "empty; expected a value") }
    return t
  }

  func integer(_ key: String, range: ClosedRange<Int>, what: String) throws(LoadError) -> Int? {
    try integer(column(key), range: range, what: what)
  }

  func integer(_ column: Column, range: ClosedRange<Int>, what: String) throws(LoadError) -> Int? {
    guard let t = text(column) else { return nil }
    guard let v = Int(t), range.contains(v) else {
      throw error(column, "'\(t)' is not \(what); expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return v
  }

  func requiredInteger(_ key: String, range: ClosedRange<Int>, what: String) throws(LoadError) -> Int {
    try requiredInteger(column(key), range: range, what: what)
  }

  func requiredInteger(_ column: Column, range: ClosedRange<Int>, what: String) throws(LoadError) -> Int {
    guard let v = try integer(column, range: range, what: what) else {
      throw error(column, "empty; expected \(what), a whole number")
    }
    return v
  }

  /// A decimal with at most four places, as ten-thousandths.
  func decimal(_ key: String, what: String, example: String, allowNegative: Bool = false) throws(LoadError) -> Int64? {
    try decimal(column(key), what: what, example: example, allowNegative: allowNegative)
  }

  func decimal(_ column: Column, what: String, example: String, allowNegative: Bool = false) throws(LoadError) -> Int64? {
    guard let f = column.field, f < reader.fieldCount, !reader.isBlank(f) else { return nil }
    // Parse the trimmed text, so tabs and ideographic spaces around a number are ignored
    // as they are for amounts: the bytes in place where they trim as the text does, so a
    // number makes no String.
    let result = reader.withTrimmedBytes(f) { DecimalText.parse($0) } ?? DecimalText.parse(reader.text(f))
    switch result {
    case .success(let v):
      if v < 0 && !allowNegative {
        throw error(column, "'\(reader.text(f))' is negative; expected \(what), e.g. \(example)")
      }
      return v
    case .failure(let problem):
      let shown = reader.text(f)
      switch problem {
      case .tooManyDecimals:
        throw error(column, "'\(shown)' has more than 4 decimals; expected \(what), e.g. \(example)")
      case .tooLarge:
        throw error(column, "'\(shown)' is too large; the largest number accepted is \(DecimalText.format(DecimalText.maxMagnitude)); expected \(what), e.g. \(example)")
      case .empty, .notANumber:
        throw error(column, "'\(shown)' is not a number; expected \(what), e.g. \(example)")
      }
    }
  }

  /// Money in 万元; a trailing 万元 is accepted.
  func money(_ key: String) throws(LoadError) -> Money? {
    guard let stated = try statedMoney(key, allowYuan: false) else { return nil }
    return stated.amount
  }

  /// Money as a report printed it, with the unit kept (`1249.58元` stays in 元).
  func statedMoney(_ key: String, allowYuan: Bool = true) throws(LoadError) -> StatedMoney? {
    guard var t = text(key) else { return nil }
    var unit = PrintedUnit.none
    if t.hasSuffix("万元") {
      unit = .wanYuan
      t.removeLast(2)
    } else if t.hasSuffix("元") {
      guard allowYuan else {
        throw error(key, "'\(t)' is in 元; expected an amount in 万元 with up to 4 decimals, e.g. 228.764")
      }
      unit = .yuan
      t.removeLast()
    }
    switch AmountText.parse(t) {
    case .success(let v):
      return StatedMoney(amount: Money(tenThousandths: v), unit: unit)
    case .failure(let problem):
      throw error(key, problem.message(text(key) ?? t))
    }
  }

  /// A percentage such as "123.76%" or "123.76".
  func percent(_ key: String) throws(LoadError) -> StatedPercent? {
    guard var t = text(key) else { return nil }
    if t.hasSuffix("%") || t.hasSuffix("％") { t.removeLast() }
    t = t.trimmingSpaces()
    let parsed = DecimalText.parse(t)
    if case .failure(.tooLarge) = parsed {
      throw error(key, "'\(text(key) ?? t)' is too large; the largest percentage accepted is \(DecimalText.format(DecimalText.maxMagnitude))")
    }
    guard case .success(let v) = parsed, v >= 0 else {
      throw error(key, "'\(text(key) ?? t)' is not a percentage; expected a number with an optional %, e.g. 94.74%")
    }
    return StatedPercent(tenThousandths: v)
  }

  /// A score from 0 to 100.
  func score(_ key: String) throws(LoadError) -> Int64? {
    guard let v = try decimal(key, what: "a score from 0 to 100 with up to 4 decimals", example: "83.25") else {
      return nil
    }
    if v > 100 * DecimalText.scale {
      throw error(key, "'\(DecimalText.format(v))' is above 100; expected a score from 0 to 100, e.g. 83.25")
    }
    return v
  }

  func grade(_ key: String) throws(LoadError) -> Grade? {
    guard let t = text(key) else { return nil }
    guard let g = Grade(t) else {
      throw error(key, "'\(t)' is not a grade; expected one of \(Grade.validSpellings)")
    }
    return g
  }

  func fund(_ key: String) throws(LoadError) -> Fund? {
    guard let t = text(key) else { return nil }
    guard let f = Fund(t) else {
      throw error(
        key, "'\(t)' is not a budget book; expected one of \(Fund.allCases.map(\.description).joined(separator: ", "))")
    }
    return f
  }
}

