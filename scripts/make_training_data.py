#!/usr/bin/env python3
"""Writes the fictional training dataset samples/shili-training/.

示例镇人民政府 does not exist. Every figure below is invented for teaching and
testing; nothing here describes a real unit.

The script is deterministic (no randomness) and uses the Python standard library
only. It computes every recorded indicator point, 执行率 point and score from the
national rules (财预〔2020〕10号 defaults), then applies the deliberate
inconsistencies listed in DELIBERATE, audits the result, and refuses to write
anything unless the audit finds exactly the declared inconsistencies.

Run from anywhere:  python3 scripts/make_training_data.py
Check only:         python3 scripts/make_training_data.py --check
"""

import csv
import io
import sys
from fractions import Fraction as F
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "shili-training"
UNIT = "示例镇人民政府"

GENERAL = "一般公共预算"
GOVFUND = "政府性基金预算"
SOCIAL = "社保基金预算"
CAPITAL = "国有资本经营预算"
FUNDS = [GENERAL, GOVFUND, SOCIAL, CAPITAL]

ACHIEVED = "达成年度指标"
PARTLY = "部分达成年度指标并具有一定效果"
MISSED = "未达成年度指标且效果较差"

# Tier ranges as fractions of the weight: (low, high), both inclusive here; the
# national text makes each bottom inclusive and each top exclusive except 100 %.
NATIONAL_TIERS = {ACHIEVED: (F(80, 100), F(1)), PARTLY: (F(60, 100), F(80, 100)), MISSED: (F(0), F(60, 100))}
TWENTY_TIERS = {ACHIEVED: (F(80, 100), F(1)), PARTLY: (F(50, 100), F(80, 100)), MISSED: (F(0), F(50, 100))}


def in_tier(tiers, tier, points, weight):
    low, high = tiers[tier]
    share = F(points) / F(weight)
    if tier == ACHIEVED:
        return low <= share <= high
    return low <= share < high


# ---------------------------------------------------------------------------
# Exact decimals


def D(text):
    """An exact decimal from text."""
    return F(text)


def fmt(x, places=4):
    """Shortest decimal text of an exact value; refuses values needing more places."""
    x = F(x)
    scaled = x * 10**places
    if scaled.denominator != 1:
        raise ValueError(f"{float(x)} needs more than {places} decimals")
    n = scaled.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    whole, frac = divmod(n, 10**places)
    if frac == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{str(frac).rjust(places, '0').rstrip('0')}"


def round2(x):
    """Round half up to 2 decimals (scores and points are never negative)."""
    x = F(x)
    return F(int(x * 100 + F(1, 2)), 100)


def pct(x):
    """A ratio printed as a percentage with up to 2 decimals, e.g. '99.29%'."""
    return fmt(round2(F(x) * 100), 2) + "%"


def band(score):
    score = F(score)
    if score >= 90:
        return "优"
    if score >= 80:
        return "良"
    if score >= 60:
        return "中"
    return "差"


# ---------------------------------------------------------------------------
# Indicator templates: (level1, level2, name, kind, target, weight).
# Weights per level1 sum to 产出 50, 效益 30, 满意度 10. Target "BUDGET" means the
# project's adjusted budget (a cost ceiling, 反向), whose actual is the amount spent.


def generic(count_name, count_target, quality_name, benefit_name, benefit_target, satisfaction_name):
    return [
        ("产出", "数量", count_name, "正向", count_target, 20),
        ("产出", "质量", quality_name, "正向", "100", 15),
        ("产出", "时效", "按时完成率", "正向", "100", 15),
        ("效益", "社会效益", benefit_name, "定性", benefit_target, 30),
        ("满意度", "服务对象满意度", satisfaction_name, "正向", "90", 10),
    ]


