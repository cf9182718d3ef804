/// The Chinese phrasebook's entries, by where the words appear. Each line is
/// `English => 中文`; `{}` is a value translated in turn, `{=}` a value kept as it is
/// (code, file names, data), and `{1}`, `{2}` place values in another order.
enum ChineseWords {
  /// Headers, counts and words in cells.
  static let results = """
    error => 错误
    warning => 警告
    note => 说明
    RECORD => 记录
    unknown => 未知
    # Chart titles in workbooks (export xlsx compare …).
    grade transitions => 等级变化
    projects by grade => 各等级项目数
    {=} rows => 共 {} 行
    {=} row => 共 {} 行
    {=} rows ({=} shown) => 共 {} 行（显示 {} 行）
    ({} shortened to fit {=} columns; .mode line shows every value in full) => （{}已截短以适应 {} 列宽；.mode line 可显示全部内容）
    send results longer than the terminal through $PAGER (default less -FRSX) => 比终端长的结果交给 $PAGER 分页显示（默认 less -FRSX）
    the last table again, every row (after a .maxrows cut) => 再次显示上一个表格的全部行（用于 .maxrows 截断之后）
    there is no table to show again yet => 还没有可再次显示的表格
    lang: {=} => 语言：{}
    reverse search => 反向搜索历史
    failed reverse search => 未找到·反向搜索历史
    # Forms and folders of reports (import forms, import report FOLDER, check forms).
    {=}: {=} indicators, 总分 {=} ({=} template) ← {=} => {1}：{2} 项指标，总分 {3}（{4} 年版模板）← {5}
    read {=} form from {=} file: => 从 {2} 个文件读取 {1} 张表：
    read {=} forms from {=} file: => 从 {2} 个文件读取 {1} 张表：
    read {=} forms from {=} files: => 从 {2} 个文件读取 {1} 张表：
    read {=} form from {=} file; skipped {=}: => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个：
    read {=} forms from {=} files; skipped {=}: => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个：
    read {=} forms from {=} file; skipped {=}: => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个：
    no forms imported => 尚未导入表格
    import forms FOLDER reads 项目支出绩效自评表 forms first => 请先用 import forms 文件夹 读入项目支出绩效自评表
    project => 项目
    file => 文件
    recomputed => 重算
    worst finding => 最主要问题
    ✓ every check holds => ✓ 全部核查相符
    skipped: => 已跳过：
    read {=} form from {=} file => 从 {2} 个文件读取 {1} 张表
    read {=} forms from {=} file => 从 {2} 个文件读取 {1} 张表
    read {=} forms from {=} files => 从 {2} 个文件读取 {1} 张表
    read {=} form from {=} file; skipped {=} => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个
    read {=} forms from {=} files; skipped {=} => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个
    read {=} forms from {=} file; skipped {=} => 从 {2} 个文件读取 {1} 张表；跳过 {3} 个
    {=} ({=} template) ← {=} => {1}（{2} 年版模板）← {3}
    {=}: {=} indicator, 总分 {=} ({=} template) ← {=} => {1}：{2} 项指标，总分 {3}（{4} 年版模板）← {5}
    added {}; check forms lists what each form gets wrong => 已添加 {}；check forms 列出每张表的问题
    added {} from {=} report; the audit: => 已添加 {}（来自 {} 份报告）；核查结果：
    added {} from {=} reports; the audit: => 已添加 {}（来自 {} 份报告）；核查结果：
    {=}: none of its {=} reports could be read => {}：其中 {} 份报告均无法读取
    {=}: none of its {=} report could be read => {}：其中 {} 份报告均无法读取
    {=}: none of its {=} form file could be read => {}：其中 {} 个表格文件均无法读取
    {=}: none of its {=} form files could be read => {}：其中 {} 个表格文件均无法读取
    (and {=} more) => （另有 {} 个）
    {=}: not a .docx document (not a zip file, or its directory is damaged) (and {=} more) => {}：不是 .docx 文档（不是 zip 文件，或其目录已损坏）（另有 {} 个）
    {=}: not a .docx document (not a zip file, or its directory is damaged) => {}：不是 .docx 文档（不是 zip 文件，或其目录已损坏）
    not a .docx document (not a zip file, or its directory is damaged) => 不是 .docx 文档（不是 zip 文件，或其目录已损坏）
    {=}: holds no reports (.txt, .docx or .pdf files) => {}：没有报告文件（.txt、.docx 或 .pdf）
    {=}: table {=} row {=}: {=} 分值 '{=}' is not a number of points => {}：表 {} 第 {} 行：{} 分值“{}”不是分数
    table {=} row {=}: {=} 分值 '{=}' is not a number of points => 表 {} 第 {} 行：{} 分值“{}”不是分数
    {=}: no 项目名称 found; not a 项目支出绩效自评表 => {}：未找到项目名称；不是项目支出绩效自评表
    no 项目名称 found; not a 项目支出绩效自评表 => 未找到项目名称；不是项目支出绩效自评表
    {=}: no indicator table found (the header 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分) => {}：未找到指标表（表头为一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）
    no indicator table found (the header 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值, 分值, 得分) => 未找到指标表（表头为一级指标、二级指标、三级指标、年度指标值、实际完成值、分值、得分）
    {=}: {=} is already imported as #{=} from {=}; not imported twice => {}：{} 已作为 #{} 从 {} 导入；不重复导入
    {=} is already imported as #{=} from {=}; not imported twice => {} 已作为 #{} 从 {} 导入；不重复导入
    {=}: {=} is already read from another report of this folder => {}：{} 已从本文件夹的另一份报告读取
    {=} is already read from another report of this folder => {} 已从本文件夹的另一份报告读取
    not a form file; expected .xlsx, .docx, .txt or .pdf => 不是表格文件；应为 .xlsx、.docx、.txt 或 .pdf
    {=} of {=} forms contradict their own figures or the {=} rules (✗, marked); check YEAR lists every finding => {2} 张表中有 {1} 张与自身数据或规则 {3} 矛盾（✗，已标记）；check 年度 列出全部问题
    {=} of {=} form contradicts its own figures or the {=} rules (✗, marked); check YEAR lists every finding => {2} 张表中有 {1} 张与自身数据或规则 {3} 矛盾（✗，已标记）；check 年度 列出全部问题
    {=} of {=} form contradict its own figures or the {=} rules (✗, marked); check YEAR lists every finding => {2} 张表中有 {1} 张与自身数据或规则 {3} 矛盾（✗，已标记）；check 年度 列出全部问题
    {=}: {=} deviation cells read 0 where the points are full; nothing needs explaining there, so the cell should be empty => {1}：{2} 个偏差原因单元格在满分时填了 0；满分无需说明，应留空
    {=}: {=} deviation cell reads 0 where the points are full; nothing needs explaining there, so the cell should be empty => {1}：{2} 个偏差原因单元格在满分时填了 0；满分无需说明，应留空
    {=}: {=} of {=} points with no 偏差原因分析及改进措施 => {1}：得分 {2}（分值 {3}），未填写偏差原因分析及改进措施
    {=}: the form's points add up to its 总分 ({=}) => {1}：表内各项得分合计等于总分（{2}）
    {=}: the form's points add up to {=} ({=}), not the 总分 {=} => {1}：表内各项得分合计为 {2}（{3}），而非总分 {4}
    {=}: {=} {=}, but its 其中 lines add up to {=} ({=}) => {1}：{2} {3}，但其“其中”各行合计为 {4}（{5}）
    {=}: the 分值 of 执行率 and the indicators add up to {=}, not the {=} of the 总分 row => {1}：执行率与各指标分值合计为 {2}，而非总分行的 {3}
    {=}: the heading gives {=} {=} points; its {=} rows weigh {=} => {1}：标题给{2} {3} 分；其 {4} 行分值合计 {5}
    {=}: {=} is printed as {=} — in 元, where the form counts in 万元; read as {=} => {1}：{2} 印作 {3}——以元为单位，而表以万元计；读作 {4}
    {=} is printed as {=} in a form counted in 元 => {} 印作 {}，而表以元计
    {=} is printed as {=} — in 元, where the form counts in 万元 => {} 印作 {}——以元为单位，而表以万元计
    {=} ({=} of {=} after scaling × {=}) => {1}（折算 × {4} 后为 {2}，分值 {3}）
    # sql STATEMENT: the notes before the query, and what it refuses.
    cannot be expressed in SQL: {} => 无法用 SQL 表达：{}
    only projects, the aggregates (count, sum, avg, min, max, pct, distinct), recompute and compare … grades ask a question of projects.csv => 只有 projects、聚合（count、sum、avg、min、max、pct、distinct）、recompute 和 compare … grades 能对 projects.csv 提问
    compare … projects pairs repeated names by closest budget; compare … grades has SQL => compare … projects 按预算最接近配对重名项目；compare … grades 可以转为 SQL
    new_score and new_grade are scored from the indicator rows here, which SQL over projects.csv does not do => 这里的 new_score 和 new_grade 由指标行计算得出，基于 projects.csv 的 SQL 做不到
    {=} occurs {} in {=} and {} in {=}, and such names pair by closest budget => “{1}”在 {3} 年出现{2}、在 {5} 年出现{4}，这样的重名按预算最接近配对
    once => 1 次
    twice => 2 次
    {=} times => {} 次
    {=} what-if edit is not in the files until save DIR writes them => {} 处假设修改在 save DIR 写出之前不在文件中
    {=} what-if edits are not in the files until save DIR writes them => {} 处假设修改在 save DIR 写出之前不在文件中
    new_grade is the grade of the recorded score under {=} ({=}); no indicator rows are loaded => new_grade 为填报自评分按规则 {}（{}）所得等级；未载入指标行
    a ratio inside arithmetic is compared in floating point here; jixiao compares it exactly => 此处算式中的比率按浮点数比较；jixiao 按精确值比较
    jixiao leaves out spent, score and grade when no row shown has a value => 所列各行均无值时，jixiao 不显示 spent、score 和 grade
    show lists fields of projects; an aggregate has its own columns => show 列出项目的字段；聚合有自己的列
    drop the show clause => 去掉 show 子句
    jixiao shows year and unit only when the rows span several, and a missing score as unknown => 只有跨多个年度或单位时 jixiao 才显示 year 和 unit，缺失的得分显示为未知
    projects pair by unit and name, a repeated name by order of seq => 项目按单位和名称配对，重名项目按序号顺序配对
    # The report's text (import report): copied, template, period, numbering, 基本支出.
    copied text => 疑似他单位文字
    template words => 模板用语
    another period => 其他时期用语
    section numbers => 章节编号
    line {=}: {} => 第 {} 行：{}
    the template's 我局（办、委） was never replaced by the unit => 模板中的“我局（办、委）”未替换为本单位名称
    the template's 我局(办、委) was never replaced by the unit => 模板中的“我局(办、委)”未替换为本单位名称
    the template's choice 科室（单位） was left as it is => 模板中的选项“科室（单位）”未作选择
    the template's guidance on what the section should say was left in => 模板中关于本节应写内容的提示语未删除
    a placeholder (××) was never filled in => 占位符（××）未填写
    a placeholder (XXX) was never filled in => 占位符（XXX）未填写
    {=} is a 局's word; the report is {=}'s => “{}”是局机关的用语；本报告属于{}
    the unit is in {=}, a {=}: its finance bureau is the {=}; {=} is the template's => 本单位位于{1}（{2}），其财政局应为{3}；“{4}”是模板用语
    {=} is the plan of {=}–{=}; this is a {=} report ({=}, {=}–{=}) => {1}是 {2}–{3} 年的规划；本报告为 {4} 年度（应为{5}，{6}–{7} 年）
    {=} is the plan of {=}–{=}; this is a {=} report => {1}是 {2}–{3} 年的规划；本报告为 {4} 年度
    {=} is the wording of 脱贫攻坚, which ended in 2020; since 2021 the work is 巩固拓展脱贫攻坚成果 and 乡村振兴 => “{}”是脱贫攻坚时期的用语（脱贫攻坚已于 2020 年结束）；2021 年起应为巩固拓展脱贫攻坚成果和乡村振兴
    {=} to {=} => {}至{}
    {=} follows {=} (line {=}): {} is missing => {1}紧接在{2}（第 {3} 行）之后：缺少{4}
    {=} follows {=} (line {=}): {} are missing => {1}紧接在{2}（第 {3} 行）之后：缺少{4}
    {=} follows {=}: {} is missing => {1}紧接在{2}之后：缺少{3}
    {=} follows {=}: {} are missing => {1}紧接在{2}之后：缺少{3}
    {=} is the first under {=} (line {=}): {} is missing => {1}是{2}（第 {3} 行）下的第一个编号：缺少{4}
    {=} is the first under {=} (line {=}): {} are missing => {1}是{2}（第 {3} 行）下的第一个编号：缺少{4}
    {=} is the first: {} is missing => {1}是第一个编号：缺少{2}
    {=} is the first: {} are missing => {1}是第一个编号：缺少{2}
    {=} follows {=} (line {=}): the numbers go back; {=} was expected => {1}紧接在{2}（第 {3} 行）之后：编号倒退，应为{4}
    {=} follows {=}: the numbers go back; {=} was expected => {1}紧接在{2}之后：编号倒退，应为{3}
    {=} — this is the report of {=}, a {=}, not a {=}: a paragraph from another unit's report? => “{1}”——本报告属于{2}（{3}），而非{4}：是否抄自其他单位的报告？
    {=}: the work is said to be for {=}, but the report is {=}'s: a paragraph from another unit's report? => {1}：文中工作对象为{2}，但本报告属于{3}：是否抄自其他单位的报告？
    决算数 {=} − 项目决算数 {=} (line {=}) leaves {=} spent on 基本支出, against 调整后预算 {=} − 项目调整后预算 {=} = {=}: {=} more than its budget => 决算数 {1} − 项目决算数 {2}（第 {3} 行）= 基本支出 {4}，而调整后预算 {5} − 项目调整后预算 {6} = {7}：超出预算 {8}
    决算数 {=} − 项目决算数 {=} leaves {=} spent on 基本支出, against 调整后预算 {=} − 项目调整后预算 {=} = {=}: {=} more than its budget => 决算数 {1} − 项目决算数 {2} = 基本支出 {3}，而调整后预算 {4} − 项目调整后预算 {5} = {6}：超出预算 {7}
    Check => 核查
    Score explained => 得分说明
    Result => 结果
    Summary => 概要
    Working => 计算过程
    Points per section => 各部分得分
    section => 部分
    step => 步骤
    formula => 公式
    max => 分值
    verdict => 判断
    rules => 规则
    hold => 相符
    contradict the report's own data => 与报告自身数据矛盾
    need a look => 需核实
    none => 无
    * edited for this session => * 本次会话中修改的值
    ← changed => ← 有变化
    ✗ — the rules give {=}. {=} => ✗——按规则得 {}。{}
    OVERVIEW: An interactive query shell over budget performance self-evaluations (预算绩效自评). => 概述：预算绩效自评数据的交互式查询工具。
    Exit status: 0 ok; 1 a statement failed; 2 bad flags or a dataset that failed to load; N after .exit N. => 退出状态：0 成功；1 有语句失败；2 参数错误或数据集加载失败；.exit N 之后为 N。
    USAGE: {=} => 用法：{}
    OPTIONS: => 选项：
    {=} Statements to run (repeatable; ; separates statements). => {} 要运行的语句（可重复；语句之间用 ; 分隔）。
    {=} A file of statements to run. => {} 要运行的语句文件。
    {=} A dataset folder or file to load (repeatable; default: ./datasets). => {} 要加载的数据集文件夹或文件（可重复；默认 ./datasets）。
    {=} Start with no data loaded (then load or import). => {} 启动时不加载数据（之后用 load 或 import）。
    {=} A folder of rule files (*.json) that add to or replace the built-in ones, read after ./rules. => {} 规则文件（*.json）所在文件夹，补充或替换内置规则，在 ./rules 之后读取。
    {=} Output format: table, csv, json, markdown or line. (default: table) => {} 输出格式：table、csv、json、markdown 或 line（默认 table）。
    {=} Stop at the first statement that fails. => {} 遇到第一条失败的语句即停止。
    {=} Plain output without colours (also when NO_COLOR is set). => {} 不带颜色的输出（设置 NO_COLOR 时亦然）。
    {=} The language of headers, notes, messages and help: en or zh (default: zh when the locale is zh_*, else en). => {} 表头、说明、消息和帮助的语言：en 或 zh（默认：区域设置为 zh_* 时用 zh，否则用 en）。
    {=} Do not run the startup file ($XDG_CONFIG_HOME/jixiao/jixiaorc or ~/.jixiaorc) in the interactive shell. => {} 交互模式下不运行启动文件（$XDG_CONFIG_HOME/jixiao/jixiaorc 或 ~/.jixiaorc）。
    {=} Show the version. => {} 显示版本。
    {=} Show help information. => {} 显示帮助信息。
    Error: {} => 错误：{}
    Usage: {=} => 用法：{}
    See '{=}' for more information. => 更多信息请见“{}”。
    unknown language '{=}' => 未知语言“{}”
    expected .lang en or .lang zh => 应为 .lang en 或 .lang zh
    # results.txt — table headers, cells and data-file texts seen in the transcripts (zh/out) and not in messages.txt
    # ---- check table
    figure => 数据项
    reported => 报告数
    computed => 计算数
    # ---- recompute table (recorded score, recomputed score, recorded grade, new grade, change)
    change => 变化
    new => 新
    # ---- rules table: the rule sets' titles (from rules/*.json)
    预算执行率 20 分 variant (local rules: 执行率 20; tiers 100–80 / 80–50 / 50–0 %) => 预算执行率 20 分版本（地方规则：执行率 20 分；档次 100–80 / 80–50 / 50–0 %）
    # ---- years table
    units => 单位数
    projects => 项目数
    departments => 部门整体数据
    indicators => 指标数
    # ---- aggregates
    count => 个数
    sum({}) => {}合计
    avg({}) => {}平均值
    min({}) => {}最小值
    max({}) => {}最大值
    pct({}) => {}占比
    sum({}) by {} => {1}合计（按{2}）
    avg({}) by {} => {1}平均值（按{2}）
    count by {} => 个数（按{}）
    # ---- indicators table
    level1 => 一级指标
    level2 => 二级指标
    kind => 指标性质
    target => 年度指标值
    actual => 实际完成值
    weight => 分值
    points => 得分
    # ---- compare tables
    label => 标签
    # ---- compare years: change in percentage points
    {=} pp => {} 个百分点
    """

