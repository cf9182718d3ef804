import DataStore
import QueryEngine
import QuerySyntax
import Scoring
import Testing

/// No project scores outside 0–100, whatever its indicator table says (groups the rules
/// do not name, 预算执行情况 rows, points above the weight, scaled levels) and whatever
/// rules are in force (every shipped rule set, and random `set` changes on top).
@Suite struct ScoreBoundsProperties {
  static let levels = ["产出", "产出指标", "效益指标", "满意度", "满意度指标", "成本指标", "项目决策", "项目管理", "预算执行情况", "其他"]
  static let kinds = ["正向", "反向", "定性", "≥", "≤"]
  static let targets = ["", "50", "0", "100", "12.5", "0.5", "1,200个"]
  static let actuals = ["", "完成", "0", "37.24", "200", "1200", "0.0001"]
  static let tiers = ["", "达成", "部分达成", "未达成年度指标且效果较差"]
  /// Cells the loader refuses: negative numbers, and targets whose sign contradicts the kind.
  static let refusedTargets = ["-5", "≤50", "≥50"]

  /// A random indicator table for the projects: any group, kind, target and actual,
  /// weights that rarely add up to the rules', points often above the weight.
  static func indicatorCSV(_ gen: inout ProjectGenerator, for projects: [Project]) -> String {
    var out = "year,unit,seq,level1,level2,name,kind,target,actual,weight,points\n"
    for p in projects {
      for n in 0..<gen.int(0...8) {
        let weight = gen.int(0...60) * 10_000 + (gen.chance(30) ? gen.int(0...9_999) : 0)
        let points = gen.chance(20) ? "" : DecimalText.format(Int64(gen.int(0...(weight + 200_000))))
        let kind = gen.pick(kinds)
        let sign = kind == "正向" || kind == "≥" ? "≥" : kind == "定性" ? "" : "≤"
        let target = gen.chance(3) ? gen.pick(refusedTargets) : kind == "定性" ? "高" : (gen.chance(50) ? sign : "") + gen.pick(targets)
        let actual = gen.chance(2) ? "-3" : gen.pick(kind == "定性" ? tiers : actuals)
        let cells = [
          String(p.year), p.unit, String(p.seq), gen.pick(levels), "二级", "指标\(n)", kind, target,
          actual, DecimalText.format(Int64(weight)), points,
        ]
        out += cells.map { gen.cell($0) }.joined(separator: ",") + "\n"
      }
    }
    return out
  }

  /// A random rule change, as a trainer types it; refused ones leave the rules as they were.
  static func change(_ gen: inout ProjectGenerator) -> String {
    switch gen.int(0...5) {
    case 0:
      let e = gen.int(0...40)
      let o = gen.int(0...(100 - e))
      let b = gen.int(0...(100 - e - o))
      return "set weight 执行率 \(e), 产出 \(o), 效益 \(b), 满意度 \(100 - e - o - b)"
    case 1: return "set band \(gen.pick(["优", "良", "中"])) \(gen.int(0...100))"
    case 2: return "set negative \(gen.pick(["ratio", "linear"]))"
    case 3: return "set basis \(gen.pick(["budget", "initial"]))"
    case 4:
      let low = gen.int(0...100)
      return "set tier \(gen.pick(["达成", "部分达成", "未达成"])) \(low) \(gen.int(low...100))"
    default: return "rules \(gen.pick(["national", "twenty"]))"
    }
  }

  @Test func noTotalLeavesZeroToHundred() throws {
    let ruleSets = try RuleLoader.load(folder: PropertySupport.root + "/rules")
    #expect(ruleSets.keys.sorted() == ["national", "twenty"])
    var gen = ProjectGenerator(rng: SplitMix64(seed: 13), singleLine: true)
    var loaded = 0
    var refused = 0
    var scored = 0
    var capped = 0
    var unnamed = 0
    for round in 0..<300 {
      var store = try PropertySupport.parse(gen.csv(gen.projects(count: gen.int(1...6))))
      let projects = (0..<store.projects.count).map { store.projects[$0] }
      do {
        let part = try PropertySupport.parse(Self.indicatorCSV(&gen, for: projects), kind: .indicators)
        store.merge(part)
        loaded += 1
      } catch {
        refused += 1
        continue
      }
      var engine = Engine(store: store, ruleSets: ruleSets)
      for step in 0..<6 {
        if step > 0 {
          let text = Self.change(&gen)
          _ = try? engine.execute(try Parser.parse(text)[0])
        }
        for p in projects {
          let card = Scorer.score(p, indicators: store.indicators(year: p.year, unit: p.unit, seq: p.seq), rules: engine.rules)
          guard let total = card.total else { continue }
          scored += 1
          if card.indicators.contains(where: { $0.indicator.kind == .qualitative && ($0.indicator.points ?? 0) > $0.indicator.weight }) { capped += 1 }
          if !card.unnamedGroups.isEmpty { unnamed += 1 }
          #expect(total >= .zero && total <= .hundred, "round \(round), rules \(engine.rules.weights), #\(p.seq): \(total.trimmed(places: 6))")
          if total < .zero || total > .hundred { return }
        }
      }
    }
    // The tables exercise what they are meant to: some load, some are refused, and the
    // scores include capped points and unnamed groups.
    let counts = "loaded \(loaded), refused \(refused), scored \(scored), capped \(capped), unnamed \(unnamed)"
    #expect(loaded > 50 && refused > 50, "\(counts)")
    #expect(scored > 200 && capped > 20 && unnamed > 20, "\(counts)")
  }
}
