import QuerySyntax

/// A condition checked against the data, evaluated with SQL's three-valued logic.
indirect enum BoundCondition: Hashable, Sendable {
  case compare(BoundExpression, ComparisonOperator, BoundExpression)
  /// Text containment, ignoring case; the needle is lowercased.
  case contains(BoundExpression, String)
  case isMissing(BoundExpression, negated: Bool)
  case and([BoundCondition])
  case or([BoundCondition])
  case not(BoundCondition)
}