TEMPLATES = {
    "repair": [
        ("产出", "数量", "维修面积", "正向", "1500", 15),
        ("产出", "质量", "工程验收合格率", "正向", "100", 15),
        ("产出", "时效", "按期完工率", "正向", "100", 10),
        ("产出", "成本", "每平方米维修成本", "反向", "80", 10),
        ("效益", "经济效益", "减少后期维修支出", "定性", "后期维修支出明显减少", 10),
        ("效益", "社会效益", "办公条件改善", "定性", "办公条件明显改善", 10),
        ("效益", "可持续影响", "设施使用年限", "正向", "10", 10),
        ("满意度", "服务对象满意度", "干部职工满意度", "正向", "95", 10),
    ],
    "cadre": [
        ("产出", "数量", "补贴村干部人数", "正向", "96", 20),
        ("产出", "质量", "补贴发放准确率", "正向", "100", 15),
        ("产出", "时效", "补贴按月发放率", "正向", "100", 15),
        ("效益", "社会效益", "村级组织正常运转", "定性", "保障村级组织正常运转", 20),
        ("效益", "可持续影响", "村干部队伍稳定性", "定性", "村干部队伍保持稳定", 10),
        ("满意度", "服务对象满意度", "村干部满意度", "正向", "95", 10),
    ],
    "office": [
        ("产出", "数量", "保障村（社区）数量", "正向", "24", 20),
        ("产出", "质量", "资金使用合规率", "正向", "100", 15),
        ("产出", "成本", "项目总成本", "反向", "BUDGET", 15),
        ("效益", "社会效益", "村级组织办公条件改善", "定性", "办公条件明显改善", 30),
        ("满意度", "服务对象满意度", "村民满意度", "正向", "90", 10),
    ],
    "service": [
        ("产出", "数量", "服务群众项目个数", "正向", "24", 20),
        ("产出", "质量", "项目验收合格率", "正向", "100", 15),
        ("产出", "时效", "资金拨付及时率", "正向", "100", 15),
        ("效益", "社会效益", "群众办事便利度", "定性", "群众办事更加便利", 15),
        ("效益", "可持续影响", "服务群众长效机制", "定性", "建立服务群众长效机制", 15),
        ("满意度", "服务对象满意度", "群众满意度", "正向", "90", 10),
    ],
    "party": [
        ("产出", "数量", "党员培训人次", "正向", "300", 20),
        ("产出", "质量", "党员培训覆盖率", "正向", "100", 10),
        ("产出", "时效", "按计划完成率", "正向", "100", 10),
        ("产出", "成本", "人均培训成本", "反向", "200", 10),
        ("效益", "社会效益", "基层党组织凝聚力", "定性", "凝聚力明显增强", 30),
        ("满意度", "服务对象满意度", "党员满意度", "正向", "95", 10),
    ],
    "fire": [
        ("产出", "数量", "森林防火巡查次数", "正向", "120", 15),
        ("产出", "数量", "防汛物资储备点", "正向", "8", 10),
        ("产出", "质量", "隐患整改率", "正向", "100", 15),
        ("产出", "时效", "汛前准备完成时限", "定性", "5月31日前完成", 10),
        ("效益", "社会效益", "火灾及汛期人员伤亡", "定性", "无重大火灾、无人员伤亡", 20),
        ("效益", "可持续影响", "防灾减灾能力", "定性", "防灾减灾能力持续提升", 10),
        ("满意度", "服务对象满意度", "群众满意度", "正向", "90", 10),
    ],
    "boiler": [
        ("产出", "数量", "清洁取暖改造户数", "正向", "400", 20),
        ("产出", "质量", "改造验收合格率", "正向", "100", 15),
        ("产出", "时效", "采暖季前完成率", "正向", "100", 15),
        ("效益", "生态效益", "散煤替代量", "正向", "1600", 15),
        ("效益", "可持续影响", "清洁取暖长效运行", "定性", "设备长期稳定运行", 15),
        ("满意度", "服务对象满意度", "受益群众满意度", "正向", "90", 10),
    ],
    "env": [
        ("产出", "数量", "清运生活垃圾量", "正向", "1200", 15),
        ("产出", "数量", "整治村庄个数", "正向", "24", 10),
        ("产出", "质量", "垃圾无害化处理率", "正向", "95", 15),
        ("产出", "成本", "每吨垃圾清运成本", "反向", "150", 10),
        ("效益", "生态效益", "村容村貌改善", "定性", "村容村貌明显改善", 15),
        ("效益", "社会效益", "农村人居环境提升", "定性", "人居环境持续提升", 15),
        ("满意度", "服务对象满意度", "群众满意度", "正向", "90", 10),
    ],
    "census": [
        ("产出", "数量", "普查对象完成数", "正向", "1800", 20),
        ("产出", "质量", "数据差错率", "反向", "1", 15),
        ("产出", "时效", "按期完成率", "正向", "100", 15),
        ("效益", "可持续影响", "普查成果应用", "定性", "成果用于防灾减灾规划", 30),
        ("满意度", "服务对象满意度", "普查对象满意度", "正向", "90", 10),
    ],
    "census5": [
        ("产出", "数量", "普查单位完成数", "正向", "260", 20),
        ("产出", "质量", "数据差错率", "反向", "1", 15),
        ("产出", "时效", "按期完成率", "正向", "100", 15),
        ("效益", "可持续影响", "普查成果应用", "定性", "成果服务经济决策", 30),
        ("满意度", "服务对象满意度", "普查对象满意度", "正向", "90", 10),
    ],
    "npc": generic("代表履职活动次数", "12", "代表活动参与率", "代表联系群众作用", "作用充分发挥", "代表满意度"),
    "youth": generic("团员青年活动次数", "10", "活动完成率", "青年凝聚力", "青年凝聚力增强", "团员青年满意度"),
    "militia": generic("民兵训练人次", "120", "训练合格率", "民兵应急能力", "应急处突能力提升", "民兵满意度"),
    "security": generic("矛盾纠纷排查次数", "48", "矛盾纠纷化解率", "社会和谐稳定", "辖区社会和谐稳定", "群众满意度"),
    "poverty": generic("帮扶脱贫户数", "60", "帮扶资金到户率", "脱贫成果巩固", "无规模性返贫", "帮扶对象满意度"),
    "silicosis": generic("补助人数", "3", "补助发放准确率", "保障基本生活", "补助对象基本生活有保障", "补助对象满意度"),
    "insurance": generic("参保患者人数", "86", "应保尽保率", "肇事肇祸风险降低", "无肇事肇祸事件", "监护人满意度"),
    "happy": generic("入住老人数", "30", "运营补助发放准确率", "老人生活质量改善", "老人生活质量明显改善", "入住老人满意度"),
    "civ": generic("文明实践活动场次", "40", "活动完成率", "乡风文明提升", "乡风文明明显提升", "群众满意度"),
    "veterans": generic("服务退役军人人次", "200", "优抚资金发放准确率", "退役军人权益保障", "权益得到保障", "退役军人满意度"),
    "land": generic("整治土地面积", "200", "工程验收合格率", "耕地质量提升", "耕地质量明显提升", "群众满意度"),
    "revital": generic("支持产业项目个数", "5", "项目验收合格率", "脱贫户增收", "脱贫户持续增收", "受益群众满意度"),
    "toilet": generic("改厕户数", "300", "改厕验收合格率", "农村人居环境改善", "人居环境明显改善", "受益群众满意度"),
}

# ---------------------------------------------------------------------------
# The projects. Each: seq, name, fund, initial, budget, spent (None = empty),
# template (None = no indicator rows; then "score" is the recorded score),
# act = {indicator index: actual value, or (tier, points) for 定性}. Indicators not
# in act are fully achieved (正向 actual = target, 反向 actual = target, 定性 达成 at
# full weight). rec = recorded values that override the computed ones (the
# deliberate inconsistencies; each also listed in DELIBERATE).

