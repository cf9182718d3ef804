import Scoring

/// One value while a statement runs: numbers exact, the rest by kind. `Value` is the
/// same thing dressed for display.
enum Scalar: Hashable, Sendable {
  case missing
  case number(Fraction)
  case text(String)
  case grade(Grade)
  case fund(Fund)

  var number: Fraction? {
    if case .number(let x) = self { return x }
    return nil
  }

  var isMissing: Bool { self == .missing }

  /// Orders two present values of one type: numbers by value, grades by merit
  /// (差 < 中 < 良 < 优), text by code points, budget books by their code.
  static func less(_ a: Scalar, _ b: Scalar) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): x < y
    case (.text(let x), .text(let y)): x < y
    case (.grade(let x), .grade(let y)): x.rawValue > y.rawValue
    case (.fund(let x), .fund(let y)): x.rawValue < y.rawValue
    default: false
    }
  }
}