  /// Notes, confirmations and errors, from every phase.
  static let messages = """
    # messages.txt — the shell's messages, notes and errors (from literals.tsv)
    # ---- Scoring: Fraction, Grade, Indicator
    zero denominator => 分母为零
    (the parts are rounded; to {=} decimals: {=}) => （各项得分已四舍五入；按 {} 位小数计：{}）
    the parts are rounded; to {=} decimals: {=} => 各项得分已四舍五入；按 {} 位小数计：{}
    优 良 中 差 (also A B C D, excellent good fair poor, you liang zhong cha) => 优 良 中 差（亦可写 A B C D，或其英文、拼音）
    not achieved => 未达成
    partly achieved => 部分达成
    achieved => 达成
    # ---- Scoring: Scorer (step problems)
    no score is recorded => 未填报自评分
    决算数 is missing, so 执行率 is unknown => 决算数缺失，执行率未知
    {} is missing, so 执行率 is unknown => {}缺失，执行率未知
    {} is 0, so 执行率 (决算数 ÷ {}) cannot be computed => {1}为 0，无法计算执行率（决算数 ÷ {2}）
    the actual value '{=}' is not a number, so the points are unknown => 实际完成值“{}”不是数字，得分未知
    the target is missing, so the points are unknown => 年度指标值缺失，得分未知
    正向, target 0: met → {=} => 正向，年度指标值为 0：视为达成 → {}
    the target {=} is negative, where target ÷ actual has no meaning; the points are unknown => 年度指标值 {} 为负数，“指标值 ÷ 完成值”无意义；得分未知
    recorded {=} is above the weight {=}; an indicator never scores above its weight => 填报得分 {} 高于分值 {}；指标得分不得超过分值
    recorded {=} is above the weight {=}; an indicator never scores above its weight, so it counts {=} => 填报得分 {} 高于分值 {}；指标得分不得超过分值，按 {} 计
    recorded {=} is above the weight {=} => 填报得分 {} 高于分值 {}
    an indicator never scores above its weight => 指标得分不得超过分值
    an indicator never scores above its weight, so it counts {=} => 指标得分不得超过分值，按 {} 计
    recorded {=} ({=} after scaling), the rule gives {=} => 填报得分 {1}（折算后 {2}），按规则得 {3}
    recorded {=}, the rule gives {=} => 填报得分 {}，按规则得 {}
    the rule gives {=} => 按规则得 {}
    定性 {=}: no points recorded => 定性 {}：未填报得分
    no points are recorded for this qualitative indicator => 该定性指标未填报得分
    定性: recorded {=} of {=}, counted as {=} => 定性：填报得分 {1}（分值 {2}），计为 {3}
    recorded {=} of {=}, counted as {=} => 填报得分 {1}（分值 {2}），计为 {3}
    定性: recorded {=} (no tier named) => 定性：填报得分 {}（未注明档次）
    recorded {=} (no tier named) => 填报得分 {}（未注明档次）
    the actual '{=}' names no tier, so the points cannot be checked => 实际完成值“{}”未对应任何档次，无法核对得分
    定性 {=}: recorded {=} = {=} % of {=}, tier {=} => 定性 {1}：填报得分 {2}，为分值 {4} 的 {3} %，档次 {5}
    recorded {=} = {=} % of {=}, tier {=} => 填报得分 {1}，为分值 {3} 的 {2} %，档次 {4}
    {=} % lies outside the {} tier ({=}) => {1} % 不在“{2}”档次范围（{3}）内
    # the same problems after "    ! "
    ! recorded {=} is above the weight {=}; an indicator never scores above its weight => ! 填报得分 {} 高于分值 {}；指标得分不得超过分值
    ! recorded {=} is above the weight {=}; an indicator never scores above its weight, so it counts {=} => ! 填报得分 {} 高于分值 {}；指标得分不得超过分值，按 {} 计
    ! recorded {=} ({=} after scaling), the rule gives {=} => ! 填报得分 {1}（折算后 {2}），按规则得 {3}
    ! recorded {=}, the rule gives {=} => ! 填报得分 {}，按规则得 {}
    ! no points are recorded for this qualitative indicator => ! 该定性指标未填报得分
    ! the actual '{=}' names no tier, so the points cannot be checked => ! 实际完成值“{}”未对应任何档次，无法核对得分
    ! {=} % lies outside the {} tier ({=}) => ! {1} % 不在“{2}”档次范围（{3}）内
    ! the target {=} is negative, where target ÷ actual has no meaning; the points are unknown => ! 年度指标值 {} 为负数，“指标值 ÷ 完成值”无意义；得分未知
    ! the actual value '{=}' is not a number, so the points are unknown => ! 实际完成值“{}”不是数字，得分未知
    ! the target is missing, so the points are unknown => ! 年度指标值缺失，得分未知
    # ---- Scoring: RuleSet
    财预〔2020〕10号《项目支出绩效评价管理办法》(national default) => 财预〔2020〕10号《项目支出绩效评价管理办法》（全国默认规则）
    ≥ {=} and < {=} => ≥ {} 且 < {}
    {=}: ≥ {=} => {}：≥ {}
    {=}: ≥ {=} and < {=} => {}：≥ {} 且 < {}
    {=}: < {=} => {}：< {}
    {=} → {=} ({}) => {} → {}（{}）
    the weights add up to {=}, not 100 ({=}) => 各项权重合计为 {}，而非 100（{}）
    the weight of {} is negative => {}的权重为负数
    the bands overlap: 优 from {=}, 良 from {=}, 中 from {=} must fall in that order => 等级分数段重叠：优 自 {}、良 自 {}、中 自 {} 起，须依次递减
    the bands must lie between 0 and 100 => 等级分数段须在 0 至 100 之间
    the tiers must cover 0–100 % without gaps or overlaps: 未达成 {=}, 部分达成 {=}, 达成 {=} => 各档次须连续覆盖 0–100 %，不得有空缺或重叠：未达成 {}，部分达成 {}，达成 {}
    refused: {} => 已拒绝：{}
    # ---- Scoring: Audit findings (cells of the check table)
    the table does not give every project's {}, so the total cannot be checked => 表中未列出每个项目的{}，无法核对合计
    Σ {} of {=} projects {} => {2} 个项目 Σ {1}，{3}
    Σ {} of the {=} projects is {=}; the report differs by {=} => {2} 个项目的 Σ {1} 为 {3}；与报告相差 {4}
    the table has {=} rows => 表中共 {} 行
    the table has {=} row => 表中共 {} 行
    the table has {=} rows, not {=} => 表中共 {} 行，而非 {} 行
    the table has {=} row, not {=} => 表中共 {} 行，而非 {} 行
    {=} is the 优良率 (({=} + {=}) ÷ {=}); the 优秀率 is {=} ÷ {=} = {=} => {1} 实为优良率（({2} + {3}) ÷ {4}）；优秀率为 {5} ÷ {6} = {7}
    agrees => 相符
    differs => 不符
    agrees after rounding ({=}) => 四舍五入后相符（{}）
    agrees after cutting off the decimals ({=}) => 截去小数后相符（{}）
    holds => 相符
    wrong => 矛盾
    attention => 需留意
    {=} rows are {=} => {2} 共 {1} 行
    {=} row is {=} => {2} 共 {1} 行
    {=} rows are {=}, not {=} => {2} 共 {1} 行，而非 {3} 行
    {=} row is {=}, not {=} => {2} 共 {1} 行，而非 {3} 行
    Σ budget of the {=} rows is {=}; the report differs by {=} => {1} 各行预算金额合计为 {2}；与报告相差 {3}
    Σ budget of the {=} rows {} => {1} 各行预算金额合计{2}
    {=}: score {=} is {=} ({}), recorded {=} => {1}：自评分 {2} 应为{3}（{4}），填报为{5}
    grades in their bands => 等级与分数段相符
    every recorded grade matches its score's band ({=} rules) => 所有填报等级均与其得分所在分数段相符（规则 {}）
    {=} rows graded {=} => 自评级为{2}的共 {1} 行
    {=} row graded {=} => 自评级为{2}的共 {1} 行
    the table has {=} rows graded {=}, not {=} => 表中自评级为{2}的共 {1} 行，而非 {3} 行
    the table has {=} row graded {=}, not {=} => 表中自评级为{2}的共 {1} 行，而非 {3} 行
    {=}: the {=} rules do not name {=}, so every indicator is scored with the form's own weights, which add up to {=}, the {=} points of 产出, 效益 and 满意度 together => {1}：规则 {2} 未列出{3}，故各指标均按表内原分值计分，合计 {4}，即产出、效益、满意度合计的 {5} 分
    {=}: the {=} rules do not name {=}, so every indicator is scored with the form's own weights, which add up to {=}, scaled by {=} into the {=} points of 产出, 效益 and 满意度 together => {1}：规则 {2} 未列出{3}，故各指标均按表内原分值计分，合计 {4}，按 × {5} 折算为产出、效益、满意度合计的 {6} 分
    {=}: the indicators of {=} weigh {=}; the {=} rules give {=} {=}, so they are scaled by {=} => {1}：{2}各指标分值合计 {3}；规则 {4} 规定{5} {6} 分，故按 × {7} 折算
    {=}: the indicators of {=} weigh {=}; the {=} rules give {=} {=}, and the project has none, so these points cannot be earned => {1}：{2}各指标分值合计 {3}；规则 {4} 规定{5} {6} 分，而该项目无此类指标，这部分分值无法取得
    {=} is {=} ({}); for reference, project mean {=}, budget-weighted {=} => {1} 为{2}（{3}）；供参考：项目平均分 {4}，按预算加权平均分 {5}
    {=} is {=} ({}); for reference, project mean {=} => {1} 为{2}（{3}）；供参考：项目平均分 {4}
    no overall grade stated; {=} is {=} ({}); for reference, project mean {=}, budget-weighted {=} => 报告未列明整体等级；{1} 为{2}（{3}）；供参考：项目平均分 {4}，按预算加权平均分 {5}
    no overall grade stated; {=} is {=} ({}); for reference, project mean {=} => 报告未列明整体等级；{1} 为{2}（{3}）；供参考：项目平均分 {4}
    no overall grade stated; {=} is {=} ({}) => 报告未列明整体等级；{1} 为{2}（{3}）
    repeated name => 项目名称重复
    {=} occurs {=} times ({=}); refer to these projects by seq => {1} 出现 {2} 次（{3}）；请用 seq（序号）指明这些项目
    {=}: {=} × {=} = {=}; the form rounded it to {=} => {1}：{2} × {3} = {4}；表内四舍五入为 {5}
    {=}: {}; the rule gives {=} of {=} ({=} of {=} after scaling × {=}) => {1}：{2}；按规则得 {3}（分值 {4}；按 × {7} 折算后为 {5}，分值 {6}）
    {=}: {}; the rule gives {=} of {=} => {1}：{2}；按规则得 {3}（分值 {4}）
    {=}: recorded {=}, the rule gives {=} => {}：填报得分 {}，按规则得 {}
    {=}: recorded {=} ({=} after scaling), the rule gives {=} => {1}：填报得分 {2}（折算后 {3}），按规则得 {4}
    {=}: {=} % lies outside the {} tier ({=}) => {1}：{2} % 不在“{3}”档次范围（{4}）内
    {=}: the actual '{=}' names no tier, so the points cannot be checked => {}：实际完成值“{}”未对应任何档次，无法核对得分
    {=}: no points are recorded for this qualitative indicator => {}：该定性指标未填报得分
    {=}: breaks the rule => {}：不符合规则
    {=}: a value is missing => {}：有数值缺失
    {=}: 决算数 is missing, so 执行率 is unknown => {}：决算数缺失，执行率未知
    {=}: {} is missing, so 执行率 is unknown => {}：{}缺失，执行率未知
    {=}: {} is 0, so 执行率 (决算数 ÷ {}) cannot be computed => {1}：{2}为 0，无法计算执行率（决算数 ÷ {3}）
    {=}: the target is missing, so the points are unknown => {}：年度指标值缺失，得分未知
    {=}: the actual value '{=}' is not a number, so the points are unknown => {}：实际完成值“{}”不是数字，得分未知
    {=}: the target {=} is negative, where target ÷ actual has no meaning; the points are unknown => {}：年度指标值 {} 为负数，“指标值 ÷ 完成值”无意义；得分未知
    {=}: the {=} rules give {=}, which prints as {=} but is {=}, not {=} => {1}：按规则 {2} 得 {3}，显示为 {4}，但实为{5}而非{6}
    {=}: the {=} rules give {=} => {1}：按规则 {2} 得 {3}
    {=}: the {=} rules give {=}; the form rounded it to {=} => {1}：按规则 {2} 得 {3}；表内四舍五入为 {4}
    {=}: the {=} rules give {=}; the recorded score is the sum of the form's own rounded points => {1}：按规则 {2} 得 {3}；填报自评分为表内各项四舍五入后得分之和
    {=}: the {=} rules give {=}; the recorded score is the sum of the form's own points => {1}：按规则 {2} 得 {3}；填报自评分为表内各项得分之和
    {=}: the {=} rules give {=}; the form's own points add up to {=}, not {=} => {1}：按规则 {2} 得 {3}；表内各项得分合计为 {4}，而非 {5}
    {=}: the {=} rules give {=}; the rule gives {=} of {=} => {1}：按规则 {2} 得 {3}；按规则得 {4}（分值 {5}）
    the recorded score is the sum of the form's own rounded points => 填报自评分为表内各项四舍五入后得分之和
    the recorded score is the sum of the form's own points => 填报自评分为表内各项得分之和
    the form's own points add up to {=}, not {=} => 表内各项得分合计为 {}，而非 {}
    the form rounded it to {=} => 表内四舍五入为 {}
    the rule gives {=} of {=} => 按规则得 {1}（分值 {2}）
    the rule gives {=} of {=} ({=} of {=} after scaling × {=}) => 按规则得 {1}（分值 {2}；按 × {5} 折算后为 {3}，分值 {4}）
    决算 or 调整后预算 is not stated (or is 0), so the rate cannot be checked => 报告未列明决算或调整后预算（或其为 0），无法核对支出率
    决算 ÷ 调整后预算 = {=} ÷ {=}, {} => 决算 ÷ 调整后预算 = {} ÷ {}，{}
    {=} = 决算 ÷ 年初预算 ({=} ÷ {=} = {=}%); against 调整后预算 it is {=} => {1} = 决算 ÷ 年初预算（{2} ÷ {3} = {4}%）；按调整后预算计为 {5}
    {=} = 决算 ÷ 年初预算 ({=} ÷ {=} = {=}%, cut off rather than rounded); against 调整后预算 it is {=} => {1} = 决算 ÷ 年初预算（{2} ÷ {3} = {4}%，系截去而非四舍五入）；按调整后预算计为 {5}
    printed in 元, while the report counts in 万元; taken literally it would be {=}万元, so the 万 was dropped: read as {=}万元 => 印作“元”，而报告以万元计；若按字面应为 {}万元，可见漏写“万”字：按 {}万元 读取
    # ---- DataStore: amounts, loading, files
    '{=}' is not an amount: a comma may only separate thousands, as in 1,234.5; expected 万元 with up to 4 decimals, e.g. 228.764 => “{}”不是金额：逗号只能用作千位分隔符，如 1,234.5；应为万元金额，最多 4 位小数，例如 228.764
    '{=}' is negative; expected an amount in 万元, e.g. 228.764 => “{}”为负数；应为万元金额，例如 228.764
    '{=}' has more than 4 decimals; expected an amount in 万元 with up to 4 decimals, e.g. 228.764 => “{}”超过 4 位小数；应为万元金额，最多 4 位小数，例如 228.764
    '{=}' is too large; the largest amount accepted is {=} => “{}”过大；可接受的最大金额为 {}
    '{=}' is not an amount; expected 万元 with up to 4 decimals, e.g. 228.764 => “{}”不是金额；应为万元金额，最多 4 位小数，例如 228.764
    not a dataset file; expected a .csv, .tsv or .txt named projects*, departments*, funds* or indicators*, or one whose header names a kind's columns => 不是数据集文件；应为名为 projects*、departments*、funds* 或 indicators* 的 .csv、.tsv 或 .txt 文件，或表头列明某类数据各列的文件
    more than 100000 entries below this folder; name a smaller folder => 此文件夹下超过 100000 项；请指定范围更小的文件夹
    more than {=} dataset files below this folder; name a smaller folder => 此文件夹下数据集文件超过 {} 个；请指定范围更小的文件夹
    no dataset files here; expected projects*.csv, departments*.csv, funds*.csv or indicators*.csv => 此处没有数据集文件；应为 projects*.csv、departments*.csv、funds*.csv 或 indicators*.csv
    neither UTF-8 nor GB18030 text; save the file as CSV UTF-8 (or name the encoding with --encoding) => 既不是 UTF-8 也不是 GB18030 文本；请将文件另存为 CSV UTF-8（或用 --encoding 指定编码）
    empty file; expected a header row => 空文件；应有表头行
    loading: {=} of {=} MiB ({=}%), {=} rows => 正在加载：{1} / {2} MiB（{3}%），{4} 行
    names the column '{}' a second time => 重复列出“{}”列
    missing required column {} => 缺少必需的列 {}
    has {=} fields but the header has {=}; quote fields that contain the separator => 有 {} 个字段，而表头有 {} 个；含分隔符的字段请加引号
    the row ends after {=} fields but the header has {=}; expected a field for every column (an empty one between commas is fine) => 该行只有 {} 个字段，而表头有 {} 个；每列都应有字段（两个逗号之间留空亦可）
    duplicate project: year {=}, unit {=}, seq {=} is already on line {=}; expected (year, unit, seq) to be unique => 项目重复：年度 {}、单位 {}、序号 {} 已在第 {} 行出现；（year, unit, seq）应唯一
    a year => 年份
    a row number => 行号（序号）
    empty; expected the adjusted budget in 万元, e.g. 228.764 => 为空；应填调整后预算（万元），例如 228.764
    points from 0 to 100 => 0 至 100 的分数
    a count => 个数
    empty; expected a budget book such as 一般公共预算 => 为空；应填预算类型，如 一般公共预算
    '{=}' is not an indicator kind; expected 正向, 反向 or 定性 (positive, negative, qualitative) => “{}”不是指标性质；应为 正向、反向 或 定性
    the indicator's points (分值) => 指标分值
    empty; expected the indicator's points (分值), e.g. 10 => 为空；应填指标分值，例如 10
    the recorded points (得分) => 填报得分
    the department figures of {=} {=} are already loaded => {} {} 的部门整体数据已载入
    duplicate indicator: year {=}, unit {=}, seq {=}, {=} is already loaded from another file; expected each project's indicators to be loaded once => 指标重复：年度 {}、单位 {}、序号 {}、{} 已从另一文件载入；每个项目的指标只应载入一次
    duplicate project: year {=}, unit {=}, seq {=} is already loaded from another file => 项目重复：年度 {}、单位 {}、序号 {} 已从另一文件载入
    1 indicator row is for year {=}, unit {=}, seq {=}, which is not a loaded project; no score uses it => 1 行指标属于年度 {}、单位 {}、序号 {}，该项目未载入；不计入任何得分
    {} indicator rows are for year {=}, unit {=}, seq {=}, which is not a loaded project; no score uses them => {} 行指标属于年度 {}、单位 {}、序号 {}，该项目未载入；不计入任何得分
    field {=}: a quoted field is never closed; expected a closing " before the end of the file => 第 {} 个字段：引号未闭合；文件结束前应有闭合的 "
    field {=}: text after a closing quote; expected a comma or the end of the line (write "" for a quote inside a quoted field) => 第 {} 个字段：闭合引号后还有文字；应为逗号或行尾（引号内的引号写作 ""）
    a quoted field is never closed; expected a closing " before the end of the file => 引号未闭合；文件结束前应有闭合的 "
    text after a closing quote; expected a comma or the end of the line (write "" for a quote inside a quoted field) => 闭合引号后还有文字；应为逗号或行尾（引号内的引号写作 ""）
    more than {=} fields in one record; expected a dataset file => 一条记录超过 {} 个字段；应为数据集文件
    field {=}: {} => 第 {} 个字段：{}
    a NUL byte (0x00), which text never holds; expected CSV text in UTF-8 (a UTF-16 file has one in every other byte: save it as CSV UTF-8) => 含 NUL 字节（0x00），文本中不应出现；应为 UTF-8 的 CSV 文本（UTF-16 文件每隔一个字节就有一个：请另存为 CSV UTF-8）
    is a folder, not a file => 是文件夹，不是文件
    is not a regular file (a pipe, socket or device) => 不是普通文件（而是管道、套接字或设备）
    {=} GiB => {} GiB
    larger than {=} bytes, the largest file accepted => 超过可接受的最大文件大小 {} 字节
    larger than {=} GiB, the largest file accepted => 超过可接受的最大文件大小 {} GiB
    does not fit in memory ({=} bytes) => 内存不足以容纳（{} 字节）
    cannot be read: {} => 无法读取：{}
    cannot be read => 无法读取
    changed while it was being loaded ({=} bytes when opened, {=} now); load it again once it is complete => 载入过程中文件发生变化（打开时 {} 字节，现为 {}）；请待其写完后重新载入
    changed while it was being loaded ({=} bytes when opened); load it again once it is complete => 载入过程中文件发生变化（打开时 {} 字节）；请待其写完后重新载入
    changed since it was loaded; load it again => 载入之后文件已发生变化；请重新载入
    is a symbolic link that loops back on itself; point it at a dataset file or folder => 是指向自身的循环符号链接；请让它指向数据集文件或文件夹
    is a symbolic link to {=}, which does not exist => 是指向 {} 的符号链接，而目标不存在
    is a symbolic link, which does not exist => 是符号链接，而目标不存在
    no such file or folder => 没有该文件或文件夹
    cannot be read: permission denied => 无法读取：权限不足
    permission denied => 权限不足
    this folder cannot be read or entered: permission denied => 此文件夹无法读取或进入：权限不足
    this folder cannot be read: {} => 此文件夹无法读取：{}
    error {=} => 错误 {}
    No such file or directory => 没有该文件或目录
    Permission denied => 权限不足
    Is a directory => 是目录
    Not a directory => 不是目录
    File exists => 文件已存在
    No space left on device => 设备空间不足
    Read-only file system => 只读文件系统
    not a dataset file: its header ({=}) names no kind's required columns; expected a header row, separated by commas, semicolons or tabs, with the columns of {=} => 不是数据集文件：表头（{}）未列出任何一类数据的必需列；应有以逗号、分号或制表符分隔的表头行，列出以下某类数据的各列：{}
    '{=}' is not a number; expected the target, e.g. 43.2 or ≥50个 => “{}”不是数字；应填年度指标值，例如 43.2 或 ≥50个
    '{=}' is negative; the rules define points only for targets of 0 or more => “{}”为负数；规则只对不小于 0 的年度指标值规定得分
    '{=}' says at most, but the indicator is 正向 (more is better); write the target as ≥ X, or make the kind 反向 => “{}”表示“至多”，但该指标为正向（越大越好）；请把年度指标值写作 ≥ X，或将指标性质改为反向
    '{=}' says at least, but the indicator is 反向 (less is better); write the target as ≤ X, or make the kind 正向 => “{}”表示“至少”，但该指标为反向（越小越好）；请把年度指标值写作 ≤ X，或将指标性质改为正向
    '{=}' is negative; the rules define points only for actual values of 0 or more => “{}”为负数；规则只对不小于 0 的实际完成值规定得分
    '{=}' is not a tier; expected 达成年度指标, 部分达成年度指标并具有一定效果 or 未达成年度指标且效果较差 (达成, 部分达成, 未达成) => “{}”不是档次；应为 达成年度指标、部分达成年度指标并具有一定效果 或 未达成年度指标且效果较差（达成、部分达成、未达成）
    interrupted (Ctrl-C); nothing was loaded => 已中断（Ctrl-C）；未载入任何数据
    interrupted (Ctrl-C); nothing was imported => 已中断（Ctrl-C）；未导入任何数据
    {}: column '{=}' (field {=}): {} => {1}：“{2}”列（第 {3} 个字段）：{4}
    {}: column '{=}': {} => {1}：“{2}”列：{3}
    column '{=}' (field {=}): {} => “{1}”列（第 {2} 个字段）：{3}
    column '{=}': {} => “{1}”列：{2}
    column '{=}' (field {=}) => “{1}”列（第 {2} 个字段）
    column '{=}' => “{}”列
    empty; expected a value => 为空；应填一个值
    '{=}' is not {}; expected a whole number from {=} to {=} => “{1}”不是{2}；应为 {3} 至 {4} 之间的整数
    empty; expected {}, a whole number => 为空；应填{}（整数）
    '{=}' is negative; expected {}, e.g. {=} => “{}”为负数；应填{}，例如 {}
    '{=}' has more than 4 decimals; expected {}, e.g. {=} => “{}”超过 4 位小数；应填{}，例如 {}
    '{=}' is too large; the largest number accepted is {=}; expected {}, e.g. {=} => “{}”过大；可接受的最大数为 {}；应填{}，例如 {}
    '{=}' is not a number; expected {}, e.g. {=} => “{}”不是数字；应填{}，例如 {}
    '{=}' is in 元; expected an amount in 万元 with up to 4 decimals, e.g. 228.764 => “{}”以元为单位；应为万元金额，最多 4 位小数，例如 228.764
    '{=}' is too large; the largest percentage accepted is {=} => “{}”过大；可接受的最大百分比为 {}
    '{=}' is not a percentage; expected a number with an optional %, e.g. 94.74% => “{}”不是百分比；应为数字，可带 %，例如 94.74%
    a score from 0 to 100 with up to 4 decimals => 0 至 100 的得分（最多 4 位小数）
    '{=}' is above 100; expected a score from 0 to 100, e.g. 83.25 => “{}”超过 100；应为 0 至 100 的得分，例如 83.25
    '{=}' is not a grade; expected one of {} => “{}”不是等级；应为以下之一：{}
    '{=}' is not a budget book; expected one of {=} => “{}”不是预算类型；应为以下之一：{}
    # ---- DataStore: rules files
    cannot read this rules folder => 无法读取此规则文件夹
    {=} (built in) => {}（内置）
    not a rule file: {}; see docs/RULES.md => 不是规则文件：{}；参见 docs/RULES.md
    {=}: {=} has more than 4 decimals or is out of range => {}：{} 超过 4 位小数或超出范围
    bands: '{=}' is not 优, 良 or 中 => bands：“{}”不是 优、良 或 中
    bands: {=} is given twice => bands：{} 重复给出
    weights: '{=}' is not 产出, 效益, 满意度 or 执行率 => weights：“{}”不是 产出、效益、满意度 或 执行率
    weights: {=} is given twice => weights：{} 重复给出
    tiers: '{=}' needs a tier name (达成, 部分达成, 未达成) and [low, high] => tiers：“{}”须有档次名称（达成、部分达成、未达成）和 [low, high]
    tiers: {=} is given twice => tiers：{} 重复给出
    rate_basis: expected budget or initial => rate_basis：应为 budget 或 initial
    negative: expected ratio or linear => negative：应为 ratio 或 linear
    it needs three bands (优 良 中) and three tiers => 须有三个等级分数段（优 良 中）和三个档次
    missing key '{=}' => 缺少键“{}”
    wrong type at '{=}' => “{}”处类型错误
    # ---- DataStore: import
    not JSON: {} => 不是 JSON：{}
    expected a JSON array of objects, one per row => 应为 JSON 对象数组，每行一个对象
    pipe table => 竖线分隔表
    rows with tabs => 制表符分隔的行
    one cell per line => 每行一个单元格
    row #{=}: {} '{=}' is not an amount => 第 #{} 行：{}“{}”不是金额
    row #{=}: 自评分 '{=}' is not a score from 0 to 100 => 第 #{} 行：自评分“{}”不是 0 至 100 的分数
    row #{=}: 自评级 '{=}' is not a grade => 第 #{} 行：自评级“{}”不是等级
    row #{=} has no 项目名称 => 第 #{} 行缺少项目名称
    row #{=} has no 预算金额 => 第 #{} 行缺少预算金额
    the table's rows could not be read after its header => 表头之后的各行无法读取
    neither UTF-8 nor GB18030 text => 既不是 UTF-8 也不是 GB18030 文本
    no year found; expected a heading such as 2023年度部门整体绩效自评工作报告 => 未找到年度；应有类似“2023年度部门整体绩效自评工作报告”的标题
    no unit found: the report has no heading and no table => 未找到单位：报告既无标题也无表格
    no project table found (expected the headers 序号, 主管部门（单位）, 项目名称, 预算金额（调整后）, 自评分, 自评级) => 未找到项目表（应有表头：序号、主管部门（单位）、项目名称、预算金额（调整后）、自评分、自评级）
    project table: {=} rows, Σ 预算金额 {=}, layout: {} => 项目表：共 {} 行，Σ 预算金额 {}，版式：{}
    grade counts: {=} => 等级统计：{}
    budget books: {=} => 预算类型：{}
    not found in the text: {} => 正文中未找到：{}
    {=} is printed as {=} — in 元, where the report counts in 万元; kept as printed, read as {=}万元 => {} 印作 {}——以元为单位，而报告以万元计；按原文保留，读作 {}万元
    the text says {=} projects, the table has {=} rows => 正文称 {} 个项目，表中共 {} 行
    the text says {=} projects graded {=}, the table has {=} => 正文称{2}项目 {1} 个，表中为 {3} 个
    row #{=}: 序号 is not a row number from 1 to {=}; the row is left out => 第 #{} 行：序号不是 1 至 {} 之间的行号；该行已略去
    row #{=} occurs twice in the table; the second is left out => 第 #{} 行在表中出现两次；第二行已略去
    cannot be read as UTF-8 or GB18030 text => 无法按 UTF-8 或 GB18030 文本读取
    unknown kind of file; expected .xlsx, .csv, .json or .md (or import report FILE for a report's text) => 未知文件类型；应为 .xlsx、.csv、.json 或 .md（报告正文请用 import report 文件）
    holds no table => 不含表格
    cannot tell what this table holds; name the sheet or file projects, departments, funds or indicators, or use their column headers (docs/DATASETS.md) => 无法判断此表的内容；请将工作表或文件命名为 projects、departments、funds 或 indicators，或使用相应的列标题（docs/DATASETS.md）
    not read: a ZIP64 workbook (over 4 GB); save the table as CSV => 未读取：ZIP64 工作簿（超过 4 GB）；请将表格另存为 CSV
    not an .xlsx workbook (its zip directory is damaged) => 不是 .xlsx 工作簿（其 zip 目录已损坏）
    not an .xlsx workbook (not a zip file) => 不是 .xlsx 工作簿（不是 zip 文件）
    the workbook part {=} unpacks to more than {=} (the limit for a whole workbook); save a table this large as CSV => 工作簿部件 {} 解压后超过 {}（整个工作簿的上限）；如此大的表格请另存为 CSV
    the workbook part {=} is damaged: {} => 工作簿部件 {} 已损坏：{}
    the workbook part {=} is damaged => 工作簿部件 {} 已损坏
    not an .xlsx workbook (no xl/workbook.xml) => 不是 .xlsx 工作簿（缺少 xl/workbook.xml）
    sheet '{=}' is missing its part {=} => 工作表“{}”缺少部件 {}
    sheet part {=}: more than {=} cells once each row is as wide as the header; save a table this large as CSV => 工作表部件 {}：按表头宽度补齐各行后超过 {} 个单元格；如此大的表格请另存为 CSV
    {=} rows do not fit in a sheet, which holds at most {=} => {} 行超出工作表的容量（最多 {} 行）
    export csv for a table this large, or narrow it with where => 如此大的表格请用 export csv，或用 where 缩小范围
    the workbook part {=} is damaged: it is not UTF-8 text, as workbook parts are; nothing was loaded from the workbook => 工作簿部件 {} 已损坏：不是 UTF-8 文本（工作簿部件应为 UTF-8）；未从该工作簿载入任何数据
    sheet part {=}: {} => 工作表部件 {}：{}
    the workbook part {=} is damaged: {} at line {=}, column {=}; nothing was loaded from the workbook => 工作簿部件 {1} 已损坏：第 {3} 行第 {4} 列出错（{2}）；未从该工作簿载入任何数据
    the XML is empty => XML 为空
    the XML ends before its elements are closed (cut short?) => XML 在元素闭合前结束（文件被截断？）
    an XML element is closed by another's end tag => XML 元素被其他元素的结束标记闭合
    not well-formed XML (parser error {=}) => XML 格式不正确（解析错误 {}）
    {=} MiB => {} MiB
    row '{=}' is not a row number from 1 to {=}, the last row a workbook has => 行“{1}”不是 1 至 {2} 之间的行号（工作簿最多 {2} 行）
    more than {=} rows, the most a workbook has => 超过 {} 行，超出工作簿的最大行数
    cell reference '{=}' is beyond column {=} ({=}), the last column a workbook has => 单元格引用“{}”超出第 {} 列（{}），即工作簿的最后一列
    more than {=} cells (counting the empty ones before each filled one); save a table this large as CSV => 超过 {} 个单元格（含每个非空单元格之前的空单元格）；如此大的表格请另存为 CSV
    its local header is missing => 缺少本地文件头
    it is encrypted => 已加密
    its data runs past the end of the file => 数据超出文件末尾
    compression method {=} is not deflate => 压缩方式 {} 不是 deflate
    its checksum does not match => 校验和不符
    # ---- DataStore: snapshots
    {=}: damaged snapshot: {} => {}：快照已损坏：{}
    damaged snapshot: {} => 快照已损坏：{}
    save it again from the dataset files => 请从数据集文件重新保存
    the {} column's checksum does not match => {}列的校验和不符
    the {=} checksum does not match => {} 的校验和不符
    a {} code names no text => {}列有代码不对应任何文本
    a {} byte is out of range => {}列有字节超出范围
    a year is outside {=}–{=} => 有年度不在 {}–{} 之间
    {=}: snapshot version {=} => {}：快照版本 {}
    this jixiao reads version {=}: {} => 本版 jixiao 读取版本 {}：{}
    {=} text {=} is not UTF-8 => {} 的第 {} 个文本不是 UTF-8
    every statement fails until jixiao starts again without this file => 在不用此文件重新启动 jixiao 之前，每条语句都会失败
    its deflate data is empty => deflate 数据为空
    zlib could not start => zlib 无法启动
    its deflate data ends before the part does => deflate 数据在部件结束前中断
    its deflate data is corrupt => deflate 数据已损坏
    # ---- DataStore: export
    no folder given => 未指定文件夹
    is a file, not a folder => 是文件，不是文件夹
    holds the loaded data ({=}); saving here would load as two copies of it => 存放着已载入的数据（{}）；保存到此处会导致数据载入两份
    save into a new folder => 请保存到新文件夹
    cannot be created: {} => 无法创建：{}
    no file name given => 未指定文件名
    the folder {=} does not exist => 文件夹 {} 不存在
    create it first, or check the path => 请先创建，或检查路径
    is a folder => 是文件夹
    interrupted (Ctrl-C) while opening; nothing was written => 打开时被中断（Ctrl-C）；未写入任何内容
    cannot be written: {} => 无法写入：{}
    check that the file and folder are writable => 请检查文件和文件夹是否可写
    is part of the loaded data (loaded as {=}); .output would empty it => 属于已载入的数据（载入为 {}）；.output 会清空它
    send the results to another file => 请将结果输出到其他文件
    cannot be emptied: {} => 无法清空：{}
    is a symbolic link; it is not replaced or written through => 是符号链接；不会替换它，也不会经由它写入
    name the file it points to, or remove the link => 请指定它所指向的文件，或删除该链接
    {=} is not a folder => {} 不是文件夹
    is part of the loaded data (loaded as {=}); it is never replaced => 属于已载入的数据（载入为 {}）；不会被替换
    write to another file => 请写入其他文件
    already exists => 已存在
    add --force to replace it => 加 --force 可替换
    is not a regular file (a device, pipe or socket); only regular files are replaced => 不是普通文件（而是设备、管道或套接字）；只替换普通文件
    use .output to write results to a device or pipe => 向设备或管道写结果请用 .output
    cannot be checked: {} => 无法检查：{}
    check that the folder is writable => 请检查文件夹是否可写
    could not be assembled => 无法生成
    could not be written: {} => 无法写入：{}
    interrupted (Ctrl-C); nothing was written => 已中断（Ctrl-C）；未写入任何内容
    # ---- QuerySyntax: lexer and parser
    {}, but the statement ends here => {}，但语句到此结束
    {}, found '{=}' => {}，但此处为“{}”
    did you mean '{=}'? => 是否要输入“{}”？
    did you mean '{=}' or '{=}'? => 是否要输入“{}”或“{}”？
    did you mean '{=}' or '{=}' or '{=}'? => 是否要输入“{}”“{}”或“{}”？
    '!' on its own is not an operator => 单独的“!”不是运算符
    write != for 'not equal', or not before a condition => “不等于”请写 !=，或在条件前加 not
    quoted text is never closed => 引号内的文字未闭合
    end it with the same quote it starts with => 请用开头的同一种引号结束
    remove some parentheses => 请去掉一些括号
    {=} nested more than {=} deep => {} 嵌套超过 {} 层
    this parenthesis is never closed => 此括号未闭合
    add ) => 请补上 )
    expected ')' to close the parenthesis => 应有“)”闭合括号
    a condition such as grade = 良 => 条件，如 grade = 良
    unknown operator '{=}' => 未知运算符“{}”
    a value to compare with => 用于比较的值
    the text to look for => 要查找的文字
    expected 'missing' after 'is' => is 之后应为 missing
    expected =, !=, <, <=, >, >=, contains or is missing after '{=}' => “{}”之后应为 =、!=、<、<=、>、>=、contains 或 is missing
    a value => 一个值
    a value after '{=}' => “{}”之后的值
    remove some signs => 请去掉一些正负号
    expected {} => 应为{}
    quote text that is also a keyword: '{=}' => 与关键字相同的文字请加引号：'{}'
    what to {=}, such as budget => {} 的对象，如 budget
    expected what to {=}, such as {=} budget => 应指明 {} 的对象，如 {} budget
    a weight such as budget => 权重，如 budget
    expected a statement such as projects, sum budget or help => 应为一条语句，如 projects、sum budget 或 help
    unknown statement '{=}' => 未知语句“{}”
    type help to list the statements => 输入 help 查看全部语句
    rules or data => rules 或 data
    reset takes rules or data, not '{=}' => reset 后应为 rules 或 data，而不是“{}”
    reset rules · reset data => reset rules · reset data
    the year is given twice => 年度重复给出
    keep one: recompute 2023 => 只保留一个：recompute 2023
    a project: its seq (explain 3) or its quoted name => 项目：序号（explain 3）或加引号的项目名称
    a dataset folder or file => 数据集文件夹或文件
    a file to import: a report text, an .xlsx workbook, or a .csv/.json/.md table => 要导入的文件：报告正文、.xlsx 工作簿，或 .csv/.json/.md 表格
    a format: csv, json, markdown or xlsx => 格式：csv、json、markdown 或 xlsx
    the file to write => 要写入的文件
    export cannot export an export => export 不能导出另一条 export
    a folder to write the datasets to => 用于写入数据集的文件夹
    a rule set, such as national => 规则集，如 national
    a second rule set, such as twenty => 第二个规则集，如 twenty
    a chart needs by FIELD: one bar per value => chart 须有 by 字段：每个取值一根条形
    chart sum budget by grade => chart sum budget by grade
    trend follows one figure at a time => trend 每次只跟踪一项指标
    a figure: sum budget, count, avg score, 优秀率, 优良率 or 执行率 => 一项指标：sum budget、count、avg score、优秀率、优良率 或 执行率
    expected count, sum, avg, min, max or pct => 应为 count、sum、avg、min、max 或 pct
    a value to {=}, such as budget or score => {} 的对象，如 budget 或 score
    only avg can be weighted => 只有 avg 可以加权
    avg score weighted by budget => avg score weighted by budget
    a column name after as => as 之后的列名
    a field to group by => 用于分组的字段
    a band limit such as 5 => 分段界限，如 5
    {=} takes no clauses => {} 不带子句
    {=} takes {=} => {} 可带子句：{}
    write sort by FIELD to order the rows, or count by FIELD to group them => 排序请写 sort by 字段，分组请写 count by 字段
    {=} does not take '{=}' => {} 不带“{}”子句
    '{=}' is given twice => “{}”重复给出
    combine the conditions with and => 请用 and 合并条件
    keep one => 只保留一个
    a field to sort by => 用于排序的字段
    the number of rows => 行数
    limit must not be negative => limit 不能为负数
    a field to show => 要显示的字段
    unexpected '{=}'; expected the end => 多余的“{}”；此处语句应结束
    unexpected '{=}'; expected {=} or the end => 多余的“{}”；此处应为 {} 或语句结束
    band, weight, tier, negative or basis => band、weight、tier、negative 或 basis
    a grade such as 优 => 等级，如 优
    the lowest score of the grade => 该等级的最低分
    产出, 效益, 满意度 or 执行率 => 产出、效益、满意度 或 执行率
    the points of {} => {}的分值
    达成, 部分达成 or 未达成 => 达成、部分达成 或 未达成
    the tier's lowest percent => 该档次的最低百分比
    the tier's highest percent => 该档次的最高百分比
    ratio or linear => ratio 或 linear
    budget or initial => budget 或 initial
    cannot set '{=}' => 无法设置“{}”
    set band, set weight, set tier, set negative or set basis => set band、set weight、set tier、set negative 或 set basis
    expected {}, a number => 应为{}（数字）
    expected SEQ.FIELD, as in let 3.spent = 100 => 应为 序号.字段，如 let 3.spent = 100
    expected = after {=} => {} 之后应为 =
    the new value => 新值
    a value for {} => {}的值
    unknown option '{=}' => 未知选项“{}”
    this statement takes no options => 此语句不带选项
    options: {=} => 可用选项：{}
    expected a year such as 2023 or a range such as 2021..2023 => 应为年度（如 2023）或年度范围（如 2021..2023）
    statement text is longer than 1 MiB ({=} bytes) => 语句文本超过 1 MiB（{} 字节）
    put data in a dataset file and load it => 请把数据放入数据集文件再 load
    expected '{=}' after '{=}' => “{2}”之后应为“{1}”
    unexpected '{=}' after a complete statement => 完整语句之后出现多余的“{}”
    separate statements with ; => 语句之间请用 ; 分隔
    expected {}, a whole number => 应为{}（整数）
    # ---- QueryEngine: aggregates, edits, files, history
    show lists fields of projects; an aggregate has its own columns => show 用于列出项目字段；汇总结果有自己的列
    drop the show clause => 请去掉 show 子句
    expected {} from 0 to 100 with up to 4 decimals, e.g. {=} => 应为 0 至 100 的{}（最多 4 位小数），例如 {}
    {}: '{=}' is negative; {} => {}：“{}”为负数；{}
    {}: '{=}' is above 100; {} => {}：“{}”超过 100；{}
    {}: '{=}' has more than 4 decimals; {} => {}：“{}”超过 4 位小数；{}
    {}: '{=}' is not a number; {} => {}：“{}”不是数字；{}
    budget cannot be missing => 预算金额不能缺失
    '{=}' is not a grade => “{}”不是等级
    valid grades: {} => 有效等级：{}
    '{=}' is not a budget book => “{}”不是预算类型
    a project's name cannot be empty or only spaces; a dataset file with such a name does not load => 项目名称不能为空或只含空格；含此类名称的数据集文件无法载入
    a project's name cannot hold a NUL byte (0x00), which no dataset file holds => 项目名称不能含 NUL 字节（0x00），数据集文件中不会出现
    {} cannot be edited => {}不可修改
    edit spent or budget; rate follows from them => 请修改 spent 或 budget；rate 由二者算出
    new_score and new_grade follow from the rules; edit score or the indicators' inputs => new_score 和 new_grade 由规则算出；请修改 score 或指标的输入值
    edit budget, initial, spent, score, grade, fund or name => 可修改 budget、initial、spent、score、grade、fund 或 name
    {=} ({=}): {} {=} → {=} — for this session only; reset data undoes it => {1}（{2}）：{3} {4} → {5}——仅限本次会话；reset data 可撤销
    unknown encoding '{=}' => 未知编码“{}”
    utf-8, gb18030 (also gbk) or auto => 可用 utf-8、gb18030（或 gbk）或自动识别（auto）
    nothing was loaded; the data is as it was => 未载入任何数据；数据保持不变
    nothing was loaded => 未载入任何数据
    the data is as it was => 数据保持不变
    {=} project => {} 个项目
    {=} projects => {} 个项目
    {=} department row => {} 行部门整体数据
    {=} department rows => {} 行部门整体数据
    {=} budget-book line => {} 行预算类型数据
    {=} budget-book lines => {} 行预算类型数据
    {=} indicator => {} 项指标
    {=} indicators => {} 项指标
    {} project ({=}) => {} 个项目（{}）
    {} projects ({=}) => {} 个项目（{}）
    {} department row ({=}) => {} 行部门整体数据（{}）
    {} department rows ({=}) => {} 行部门整体数据（{}）
    {} budget-book line ({=}) => {} 行预算类型数据（{}）
    {} budget-book lines ({=}) => {} 行预算类型数据（{}）
    {} indicator ({=}) => {} 项指标（{}）
    {} indicators ({=}) => {} 项指标（{}）
    loaded {} from {=} => 已载入 {}，来自 {}
    loaded nothing from {=} => 未从 {} 载入任何数据
    added {=} projects, {=} department row, {=} budget-book lines ({=}); the audit: => 已添加 {} 个项目、{} 行部门整体数据、{} 行预算类型数据（{}）；核查结果：
    added {=} projects, {=} department row, {=} budget-book line ({=}); the audit: => 已添加 {} 个项目、{} 行部门整体数据、{} 行预算类型数据（{}）；核查结果：
    added {=} projects, {=} department row ({=}); the audit: => 已添加 {} 个项目、{} 行部门整体数据（{}）；核查结果：
    added {} ({=}); the audit: => 已添加 {}（{}）；核查结果：
    added {}; the audit: => 已添加 {}；核查结果：
    nothing => 无
    nothing was imported => 未导入任何数据
    read from {=}: => 读取自 {}：
    could not read or looks wrong: => 无法读取或疑似有误：
    not added to this session: {} (start with --data of another folder to compare) => 未加入本次会话：{}（如需对比，请以 --data 指定另一文件夹启动）
    saved {=} => 已保存 {}
    nothing was written => 未写入任何内容
    saved {=} (with {=} edited value) => 已保存 {}（含 {} 个修改过的值）
    saved {=} (with {=} edited values) => 已保存 {}（含 {} 个修改过的值）
    unknown export format '{=}' => 未知导出格式“{}”
    csv, json, markdown or xlsx => 可用 csv、json、markdown 或 xlsx
    this statement has no table to export => 此语句没有可导出的表格
    export csv FILE projects where … => export csv 文件 projects where …
    nothing to undo: no rule change or edit in this session => 无可撤销的操作：本次会话中没有修改规则或数据
    undone: {}; rules {=} => 已撤销：{}；规则 {}
    undone: {}; {=} edit in force => 已撤销：{}；当前有 {} 处修改生效
    undone: {}; {=} edits in force => 已撤销：{}；当前有 {} 处修改生效
    no edits: the data is as loaded => 没有修改：数据与载入时一致
    undo takes back: {=} => undo 将撤销：{}
    expected INDICATOR.FIELD after the seq => 序号之后应为 指标.字段
    let 1.2.actual = 1600 => let 1.2.actual = 1600
    project #{=} has no indicators to edit => 项目 #{} 没有可修改的指标
    load its indicators file first => 请先载入其指标文件
    project #{=} has {=} indicator; there is no #{=} => 项目 #{} 只有 {} 项指标；没有第 #{} 项
    project #{=} has {=} indicators; there is no #{=} => 项目 #{} 只有 {} 项指标；没有第 #{} 项
    explain {=} lists them in order => explain {} 可按顺序列出
    project #{=} has no indicator named '{=}' => 项目 #{} 没有名为“{}”的指标
    {=} indicators of #{=} match '{=}' => #{2} 有 {1} 项指标与“{3}”匹配
    its indicators: {=} => 其指标：{}
    its indicators: {=}; or give the number, as in let {=}.1.actual = … => 其指标：{}；或给出编号，如 let {}.1.actual = …
    '{=}' is not an indicator kind => “{}”不是指标性质
    正向, 反向 or 定性 => 正向、反向 或 定性
    weight: '{=}' is not a number of points from 0 to 100 => weight：“{}”不是 0 至 100 的分值
    for example 20 => 例如 20
    '{=}' cannot be edited on an indicator => 指标的“{}”不可修改
    actual, target, weight or kind (完成值, 指标值, 分值, 指标性质) => 可修改 actual、target、weight 或 kind（完成值、指标值、分值、指标性质）
    {} — for this session only; explain {=} shows the new score; undo or reset data undoes it => {}——仅限本次会话；explain {} 可查看新得分；undo 或 reset data 可撤销
    # ---- QueryEngine: rules
    no rule set named '{=}' => 没有名为“{}”的规则集
    rule sets: {=} => 规则集：{}
    rules: {=} — {} => 规则：{}——{}
    rule set => 规则集
    rule => 规则
    value => 取值
    band {=} => 等级 {}
    weight {=} => 权重 {}
    tier {=} => 档次 {}
    {=} × min(决算数 ÷ {}, 1) => {} × min(决算数 ÷ {}, 1)
    set basis budget|initial => set basis budget|initial
    weight × min(actual ÷ target, 1) => 分值 × min(实际完成值 ÷ 年度指标值, 1)
    weight × min(target ÷ actual, 1) => 分值 × min(年度指标值 ÷ 实际完成值, 1)
    weight × (1 − (actual − target) ÷ target), 0 from 2 × target => 分值 × (1 − (实际完成值 − 年度指标值) ÷ 年度指标值)，达到 2 × 年度指标值 时为 0
    set negative ratio|linear => set negative ratio|linear
    {=} (changed) => {}（已修改）
    ← differs from {=} as loaded; undo or reset rules takes the changes back => ← 与载入时的 {} 不同；undo 或 reset rules 可撤销修改
    '{=}' has no lower bound to set => “{}”没有可设置的下限
    set band 优, 良 or 中 (差 is everything below 中) => 可设置 band 优、良 或 中（低于中即为差）
    a score => 分数
    band {=} now {=} => 等级 {} 现为 {}
    reset rules => 重置规则
    reset data => 重置数据
    rules {=} => 规则 {}
    '{=}' is not a first-level group => “{}”不是一级指标
    weights: {=} => 权重：{}
    '{=}' is not a tier => “{}”不是档次
    a percent => 百分比
    the low end {=} is above the high end {=} => 下限 {} 高于上限 {}
    tiers: {=} => 档次：{}
    '{=}' is not a 反向 formula => “{}”不是反向指标公式
    ratio (target ÷ actual) or linear (zero at twice the target) => ratio（指标值 ÷ 完成值）或 linear（达到两倍指标值时为 0）
    反向 indicators now use the {=} formula => 反向指标现采用 {} 公式
    '{=}' is not a budget to divide by => “{}”不能用作分母
    budget (全年预算数) or initial (年初预算) => budget（全年预算数）或 initial（年初预算）
    执行率 now divides by {} => 执行率现以{}为分母
    change several weights in one statement: set weight 执行率 20, 产出 40 => 请在一条语句中同时修改多个权重：set weight 执行率 20, 产出 40
    {} (rules {=}, changed; reset rules to undo) => {}（规则 {}，已修改；reset rules 可撤销）
    '{=}' is not {} from 0 to 100 => “{}”不是 0 至 100 的{}
    rules reset to {=}, the rules the session started with => 规则已重置为 {}，即会话开始时的规则
    no edits to undo => 没有可撤销的修改
    {=} edited value undone; the data is as loaded => 已撤销 {} 个修改值；数据与载入时一致
    {=} edited values undone; the data is as loaded => 已撤销 {} 个修改值；数据与载入时一致
    using {=}; use all to see every year => 使用 {} 年度数据；use all 可查看全部年度
    using all years => 使用全部年度数据
    interrupted (Ctrl-C); the statement was abandoned => 已中断（Ctrl-C）；该语句已放弃
    '{=}' is one word: an operator needs spaces around it => “{}”连成了一个词：运算符两边需要空格
    write {=} => 请写作 {}
    unknown field '{=}' => 未知字段“{}”
    type help fields to list them => 输入 help fields 查看全部字段
    # ---- QueryEngine: explanation notes
    No indicators are recorded, so the score is the recorded 自评分 and only the grade follows from the bands. => 未填报绩效指标，故得分即填报的自评分，仅等级按分数段确定。
    not recorded → the score and grade are unknown => 未填报 → 得分和等级未知
    a group the rules do not name, so every group keeps the form's own weight => 规则未列出该一级指标，故各一级指标均保留表内原分值
    a group the rules do not name, so every group keeps the form's own weight, scaled × {=} to fill {=} points => 规则未列出该一级指标，故各一级指标均保留表内原分值，并按 × {} 折算以满 {} 分
    not counted: 执行率 is computed from 决算数 and the budget above, and these rows would count it twice => 不计入：执行率已按上方决算数与预算算出，计入这些行将重复计分
    {=} (not counted: 执行率 is computed from 决算数 and the budget above, and these rows would count it twice) => {}（不计入：执行率已按上方决算数与预算算出，计入这些行将重复计分）
    no points => 无得分
    form: {=} of {=} => 表内：{1}（分值 {2}）
    form: {=} => 表内：{}
    {=} of {=} → not counted => {1}（分值 {2}）→ 不计入
    form: {=} of {=} → not counted => 表内：{1}（分值 {2}）→ 不计入
    {=}: form: {=} of {=} → not counted => {1}：表内：{2}（分值 {3}）→ 不计入
    {=}: form: {=} → not counted => {}：表内：{} → 不计入
    {=}: {=} → not counted => {}：{} → 不计入
    no 满意度 indicator, so its weight is added here => 无满意度指标，其分值计入此处
    the form's own weight => 表内原分值
    the form's own weight, scaled × {=} => 表内原分值，按 × {} 折算
    the form's weights add up to {=}, scaled × {=} => 表内分值合计 {}，按 × {} 折算
    a value is missing => 有数值缺失
    It prints as {=}, but graded at full precision it is {=}, not {=} => 显示为 {}，但按完整精度评定为{}，而非{}
    The form rounded {}; its own points add up to {=} => 表内对 {} 作了四舍五入；其各项得分合计 {}
    {=} → {=} and {} => {} → {}、{}
    recorded: {=} ✗ — the rules give {=}. {=} => 填报：{} ✗——按规则得 {}。{}
    recorded grade => 填报等级
    recorded => 填报得分
    loaded => 载入值
    now => 现值
    field => 字段
    missing => 缺失
    current => 当前
    # explanation lines (Renderer+Explanation)
    {=} · {=} · rules: {} => {} · {} · 规则：{}
    **#{=} {=}** · {=} · {=} · rules: {} => **#{} {}** · {} · {} · 规则：{}
    {} → 执行率 points unknown => {} → 执行率得分未知
    {} → unknown => {} → 未知
    {=} = {=} (recorded) => {} = {}（填报）
    {=} = {=}* (edited; loaded: {=}) (recorded) => {} = {}*（已修改；载入值：{}）（填报）
    * (edited; loaded: {=}) => *（已修改；载入值：{}）
    总分: unknown — {} (a missing value is never counted as 0 or full marks) => 总分：未知——{}（缺失值既不按 0 分也不按满分计）
    recorded grade {=} ✗ — under {} it is {=} => 填报等级 {} ✗——按规则 {} 应为{}
    recorded grade {=} ✗ — the rules give {=} => 填报等级 {} ✗——按规则得 {}
    recorded grade {=} => 填报等级 {}
    recorded: {=} ✗ — the rules give {=}. It prints as {=}, but graded at full precision it is {=}, not {=} => 填报：{} ✗——按规则得 {}。显示为 {}，但按完整精度评定为{}，而非{}
    recorded: {=} ✗ — the rules give {=}. The form rounded {}; its own points add up to {=} => 填报：{} ✗——按规则得 {}。表内对 {} 作了四舍五入；其各项得分合计 {}
    recorded: {=} ✗ — the rules give {=} => 填报：{} ✗——按规则得 {}
    recorded: {=} ✗ — under {} it is {=} => 填报：{} ✗——按规则 {} 应为{}
    recorded: {=} => 填报：{}
    ✗ — under {} it is {=} => ✗——按规则 {} 应为{}
    ✗ — the rules give {=} => ✗——按规则得 {}
    {=} → {=} ({}); {=} rounded to two decimals, but graded at full precision => {1} → {2}（{3}）；显示为 {4}（保留两位小数），但按完整精度评定
    {=} → {=} ({}); graded at full precision ({=}) => {1} → {2}（{3}）；按完整精度（{4}）评定
    graded at full precision ({=}) => 按完整精度（{}）评定
    not counted => 不计入
    {=} edited; loaded: {=} => {} 已修改；载入值：{}
    {=} ✓ hold, {=} ✗ contradict the report's own data, {=} ! need a look => {} ✓ 相符，{} ✗ 与报告自身数据矛盾，{} ! 需核实
    {=} {=}, rules {=}: {=} ✓ hold, {=} ✗ contradict the report's own data, {=} ! need a look => {} {}，规则 {}：{} ✓ 相符，{} ✗ 与报告自身数据矛盾，{} ! 需核实
    # ---- QueryEngine: filters, fields, listings
    contains takes text, not a field => contains 后应为文字，而不是字段
    quote it: '{=}' => 请加引号：'{}'
    '{=}' is a value; a condition starts with a field => “{}”是一个值；条件应以字段开头
    for example: grade = 良 => 例如：grade = 良
    '{=}' is not a field => “{}”不是字段
    {} is a whole number; '{=}' is not => {}是整数；“{}”不是
    for example: year = 2023 => 例如：year = 2023
    for example: seq = 3 => 例如：seq = 3
    '{=}' has more than 4 decimals; amounts and scores keep 4 => “{}”超过 4 位小数；金额和分数最多保留 4 位
    {} is a number; '{=}' is not => {}是数字；“{}”不是
    for example: {=} > 50 => 例如：{} > 50
    rate is a percentage; '{=}' is not a number => 执行率是百分比；“{}”不是数字
    for example: rate < 90 (percent) => 例如：rate < 90（百分比）
    valid: {=} => 可用取值：{}
    fund can only be compared with = or != => 资金类型只能用 = 或 != 比较
    no {} is exactly '{=}'; did you mean '{=}'? => 没有{}恰为“{}”的项目；是否要输入“{}”？
    no {} is exactly '{=}'; did you mean '{=}', or {=} contains {=}? => 没有{1}恰为“{2}”的项目；是否要输入“{3}”，或 {4} contains {5}？
    no {} is exactly '{=}' => 没有{}恰为“{}”的项目
    contains works on text fields (name, unit, fund); {} is not text => contains 只适用于文字字段（name、unit、fund）；{}不是文字
    compare numbers with = < > instead => 数字请用 = < > 比较
    cannot compare {} with {}: they hold different kinds of values => 无法比较{}与{}：二者取值类型不同
    quote '{=}' if you mean the text => 如指文字，请给“{}”加引号
    indicators show and sort by their fields only; '{=}' is not one => indicators 只能 show 和 sort by 指标字段；“{}”不是指标字段
    for example: indicators show name, weight, points sort by points desc => 例如：indicators show name, weight, points sort by points desc
    unknown indicator field '{=}' => 未知指标字段“{}”
    fields: {=} => 字段：{}
    '{=}' is not an indicator field => “{}”不是指标字段
    * edited for this session (reset data undoes it) => * 为本次会话中的修改（reset data 可撤销）
    recorded_grade => 填报等级
    recorded_score => 填报得分
    # ---- QueryEngine: recompute and compare
    {=} of {=} projects change grade under {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化
    {=} of {=} project change grade under {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化
    {=} of {=} projects changes grade under {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化
    {=} of {=} project changes grade under {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化
    {=} of {=} projects change grade under {}: {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化：{4}
    {=} of {=} project change grade under {}: {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化：{4}
    {=} of {=} projects changes grade under {}: {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化：{4}
    {=} of {=} project changes grade under {}: {} => {2} 个项目中有 {1} 个按规则 {3} 等级变化：{4}
    {=}, … (recompute changed lists them all) => {}，…（recompute changed 可列出全部）
    {=} recomputed score differs from the recorded one (explain SEQ shows why) => {} 个重算得分与填报得分不同（explain 序号 可查看原因）
    {=} recomputed scores differ from the recorded one (explain SEQ shows why) => {} 个重算得分与填报得分不同（explain 序号 可查看原因）
    {=} score is unknown: a value is missing (explain SEQ names it) => {} 个得分未知：有数值缺失（explain 序号 可查看是哪个）
    {=} scores are unknown: a value is missing (explain SEQ names it) => {} 个得分未知：有数值缺失（explain 序号 可查看是哪个）
    score {=} => 得分（{}）
    grade {=} => 等级（{}）
    {=} of {=} projects change grade from {=} to {=} => {2} 个项目中有 {1} 个从规则 {3} 改为 {4} 后等级变化
    {=} of {=} project change grade from {=} to {=} => {2} 个项目中有 {1} 个从规则 {3} 改为 {4} 后等级变化
    {=} of {=} projects changes grade from {=} to {=} => {2} 个项目中有 {1} 个从规则 {3} 改为 {4} 后等级变化
    {=} of {=} project changes grade from {=} to {=} => {2} 个项目中有 {1} 个从规则 {3} 改为 {4} 后等级变化
    the two rule sets give the same bands, weights, formulas and tiers => 两个规则集的等级分数段、权重、公式和档次均相同
    rules that differ: {} => 不同的规则：{}
    the change from {=} moves {=} grade; under {} itself {=} recorded grade differs already => 对规则 {1} 的修改使 {2} 个等级变化；按规则 {3} 本身，已有 {4} 个填报等级不符
    the change from {=} moves {=} grades; under {} itself {=} recorded grade differs already => 对规则 {1} 的修改使 {2} 个等级变化；按规则 {3} 本身，已有 {4} 个填报等级不符
    the change from {=} moves {=} grade; under {} itself {=} recorded grades differ already => 对规则 {1} 的修改使 {2} 个等级变化；按规则 {3} 本身，已有 {4} 个填报等级不符
    the change from {=} moves {=} grades; under {} itself {=} recorded grades differ already => 对规则 {1} 的修改使 {2} 个等级变化；按规则 {3} 本身，已有 {4} 个填报等级不符
    grades as the report records them; add recomputed for the grades under {} => 等级为报告填报的等级；加 recomputed 可查看按规则 {} 重算的等级
    grades recomputed under {}; leave out recomputed for the grades the report records => 等级为按规则 {} 重算的等级；去掉 recomputed 可查看报告填报的等级
    grade is the grade the report records; new_grade is the grade under {} and the edits in force => grade 为报告填报的等级；new_grade 为按规则 {} 及当前生效的修改得出的等级
    '{=}' is not a project number => “{}”不是项目序号
    explain 3, or explain '项目名称' => 如 explain 3，或 explain '项目名称'
    no project #{=} => 没有项目 #{}
    no project #{=} in {=} => {2} 年度没有项目 #{1}
    projects show year, unit, seq, name lists them => projects show year, unit, seq, name 可列出全部项目
    '{=}' is not a project => “{}”不是项目
    no project is named '{=}' => 没有名为“{}”的项目
    projects where name contains … finds names => projects where name contains … 可查找名称
    {=} projects match: {=} => 有 {} 个项目匹配：{}
    narrow it with in YEAR, where unit = …, or the seq => 请用 in 年度、where unit = … 或序号缩小范围
    no data for {=} => 没有 {} 年度的数据
    no data is loaded => 尚未载入数据
    loaded years: {=} => 已载入年度：{}
    # ---- QueryEngine: years, trend, chart
    compare takes single years, not {=} => compare 只接受单个年度，不接受 {}
    compare 2022 2023 => compare 2022 2023
    {=} matched projects: {=} keep their grade, {=} change; rows are {=}'s grade, columns {=}'s => 匹配项目 {} 个：{} 个等级不变，{} 个变化；行为 {} 年度等级，列为 {} 年度等级
    % change => 变化率
    no unit has data in {=} or {=} => 没有单位有 {} 或 {} 年度的数据
    执行率 = 决算 ÷ 调整后预算 from the stated department figures; 优秀率 = 优 ÷ projects; 优良率 = (优 + 良) ÷ projects => 执行率 = 决算 ÷ 调整后预算（按报告所列部门整体数据）；优秀率 = 优 ÷ 项目数；优良率 = (优 + 良) ÷ 项目数
    budget {=} => 预算金额（{}）
    Δ budget => Δ 预算金额
    Δ score => Δ 自评分
    gone (was {=}) => 已无（原为 {}）
    new ({=}) => 新增（{}）
    gone => 已无
    (none) => （无）
    none => 无
    total => 合计
    grade transitions: {}; unchanged: {}; new: {=}; gone: {=} => 等级变化：{}；未变：{}；新增：{}；已无：{}
    matched by unit and name; a repeated name pairs by order, or by closest budget when the counts differ => 按单位和项目名称匹配；重复的名称按顺序配对，数量不同时按预算最接近者配对
    a chart draws one figure => 一张图只画一项指标
    grade as the report records it; by new_grade for the grades under {} => 等级为报告填报的等级；by new_grade 可查看按规则 {} 重算的等级
    new_grade: the grades under {}; by grade for the grades the report records => new_grade：按规则 {} 重算的等级；by grade 可查看报告填报的等级
    cannot trend '{=}' => 无法对“{}”作趋势
    trend sum budget, trend count, trend avg score, trend 优秀率, trend 优良率 or trend 执行率 => 可用 trend sum budget、trend count、trend avg score、trend 优秀率、trend 优良率 或 trend 执行率
    优秀率 (优 ÷ projects) => 优秀率（优 ÷ 项目数）
    优良率 ((优 + 良) ÷ projects) => 优良率（(优 + 良) ÷ 项目数）
    执行率 (Σ 决算 ÷ Σ 预算 of the projects) => 执行率（各项目 Σ 决算 ÷ Σ 预算）
    优秀率 (优 ÷ projects) by year => 优秀率（优 ÷ 项目数）按年度
    优良率 ((优 + 良) ÷ projects) by year => 优良率（(优 + 良) ÷ 项目数）按年度
    执行率 (Σ 决算 ÷ Σ 预算 of the projects) by year => 执行率（各项目 Σ 决算 ÷ Σ 预算）按年度
    no years loaded => 未载入任何年度
    recomputed applies to 优秀率 and 优良率 => recomputed 只适用于优秀率和优良率
    use new_grade or new_score in the figure: trend count where new_grade = 优 => 请在指标中使用 new_grade 或 new_score：trend count where new_grade = 优
    (missing) => （缺失）
    # ---- QueryEngine: plan (aggregates, binder, types)
    '{=}' is a constant; group by a field => “{}”是常量；请按字段分组
    for example: by grade => 例如：by grade
    bands cut numbers; '{=}' is {} => bands 只能切分数字；“{}”是{}
    for example: by budget bands 5, 50, 100 => 例如：by budget bands 5, 50, 100
    band limits must rise: {=} does not follow {=} => 分段界限须递增：{} 不能排在 {} 之后
    for example: bands 5, 50, 100 => 例如：bands 5, 50, 100
    {} is not a by key here; a group has many values of it => {}不能在此作 by 分组键；一个分组中它有多个取值
    use an aggregate such as sum({=}), or group by {=} => 请使用汇总函数，如 sum({})，或按 {} 分组
    cannot {=} {}: it is not an amount => 无法对{2}作 {1}：它不是金额
    sum and avg take budget, initial, spent or score; count projects by {=} counts them => sum 和 avg 适用于 budget、initial、spent 或 score；count projects by {} 可计数
    cannot {=} {}: percentages do not add up => 无法对{2}作 {1}：百分比不能相加
    avg {=} averages them; sum spent / sum budget is the overall rate => avg {} 可求平均；sum spent / sum budget 为总体执行率
    a weighted average needs a number to average => 加权平均需要一个数值来求平均
    '{=}' is not a number => “{}”不是数字
    {=} is an aggregate; it belongs in having or sort by of a count or sum statement => {} 是汇总函数；应写在 count 或 sum 语句的 having 或 sort by 中
    for example: count by name having count > 1 => 例如：count by name having count > 1
    '{=}' is text; arithmetic needs numbers => “{}”是文字；算术运算需要数字
    '{=}' is {}; arithmetic needs numbers => “{}”是{}；算术运算需要数字
    '{=}' is too large a number => “{}”数字过大
    numbers go up to 1,000,000,000,000 => 数字最大为 1,000,000,000,000
    cannot {=} {} and {} ('{=}' {=} '{=}') => 无法对{2}和{3}作 {1} 运算（'{4}' {5} '{6}'）
    amounts add to amounts; an amount divided by an amount is a percentage => 金额只能与金额相加；金额除以金额得百分比
    contains works on text (name, unit, fund); '{=}' is {} => contains 只适用于文字（name、unit、fund）；“{}”是{}
    cannot compare '{=}' ({}) with '{=}' ({}) => 无法比较“{}”（{}）与“{}”（{}）
    {=} against a percentage reads as {=} %; write {=}% for that share => 与百分比比较时，{} 读作 {} %；如指该比例请写 {}%
    a whole number => 整数
    an amount (万元) => 金额（万元）
    a number => 数字
    a percentage => 百分比
    a grade => 等级
    a budget book => 预算类型
    # ---- Shell: dot-commands, session, files
    a quote is left open in {=} => {} 中有未闭合的引号
    close it: .output 'my file.txt' => 请闭合引号：.output '我的 文件.txt'
    {=} takes one word after it, not also '{=}' => {} 之后只能有一个词，多出了“{}”
    {=} takes no words after it, not also '{=}' => {} 之后不能有词，多出了“{}”
    {=} takes at most {=} words after it, not also '{=}' => {} 之后至多 {} 个词，多出了“{}”
    {=} takes one word after it, not also '{=}'; usage: {=} => {} 之后只能有一个词，多出了“{}”；用法：{}
    {=} takes no words after it, not also '{=}'; usage: {=} => {} 之后不能有词，多出了“{}”；用法：{}
    {=} takes at most {=} words after it, not also '{=}'; usage: {=} => {} 之后至多 {} 个词，多出了“{}”；用法：{}
    {=} takes one word after it, not also '{=}'; usage: {=}; quote a file name that holds spaces: {=} 'my file.txt' => {} 之后只能有一个词，多出了“{}”；用法：{}；含空格的文件名请加引号：{} '我的 文件.txt'
    usage: {=} => 用法：{}
    quote a file name that holds spaces: {=} 'my file.txt' => 含空格的文件名请加引号：{} '我的 文件.txt'
    mode: {=} => 输出格式：{}
    unknown mode '{=}' => 未知输出格式“{}”
    expected one of {=} => 应为以下之一：{}
    maxrows: {=} => 最多显示行数：{}
    '{=}' is not a row count => “{}”不是行数
    expected a whole number such as 40, or 0 for all rows => 应为整数，如 40；0 表示显示全部行
    expected .width unicode or .width ascii => 应为 .width unicode 或 .width ascii
    add 'wide' to draw ambiguous-width characters as two columns => 加 wide 可将宽度不确定的字符按两列绘制
    '{=}' is not 'wide' => “{}”不是 wide
    expected .width {=} or .width {=} wide => 应为 .width {} 或 .width {} wide
    nullvalue: (nothing) => 空值显示为：（空）
    numbers: grouped (1,234.5) => 数字：千位分组（1,234.5）
    numbers: plain (1234.5) => 数字：不分组（1234.5）
    '{=}' is not a number style => “{}”不是数字样式
    expected .numbers grouped (1,234.5) or .numbers plain (1234.5) => 应为 .numbers grouped（1,234.5）或 .numbers plain（1234.5）
    nullvalue: '{=}' => 空值显示为：'{}'
    expected {=} on or {=} off => 应为 {} on 或 {} off
    expected .once FILE => 应为 .once 文件
    expected .read FILE => 应为 .read 文件
    .read nested more than 16 deep => .read 嵌套超过 16 层
    does {=} read itself? => {} 是否读取了自身？
    lang: {=} => 语言：{}
    unknown language '{=}' => 未知语言“{}”
    expected .lang en or .lang zh => 应为 .lang en 或 .lang zh
    expected .theme dark, light or none => 应为 .theme dark、.theme light 或 .theme none
    '{=}' is not an exit status => “{}”不是退出状态
    '{=}' is not an exit status; expected a whole number from 0 to 255, such as .exit 3 => “{}”不是退出状态；应为 0 至 255 的整数，如 .exit 3
    expected a whole number from 0 to 255, such as .exit 3 => 应为 0 至 255 的整数，如 .exit 3
    unknown command '{=}' => 未知命令“{}”
    type .help to list the dot-commands => 输入 .help 查看全部点命令
    warning: startup file {}; skipped => 警告：启动文件 {}；已跳过
    startup file {}; skipped => 启动文件 {}；已跳过
    what-if => 假设分析
    standard input => 标准输入
    cannot be opened: {} => 无法打开：{}
    cannot be opened => 无法打开
    is a folder, not a file of statements => 是文件夹，不是语句文件
    is larger than {=} MiB => 超过 {} MiB
    line {=} is not UTF-8 text; save the file as UTF-8 => 第 {} 行不是 UTF-8 文本；请将文件另存为 UTF-8
    cannot write to {=}: {}; results go to the screen again => 无法写入 {}：{}；结果改回输出到屏幕
    cannot write the results to standard output: {} => 无法将结果写到标准输出：{}
    interrupted (Ctrl-C); the remaining statements were not run => 已中断（Ctrl-C）；其余语句未运行
    Run Time: {=} ms => 运行时间：{} 毫秒
    wrote {=} row to {=} => 已写入 {} 行到 {}
    wrote {=} rows to {=} => 已写入 {} 行到 {}
    there is no result to export yet => 还没有可导出的结果
    run a statement first, or name one: export csv out.csv projects where grade = 良 => 请先运行一条语句，或直接指明：export csv out.csv projects where grade = 良
    ({=} columns are wider than the terminal: one field per line; .mode line does this always) => （{} 列宽超出终端：每行显示一个字段；.mode line 总是如此显示）
    see help {=} => 参见 help {}
    {} missing for all {=} projects => 全部 {2} 个项目的{1}缺失
    {} is missing for all {=} projects => 全部 {2} 个项目的{1}均缺失
    {} and {} are missing for all {=} projects => 全部 {3} 个项目的{1}和{2}均缺失
    {} is missing for all {=} rows => 全部 {2} 行的{1}均缺失
    {} and {} are missing for all {=} rows => 全部 {3} 行的{1}和{2}均缺失
    {} is missing for the one project => 唯一项目的{}缺失
    {} and {} are missing for the one project => 唯一项目的{}和{}缺失
    {} is missing for the one row => 唯一一行的{}缺失
    {} and {} are missing for the one row => 唯一一行的{}和{}缺失
    {} is missing: the data has no value for it => {}缺失：数据中没有该值
    {} and {} are missing: the data has no value for them => {}和{}缺失：数据中没有这些值
    # ---- jixiao command line
    An interactive query shell over budget performance self-evaluations (预算绩效自评). => 预算绩效自评数据的交互式查询工具。
    Exit status: 0 ok; 1 a statement failed; 2 bad flags or a dataset that failed to load; N after .exit N. => 退出状态：0 正常；1 有语句失败；2 参数有误或数据集载入失败；.exit N 之后为 N。
    Statements to run (repeatable; ; separates statements). => 要运行的语句（可重复；语句之间用 ; 分隔）。
    A file of statements to run. => 要运行的语句文件。
    A dataset folder or file to load (repeatable; default: ./datasets). => 要载入的数据集文件夹或文件（可重复；默认：./datasets）。
    Start with no data loaded (then load or import). => 启动时不载入数据（之后用 load 或 import）。
    A folder of rule files (*.json) that add to or replace the built-in ones, read after ./rules. => 规则文件（*.json）所在文件夹，用于补充或替换内置规则，在 ./rules 之后读取。
    Output format: table, csv, json, markdown or line. => 输出格式：table、csv、json、markdown 或 line。
    Stop at the first statement that fails. => 遇到第一条失败的语句即停止。
    Plain output without colours (also when NO_COLOR is set). => 不带颜色的纯文本输出（设置 NO_COLOR 时亦然）。
    The language of headers, notes, messages and help: en or zh (default: zh when the locale is zh_*, else en). => 表头、说明、消息和帮助所用语言：en 或 zh（默认：区域设置为 zh_* 时用 zh，否则用 en）。
    Do not run the startup file ($XDG_CONFIG_HOME/jixiao/jixiaorc or ~/.jixiaorc) in the interactive shell. => 交互模式下不运行启动文件（$XDG_CONFIG_HOME/jixiao/jixiaorc 或 ~/.jixiaorc）。
    unknown format '{=}'; expected table, csv, json, markdown or line => 未知输出格式“{}”；应为 table、csv、json、markdown 或 line
    unknown language '{=}'; expected en or zh => 未知语言“{}”；应为 en 或 zh
    note: no ./datasets folder here; starting with no data (use --data DIR) => 说明：此处没有 ./datasets 文件夹；启动时不载入数据（可用 --data 目录 指定）
    no ./datasets folder here; starting with no data (use --data DIR) => 此处没有 ./datasets 文件夹；启动时不载入数据（可用 --data 目录 指定）
    jixiao: {=} projects ({=}). Type help, or Ctrl-D to leave. => jixiao：{} 个项目（{}）。输入 help 查看帮助，按 Ctrl-D 退出。
    jixiao: {=} projects. Type help, or Ctrl-D to leave. => jixiao：{} 个项目。输入 help 查看帮助，按 Ctrl-D 退出。
    {=} → {=} ({=}: ≥ {=} and < {=}) => {} → {}（{}：≥ {} 且 < {}）
    {=} → {=} ({=}: ≥ {=}) => {} → {}（{}：≥ {}）
    {=} → {=} ({=}: < {=}) => {} → {}（{}：< {}）
    {}: '{=}' is negative; expected {}, e.g. {=} => {}：“{}”为负数；应填{}，例如 {}
    {}: '{=}' has more than 4 decimals; expected {}, e.g. {=} => {}：“{}”超过 4 位小数；应填{}，例如 {}
    {}: '{=}' is not a number; expected {}, e.g. {=} => {}：“{}”不是数字；应填{}，例如 {}
    {}: '{=}' is above 100; expected a score from 0 to 100, e.g. 83.25 => {}：“{}”超过 100；应为 0 至 100 的得分，例如 83.25
    # indicator lines: the form's own points after the rule's
    {=}    (form: {=} of {=}) => {}    （表内：{}，分值 {}）
    {=}    (form: {=}) => {}    （表内：{}）
    """