N_CADRE = "村级组织运转经费-村干部基础职务补贴"
N_OFFICE = "村级组织运转经费-村级组织办公经费"
N_SERVICE = "村级组织运转经费-服务群众专项经费"
N_REPAIR = "办公楼及附属设施维修项目资金"
N_PARTY = "党建工作经费"
N_FIRE = "防火防汛工作经费"
N_BOILER = "燃煤锅炉改造及清洁能源补贴（运转保障）"
N_NPC = "人大代表之家工作经费"
N_POVERTY = "扶贫工作专项经费"
N_KEYPROJ = "服务重点项目工作经费"
N_YOUTH = "团委工作经费"
N_MILITIA = "专项武装经费"
N_SILICOSIS = "矽肺病人员伤残补助"
N_ENV = "农村环境综合整治工作经费"
N_INSURANCE = "严重精神障碍患者监护人责任险"
N_CENSUS = "自然灾害综合风险普查经费"
N_SECURITY = "综治工作经费"
N_COVID = "疫情防控工作经费"
N_HAPPY = "农村幸福院运营补助（彩票公益金）"
N_CIV = "新时代文明实践站建设经费"
N_VETERANS = "退役军人服务站工作经费"
N_LAND = "土地整治项目工作经费"
N_REVITAL = "乡村振兴衔接资金项目"
N_CENSUS5 = "第五次全国经济普查经费"
N_TOILET = "农村厕所改造奖补资金"


def P(seq, name, fund, initial, budget, spent, tpl=None, act=None, score=None, rec=None):
    return dict(
        seq=seq, name=name, fund=fund, initial=initial, budget=budget, spent=spent,
        tpl=tpl, act=act or {}, score=score, rec=rec or {},
    )


