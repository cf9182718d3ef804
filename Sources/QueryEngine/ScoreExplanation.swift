import Scoring

/// `explain`'s answer: how one project's score and grade come about, as data.
///
/// The engine fills in every number; the shell decides how the steps read (the
/// projector text, JSON, CSV, markdown), so no figure exists only inside prose.
public struct ScoreExplanation: Sendable, Equatable {
  /// One group of steps: 预算执行率, an indicator level, the other indicators, the
  /// recorded score (no indicators), or the result.
  public struct Section: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
      case execution, output, benefit, satisfaction
      /// A first-level group the rules do not name (成本指标, 项目决策), scored with the
      /// form's own weights.
      case other
      /// 预算执行情况 rows, shown but not counted (执行率 is computed from the amounts).
      case ignored
      /// No indicators: the recorded 自评分 stands and only the grade is derived.
      case recorded
      /// 总分, the grade and the comparison with what was recorded.
      case result
    }

    public var kind: Kind
    public var title: String
    /// The points the section is worth under the rules in force.
    public var maximum: Fraction?
    /// What is special about the section (a moved or scaled weight).
    public var remark: String?
    public var steps: [Step]

    public init(kind: Kind, title: String, maximum: Fraction? = nil, remark: String? = nil, steps: [Step] = []) {
      self.kind = kind
      self.title = title
      self.maximum = maximum
      self.remark = remark
      self.steps = steps
    }
  }

  /// A named number a step is computed from; `loaded` is set when a what-if edit
  /// changed it (`.missing` when it was not recorded at all).
  public struct Operand: Sendable, Equatable {
    public var name: String
    public var value: Value
    public var loaded: Value?

    public init(_ name: String, _ value: Value, loaded: Value? = nil) {
      self.name = name
      self.value = value
      self.loaded = loaded
    }
  }

  /// One line of the derivation.
  public struct Step: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
      /// 执行率 = 决算数 ÷ 全年预算数 (or 年初预算).
      case rate
      /// The 执行率 points; without points, `note` says why they are unknown.
      case ratePoints = "rate_points"
      /// One indicator's points.
      case indicator
      /// A level's points.
      case subtotal
      /// A row shown but not counted, with what the form recorded.
      case ignored
      /// The recorded 自评分 of a project without indicators.
      case score
      /// 总分, the sum of the sections; without points, `note` says why it is unknown.
      case total
      /// The grade the score falls in, under the rules in force.
      case grade
      /// The recorded grade against that grade.
      case recordedGrade = "recorded_grade"
      /// The recorded score against 总分.
      case recordedScore = "recorded_score"
    }

    public var kind: Kind
    public var label: String
    /// The formula in the report's terms; numbers filled in except for `.rate`,
    /// whose operands are the two amounts.
    public var formula: String?
    public var operands: [Operand]
    /// What the step works out besides points: the rate, or the grade.
    public var result: Value?
    public var points: Fraction?
    public var maximum: Fraction?
    /// What the form recorded: its own points where they differ from the rule's, or the
    /// recorded score or grade being compared.
    public var recorded: Operand?
    /// The weight the form's own points are out of, when the level was scaled.
    public var recordedOf: Fraction?
    /// Whether what was recorded agrees (`.holds`) or not (`.wrong`).
    public var verdict: Finding.Verdict?
    /// A problem with the step, or why a figure is unknown.
    public var note: String?

    public init(
      _ kind: Kind, _ label: String, formula: String? = nil, operands: [Operand] = [], result: Value? = nil, points: Fraction? = nil,
      maximum: Fraction? = nil, recorded: Operand? = nil, recordedOf: Fraction? = nil, verdict: Finding.Verdict? = nil, note: String? = nil
    ) {
      self.kind = kind
      self.label = label
      self.formula = formula
      self.operands = operands
      self.result = result
      self.points = points
      self.maximum = maximum
      self.recorded = recorded
      self.recordedOf = recordedOf
      self.verdict = verdict
      self.note = note
    }
  }

  public var year: Int
  public var unit: String
  public var seq: Int
  public var name: String
  /// The rule set's name, with "(changed)" after a `set`.
  public var rules: String
  public var sections: [Section]
  /// The score the rules give (or the recorded one, without indicators); nil when unknown.
  public var total: Fraction?
  public var grade: Grade?

  public init(year: Int, unit: String, seq: Int, name: String, rules: String, sections: [Section], total: Fraction?, grade: Grade?) {
    self.year = year
    self.unit = unit
    self.seq = seq
    self.name = name
    self.rules = rules
    self.sections = sections
    self.total = total
    self.grade = grade
  }
}
