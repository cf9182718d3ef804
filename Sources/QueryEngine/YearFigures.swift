import DataStore
import Scoring

/// One unit's year as the figures `compare` puts side by side.
struct YearFigures {
  let department: Department?
  let projects: [Project]

  init(engine: some SessionView, year: Int, unit: String, rows: [Int]) {
    department = engine.store.departments.first { $0.year == year && $0.unit == unit }
    projects = rows.map { engine.store.projects[$0] }
  }

  /// (label, value in year 1, value in year 2) for every figure.
  static func pairs(_ a: YearFigures, _ b: YearFigures) -> [(String, Value, Value)] {
    let fa = a.figures()
    let fb = b.figures()
    return zip(fa, fb).map { ($0.0, $0.1, $1.1) }
  }

  func figures() -> [(String, Value)] {
    let d = department
    func money(_ m: StatedMoney?) -> Value { m.map { .money($0.amount) } ?? .missing }
    var out: [(String, Value)] = [
      ("年初预算", money(d?.initial)),
      ("调整后预算", money(d?.budget)),
      ("决算数", money(d?.spent)),
    ]
    if let s = d?.spent, let b = d?.budget, b.amount.tenThousandths != 0 {
      out.append(("执行率", .percent(s.amount.exact / b.amount.exact)))
    } else {
      out.append(("执行率", .missing))
    }
    let n = projects.count
    out.append(("项目个数", .integer(n)))
    out.append(("项目预算", .money(projects.reduce(Money.zero) { $0 + ($1.budget ?? .zero) })))
    let spent = projects.compactMap(\.spent)
    out.append(("项目决算", spent.count == n && n > 0 ? .money(spent.reduce(Money.zero, +)) : .missing))
    for g in Grade.allCases {
      out.append(("“\(g)”项目", .integer(projects.filter { $0.grade == g }.count)))
    }
    let excellent = projects.filter { $0.grade == .excellent }.count
    let good = projects.filter { $0.grade == .good }.count
    out.append(("优秀率", n > 0 ? .percent(Fraction(Int128(excellent), Int128(n))) : .missing))
    out.append(("优良率", n > 0 ? .percent(Fraction(Int128(excellent + good), Int128(n))) : .missing))
    let scored = projects.compactMap { p in p.recordedScore.map { (p, $0) } }
    if scored.isEmpty {
      out.append(("平均分", .missing))
      out.append(("预算加权平均分", .missing))
    } else {
      out.append(("平均分", .number(scored.reduce(Fraction.zero) { $0 + $1.1 } / Fraction(scored.count), places: 2)))
      let budget = scored.reduce(Fraction.zero) { $0 + ($1.0.budget?.exact ?? .zero) }
      out.append((
        "预算加权平均分",
        budget > .zero ? .number(scored.reduce(Fraction.zero) { $0 + $1.1 * ($1.0.budget?.exact ?? .zero) } / budget, places: 2) : .missing
      ))
    }
    out.append(("部门整体得分", d?.score.map { .score($0) } ?? .missing))
    out.append(("部门整体等级", d?.grade.map { .grade($0) } ?? .missing))
    return out
  }

  /// The change from `a` to `b`, and the percent change where it means something.
  static func change(_ a: Value, _ b: Value) -> (Value, Value) {
    switch (a, b) {
    case (.grade(let x), .grade(let y)):
      return (.text(x == y ? "" : "\(x) → \(y)"), .missing)
    case (.percent(let x), .percent(let y)):
      return (.change(y - x, .points), .missing)
    default:
      guard let x = a.sortNumber, let y = b.sortNumber else { return (.missing, .missing) }
      let d = y - x
      let unit: ChangeUnit
      switch b {
      case .money: unit = .amount
      case .integer: unit = .decimals(0)
      default: unit = .decimals(2)
      }
      return (.change(d, unit), x == .zero ? .missing : .change(d / x, .percent))
    }
  }
}