PROJECTS = {
    2021: [
        P(1, N_REPAIR, GENERAL, "12", "12", "12", "repair"),
        P(2, N_CADRE, GENERAL, "66.24", "66.24", "66.24", "cadre"),
        P(3, N_CADRE, GENERAL, "215", "220.5", "198.45", "cadre",
          {0: "90", 2: "80", 3: (PARTLY, "15"), 4: (PARTLY, "7")}),
        P(4, N_OFFICE, GENERAL, "58", "58", "58", "office", {3: (ACHIEVED, "25")}),
        P(5, N_SERVICE, GENERAL, "110", "110", "104.5", "service"),
        # 反向 with actual above target: R1 gives 8, R2 gives 7.5.
        P(6, N_PARTY, GENERAL, "1.2", "1.2", "1.2", "party", {3: "250"}),
        # Overspent (105 %): 执行率 points capped at 10.
        P(7, N_FIRE, GENERAL, "8", "8", "8.4", "fire",
          {0: "96", 3: (PARTLY, "7"), 4: (PARTLY, "14")}),
        # Low spending rate (65 %), just above 90: drops a grade under the 20-point set or 优 ≥ 95.
        P(8, N_BOILER, GENERAL, "40", "40", "26", "boiler", {3: "1200", 4: (ACHIEVED, "13.5")}),
        P(9, N_NPC, GENERAL, "1", "1", "1", "npc"),
        P(10, N_POVERTY, GENERAL, "3.5", "3.5", "3.5", "poverty",
          {0: "36", 1: "80", 3: (MISSED, "14"), 4: "81"}),
        P(11, N_KEYPROJ, GENERAL, "6", "6", "6", score="95"),
        P(12, N_YOUTH, GENERAL, "1", "1", "1", "youth"),
        # Computes to 89.5 (良); recorded 优 (rounded to 90 before grading).
        P(13, N_MILITIA, GENERAL, "2", "2", "2", "militia",
          {0: "102", 2: "90", 3: (ACHIEVED, "24")}, rec={"grade": "优"}),
        P(14, N_SILICOSIS, GENERAL, "0.432", "0.432", "0.432", "silicosis"),
        P(15, N_ENV, GENERAL, "4", "4", "3", "env",
          {0: "900", 2: "76", 4: (PARTLY, "10.5"), 5: (PARTLY, "9"), 6: "72"}),
        P(16, N_INSURANCE, GENERAL, "1.2", "1.18", "1.18", "insurance"),
        # Added mid-year: 年初 0.
        P(17, N_CENSUS, GENERAL, "0", "2.5", "2.5", "census", {1: "0.6"}),
        # 决算数 not stated: 执行率 and computed score unknown.
        P(18, N_SECURITY, GENERAL, "3", "3", None, "security", rec={"rate_points": "10"}),
        P(19, N_COVID, GENERAL, "15", "18.6", "18.6", score="98"),
        P(20, N_HAPPY, GOVFUND, "5", "5", "4.5", "happy"),
    ],
    2022: [
        P(1, N_CADRE, GENERAL, "67.8", "67.8", "67.8", "cadre"),
        P(2, N_CADRE, GENERAL, "224.6", "224.6", "224.6", "cadre", {4: (ACHIEVED, "8.5"), 5: "90.25"}),
        # Boundary 89.99: 9.99 + 80.
        P(3, N_OFFICE, GENERAL, "60", "60", "59.94", "office", {1: "80", 3: (ACHIEVED, "24"), 4: "81"}),
        P(4, N_SERVICE, GENERAL, "115", "115", "115", "service", {3: (ACHIEVED, "13.5")}),
        # 部分达成 at 55 % of the weight: outside the national 60–80 % tier, inside 50–80 %.
        P(5, N_PARTY, GENERAL, "1.2", "1.2", "1.2", "party", {4: (PARTLY, "16.5")}),
        # Recorded score 97.5, but its recorded points add up to 95.5.
        P(6, N_FIRE, GENERAL, "7.5", "7.5", "7.5", "fire", {3: (ACHIEVED, "8"), 4: (ACHIEVED, "17.5")},
          rec={"score": "97.5"}),
        P(7, N_BOILER, GENERAL, "40", "42", "42", "boiler", {3: "1440", 4: (ACHIEVED, "14")}),
        P(8, N_NPC, GENERAL, "1", "1", "1", score="100"),
        # Spending rate 2/3: 执行率 points 6.6667, recorded 6.67; score 81.17 (良), 78.93 (中) under the 20-point set.
        P(9, N_POVERTY, GENERAL, "4.5", "4.5", "3", "poverty",
          {0: "57", 2: "70", 3: (PARTLY, "20")}),
        P(10, N_KEYPROJ, GENERAL, "6", "6", "6", score="92"),
        P(11, N_YOUTH, GENERAL, "1", "1", "1", score="88"),
        P(12, N_MILITIA, GENERAL, "2", "2", "2", "militia"),
        P(13, N_SILICOSIS, GENERAL, "0.432", "0.432", "0.432", "silicosis"),
        P(14, N_ENV, GENERAL, "4", "4.5", "4.5", "env", {0: "1080", 4: (ACHIEVED, "12"), 5: (PARTLY, "10.5")}),
        P(15, N_INSURANCE, GENERAL, "1.18", "1.18", "1.18", "insurance"),
        # Boundary 90.00 at a 75 % spending rate; 反向 差错率 1.25 against ≤ 1: R1 12, R2 11.25 (→ 89.25, 良).
        P(16, N_CENSUS, GENERAL, "3", "3", "2.25", "census", {0: "1620", 1: "1.25", 3: (ACHIEVED, "27.5")}),
        P(17, N_SECURITY, GENERAL, "3", "3", "3", "security", {3: (ACHIEVED, "27")}),
        P(18, N_HAPPY, GOVFUND, "5", "5", "5", "happy", {3: (ACHIEVED, "26")}),
        # 达成 recorded at 70 % of the weight: outside the 达成 tier under both rule sets.
        P(19, N_CIV, GENERAL, "10", "10", "9", "civ", {3: (ACHIEVED, "21")}),
        P(20, N_VETERANS, GENERAL, "3", "3", "3", "veterans",
          {0: "150", 1: "90", 3: (PARTLY, "19.5"), 4: "72"}),
        # Boundary 80.00 at an 80 % spending rate; 部分达成 at exactly 60 %.
        P(21, N_LAND, GOVFUND, "25", "25", "20", "land", {2: "60", 3: (PARTLY, "18")}),
    ],
    2023: [
        P(1, N_REPAIR, GENERAL, "15", "16", "16", "repair", {6: "8", 7: "93.1"}),
        P(2, N_CADRE, GENERAL, "70.08", "70.08", "70.08", "cadre"),
        # 70 % spending rate, 81.75 (良): 79 (中) under the 20-point set.
        P(3, N_CADRE, GENERAL, "232", "232", "162.4", "cadre",
          {0: "90", 3: (PARTLY, "12"), 4: (PARTLY, "6"), 5: "76"}),
        P(4, N_OFFICE, GENERAL, "62", "62", "62", "office"),
        P(5, N_SERVICE, GENERAL, "120", "120", "120", "service"),
        P(6, N_PARTY, GENERAL, "1.5", "1.5", "1.5", "party", {3: "180"}),
        P(7, N_FIRE, GENERAL, "8", "8", "8", "fire"),
        P(8, N_SERVICE, GENERAL, "6.3", "6.3", "6.3", "service", {3: (ACHIEVED, "14")}),
        # 70 % spending rate, 80.5 (良): 78.5 (中) under the 20-point set.
        P(9, N_BOILER, GENERAL, "40", "40", "28", "boiler",
          {0: "360", 2: "80", 3: "960", 4: (PARTLY, "10.5"), 5: "81"}),
        P(10, N_KEYPROJ, GENERAL, "6", "6", "6", score="96"),
        # 执行率 80 % gives 8 points; the form recorded 10, so the recorded score is 100, not 98.
        P(11, N_MILITIA, GENERAL, "2", "2", "1.6", "militia", rec={"rate_points": "10", "score": "100"}),
        P(12, N_SILICOSIS, GENERAL, "0.432", "0.432", "0.432", "silicosis"),
        # 反向 with actual above target: R1 10 × 150/180 is not exact, so use 200 → R1 7.5, R2 6.667.
        P(13, N_ENV, GENERAL, "4.5", "4.5", "4.5", "env", {3: "200", 4: (ACHIEVED, "14")}),
        P(14, N_INSURANCE, GENERAL, "1.18", "1.18", "1.18", score="100"),
        # Computes to 79.5 (中); recorded 良.
        P(15, N_SECURITY, GENERAL, "3", "3", "3", "security",
          {0: "36", 1: "90", 3: (PARTLY, "18"), 4: "72"}, rec={"grade": "良"}),
        P(16, N_HAPPY, GOVFUND, "5", "5", "5", score="100"),
        P(17, N_CIV, GENERAL, "10", "10", "10", "civ"),
        P(18, N_VETERANS, GENERAL, "3", "3", "3", "veterans", {0: "170", 3: (ACHIEVED, "24")}),
        # 调整后预算 0 (the money was withdrawn); the form still recorded 10 执行率 points.
        P(19, N_LAND, GOVFUND, "20", "0", "0", "land", rec={"rate_points": "10"}),
        # 50 % spending rate, all indicators met: 95 (优); 90 (优, on the boundary) under the 20-point set.
        P(20, N_REVITAL, GENERAL, "80", "80", "40", "revital"),
        # Added mid-year: 年初 0.
        P(21, N_CENSUS5, GENERAL, "0", "3.6", "3.6", "census5", {1: "0.5"}),
        # Boundary 59.99 (差).
        P(22, N_TOILET, GENERAL, "30", "30", "15", "toilet",
          {0: "150", 1: "90", 2: "50", 3: (MISSED, "13.99")}),
    ],
}

# Every deliberate inconsistency: (year, seq, check, description). The audit below
# must find exactly these (check names are the audit's).
DELIBERATE = [
    (2021, 13, "grade_band", "recorded grade 优, but its score 89.5 is in the 良 band"),
    (2021, 18, "spent_missing", "决算数 empty: 执行率 and the computed score are unknown (recorded score 100)"),
    (2022, 5, "tier_national", "定性 基层党组织凝聚力 部分达成 recorded 16.5 of 30 (55 %): outside the national 60–80 % tier, inside the 20-point set's 50–80 %"),
    (2022, 6, "score_points_sum", "recorded score 97.5, but 执行率 10 + indicator points 85.5 = 95.5"),
    (2022, 6, "score_rule", "recorded score 97.5, the national rules give 95.5"),
    (2022, 19, "tier_national", "定性 乡风文明提升 达成 recorded 21 of 30 (70 %): below the 达成 tier's 80 %"),
    (2022, 19, "tier_twenty", "the same 21 of 30 is outside the 达成 tier under the 20-point set too"),
    (2023, 11, "rate_points_rule", "执行率 80 % gives 8 points; the form recorded 10"),
    (2023, 11, "score_rule", "recorded score 100, the national rules give 98"),
    (2023, 15, "grade_band", "recorded grade 良, but its score 79.5 is in the 中 band"),
    (2023, 19, "budget_zero", "调整后预算 0 (决算 0): 执行率 is 0 ÷ 0, so the computed score is unknown; the form recorded 10 执行率 points"),
]

