/// The Chinese phrasebook's entries, by where the words appear. Each line is
/// `English => 中文`; `{}` is a value translated in turn, `{=}` a value kept as it is
/// (code, file names, data), and `{1}`, `{2}` place values in another order.
enum ChineseWords {
  static let results = """
    error => 错误
    warning => 警告
    note => 说明
    RECORD => 记录
    unknown => 未知
    {=} rows => 共 {} 行
    {=} row => 共 {} 行
    {=} rows ({=} shown) => 共 {} 行（显示 {} 行）
    """

  static let scoring = """
    """

  static let messages = """
    """

  static let help = """
    """
}