  /// The help texts and the dot-commands' descriptions.
  static let help = """
    # help.txt — help texts (HelpTopics.swift) and the .help list (DotCommand.swift)
    # ---- HelpTopics: overview and topics
    jixiao answers questions about budget performance self-evaluations (预算绩效自评). => jixiao 解答有关预算绩效自评的问题。
    Amounts are 万元. Keywords are English; fields also take their Chinese names. => 金额单位为万元。关键字用英文；字段也可用中文名称。
    Listing => 列表
    projects [where COND] [in YEAR] [sort by FIELD [desc]] [limit N] [show FIELD, …] => projects [where 条件] [in 年度] [sort by 字段 [desc]] [limit N] [show 字段, …]
    departments [in YEAR]      the department-level figures as the report states them => departments [in 年度]      报告所列的部门整体数据
    years                      what is loaded, year by year => years                      已载入的数据，按年度列出
    Aggregates => 汇总
    count | sum X | avg X | min X | max X | pct X   [, …] [where COND] [in YEAR] [by KEY, …] [having COND] => count | sum X | avg X | min X | max X | pct X   [, …] [where 条件] [in 年度] [by 分组键, …] [having 条件]
    distinct X                 the values of X; X may be arithmetic: budget - spent => distinct X                 X 的各个取值；X 可以是算术表达式：budget - spent
    Scoring => 评分
    recompute [YEAR] [changed] [where COND]   grades (and scores) under the rules in force => recompute [年度] [changed] [where 条件]   按现行规则重算等级（及得分）
    explain SEQ | 'NAME' [in YEAR]   how a project's score and grade come about, step by step => explain 序号 | '名称' [in 年度]  逐步说明项目得分和等级的由来
    check [YEAR]                     every figure a report states, recomputed from its own rows => check [年度]                     用报告自身各行数据重算报告所列的每个数字
    indicators [where COND] [in YEAR] [sort by …] [limit N] [show …] => indicators [where 条件] [in 年度] [sort by …] [limit N] [show …]
    Years => 年度
    use YEAR   compare Y1 Y2 [projects|grades]   chart AGGREGATE by FIELD   trend FIGURE => use 年度   compare 年度1 年度2 [projects|grades]  chart 汇总 by 字段    trend 指标
    Data in and out => 数据导入与导出
    load PATH   import [report] FILE [--save DIR]   export csv|json|markdown|xlsx FILE [STATEMENT]   save DIR => load 路径   import [report] 文件 [--save 文件夹]  export csv|json|markdown|xlsx 文件 [语句]      save 文件夹
    Rules and what-if => 规则与假设分析
    rules [NAME]   set band 优 95   set weight 执行率 20, 产出 40   set tier 部分达成 50 80 => rules [名称]   set band 优 95   set weight 执行率 20, 产出 40   set tier 部分达成 50 80
    let SEQ.FIELD = VALUE [in YEAR]   edits   undo   reset data => let 序号.字段 = 值 [in 年度]      edits   undo   reset data
    Session => 会话
    help [TOPIC]   .help (settings)   quit => help [主题]    .help（设置）      quit
    Try:    projects where grade = 良 => 试一试：projects where grade = 良
    projects [where COND] [in YEAR] [sort by EXPR [asc|desc], …] [limit N] [show EXPR [as NAME], … | show *] => projects [where 条件] [in 年度] [sort by 表达式 [asc|desc], …] [limit N] [show 表达式 [as 名称], … | show *]
    Lists projects. Without show: year, unit, seq, name, budget, spent, score, grade. => 列出项目。不带 show 时显示：year、unit、seq、name、budget、spent、score、grade。
    EXPR is a field or arithmetic on fields: budget - spent, spent / budget (a percentage). => 表达式为字段或字段的算术运算：budget - spent，spent / budget（百分比）。
    Examples: => 示例：
    where COND — conditions on fields and values: => where 条件——对字段和取值的条件：
    EXPR = != < <= > >= EXPR        grade = 良, budget > 50, spent / budget < 90% => 表达式 = != < <= > >= 表达式    grade = 良, budget > 50, spent / budget < 90%
    FIELD contains TEXT             name contains 村级 => 字段 contains 文字              name contains 村级
    EXPR is missing / is not missing => 表达式 is missing / is not missing
    Arithmetic: + - * / with spaces around them (budget - spent; budget-spent is one word). => 算术运算：+ - * /，两边须有空格（budget - spent；budget-spent 是一个词）。
    Amounts are 万元: 5, 5万 and 50000元 are the same. Full-width ＞ ＝ （ ） ５ work too. => 金额单位为万元：5、5万 和 50000元 相同。全角的 ＞ ＝ （ ） ５ 也可使用。
    Text needs no quotes unless it has spaces or punctuation: name = 党建工作经费, name = 'a b'. => 文字无须加引号，除非含空格或标点：name = 党建工作经费，name = 'a b'。
    A missing value matches no comparison (not even !=); use is missing to find it. => 缺失值不满足任何比较（!= 也不满足）；用 is missing 查找缺失值。
    count [distinct X] | sum X | avg X [weighted by W] | min X | max X | pct X  [as NAME] [, …] => count [distinct X] | sum X | avg X [weighted by 权重] | min X | max X | pct X  [as 名称] [, …]
    [where COND] [in YEAR] [by KEY, …] [having COND] [sort by …] [limit N] => [where 条件] [in 年度] [by 分组键, …] [having 条件] [sort by …] [limit N]
    sum and avg take amounts and scores; min and max anything; count counts projects. => sum 和 avg 适用于金额和分数；min 和 max 适用于任何字段；count 统计项目个数。
    pct X is a share: of the same years without where, or with by, of the selection. => pct X 为占比：无 where 时占同年度全部的比例，有 by 时占所选范围的比例。
    KEY is a field, an expression, or EXPR bands 5, 50, 100 (ranges [0,5) [5,50) …). => 分组键可以是字段、表达式，或 表达式 bands 5, 50, 100（区间 [0,5) [5,50) …）。
    having keeps groups: having count > 1, having sum(budget) > 300. => having 筛选分组：having count > 1，having sum(budget) > 300。
    distinct X lists the values of X. => distinct X 列出 X 的各个取值。
    departments [in YEAR] => departments [in 年度]
    The department-level figures exactly as each report states them, wrong ones included. => 各报告原样列出的部门整体数据，有误的也照列。
    Example: => 示例：
    Each loaded year with its units, projects, total budget, department rows and indicators. => 各已载入年度的单位数、项目数、预算总额、部门整体数据行数和指标数。
    recompute [YEAR] [changed] [in YEAR] [where COND] [sort by …] [limit N] => recompute [年度] [changed] [in 年度] [where 条件] [sort by …] [limit N]
    Every project's grade under the rules in force beside the recorded one; where a => 每个项目按现行规则得出的等级与填报等级并列；项目有绩效指标的，
    project has indicators its score is recomputed too. Changed rows are marked ← and => 其得分也一并重算。发生变化的行标 ← 并计数；加 changed 则只列出这些行。
    counted; with changed, only they are listed. The same score and grade are the => 同样的得分和等级即
    fields new_score and new_grade (重算得分, 重算等级). => 字段 new_score 和 new_grade（重算得分、重算等级）。
    explain SEQ [in YEAR] [where COND]     explain 'NAME' => explain 序号 [in 年度] [where 条件]    explain '名称'
    The derivation of one project's score and grade, each formula with its numbers. => 推导单个项目的得分和等级，每个公式都列出数字。
    Without indicators it explains the grade from the recorded score and the bands. => 无绩效指标时，按填报的自评分和等级分数段说明等级。
    check [YEAR] => check [年度]
    Recomputes every department-level figure a report states from its own project rows: => 用报告自身的项目各行重算报告所列的每个部门整体数字：
    ✓ holds, ✗ contradicts the report's own data, ! needs a look. => ✓ 相符，✗ 与报告自身数据矛盾，! 需核实。
    indicators [where COND] [in YEAR] [sort by FIELD] [limit N] [show FIELD, …] => indicators [where 条件] [in 年度] [sort by 字段] [limit N] [show 字段, …]
    Fields: year unit seq level1 level2 name kind target actual weight points => 字段：year unit seq level1 level2 name kind target actual weight points
    rules            the rules in force => rules            现行规则
    rules NAME       switch to a rule set from rules/ (national, twenty) => rules 名称       切换到 rules/ 中的规则集（national、twenty）
    set band GRADE SCORE                  set band 优 95 => set band 等级 分数                    set band 优 95
    set weight LEVEL POINTS [, …]         set weight 执行率 20, 产出 40 (weights must add up to 100) => set weight 一级指标 分值 [, …]        set weight 执行率 20, 产出 40（权重合计须为 100）
    set tier TIER LOW HIGH                set tier 部分达成 50 80 => set tier 档次 下限 上限               set tier 部分达成 50 80
    set negative ratio|linear             the 反向 formula => set negative ratio|linear             反向指标的计分公式
    set basis budget|initial              what 执行率 divides by => set basis budget|initial              执行率的分母
    reset rules                           back to the rules the session started with => reset rules                           恢复为会话开始时的规则
    undo                                  takes back the last change => undo                                  撤销上一次修改
    compare rules A B [where COND]        each project under two rule sets (current: the rules in force) => compare rules A B [where 条件]        每个项目在两个规则集下的结果（current：现行规则）
    A change that does not add up (weights not 100, overlapping bands) is refused with the reason. => 不能成立的修改（权重合计不为 100、分数段重叠）会被拒绝并说明原因。
    let SEQ.FIELD = VALUE [in YEAR] [where COND] => let 序号.字段 = 值 [in 年度] [where 条件]
    Changes one value for this session only (budget, initial, spent, score, grade, fund, => 仅在本次会话中修改一个值（budget、initial、spent、score、grade、fund、
    name); edited cells show a * everywhere. Files on disk never change. => name）；修改过的单元格处处标 *。磁盘上的文件从不改变。
    let SEQ.INDICATOR.FIELD = VALUE   an indicator's actual, target, weight or kind; => let 序号.指标.字段 = 值           指标的 actual、target、weight 或 kind；
    INDICATOR is its number in explain SEQ or its name: let 1.1.actual = 40 => 指标为其在 explain 序号 中的编号或其名称：let 1.1.actual = 40
    edits       the edits in force, each cell as loaded and now => edits       当前生效的修改，每个单元格列出载入值和现值
    undo        takes back the last edit or rule change (set, rules NAME, reset), newest first => undo        撤销上一次修改或规则变更（set、rules 名称、reset），从最近的开始
    reset data  undoes every edit; reset rules returns to the rules the session started with => reset data  撤销全部修改；reset rules 恢复为会话开始时的规则
    use YEAR | use 2021..2023 | use all     scope every statement (the prompt shows it) => use 年度 | use 2021..2023 | use all     限定之后每条语句的范围（提示符中显示）
    compare Y1 Y2 [where COND]              department figures side by side, with change and % change => compare 年度1 年度2 [where 条件]        部门整体数据并列对比，含变化和变化率
    compare Y1 Y2 projects [where COND]     projects matched by unit and name; new, gone, grade transitions => compare 年度1 年度2 projects [where 条件]  按单位和项目名称匹配项目；新增、已无、等级变化
    compare Y1 Y2 grades [where COND]       how many matched projects went from each grade to each => compare 年度1 年度2 grades [where 条件]  匹配项目从各等级变为各等级的数量
    chart AGGREGATE [where COND] by FIELD   horizontal bars => chart 汇总 [where 条件] by 字段         横向条形图
    trend AGGREGATE | 优秀率 | 优良率 | 执行率   a figure across the years, with a sparkline => trend 汇总 | 优秀率 | 优良率 | 执行率        指标的逐年变化，附迷你走势图
    Grades are as recorded; add recomputed for the grades under the rules in force: => 等级为填报等级；加 recomputed 可查看按现行规则重算的等级：
    A repeated name pairs by order, or by closest budget when it occurs a different number of times. => 重复的名称按顺序配对；出现次数不同时按预算最接近者配对。
    Examples (two-year data: jixiao --data Tests/ShellTests/Fixtures/two-years): => 示例（两个年度的数据：jixiao --data Tests/ShellTests/Fixtures/two-years）：
    load PATH [--encoding utf-8|gb18030]      a dataset folder or file (.csv, .xlsx, .json, .md) => load 路径 [--encoding utf-8|gb18030]      数据集文件夹或文件（.csv、.xlsx、.json、.md）
    import report FILE [--save DIR]           a report's text: figures and project table, then check => import report 文件 [--save 文件夹]        报告正文：读取数字和项目表，然后核查
    import FILE.xlsx [--save DIR]             a workbook's sheets of projects, departments, funds, indicators => import 文件.xlsx [--save 文件夹]          工作簿中的 projects、departments、funds、indicators 工作表
    CSV in GB18030 (Chinese Excel) is detected; --encoding names it. A failed load => GB18030 编码的 CSV（中文版 Excel）会自动识别；也可用 --encoding 指定。载入失败时
    changes nothing; data already loaded is never loaded twice. => 不做任何改变；已载入的数据不会重复载入。
    export csv|json|markdown|xlsx FILE [--force] [--no-bom] [STATEMENT] => export csv|json|markdown|xlsx 文件 [--force] [--no-bom] [语句]
    Writes the last result, or the statement's result, to FILE. A file is written => 将上一个结果或该语句的结果写入文件。文件要么完整写入，要么不写，
    whole or not at all and never replaced without --force. A CSV starts with a byte => 不加 --force 绝不替换已有文件。CSV 以字节顺序标记（BOM）开头，
    order mark so Chinese Excel opens it as it is; --no-bom leaves it out. => 中文版 Excel 可直接正确打开；--no-bom 则不加。
    save DIR [--force] => save 文件夹 [--force]
    Writes the session's data, edits included, as dataset CSVs. => 将本次会话的数据（含修改）写成数据集 CSV 文件。
    Grades: 优 (≥ 90)  良 (≥ 80)  中 (≥ 60)  差 (< 60) under the national rules; rules shows the bands in force. => 等级：按 national 规则为 优（≥ 90）  良（≥ 80）  中（≥ 60）  差（< 60）；rules 可查看现行分数段。
    Also written A B C D, excellent good fair poor, you liang zhong cha. => 亦可写作 A B C D，或其英文、拼音。
    Grades compare by merit: grade >= 良 means 优 or 良. => 等级按优劣比较：grade >= 良 表示 优 或 良。
    # ---- HelpTopics: built lines
    Topics: help => 主题：help
    Topics: help {=} => 主题：help {}
    Fields of projects (English name, Chinese names): => 项目字段（英文名，中文名）：
    no help on '{=}' => 没有关于“{}”的帮助
    no help on '{=}' ({}) => 没有关于“{}”的帮助（{}）
    # ---- .help list (DotCommand.swift): the description after the spaces
    how results are written => 结果的输出格式
    show at most N rows of a table (0: all); the count is always shown => 表格最多显示 N 行（0：全部）；总行数总会显示
    border characters; 'wide' draws ambiguous-width characters as two columns => 边框字符；wide 表示将宽度不确定的字符按两列绘制
    print how long each statement took => 显示每条语句的耗时
    send results to FILE (no FILE: back to the screen); quote a name with spaces => 将结果输出到文件（不带文件：改回屏幕）；含空格的名称请加引号
    send only the next result to FILE => 只将下一个结果输出到文件
    run the statements in FILE => 运行文件中的语句
    print each statement before its result (demo scripts) => 在结果前显示每条语句（用于演示脚本）
    what a missing value shows in tables (default: nothing) => 缺失值在表格中的显示内容（默认：空白）
    digits in threes (1,234.5) or plain (1234.5) in tables; CSV and JSON stay plain => 表格中数字按千位分组（1,234.5）或不分组（1234.5）；CSV 与 JSON 始终不分组
    colours for headers and errors (NO_COLOR turns them off) => 表头和错误的颜色（设置 NO_COLOR 可关闭）
    the language of headers, notes, messages and help (data is never translated) => 表头、说明、消息和帮助所用的语言（数据从不翻译）
    this list => 本列表
    leave (also Ctrl-D) => 退出（也可按 Ctrl-D）
    leave with exit status N (0-255) => 退出，退出状态为 N（0-255）
    """
}