# Department-level figures as the (fictional) reports state them. Counts and
# totals that are not given here are taken from the project rows; MISSTATED
# lists what differs from the project rows on purpose.
DEPARTMENTS = {
    2021: dict(initial="1080.35", budget="1196.42", spent="1187.9", score="92.6", grade="优",
               staff=72, internal_units=9, budget_units=1),
    2022: dict(initial="1125.6", budget="1230.8", spent="1218.492", score="94.1", grade="优",
               staff=74, internal_units=9, budget_units=1),
    2023: dict(initial="1150.4", budget="1402.36", spent="1395.35", score="93.8", grade="优",
               staff=75, internal_units=9, budget_units=1),
}
# 2021 #18 (综治) spent 3 according to the department's own books; the project table leaves it empty.
SECURITY_2021_SPENT = "3"
# 2023: the 本级项目支出自评 line states the sum of 年初预算 (719.992, printed 719.99)
# where the sum of 调整后预算 (704.592) belongs.
EVALUATED_BUDGET_2023 = "719.99"

DEPARTMENT_MISSTATEMENTS = [
    (2021, "count_excellent / count_good", "stated 优 one more and 良 one fewer than the table's recorded grades"),
    (2021, "excellent_rate", "评优率 printed is the 优良率 ((优 + 良) ÷ projects), not 优 ÷ projects"),
    (2023, "rate", "支出率 printed is 决算 ÷ 年初预算, not 决算 ÷ 调整后预算"),
    (2023, "budget", "调整后预算 printed with 元 instead of 万元"),
    (2023, "evaluated_budget", "自评预算资金 719.99 is the sum of 年初预算 (719.992), not of 调整后预算 (704.592); the 一般公共预算 funds line repeats it (714.99 = 719.99 − 5)"),
]

# ---------------------------------------------------------------------------
# Computation


def expand(year, p):
    """The project's indicator rows with actual values and rule points (R1 for 反向)."""
    rows = []
    if p["tpl"] is None:
        return rows
    for i, (l1, l2, name, kind, target, weight) in enumerate(TEMPLATES[p["tpl"]]):
        if target == "BUDGET":
            target = p["budget"]
            default_actual = p["spent"]
        else:
            default_actual = target
        a = p["act"].get(i)
        w = F(weight)
        if kind == "定性":
            tier, pts = a if a is not None else (ACHIEVED, str(weight))
            rows.append(dict(level1=l1, level2=l2, name=name, kind=kind, target=target, actual=tier,
                             weight=w, points=F(pts), r2=F(pts)))
            continue
        actual = a if a is not None else default_actual
        t, v = F(target), F(actual)
        if kind == "正向":
            pts = w * min(v / t, 1)
            r2 = pts
        else:
            pts = w if v <= t else w * t / v
            r2 = w if v <= t else max(F(0), w * (1 - (v - t) / t))
        rows.append(dict(level1=l1, level2=l2, name=name, kind=kind, target=fmt(t), actual=fmt(v),
                         weight=w, points=pts, r2=r2))
    return rows


def exec_points(p, weight=10):
    if p["spent"] is None or F(p["budget"]) == 0:
        return None
    return weight * min(F(p["spent"]) / F(p["budget"]), F(1))


def national_score(p, rows):
    e = exec_points(p)
    if e is None or not rows:
        return None
    return e + sum(r["points"] for r in rows)


def twenty_score(p, rows):
    """The alternative set: 执行率 20, 产出 40 (each 产出 indicator keeps its share of its weight)."""
    e = exec_points(p, 20)
    if e is None or not rows:
        return None
    total = e
    for r in rows:
        total += r["points"] * (F(40, 50) if r["level1"] == "产出" else 1)
    return total


def r2_score(p, rows):
    e = exec_points(p)
    if e is None or not rows:
        return None
    return e + sum(r["r2"] for r in rows)


ROUNDED_OK = {(2022, 9)}  # the one project whose 执行率 points (6.6667) are not exact at 2 decimals


def build():
    projects, indicators = [], []
    for year, plist in PROJECTS.items():
        seqs = [p["seq"] for p in plist]
        assert seqs == list(range(1, len(plist) + 1)), year
        for p in plist:
            rows = expand(year, p)
            # Weights per level1 must be 50 / 30 / 10.
            if rows:
                sums = {}
                for r in rows:
                    sums[r["level1"]] = sums.get(r["level1"], 0) + r["weight"]
                assert sums == {"产出": 50, "效益": 30, "满意度": 10}, (year, p["seq"], sums)
                assert 5 <= len(rows) <= 8
            e = exec_points(p)
            rate_points = round2(e) if e is not None else None
            if e is not None and (year, p["seq"]) not in ROUNDED_OK:
                assert round2(e) == e, (year, p["seq"], float(e))
            for r in rows:
                assert round2(r["points"]) == r["points"], (year, p["seq"], r["name"], float(r["points"]))
                assert 0 <= r["points"] <= r["weight"]
            rec = p["rec"]
            if "rate_points" in rec:
                rate_points = F(rec["rate_points"])
            if not rows:
                score = F(p["score"])
            elif "rate_points" in rec:
                # The form's recorded score is its own sum of recorded points.
                score = rate_points + sum(r["points"] for r in rows)
            else:
                score = round2(national_score(p, rows))
            if "score" in rec:
                score = F(rec["score"])
            grade = rec.get("grade", band(score))
            projects.append(dict(
                year=year, unit=UNIT, seq=p["seq"], name=p["name"], fund=p["fund"], budget=p["budget"],
                initial=p["initial"], spent=p["spent"] or "", score=fmt(score, 2), grade=grade,
                rate_points="" if rate_points is None else fmt(rate_points, 2),
                _rows=rows, _p=p,
            ))
            for r in rows:
                indicators.append(dict(
                    year=year, unit=UNIT, seq=p["seq"], level1=r["level1"], level2=r["level2"], name=r["name"],
                    kind=r["kind"], target=r["target"], actual=r["actual"], weight=fmt(r["weight"]),
                    points=fmt(r["points"], 2),
                ))
    return projects, indicators


def grade_counts(plist):
    c = {g: 0 for g in "优良中差"}
    for p in plist:
        c[p["grade"]] += 1
    return c


def departments_and_funds(projects):
    deps, funds = [], []
    for year, d in DEPARTMENTS.items():
        plist = [p for p in projects if p["year"] == year]
        n = len(plist)
        s_init = sum(F(p["initial"]) for p in plist)
        s_budget = sum(F(p["budget"]) for p in plist)
        if year == 2021:
            s_spent = sum(F(p["spent"] or SECURITY_2021_SPENT) for p in plist)
        else:
            s_spent = sum(F(p["spent"]) for p in plist)
        c = grade_counts(plist)
        row = dict(year=year, unit=UNIT, initial=d["initial"], budget=d["budget"], spent=d["spent"],
                   rate=pct(F(d["spent"]) / F(d["budget"])), project_count=n, project_initial=fmt(s_init),
                   project_budget=fmt(s_budget), project_spent=fmt(s_spent), project_rate=pct(s_spent / s_budget),
                   evaluated_count=n, evaluated_budget=fmt(s_budget),
                   count_excellent=c["优"], count_good=c["良"], count_fair=c["中"], count_poor=c["差"],
                   excellent_rate=pct(F(c["优"], n)), score=d["score"], grade=d["grade"], staff=d["staff"],
                   internal_units=d["internal_units"], budget_units=d["budget_units"])
        if year == 2021:
            row["count_excellent"] = c["优"] + 1
            row["count_good"] = c["良"] - 1
            row["excellent_rate"] = pct(F(c["优"] + c["良"], n))
        if year == 2023:
            row["rate"] = pct(F(d["spent"]) / F(d["initial"]))
            row["budget"] = d["budget"] + "元"
            row["evaluated_budget"] = EVALUATED_BUDGET_2023
        deps.append(row)
        # Funds: count and budget per budget book; share = the share of that book's
        # project spending the evaluation covers (100 % when it has projects).
        stated_total = F(row["evaluated_budget"])
        for fund in FUNDS:
            fp = [p for p in plist if p["fund"] == fund]
            b = sum((F(p["budget"]) for p in fp), F(0))
            if fund == GENERAL and year == 2023:
                # The misstated total is carried into the 一般公共预算 line.
                b = stated_total - sum(F(p["budget"]) for p in plist if p["fund"] != GENERAL)
            funds.append(dict(year=year, unit=UNIT, fund=fund, project_count=len(fp), budget=fmt(b),
                              share="100%" if fp else "0%"))
    return deps, funds


# ---------------------------------------------------------------------------
# Audit: recompute from the written rows alone and list what disagrees.


def audit(projects, indicators):
    found = set()
    by_key = {}
    for i in indicators:
        by_key.setdefault((i["year"], i["seq"]), []).append(i)
    for p in projects:
        key = (p["year"], p["seq"])
        rows = by_key.get(key, [])
        score = F(p["score"])
        if p["grade"] != band(score):
            found.add(key + ("grade_band",))
        if p["spent"] == "":
            found.add(key + ("spent_missing",))
        if F(p["budget"]) == 0:
            found.add(key + ("budget_zero",))
        e = None
        if p["spent"] != "" and F(p["budget"]) != 0:
            e = 10 * min(F(p["spent"]) / F(p["budget"]), F(1))
            if p["rate_points"] != "" and F(p["rate_points"]) != round2(e):
                found.add(key + ("rate_points_rule",))
        if not rows:
            continue
        pts = sum(F(r["points"]) for r in rows)
        if p["rate_points"] != "" and F(p["rate_points"]) + pts != score:
            found.add(key + ("score_points_sum",))
        for r in rows:
            w = F(r["weight"])
            if r["kind"] == "定性":
                if not in_tier(NATIONAL_TIERS, r["actual"], F(r["points"]), w):
                    found.add(key + ("tier_national",))
                if not in_tier(TWENTY_TIERS, r["actual"], F(r["points"]), w):
                    found.add(key + ("tier_twenty",))
            else:
                t, v = F(r["target"]), F(r["actual"])
                rule = w * min(v / t, 1) if r["kind"] == "正向" else (w if v <= t else w * t / v)
                if round2(rule) != F(r["points"]):
                    found.add(key + ("points_rule",))
        if e is not None:
            nat = e + sum(F(r["points"]) for r in rows)
            if round2(nat) != score:
                found.add(key + ("score_rule",))
    return found


def audit_departments(projects, deps, funds):
    found = set()
    for d in deps:
        y = d["year"]
        plist = [p for p in projects if p["year"] == y]
        n = len(plist)
        c = grade_counts(plist)
        if (d["count_excellent"], d["count_good"], d["count_fair"], d["count_poor"]) != (c["优"], c["良"], c["中"], c["差"]):
            found.add((y, "counts"))
        if d["excellent_rate"] != pct(F(c["优"], n)):
            found.add((y, "excellent_rate"))
        budget = d["budget"]
        if budget.endswith("元"):
            found.add((y, "budget_yuan"))
            budget = budget[:-1]
        if d["rate"] != pct(F(d["spent"]) / F(budget)):
            found.add((y, "rate"))
        s_budget = sum(F(p["budget"]) for p in plist)
        if F(d["evaluated_budget"]) != s_budget:
            found.add((y, "evaluated_budget"))
        if F(d["project_budget"]) != s_budget or d["project_count"] != n or d["evaluated_count"] != n:
            found.add((y, "project_line"))
        if F(d["project_initial"]) != sum(F(p["initial"]) for p in plist):
            found.add((y, "project_line"))
        if all(p["spent"] != "" for p in plist):
            s_spent = sum(F(p["spent"]) for p in plist)
            if F(d["project_spent"]) != s_spent or d["project_rate"] != pct(s_spent / s_budget):
                found.add((y, "project_spent"))
        if band(F(d["score"])) != d["grade"]:
            found.add((y, "grade_band"))
        fl = [f for f in funds if f["year"] == y]
        if sum(f["project_count"] for f in fl) != n:
            found.add((y, "funds_count"))
        for f in fl:
            fb = sum((F(p["budget"]) for p in plist if p["fund"] == f["fund"]), F(0))
            if F(f["budget"]) != fb:
                found.add((y, "funds_budget"))
    return found


# ---------------------------------------------------------------------------
# Output

PROJECT_COLUMNS = ["year", "unit", "seq", "name", "fund", "budget", "initial", "spent", "score", "grade", "rate_points"]
DEPARTMENT_COLUMNS = ["year", "unit", "initial", "budget", "spent", "rate", "project_count", "project_initial",
                      "project_budget", "project_spent", "project_rate", "evaluated_count", "evaluated_budget",
                      "count_excellent", "count_good", "count_fair", "count_poor", "excellent_rate", "score",
                      "grade", "staff", "internal_units", "budget_units"]
FUND_COLUMNS = ["year", "unit", "fund", "project_count", "budget", "share"]
INDICATOR_COLUMNS = ["year", "unit", "seq", "level1", "level2", "name", "kind", "target", "actual", "weight", "points"]


def csv_text(columns, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(columns)
    for r in rows:
        w.writerow([r[c] for c in columns])
    return buf.getvalue()


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def readme(projects, deps, funds):
    years = sorted(PROJECTS)
    lines = []
    lines.append("""# 示例镇 training dataset (fictional)

**示例镇人民政府 does not exist.** Every name, amount, score and indicator in this folder
is invented for teaching and for tests. Nothing here describes a real unit or a real report.
The project names are typical of a Chinese township's budget, so that the data reads like
the real thing.

Load it with `--data samples/shili-training` (it is not in the default `datasets/` folder).
The files are written by `scripts/make_training_data.py` (deterministic; do not edit the
CSV files by hand, change the script and run it again). Money is in 万元.

| file | rows |
|---|---|""")
    lines.append(f"| projects-shili.csv | {len(projects)} projects (" + ", ".join(
        f"{y}: {sum(1 for p in projects if p['year'] == y)}" for y in years) + ") |")
    n_ind = sum(len(p["_rows"]) for p in projects)
    lines.append(f"| indicators-shili.csv | {n_ind} indicator rows for " + ", ".join(
        f"{sum(1 for p in projects if p['year'] == y and p['_rows'])} projects in {y}" for y in years) + " |")
    lines.append(f"| departments-shili.csv | {len(deps)} rows, one per year |")
    lines.append(f"| funds-shili.csv | {len(funds)} rows, the four budget books per year |")
    lines.append("""
## How the figures are made

- 执行率 points = 10 × min(决算 ÷ 调整后预算, 1); 正向 points = weight × min(actual ÷ target, 1);
  反向 points = weight × min(target ÷ actual, 1) (variant R1); 定性 points are chosen inside
  the national tier (达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight).
- Indicator weights: 产出 50, 效益 30, 满意度 10 for every project that has indicators
  (5 to 8 indicators each).
- Unless listed under *Deliberate inconsistencies*, a project's recorded score is the
  national-rule score rounded to 2 decimals (round half up) and equals 执行率 points plus
  the sum of its recorded indicator points; its grade is the score's band (优 ≥ 90, 良 ≥ 80,
  中 ≥ 60, 差 < 60). Every recorded point value is exact at 2 decimals, except 2022 #9 whose
  执行率 is 3 ÷ 4.5: 6.6667 points, recorded 6.67; its score 81.17 is the exact 81.1667
  rounded, and also equals 6.67 plus its indicator points.
- Projects without indicator rows carry a recorded score only: """ + "; ".join(
        f"{y} #" + ", #".join(str(p["seq"]) for p in projects if p["year"] == y and not p["_rows"]) for y in years) + ".")
    lines.append("""
## Deliberate inconsistencies (projects)

The check column names the kind of finding:
`grade_band` recorded grade ≠ band of the recorded score; `score_points_sum` recorded score ≠
recorded 执行率 points + recorded indicator points; `score_rule` recorded score ≠ national-rule
score (2 dp); `rate_points_rule` recorded 执行率 points ≠ 10 × min(rate, 1) (2 dp);
`tier_national` / `tier_twenty` a 定性 points value outside its tier under the national tiers /
the 20-point set's 100–80 / 80–50 / 50–0 % tiers; `spent_missing` 决算数 empty;
`budget_zero` 调整后预算 0.
""")
    lines.append(md_table(["year", "seq", "project", "check", "what"], [
        (y, s, next(p["name"] for p in projects if p["year"] == y and p["seq"] == s), k, what)
        for (y, s, k, what) in DELIBERATE]))
    lines.append("""
Nothing else in the project and indicator files disagrees with the national rules.

## Deliberate misstatements (departments and funds)

2022 is the consistent year: every 2022 department and funds figure agrees with the 2022
project rows (grade counts from the recorded grades; rates printed to 2 decimals).
""")
    lines.append(md_table(["year", "column", "what"], DEPARTMENT_MISSTATEMENTS))
    lines.append("""
In 2021 the project table leaves #18's 决算数 empty; the department's 项目决算数 includes the
3 万元 it spent, so the 项目支出 line cannot be checked against the table in that year.
""")
    lines.append("## Key figures per year (from the project rows)\n")
    rows = []
    for y in years:
        pl = [p for p in projects if p["year"] == y]
        c = grade_counts(pl)
        sb = sum(F(p["budget"]) for p in pl)
        si = sum(F(p["initial"]) for p in pl)
        scores = [F(p["score"]) for p in pl]
        mean = sum(scores) / len(scores)
        wmean = sum(F(p["score"]) * F(p["budget"]) for p in pl) / sb
        rows.append((y, len(pl), fmt(si), fmt(sb), f"{c['优']}/{c['良']}/{c['中']}/{c['差']}",
                     fmt(round2(mean), 2), fmt(round2(wmean), 2)))
    lines.append(md_table(["year", "projects", "Σ initial", "Σ budget", "优/良/中/差 (recorded)",
                           "mean score", "budget-weighted mean"], rows))
    lines.append("""
Means are of the recorded scores, rounded to 2 decimals.

## Department rows as stated
""")
    lines.append(md_table(DEPARTMENT_COLUMNS[2:], [[d[c] for c in DEPARTMENT_COLUMNS[2:]] for d in deps]))
    lines.append("\n(one row per year, in the order " + ", ".join(str(y) for y in years) + ")\n")

    lines.append("""## Changing the rules

Scores below are computed from each project's amounts and indicator rows. *20-point set*:
执行率 20 and 产出 40 (each 产出 indicator keeps its share of its weight, so its points are
scaled by 40/50). *R2*: 反向 indicators scored linearly to zero at twice the target. Only
projects whose grade moves under some variant, whose R2 score differs, or whose 20-point score
lands exactly on a band boundary are listed.
""")
    rows = []
    for p in projects:
        rows_i, src = p["_rows"], p["_p"]
        nat = national_score(src, rows_i)
        if nat is None:
            continue
        tw = twenty_score(src, rows_i)
        r2 = r2_score(src, rows_i)
        b95 = "优" if nat >= 95 else ("良" if band(nat) == "优" else band(nat))
        if band(tw) != band(nat) or b95 != band(nat) or r2 != nat or tw in (90, 80, 60):
            rate = F(src["spent"]) / F(src["budget"])
            rows.append((p["year"], p["seq"], p["name"], pct(rate), f"{fmt(round2(nat), 2)} {band(nat)}",
                         f"{fmt(round2(tw), 2)} {band(tw)}", b95, f"{fmt(round2(r2), 2)} {band(r2)}"))
    lines.append(md_table(["year", "seq", "project", "执行率", "national", "20-point set", "band 优 95",
                           "R2 (反向 linear)"], rows))
    boundary = []
    for s in ["90", "89.99", "80", "59.99"]:
        at = ", ".join("%d #%d" % (p["year"], p["seq"]) for p in projects if p["score"] == s)
        boundary.append(f"{s} at {at}")
    in_9095 = [p for p in projects if 90 <= F(p["score"]) < 95]
    lines.append("\nWith `set band 优 95`, every recorded score from 90 to below 95 falls to 良 as well: " + "; ".join(
        f"{y} #" + ", #".join(str(p["seq"]) for p in in_9095 if p["year"] == y) for y in years
        if any(p["year"] == y for p in in_9095)) + ".")
    lines.append("""
Recorded boundary scores: """ + "; ".join(boundary) + """.
Other test points: 2021 #7 spent more than its budget (105 %, 执行率 points capped at 10);
2021 #17 and 2023 #21 have 年初预算 0 (a rate against 年初 divides by zero); 2022 #21 has a
部分达成 indicator at exactly 60 % of its weight (the bottom of the national tier).

## Names across years

Two rows share the name 村级组织运转经费-村干部基础职务补贴 in every year (#2/#3 in 2021 and
2023, #1/#2 in 2022); 2023 also has 村级组织运转经费-服务群众专项经费 twice (#5/#8).
""")
    names = {y: [p["name"] for p in projects if p["year"] == y] for y in years}
    allnames = []
    for y in years:
        for n in names[y]:
            if n not in allnames:
                allnames.append(n)
    rows = []
    for n in allnames:
        cells = []
        for y in years:
            gs = [p["grade"] for p in projects if p["year"] == y and p["name"] == n]
            cells.append(" ".join(gs) if gs else "—")
        rows.append([n] + cells)
    lines.append(md_table(["project (recorded grades; repeated names in table order)"] + [str(y) for y in years], rows))
    lines.append("")
    return "\n".join(lines)


def main():
    projects, indicators = build()
    deps, funds = departments_and_funds(projects)

    found = audit(projects, indicators)
    declared = {(y, s, k) for (y, s, k, _) in DELIBERATE}
    if found != declared:
        print("audit mismatch", file=sys.stderr)
        print("  found, not declared:", sorted(found - declared), file=sys.stderr)
        print("  declared, not found:", sorted(declared - found), file=sys.stderr)
        sys.exit(1)
    dep_found = audit_departments(projects, deps, funds)
    dep_expected = {(2021, "counts"), (2021, "excellent_rate"), (2023, "rate"), (2023, "budget_yuan"),
                    (2023, "evaluated_budget"), (2023, "funds_budget")}
    if dep_found != dep_expected:
        print("department audit mismatch:", sorted(dep_found ^ dep_expected), file=sys.stderr)
        sys.exit(1)
    for y in PROJECTS:
        assert any(k[0] == y for k in found), f"{y} has no deliberate inconsistency"

    files = {
        "projects-shili.csv": csv_text(PROJECT_COLUMNS, projects),
        "indicators-shili.csv": csv_text(INDICATOR_COLUMNS, indicators),
        "departments-shili.csv": csv_text(DEPARTMENT_COLUMNS, deps),
        "funds-shili.csv": csv_text(FUND_COLUMNS, funds),
        "README.md": readme(projects, deps, funds),
    }
    if "--check" in sys.argv:
        stale = [n for n, t in files.items() if not (OUT / n).exists() or (OUT / n).read_text("utf-8") != t]
        if stale:
            print("out of date:", ", ".join(stale), file=sys.stderr)
            sys.exit(1)
        print("up to date")
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for n, t in files.items():
        with open(OUT / n, "w", encoding="utf-8", newline="\n") as f:
            f.write(t)
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
