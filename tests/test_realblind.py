"""The blind measurements: real documents of corpus-real in no other gold set, gold written blind.

Each set under ``tests/fixtures/<name>`` holds documents chosen for what the other sets lack, and gold written
from the raw text and committed before polex ran on them (``notes/<name>.md`` says which documents, why, and
every error of the first measurement); the builders in ``build/`` regenerate the gold.

- ``realblind``: what realdev lacks (a county plan in a saved web page, a 令 with articles, a ministry plan in
  broken-line PDF text, a State Council text without line breaks, a national 实施方案 whose tasks close with
  unit notes, a county Word-style HTML fragment, a province's 若干措施, a city's 若干政策措施 in full-width
  digits). Floors: after the rules of task BLD and the TG target rules.
- ``realblind2``: State Council, 国务院办公厅 and ministry texts (four one-line texts whose line breaks were all
  lost, a 指导意见, two ministry plans, one from PDF text, a ministry 暂行规定 in articles). Floors: after the
  BL2 deadline rules.
- ``realblind3``: four Shandong province plans (a 行动计划 repeating `每年…不少于…` counts, a three-year retrofit
  plan, a pilot-zone 实施方案 with garbled years, a 行动方案 whose every year is garbled and every item closes
  with a `（牵头单位：…，参加单位：…）` note), two 青岛 city plans, a 济南 subsidy 实施细则 and a Guizhou
  student-aid HTML fragment. Floors: after the BL3 target rules.
- ``realblind4``: three 国务院/国务院办公厅 texts whose line breaks were all lost and a national 指导意见 on AI
  scenarios without title or signature. Floors: the blind measurement (main 97f7e31).
- ``realblind5``: a 山东 意见 on 智慧山东 pilots, the title-led 数字山东2021行动方案 with a ``（X牵头）`` note after
  every task, a 山东 IT-innovation plan and an HTML page of relocation subsidies. Floors: the blind measurement.
- ``realblind6`` (task BL6; held out for every other task): three national plans, a 山东 AI 行动计划 with a
  ``（牵头单位：…，责任单位：…）`` note after every task, a 山东 实施方案 for smart-manufacturing pilots, two 济南
  解读 documents and an HTML page of poverty-exit standards. Floors: the blind measurement (main bfda75f).
- ``realblind7`` (task BL7; held out for TG8, DL7 and MT7): six national texts: a 国务院 若干意见 and a 国务院
  批复 with its attached 意见, both one-line, a 1988 国务院 notice issuing a reform 方案 in half-width punctuation,
  two ministry notices on connected vehicles (one with a guide attached) and a news item on a ministry plan.
  Floors: the blind measurement (main 5fb3b60); deadline and micro after DL8 (released to it, fitted).
- ``realblind8`` (task BL8; released to TG11 in the session of 05:38): five national texts without title, 文号 or
  signature (商务部's digital-commerce 行动计划 and 文化和旅游部's 意见, both with garbled goal years, 工信部's SME 方案
  and the intelligent-ship 行动计划 whose figures are no goals, 商务部办公厅's smart-logistics 实施方案) and a Guizhou
  摘编 HTML page (a chronology with two investment tables). Blind (main 5b4a116): target 0.720, micro 0.960; floors
  since TG11's rules (a past chronology entry's narration a result, a projects' total investment a budget, an ordinal
  rank held `保持全球第一`, a bracket glossing a date no unit note, a compilation part's title after its number
  `第二`): target 0.952, micro 0.988, meta 78/78.
- ``realblind9`` (task BL9; HELD OUT for every other task): twelve national texts of realmeta2 (meta gold reused):
  a 1981 国务院 批转 notice in Chinese numerals and a 2004 批复, both one-line, two one-line 国务院办公厅 意见, and
  eight ministries' texts (three in chapters and articles, one with an application form) whose figures are almost
  never goals: it measures false positives in prose with few figures. Floors: the blind measurement (main
  bae4caa); 0021's blind false-positive targets (a tax rate and a per-ton rate) are ``open_false_positives``.

- ``realblind10`` (task BL10): four texts no set had: 人社部's 试行 measures for the 数字技术工程师 training bodies
  (OCR text in articles, garbled markers, lost line breaks), Shandong's interim measures for digital-economy parks
  (articles), a Guangzhou 通告 of a public-housing allocation with a dated schedule and a Guangzhou page of start-up
  subsidies in 元 (both HTML). No figure is a goal: targets measure false positives. Blind (main 8a04b73): deadline
  0.765, micro 0.932, meta 50/52; floors since BL10's deadline and status rules (deadline 0.944, micro 0.951, meta
  51/52); 0163's blind false positive `选定1套房屋` gone since TG13 (an applicant's obligation is a rule).
- ``realblind11`` (task BL11): six Shandong and Guangzhou texts no span gold had: 山东's sensor 行动计划, 青岛's
  实施方案 for marine AI models (15 task items with garbled markers, a `（责任单位：…）` note after each) and 若干政策 for
  its AI park (subsidies in 元, a note after each policy), 济南's 实施意见 on intelligent construction, 山东教育厅's
  通知 in spaced digits and a Guangzhou guide page (HTML). Blind (main 48140de): heading 0.931, target 0.889, deadline
  0.786, units 0.974, micro 0.951; floors since BL11's rules (heading, target, units 1.000, deadline 0.966, micro 0.998).
- ``realwr`` (task BL10): two 2024 政府工作报告 (北京 0176, 天津 0183) the work-report precision sample never touched,
  targets and deadlines only (``labels``: scored as ``polex eval --labels target,deadline``; meta not scored), each
  annotated whole (the 回顾 part must yield none). Blind (main 8a04b73): target 0.941, target·indicator 0.894; floors
  since TG13's target rules (target 0.982, target·indicator 0.971), the deadline against one gold year moved after
  the measurement (`汛前`: 1.000; blind 0.500).
- ``realwr3`` (task BL18): two more 2024 政府工作报告 (林芝 0188, unnumbered part lines; 吉林 0180, a `——聚焦…`
  goals part and `一是…` task items), targets and deadlines only, each annotated whole (the 回顾 parts yield none).
  Blind (main 4704d0c): target 0.953, target·indicator 0.914, deadline 1.000; floors since BL18's target rules
  (one-quantity 分别 lists, `人次均`, funds attracted, vouchers and policies by count, `发挥…作用`, `N大` scales, a
  grant's reach after `为`, 盏, 项（次）, 完成投资, a `、`-item's shared 新增): target 0.989, target·indicator 0.972.
- ``realblind12`` (task BL12): five national texts without span gold elsewhere: the 2021–2025 智慧健康养老 行动计划
  (PDF lines, 专栏 boxes, a `——` goals list), the 2014 smart-city 指导意见, a railway-safety 意见 on one line without
  indents, 教育部's pilot 通知 with its 文号 and the 1990 国务院 决定 on one line. Only 0076 sets figures; meta comes from
  realmeta's gold (not blind). Blind (main 48140de): target 0.444, micro 0.976; floors since BL12's target
  rules (a premise `在…的基础上，`, a count after `面向`): target 1.000, micro 1.000.
- ``realblind15`` (task BL16): six national texts without span gold elsewhere: 工信部's draft 准入管理指南（试行） for
  connected vehicles (PDF text in articles with four attachments), the 2005 国务院 决定 on environmental protection
  (one line, `　　` indents, （一）…（三十二）), 科技部's and 商务部's notices without title or signature, 商务部's 名单
  notice and 国务院办公厅's 2010 转发 of a 若干意见 on coal (one line without indents). Four figures are goals; meta
  comes from realmeta's and realmeta2's gold (not blind). Blind (main a94fad9): target 0.889, deadline 0.900,
  micro 0.993; floors since BL16's rules (a situation part sets no goal and bounds no task, `从“十一五”开始` is `from`
  2006): target, deadline and micro 1.000.
- ``realblind14`` (task BL15): 山东's 十四五 education 规划 (0126, 26k characters): 一、…十一、 over （一）… items whose
  titles end at their first `。`, a `（…负责）` note closing each of 56 items under the rule `列第一位者为牵头部门，下同`, the
  figures in the task items (no indicator table survives), no sum of money. Meta from realmeta's gold (not blind). Blind
  (main a94fad9): target 0.840, deadline 0.900, target·indicator 0.800, micro 0.983; heading and units 1.000. Floors
  since BL15's rules (a resolve frames a share written first, 组建, `至少` + a plain count, a bounded size naming a
  class, `每学年`, a start by a school term): target 0.982, deadline 1.000, target·indicator 0.945, micro 0.998.
- ``realwr2`` (task BL15): 三亚's 2024 政府工作报告 (0172), targets and deadlines only as ``realwr``, annotated whole (the
  回顾 must yield none; no time bound in part 二, so deadline measures false positives). Blind (main a94fad9): target
  0.917 (P 1.000: the `力争…同比增长…` goals missed), target·indicator 0.875; floors since BL15's rule (a year-on-year
  comparison after a resolve is the goal's baseline; a bare `占` measures the share): target 1.000, target·indicator 1.000.
- ``realblind13`` (task BL14): five texts without span gold elsewhere: the national “十四五”智能制造发展规划 (PDF
  text with a 目录, page numbers and six 专栏 boxes numbered `01 `…), 青岛's 实施细则 for connected-vehicle road tests
  (chapters, articles, condition lists, digits garbled by the source), 山东's 指导意见 on large models and two national
  意见 without figures. Meta comes from realmeta/realmeta2's gold (not blind). Blind (main a94fad9): heading 0.947,
  target 0.900, deadline 0.909, micro 0.943; floors since BL14's rules (a 专栏 box's `01 ` items, bare PDF page
  numbers, a plan's `2025 年的主要目标是：`, an act after 的 keeps its object): every label 1.000.
- ``realblind16`` (task BL17): eight national texts without span gold elsewhere: four 国务院办公厅 texts (the 2014
  notice issuing the 突发环境事件 应急预案 in decimal clauses `1`/`1.1`/`3.2.1`, with money thresholds of its event
  classes; the 2006 coal 意见 and the 2001 notice forwarding a mineral-order 意见, both on one line without indents, the
  latter with a run-in catalogue of 34 minerals; the one-line 财政事权 reform 方案) and four ministry texts (教育部's
  review 规范 in chapters and articles, 国家邮政局's and 自然资源部's 通知, 工信部's 意见). No figure is a goal and no
  note names a unit; meta comes from realmeta/realmeta2's gold (not blind). Blind (main 9cd7a9d): heading 0.888 (the
  47 decimal clauses), amount and deadline 1.000, micro 0.894, meta 104/104; floors since BL17's decimal clauses
  (`pipeline.structure.clauses`): heading 1.000, micro 1.000.
- ``realblind17`` (task BL19): 广州's 实施办法 of the two disability subsidies on a district's site (HTML, a procedure
  bounded in working days, no sum of money) and three older 国务院 texts on one line: the 1980 批转 of 地质部's 报告 (past
  losses in Chinese-numeral 元), the 1991 通知 on protected minerals, the 1986 通知 issuing 万里's speech. No figure is a
  goal and no text has a unit note (target and units measure false positives); meta comes from realmeta's and
  realmeta2's gold (not blind). Blind (main 4704d0c): heading 0.930, amount 0.889, deadline 0.918, micro 0.925; floors
  since BL19's rules (items run on after `；`, `N多元` in Chinese numerals, `在…之日起` anchors, `每月N日前`, a bracket's
  `有效期` of a named thing): every label 1.000.
- ``realblind18`` (task BL22): three older 国务院 texts on one line: the 1979 批转 of a 会议纪要 on coal gangue (its
  reported experience full of figures, its 1980 goals in Chinese numerals), the 1998 批复 on forming 中国石化集团 (its
  attachment a list of 62 member firms) and the 2004 批转 of 发展改革委's 意见 on power plants (report deadlines); the
  brief's 0071 left out for the time. No note names a unit; meta comes from realmeta's gold (not blind), and the set
  is not blind for the lead's two rules of the session (`已` + completion verb, `还有` + figure). Blind (main b4bf39f):
  heading 1.000, target 0.000 (6 reported figures read as goals, the two 1980 goals missed), amount 1.000, deadline
  0.533, micro 0.933, meta 39/39; floors since BL22's rules (a registered capital, a tax benefit's `N年内`, `每年` of
  stated quantities, a year an obligation or a `要求` sets): deadline 0.857, micro 0.960; target left at 0.000.
- ``realblind19`` (task BL27): corpus-real 0071, the 2022 notice of 市场监管总局办公厅 and 工业和信息化部办公厅 launching
  the 智能制造标准应用试点 (a 申报 call with its 实施方案, an application form flattened one cell a line, a standards
  table and a summary sheet), the whole text held twice in the file (gold spans both copies). Two goals (the pilot's
  selection counts), no sum of money and no unit note; meta blind (no other set has this text). Blind (main
  56e4e1f): heading 0.991 (a table note's `2.` read as a heading), target 1.000, deadline 0.750, micro 0.975, meta
  11/13 (title and 文号 restated under the body, missed); floors since BL27's rules (a head restated under the body,
  a note's points): heading 1.000, deadline 0.857 (`试点周期为2年` left: no rule for 试点期N年), meta 13/13.
- ``realblind20`` (task BL31): corpus-real 0160, 浙江省城市内涝治理"十四五"规划 from PDF text with its tables exported
  one cell a line: indicator tables (rows ending at `约束性`/`预期性`), a remediation plan by city and year, and the
  重点项目表 (207 rows: years cells `2021-2023` `by` their end year, sums in `（万元）` columns as amounts, content cells
  a project's specification, no targets). Meta not blind (realmeta has the text). Blind (main c32f2bb): heading 0.966,
  target 0.061 (232 content-cell figures read as goals, the tables' goals missed), amount 0.003, deadline 0.100, micro
  0.133, meta 13/13; floors since BL31's table rules: heading 0.986, target 0.633, amount 0.996, deadline 0.994, micro
  0.982 (附表1's yearly counts by city and the two-level 表3 cells left; cells normalisation drops as page numbers).
- ``realwr4`` (task BL20): 乌鲁木齐's (0174) and 长沙's (0198) 2024 政府工作报告, targets and deadlines only as
  ``realwr``, annotated whole (the 回顾 must yield none; no time bound in either 2024 part, so deadline measures false
  positives). Blind (main 1d2d605): target 0.892 (P 0.979, R 0.819: the 18 预期目标 whose sentence opens with its year,
  `2024年…主要预期目标是：`, all missed), target·indicator 0.808; floors since BL20's rules (a year opening a goals
  sentence is the goals' year, not a past one; a share after a pivot verb before its members' bar is the goal): target
  0.987, target·indicator 0.909.
- ``realwr5`` (task BL21): 合肥's (0179) and 上海's (0173) 2024 政府工作报告, targets and deadlines only as ``realwr``,
  annotated whole (the 回顾 must yield none; no time bound in either 2024 part, so deadline measures false positives).
  Blind (main b4bf39f): target 0.932 (P 0.919, R 0.945: 12 spurious, existing sets named by their size, package sizes
  and durations naming a policy; 8 missed), target·indicator 0.884; floors since BL21's rules (a grant word naming a
  policy frames nothing, hours or minutes before a noun name it, 列 counts trains, 授信 is goal money, a size before a
  work measures it, 用好/用活 put a stock to use): target 0.962, target·indicator 0.908.
- ``realwr9`` (task BL26): 锡林郭勒盟's (0197, the 行署's report) and 杭州's (0187) 2024 政府工作报告, targets and
  deadlines only as ``realwr``, annotated whole (the 回顾 must yield none; 0197's `4月15日前` and two `年内` are its
  deadlines). Blind (main 56e4e1f): target 0.966 (P 0.982, R 0.952: 11 missed, among them a 项目前期 sentence read
  as the present, unknown measure words, a 、-item size; 4 spurious, counts restating lists and policies by size),
  deadline 1.000, target·indicator 0.908; floors since BL26's rules: target 0.993, target·indicator 0.927.
- ``realwr10`` (task BL28): 南宁's (0177) and 武汉's (0189) 2024 政府工作报告, targets and deadlines only as
  ``realwr``, annotated whole (the 回顾 must yield none; 0177's six `年内` are its deadlines, 0189 has none). Blind
  (main 272ae03): target 0.971 (P 0.963, R 0.979: 9 spurious, existing sets named by their size after 支持/推动/做强;
  5 missed: `保持…在…以上` in a 、-list, `A及B各N`, `盘活…用于`, two red lines), deadline 1.000, target·indicator
  0.866; floors since BL28's rules: target 0.987, target·indicator 0.899.
- ``realwr7`` (task BL24): 晋城's (0186) and 沈阳's (0190) 2024 政府工作报告, targets and deadlines only as ``realwr``,
  annotated whole (the 回顾 must yield none). 0186's 2024 part bounds tasks (`年内` ×4, `年底前` ×2, `一季度`,
  `“五一”假期`, `每两月`, `每年`, `用N年时间`); 0190's none. Blind (main 56e4e1f): target 0.945 (P 0.948, R 0.943), deadline
  0.957, target·indicator 0.824, micro 0.946; floors since BL24's rules (`项目前期` holds no `目前`, `标准厂房`/`标准地`
  after a size are what is built, a count right after `聚焦`/`围绕` names the focus, candidates put to a vote are no
  goal): target 0.969, deadline 0.957, target·indicator 0.826, micro 0.968.
- ``realwr6`` (task BL23): 六盘水's (0175) and 呼和浩特's (0181) 2024 政府工作报告, targets and deadlines only as
  ``realwr``, annotated whole (the 回顾 must yield none; one `年内` in each 2024 part). Blind (main 56e4e1f): target
  0.959 (P 0.950, R 0.969: sizes naming plants and farms, a class bound read as the goal, `N人制`, `人民`, list items
  whose bound was read as a class), target·indicator 0.888, deadline 0.800; floors since BL23's rules: target 0.990,
  target·indicator 0.954.
- ``realwr8`` (task BL25): 甘孜州's (0192) and 赣州's (0194) 2024 政府工作报告, targets and deadlines only as ``realwr``,
  annotated whole (the 回顾 must yield none; no time bound in either 2024 part, so deadline measures false positives).
  Blind (main 56e4e1f): target 0.961 (P 0.972, R 0.951: 11 missed, 4 in one sentence whose `项目前期` read as `目前`
  and 2 in one whose `支持现有…` read as a statement of the present; 7 spurious, outlays `投资N亿元，` and a count its
  `一是…十是` list restates),
  target·indicator 0.866; floors since BL25's rules (项目前期 is no 目前, 宗, an opening outlay, a count an ordinal list
  restates, 现有 after a verb, a part in a bracket, 创业担保贷款, 后续扶持/服务保障, a base sized by its land, 其中 + a
  milestone): target 0.993, target·indicator 0.885.
- ``realwr11`` (task BL29): 成都's (0184) and 苏州's (0193) 2024 政府工作报告, targets and deadlines only as ``realwr``,
  annotated whole (the 回顾 must yield none; 0193's three `年内` are its deadlines, 0184's 2024 part bounds no task).
  Blind (main d686377): target 0.970 (P 0.959, R 0.981: 7 spurious, existing sets named by their size after `深化`,
  `发展壮大`, `迭代升级` or a long `聚焦…等` list, and fields after `等`; 4 missed or wrong, a `各` list of villages, an age
  after `为`, `补贴性` training), deadline 0.857 (`按月` inside a pilot's name), target·indicator 0.904; floors since
  BL29's rules: target 0.986, deadline 1.000, target·indicator 0.925.
- ``realwr12`` (task BL30): 深圳's (0191) and 重庆's (0195) 2024 政府工作报告, targets and deadlines only as ``realwr``,
  annotated whole (the 回顾 must yield none; no time bound in either 2024 part, so deadline measures false positives).
  Blind (main 272ae03): target 0.975 (P 0.978, R 0.972: 4 missed, money goals after a fund in the sentence, `限额以上`
  read as a rule's limit, a length after `等`; 3 spurious, a water grade, an existing set, a stock's length; `人年` cut),
  target·indicator 0.897; floors since BL30's rules (banks' new lending and assets revitalised are goal money,
  `限额以上` a size class, `人年` a unit, a quality in classes a grade, a size after `等` the list's total): target 0.994,
  target·indicator 0.912.

The development rounds of 2026-12-02 are rows of the same table: each task wrote its set's gold blind, measured
it (the BEFORE figure in its notes, README Developing's table and docs/measurement-log.md), then fitted rules to it, so their floors are the
figures after those rules — a ratchet, not a generalisation figure:

- ``realdev6t`` (task TG6, targets): a ministry sensor 行动计划, two drafts of a building-materials plan, the
  中国地震局 AI 规划, a ministry 方案 in broken PDF lines, a city bureau's forwarding notice.
- ``realdev6d`` (task DL6, deadlines and headings): the State Council AI 规划 (专栏 boxes, a three-step schedule),
  a national 实施方案, a 国家医保局 notice without line breaks, a 民政部 reply, a 青岛 news report, a 山东 plan with a
  garbled year.
- ``realdev7t`` (task TG7, target precision): a poverty-exit procedure (HTML), the smart-court work plan, the
  smart-car strategy and two State Council coal texts (a 批复 with its plan, a 批转 notice).
- ``realdev7d`` (task DL7, deadlines): six national plans, guides and opinions.
- ``realdev8d`` (task DL8, deadlines): five national texts: smart-forestry opinions in chapters, a 2002 reform plan
  and a 2003 批复 on one line each, a 2014 意见 without a time bound, a 2019 意见 with three phases.
- ``realdev8t`` (task TG9, goal vs rule clauses): the national smart-manufacturing standards guide (PDF text with a
  目录 and standards tables), two 国务院办公厅 意见 on coal (one with unit notes) and a 国家能源局 意见 whose goals
  part sets no figure.

The real core path runs on every document, the tables go through Parquet and ``polex eval``'s scorer compares
them with gold. A set whose gold has no span of a label (national prose names organs, no unit notes) measures
false positives there: polex must predict none. The floors are a measurement less a margin (the figure in the
comment): a ratchet, raised as the extractors improve, never lowered to let a change through.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest
from devset_checks import (
    META_FIELDS,
    check_f1_floor,
    check_gold_is_what_the_builders_write,
    check_gold_offsets_match_reader_text,
    check_indicator_floor,
    check_meta_field_floor,
)

from pipeline.qa.evaluate import evaluate
from pipeline.qa.fixtures import run_core
from pipeline.qa.gold import load_gold_file, validate_dir
from pipeline.qa.labels import LABELS
from pipeline.reading.reader import discover

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class BlindSet:
    name: str  # the folder under tests/fixtures
    documents: int
    f1_floors: dict[str, float]  # per label scored, and "micro"
    target_indicator_floor: float
    meta_accuracy_floor: float
    meta_field_floor: float  # every meta field, each over `documents`
    builders: str  # glob of the builder modules in build/
    empty_labels: tuple[str, ...] = ()  # labels gold has no span of: polex must predict none
    no_target_docs: tuple[str, ...] = ()  # documents gold has no target in: polex must predict none there
    precision_floors: dict[str, float] = field(default_factory=dict)  # per label, where precision is the point
    # empty labels and no-target documents where the blind measurement found false positives: their checks are
    # strict expected failures (the error is on record; a fix makes them pass, and then the row must go)
    open_false_positives: tuple[str, ...] = ()
    # the labels its gold annotates (scored as `polex eval --labels …`: the others and meta are left out); None: all
    labels: tuple[str, ...] | None = None

    @property
    def scores_meta(self) -> bool:
        return self.labels is None or "meta" in self.labels

    @property
    def docs(self) -> Path:
        return FIXTURES / self.name / "docs"

    @property
    def gold(self) -> Path:
        return FIXTURES / self.name / "gold"

    @property
    def build(self) -> Path:
        return FIXTURES / self.name / "build"


NO_AMOUNT_NO_UNIT = ("amount", "responsible_unit")  # national prose: organs named in prose are no units
NO_UNIT = ("responsible_unit",)  # no responsibility note: organs and roles named in prose are no units

SETS = (
    # F1 after the BLD (and, for targets and micro, TG) rules, less 0.02 (blind figures in brackets).
    BlindSet(
        "realblind",
        documents=8,
        f1_floors={
            "heading": 0.98,  # 1.000 (blind 0.998: `。2.加强标准研制` glued in PDF text)
            "target": 0.98,  # 1.000 after the TG target rules (0.873 after BLD; blind 0.852)
            "amount": 0.98,  # 1.000 (blind 0.971 against the first gold; 1.000 against the reviewed one)
            "deadline": 0.98,  # 1.000 (blind 0.914; 0.928 against the reviewed gold)
            "responsible_unit": 0.98,  # 1.000 (blind 1.000, 148 units)
            "micro": 0.98,  # 1.000 after TG (0.993 after BLD; blind 0.980)
        },
        target_indicator_floor=0.94,  # 0.962 after TG (0.764 after BLD; blind 0.778 against the first gold)
        meta_accuracy_floor=0.95,  # 1.000, 104/104 since the 印发 line gives no issuer (0.971 before; blind 0.933)
        meta_field_floor=0.85,  # 8 documents: one miss is 0.875
        builders="realblind_*.py",
    ),
    # F1 after the BL2 deadline rules, less 0.02 (blind figures in brackets).
    BlindSet(
        "realblind2",
        documents=8,
        f1_floors={
            "heading": 0.98,  # 1.000 (blind 1.000, 204 headings)
            "target": 0.70,  # 0.720 (blind 0.720): BL3's rules (notes/for_bl3.md)
            "deadline": 0.98,  # 1.000 (blind 0.846)
            "micro": 0.96,  # 0.985 (blind 0.976)
        },
        target_indicator_floor=0.70,  # 0.720 (blind 0.720)
        meta_accuracy_floor=0.97,  # 0.990, 103/104 (blind 0.962; the letter-spaced run-on signature of 0001 read since)
        meta_field_floor=0.85,  # 8 documents: one miss is 0.875 (0001's spaced signature; 0097's genre 计划)
        builders="realblind2_*.py",
        empty_labels=NO_AMOUNT_NO_UNIT,  # `发展改革委、水利部等部门要督促…`, `由越权审批单位和有关企业负责`
    ),
    # F1 after the BL3 target rules, less 0.02 (blind figures, main 7059fa1, in brackets).
    BlindSet(
        "realblind3",
        documents=8,
        f1_floors={
            "heading": 0.96,  # 0.987 (blind 0.987: six `N.` items whose title opens with a garbled year, `总体要求-、`)
            "target": 0.96,  # 0.985 (blind 0.969 against the first gold, 0.977 against the reviewed one)
            "amount": 0.98,  # 1.000 (blind 1.000)
            "deadline": 0.68,  # 0.705 (blind 0.705: garbled years `0403年底前`, `到4549年`; BL2's, notes/for_bl2.md)
            "responsible_unit": 0.98,  # 1.000 (blind 1.000, 301 units)
            "micro": 0.95,  # 0.975 (blind 0.974)
        },
        target_indicator_floor=0.96,  # 0.985 (blind 0.815 against the first gold, 0.824 against the reviewed one)
        meta_accuracy_floor=0.95,  # 0.990, 103/104 since the 印发 line gives no issuer (0.971 before; blind the same)
        meta_field_floor=0.85,  # 8 documents: one miss is 0.875 (genre of 0120)
        builders="realblind3_*.py",
    ),
    # Blind F1 (main 97f7e31), less a margin.
    BlindSet(
        "realblind4",
        documents=4,
        f1_floors={
            "heading": 0.97,  # blind 0.947 (89/94: 0005's 一、 headings ran over the `　　` indent); 1.000 since
            "target": 0.88,  # 0.909 (5/6: 0026 `…等13个大型煤炭基地` missed)
            "deadline": 0.97,  # blind 0.811; 1.000 after DL6 (phase schedule `“十一五”期间前两年`; gold of `“十一五”期间，要…` moved to `within`)
            "micro": 0.90,  # 0.924
        },
        target_indicator_floor=0.88,  # 0.909 (5/6)
        meta_accuracy_floor=0.97,  # 1.000, 52/52
        meta_field_floor=1.0,  # 4 documents, every field right: one miss (0.75) would be a regression
        builders="realblind4.py",
        empty_labels=NO_AMOUNT_NO_UNIT,  # `环境保护部等有关部门要加强督促`, `…等部门和单位要配合人民法院`
    ),
    # Blind F1 (main 97f7e31), less a margin (notes/realblind5.md).
    BlindSet(
        "realblind5",
        documents=4,
        f1_floors={
            "heading": 0.98,  # 1.000 (76 headings)
            "target": 0.78,  # blind 0.807 (32 gold, 25 pred): 9 missed, 2 spurious; 0.828 on main bfda75f against
            # the gold moved since (0141's `一批千亿级…集群` a target, CONVENTIONS); 1.000 after TG6
            "amount": 0.95,  # 1.000 (4)
            "deadline": 0.97,  # blind 0.947; 1.000 after DL6 (gold of `“十三五”期间…实行…补助` moved to `within`, CONVENTIONS)
            "responsible_unit": 0.98,  # 1.000 (60 units of `（X牵头）` notes)
            "micro": 0.94,  # 0.966
        },
        target_indicator_floor=0.68,  # 0.702
        meta_accuracy_floor=0.98,  # 1.000, 52/52
        meta_field_floor=0.75,  # 4 documents: one miss is 0.75
        builders="realblind5_*.py",
    ),
    # Blind F1 (main bfda75f): target 0.904, target·indicator 0.887, micro 0.973 (the reported figures); released to
    # TG8 after the measurement and fitted since: the floors are TG8's figures less a margin (notes/realblind6.md).
    BlindSet(
        "realblind6",
        documents=8,
        f1_floors={
            "heading": 0.98,  # 1.000 (167 headings)
            "target": 0.97,  # after TG8 1.000 (56/56; blind 0.904: 4 missed, 7 spurious)
            "amount": 0.97,  # 1.000 (13)
            "deadline": 0.97,  # blind 0.857 (0.893 after one gold fix); 0.947 after DL7; 1.000 after DL8 (2020年后, 连续实施三年, 检查验收前)
            "responsible_unit": 0.98,  # 1.000 (81 units of `（牵头单位：…，责任单位：…）` notes)
            "micro": 0.97,  # after TG8 0.991 (blind 0.973)
        },
        target_indicator_floor=0.95,  # after TG8 0.982 (blind 0.887)
        # 1.000, 104/104 after MT8 (blind 0.981, 102/104: the two 解读's genres, gold null then; CONVENTIONS now
        # catalogues a 解读 as the document it presents, gold moved; 0123's effective_date read again)
        meta_accuracy_floor=0.98,
        meta_field_floor=0.85,  # 8 documents: one miss is 0.875
        builders="realblind6_*.py",
        # `到2020年/2025年/2030年` goals, none with a figure
        no_target_docs=("0103_Action_Plan_for_AI_Innovation_in_Higher.txt",),
    ),
    # Blind F1 (main 5fb3b60), less a margin (notes/realblind7.md). Held out for TG8, DL7 and MT7; released to DL8 and TG9
    # (their floors after their rules: deadline DL8, target TG9).
    BlindSet(
        "realblind7",
        documents=6,
        f1_floors={
            # 1.000 after LY1 (flat `（1）` lists after a colon, `（八）` glued to a word); blind 0.967: 0036's eight
            # inline `(1)`…`(4)` duties, 0051's `(八)`
            "heading": 0.98,
            # after TG9 1.000 (5 gold, 5 pred; blind 0.667: 5 spurious, thresholds of rules, `新上…项目应满足…不低于20%`)
            "target": 0.97,
            # 0.800 blind (14 gold, 11 pred: `2020年后`, `一九八八年`, `本意见开始实施之日起` missed, `2013—2015年` by); released
            # to DL8 and fitted: 1.000 (14/14; 0027's `本意见开始实施之日起` gold moved to the issue year, notes)
            "deadline": 0.97,
            "micro": 0.98,  # 1.000 after DL8, TG9 and LY1 (0.971 after DL8 and TG9; 0.955 after DL8; blind 0.939)
        },
        target_indicator_floor=0.97,  # after TG9 1.000 (blind 0.667)
        # 1.000, 78/78 after MT8 (blind 0.962, 75/78: 0051's run-together signature, read since; 0098's genre, gold
        # moved by CONVENTIONS: a news release is catalogued as the document it presents)
        meta_accuracy_floor=0.98,
        meta_field_floor=0.83,  # 6 documents: one miss is 0.833
        builders="realblind7_*.py",
        empty_labels=NO_AMOUNT_NO_UNIT,  # no `元` at all; `国务院授权能源部负责组织实施`: prose
        # no goal with a figure (thresholds of rules, `30个工作日内`)
        no_target_docs=(
            "0036_国务院关于印发电力工业管理体制改革方案的通知.txt",
            "0051_Notice_on_Further_Strengthening_Access_Recall_an.txt",
            "0054_Notice_on_Conducting_Pilot_Projects_for_Access.txt",
        ),
    ),
    # F1 after TG11's rules, less a margin (blind figures, main 5b4a116, in brackets; notes/realblind8.md).
    BlindSet(
        "realblind8",
        documents=6,
        f1_floors={
            "heading": 0.97,  # 0.991 (106 gold, 106 pred): 0099's `（五）…建设 充分利用…` run on to its `。`
            # 0.952 (11 gold, 10 pred; blind 0.720, 14 pred: 0199's past counts and budget total, `保持全球第一`
            # missed): 0047's `…”6个全国性网络促销活动` (quoted names run together) still missed
            "target": 0.93,
            # 1.000 (37 gold, 37 pred): 0199's `10.581亿元` twice and its two tables' 35 money cells (GR1 ruling 2, gold
            # moved; extractors/money_grids.py)
            "amount": 0.97,
            "deadline": 0.97,  # 1.000 (5 gold, 5 pred): garbled years as written, `1-2年内`, `经过三年努力`
            "micro": 0.97,  # 0.988 (blind 0.960)
        },
        # 0.762 (blind 0.560): 0074's `…的领军企业` → `领军企业`, `…的产业集群` → `产业集群`
        target_indicator_floor=0.74,
        meta_accuracy_floor=0.98,  # 1.000, 78/78 (blind 0.987: 0199's title after its part number `第二`)
        meta_field_floor=1.0,  # 6 documents, every field right: one miss (0.833) would be a regression
        builders="realblind8_*.py",
        empty_labels=NO_UNIT,  # `各地商务主管部门要…`: prose only
        # no figure is a goal: 0090 (`举办2020…发布会`), 0099 (`经过三年努力`, `三大主流船型`), 0199 (a chronology)
        no_target_docs=(
            "0090_Special_Action_Plan_for_SMEs_Digital_Empowerment.txt",
            "0099_Action_Plan_for_Intelligent_Ship_Development_201.txt",
            "0199_我省对打赢深度贫困地区脱贫攻坚战的要求贵州省相关.html",
        ),
        # blind false positives, fixed by TG11: 0199 `·2016年10月（成立工作指挥部）` read as a unit; 0199's
        # `列出…14个…`, `总投资规模10.581亿元`, `191项` (a chronology's past entries narrate results)
    ),
    # Blind F1 (main bae4caa), less a margin (notes/realblind9.md). HELD OUT for every other task.
    BlindSet(
        "realblind9",
        documents=12,
        f1_floors={
            "heading": 0.98,  # 1.000 (265 gold, 265 pred)
            "target": 0.54,  # 0.571 (2 gold, 5 pred: three false positives in 0021)
            "amount": 0.77,  # 0.800 (20 gold, 15 pred); 0.895 after NUM1 (18 pred)
            "deadline": 0.93,  # 0.957 (11 gold, 12 pred: one false positive in 0023)
            "micro": 0.96,  # 0.982
        },
        target_indicator_floor=0.54,  # 0.571 (the 2 gold targets right; the 3 false positives)
        meta_accuracy_floor=0.98,  # 1.000, 156/156 (realmeta2's meta gold)
        meta_field_floor=0.91,  # 12 documents: one miss is 0.917
        builders="realblind9_*.py",
        empty_labels=NO_UNIT,  # every `负责`/`牵头`/`配合` is prose or an article describing duties
        # no figure is a goal but 0068's two counts: the rest sets qualitative goals (`到2020年…`) or none
        no_target_docs=(
            "0009_国务院办公厅关于推行环境污染第三方治理的意见国办.txt",
            "0021_国务院批转国家能源委员会关于地方国营煤矿若干经济.txt",
            "0023_国务院办公厅关于进一步加快煤层气煤矿瓦斯抽采利用.txt",
            "0030_国务院关于同意建立全国油气田及输油气管道安全保护.txt",
            "0067_Notice_from_the_General_Office_of_the.txt",
            "0070_Notice_from_the_Ministry_of_Civil_Affairs.txt",
            "0077_新一代人工智能伦理规范.txt",
            "0084_Provisional_Measures_for_Managing_Model_Intellig.txt",
            "0089_Guiding_Opinions_on_the_Development_of_Industria.txt",
            "0107_Opinions_of_the_Supreme_People_s_Court.txt",
            "0112_Opinions_from_the_General_Office_of_the.txt",
        ),
        # blind: 0021's false positives (rules read as targets). A held-out set's errors are recorded as counts
        # only: helpers read this file, and quoting the errors would fit the next rule to them.
        open_false_positives=("0021_国务院批转国家能源委员会关于地方国营煤矿若干经济.txt",),
    ),
    # The development rounds (figures after their rules, less a margin; the blind figure in the set's notes).
    BlindSet(
        "realdev6t",
        documents=6,
        f1_floors={
            "heading": 0.98,  # 1.000 (148 headings)
            "target": 0.95,  # 1.000 (30 gold, 30 pred; blind 0.897)
            "amount": 0.97,  # 1.000 (9 gold, 9 pred) since BL16's `规模超百亿的…` (元 elided before 的; 0.941 before)
            "deadline": 0.97,  # 1.000 after DL7 (a plan's own term `实施期为2013-2025年` is `until`; blind 0.778)
            "micro": 0.98,  # 1.000 since BL16 (0.997 before)
        },
        target_indicator_floor=0.95,  # 1.000 (blind 0.828)
        meta_accuracy_floor=0.98,  # 1.000, 78/78
        meta_field_floor=0.83,  # 6 documents: one miss is 0.833
        builders="realdev6t_*.py",
        empty_labels=NO_UNIT,  # `中国信息通信研究院、中国互联网协会要牵头设立…`: prose
    ),
    BlindSet(
        "realdev6d",
        documents=6,
        f1_floors={
            "heading": 0.99,  # 1.000 (139 headings, also the garbled `三)` and `，三、` of 0056; blind 0.989)
            "target": 0.85,  # 0.880 after TG7 (11 gold, 14 pred; blind 0.645): 0134's `共为6740家…` results left
            "amount": 0.95,  # 1.000 (6: the industry scales of the AI plan)
            "deadline": 0.97,  # 1.000 (15; blind 0.966)
            "micro": 0.95,  # 0.972 (blind 0.957)
        },
        target_indicator_floor=0.85,  # 0.880 after BL12 (0081: a batch word after a pivot verb; 0.800 after TG7, blind 0.516)
        meta_accuracy_floor=0.95,  # 0.974, 76/78: 0056's issuer (gold null: no signature)
        meta_field_floor=0.8,  # 6 documents: one miss is 0.833
        builders="realdev6d_*.py",
        empty_labels=NO_UNIT,  # `由…领导小组牵头统筹协调`, `各市科技部门要配合省科技厅`: prose
    ),
    BlindSet(
        "realdev7t",
        documents=5,
        f1_floors={
            "heading": 0.98,  # 1.000 (113 headings; blind 1.000)
            # 1.000 (3 gold, 3 pred) after BL12's change verbs (`将由19%上升到45%`: 上升到 closes the start value);
            # 0.500 before (0019's two projections missed; blind 0.400)
            "target": 0.97,
            "amount": 0.97,  # 1.000 (8/8) against the gold's second `七角五分` moved (BL16; 0.875 before; blind 0.000)
            "deadline": 0.97,  # 1.000 after DL7 (12 gold; blind 0.957)
            "micro": 0.98,  # 1.000 after BL16's gold fix (0.993 after BL12; blind 0.954)
        },
        target_indicator_floor=0.97,  # 1.000 after BL12 (0.500 before; blind 0.000)
        meta_accuracy_floor=0.98,  # 1.000, 65/65 after MT7 (blind 60/65)
        meta_field_floor=0.8,  # 5 documents: one miss is 0.8
        builders="realdev7t_*.py",
        empty_labels=NO_UNIT,
        # The strategy, the procedure and the approval set no quantified goal: every target polex writes is gold's
        # (blind: 0025's `山西省等8个煤炭主产省（区）`, the pilot's scope the plan lists in full, was one).
        precision_floors={"target": 1.0},
    ),
    BlindSet(
        "realdev7d",
        documents=6,
        f1_floors={
            "heading": 0.98,  # 1.000 (122 headings)
            "target": 0.97,  # 1.000 (4) since a part headed 申请条件 sets no goal (blind 0.800: 0086's thresholds)
            "amount": 0.95,  # 1.000 (3)
            "deadline": 0.97,  # 1.000 (12), blind and after
            "micro": 0.98,  # 1.000 (blind 0.993)
        },
        target_indicator_floor=0.72,  # 0.750 (blind 0.600)
        meta_accuracy_floor=0.97,  # 1.000, 78/78 after DL7's signature rules (blind 0.949)
        meta_field_floor=0.83,  # 6 documents: one miss is 0.833
        builders="realdev7d_*.py",
        empty_labels=NO_UNIT,
    ),
    BlindSet(
        "realdev8d",
        documents=5,
        f1_floors={
            "heading": 0.98,  # 1.000 (198 headings: 第N章 over 一、 over （一）, three one-line texts; blind 1.000)
            "amount": 0.95,  # 1.000 (1: a registered capital `600亿元`)
            "deadline": 0.97,  # 1.000 after DL8 (8; blind 0.714: “十五”期间 ×2, 到“十五”末 missed, 2008年底 spurious)
            "micro": 0.97,  # 0.995 after DL8 (blind 0.983)
            # 1.000 after NUM1: the count `三至四个` (a Chinese-numeral range, 3-4 个) read (0.000 before: 0 pred after
            # DL8 and TG9, `各拥有4000万千瓦…的企业` sizes each counted member; 2 pred blind)
            "target": 0.98,
        },
        target_indicator_floor=0.98,  # 1.000 after NUM1 (`各拥有…的` out of the indicator: 全国性发电企业)
        meta_accuracy_floor=0.97,  # 1.000, 65/65 (blind too)
        meta_field_floor=0.8,  # 5 documents: one miss is 0.8
        builders="realdev8d_*.py",
        empty_labels=NO_UNIT,  # `成立由国家计委牵头，…组成的…工作小组`, `由财政部研究制定…`: prose
        no_target_docs=("0003_国务院关于进一步优化企业兼并重组市场环境的意见国.txt",),  # no figure at all
        precision_floors={"target": 1.0},
    ),
    # F1 after BL10's deadline and status rules, less a margin (blind figures, main 8a04b73, in brackets;
    # notes/realblind10.md): no document sets a quantified goal. Two deadline spans moved after the blind measurement.
    BlindSet(
        "realblind10",
        documents=4,
        f1_floors={
            # 1.000 (139 gold, 139 pred) after HD1's sibling rules (fitted; blind 0.952, 130 pred): 0046's garbled
            # `一)` items (3), headings run into the next marker (`…建设:一)…`, `…负责解释第二十三条…`), `第二十-条`;
            # 0163's `1.3人户家庭` items (4)
            "heading": 0.98,
            "amount": 0.97,  # 1.000 (9 gold, 9 pred): 0165's subsidy standards
            # 0.944 (18 gold, 18 pred; blind 0.765 against 16, 0.833 against the moved 18): day-dated schedule steps
            # and `2025年3月20日-27日` read since, an eligibility date (`…前（即…）已进入`) and a gloss (`（即3月31日-4月2日
            # 内）`) dropped; left `获奖之日起两年内` (a condition) and `于2025年3月28日上午10时，…摇出`
            "deadline": 0.92,
            "micro": 0.97,  # 0.994 after HD1 and TG13 (0.951 before them; blind 0.932)
        },
        target_indicator_floor=0.0,  # no target in gold
        # 0.981, 51/52 (blind 0.962: 0046's status `本办法自公布之日起试行`, read since): 0165's title (a page's line)
        meta_accuracy_floor=0.96,
        meta_field_floor=0.74,  # 4 documents: one miss is 0.75
        builders="realblind10_*.py",
        empty_labels=("target", "responsible_unit"),  # rules' thresholds and conditions only; organs in prose
        no_target_docs=(
            "0046_Trial_Measures_for_the_Management_of_Training.txt",
            "0122_Interim_Measures_for_the_Administration_of_Provi.txt",
            "0163_关于推出供应广州市2025年第一批户籍家庭公共租.html",
            "0165_广州市高校毕业生一次性创业补贴政务指引.html",
        ),
        # (0163's blind false positive `选定1套房屋`, an applicant's choice under the procedure's rule: gone since TG13's
        # applicant obligation, extractors/target_clauses.py APPLICANT_OBLIGATION)
    ),
    # F1 after BL11's rules, less a margin (blind figures, main 48140de, in brackets; notes/realblind11.md lists every
    # error by convention). The rules: a private-use separator in a line-start marker, 实验室 in labelled lists,
    # `经过N年发展`, a 总体要求 part's bare year (and month-only dates after it), `按月` + a person's payment, 门.
    BlindSet(
        "realblind11",
        documents=6,
        f1_floors={
            "heading": 0.98,  # 1.000 (116 gold, 116 pred; blind 0.931, 101 pred: 0154's 15 markers `N\ue010`)
            "target": 0.97,  # 1.000 (10 gold, 10 pred; blind 0.889, 8 pred: 0155's `10 个左右…`, `不少于 10 门…`)
            "amount": 0.97,  # 1.000 (32 gold, 32 pred; blind 1.000): 0144's subsidy standards, 0128's revenue
            # 0.966 (15 gold, 14 pred; blind 0.786, 13 pred: `经过三年发展`, 0155's `2024 年，` missed, its window
            # `9 月 16 日— 23 日` without the year, `按月继续缴费` spurious); left: `项目建设期限 2 年` (a gold decision, unsure)
            "deadline": 0.94,
            "responsible_unit": 0.98,  # 1.000 (155 gold, 155 pred; blind 0.974: 0154's `崂山实验室` missed 8 times)
            "micro": 0.97,  # 0.998 (blind 0.951)
        },
        target_indicator_floor=0.97,  # 1.000 (blind 0.889)
        meta_accuracy_floor=0.98,  # 1.000, 78/78 (blind too; not a blind figure: realmeta has these six documents' meta)
        meta_field_floor=0.83,  # 6 documents: one miss is 0.833
        builders="realblind11_*.py",
        no_target_docs=(
            "0144_Several_Policies_for_the_Development_of_Qingdao.txt",
            "0168_社保费补缴相关政策指引.html",
        ),
    ),
    # F1 after TG13's target rules, less a margin (blind figures, main 8a04b73, in brackets; notes/realwr.md): targets
    # and deadlines only; one deadline's gold year moved after the measurement.
    BlindSet(
        "realwr",
        documents=2,
        f1_floors={
            # 0.994 (85 gold, 86 pred; blind 0.941; 0.982 before BL12's shared qualifier of a 分别 list, `550万亩和
            # 75万亩以上`: both >=): left `12条重点产业链` (gold none; realdev set_e's convention counts the objects of
            # upgrade tasks, `做优5条特色产业示范带`)
            "target": 0.97,
            # 1.000 (2 gold, 2 pred) against the gold moved after the blind 0.500: `汛前` is the report's year (HOLIDAY)
            "deadline": 0.97,
            "micro": 0.97,  # 0.994 after BL12 (0.983 before; blind 0.931)
        },
        target_indicator_floor=0.95,  # 0.971 (blind 0.894)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr_*.py",
        labels=("target", "deadline"),
    ),
    # F1 after BL18's target rules, less a margin (blind figures, main 4704d0c, in brackets; notes/realwr3.md lists
    # every error): targets and deadlines only, the 回顾 parts scored (no span there); two gold readings moved after
    # the measurement (an allocation `…65%以上用于…` no target; an indicator).
    BlindSet(
        "realwr3",
        documents=2,
        f1_floors={
            # 0.989 (180 gold, 180 pred; blind 0.953, 181 gold, 178 pred): left `招商引资到位资金和税收增幅达到30%以上`'s
            # second item, `万亩以上`, and two gold decisions (`发放创业担保贷款2亿元以上`, `98项具体举措`), all unsure
            "target": 0.97,
            "deadline": 0.97,  # 1.000 (1 gold, 1 pred; blind 1.000): `用3年时间`
            "micro": 0.97,  # 0.989 (blind 0.953)
        },
        target_indicator_floor=0.95,  # 0.972 (blind 0.914)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr3_*.py",
        labels=("target", "deadline"),
    ),
    # F1 after BL12's target rules, less a margin (blind figures, main 48140de, in brackets; notes/realblind12.md).
    # Meta is not blind: realmeta has meta-only gold of all five, which MT's rules were fitted to.
    BlindSet(
        "realblind12",
        documents=5,
        f1_floors={
            "heading": 0.98,  # 1.000 (94 gold, 94 pred): 0012's flat headings run to their first 。, 0076's box items
            # 1.000 (7 gold, 7 pred) after BL12's premise `在…的基础上，` and number-first `面向不少于N个…` (blind 0.444,
            # 2 pred: 0076's five counts after `在现有试点示范的基础上，` missed)
            "target": 0.97,
            "deadline": 0.97,  # 1.000 (5 gold, 5 pred; blind 1.000)
            "micro": 0.98,  # 1.000 (blind 0.976)
        },
        target_indicator_floor=0.97,  # 1.000 (blind 0.444)
        meta_accuracy_floor=0.98,  # 1.000, 65/65 (realmeta's gold; not blind)
        meta_field_floor=1.0,  # 5 documents, every field right: one miss (0.8) would be a regression
        builders="realblind12_*.py",
        empty_labels=NO_AMOUNT_NO_UNIT,  # no `元`; duties in prose (`教育部负责试点工作的统筹指导`)
        # no figure is a goal but 0076's: qualitative goals (`到2020年，建成一批…`), a class (`时速120公里以上线路`)
        no_target_docs=(
            "0111_关于促进智慧城市健康发展的指导意见.txt",
            "0012_关于加强铁路沿线安全环境治理工作的意见.txt",
            "0078_教育部关于实施第二批人工智能助推教师队伍建设行动.txt",
            "0004_国务院关于进一步加强环境保护工作的决定国发199.txt",
        ),
    ),
    # F1 after BL16's rules, less a margin (blind figures, main a94fad9, in brackets; notes/realblind15.md). Meta is not
    # blind: realmeta and realmeta2 have meta-only gold of all six, which MT's rules were fitted to.
    BlindSet(
        "realblind15",
        documents=6,
        f1_floors={
            "heading": 0.98,  # 1.000 (191 gold, 191 pred; blind 1.000): 0082's PDF articles and attachments, 0024's flat
            # 1.000 (4 gold, 4 pred) since a situation part sets no goal (blind 0.889, 5 pred: 0002's forecast
            # `未来15年…经济总量将再翻两番` under `（二）环境形势依然十分严峻`)
            "target": 0.97,
            # 1.000 (10 gold, 10 pred) since BL16's rules (blind 0.900: `从“十一五”开始` missed, the forecast's `未来15年`)
            "deadline": 0.97,
            "micro": 0.98,  # 1.000 (blind 0.993)
        },
        target_indicator_floor=0.97,  # 1.000 (blind 0.889)
        meta_accuracy_floor=0.98,  # 1.000, 78/78 (realmeta's and realmeta2's fields; not blind)
        meta_field_floor=1.0,  # 6 documents, every field right: one miss (0.833) would be a regression
        builders="realblind15_*.py",
        empty_labels=NO_AMOUNT_NO_UNIT,  # no `元`; organs in prose (`环保总局会同有关部门拟定`)
        # rules, classes and lists' lengths only (`留存…网络日志不少于 6 个月`, `首批支持建设十个示范应用场景`)
        no_target_docs=(
            "0082_管理指南试行.txt",
            "0064_Notice_on_Supporting_the_Establishment_of_New.txt",
            "0066_Notice_from_61_Departments_Including_the_Ministr.txt",
            "0060_商务部关于公布首批全国示范智慧商圈全国示范智慧商.txt",
        ),
    ),
    # F1 after BL15's rules less a margin (blind figures, main a94fad9, in brackets; notes/realblind14.md). Meta is not
    # blind: realmeta has 0126's meta gold.
    BlindSet(
        "realblind14",
        documents=1,
        f1_floors={
            "heading": 0.98,  # 1.000 (70 gold, 70 pred; blind 1.000)
            # 0.982 (28 gold, 27 pred, all correct) after BL15's resolve frame, 组建, `至少…一所`, `…规模的` class (blind
            # 0.840); 1.000 (28/28) after TG2's fractions (`超过1/3` → 33.33 %, gold moved by CONVENTIONS' ruling)
            "target": 0.98,
            "deadline": 0.97,  # 1.000 (11 gold, 11 pred) after `每学年`, `自2022年秋季学期…开始` (blind 0.900)
            "responsible_unit": 0.98,  # 1.000 (184 units of 56 `（…负责）` notes, the first of each `lead`; blind 1.000)
            "micro": 0.98,  # 0.998 (blind 0.983)
        },
        target_indicator_floor=0.94,  # 0.945 (blind 0.800); 0.964 after TG2's fractions
        meta_accuracy_floor=0.98,  # 1.000, 13/13 (realmeta's gold; not blind)
        meta_field_floor=1.0,  # 1 document: one miss would be 0.0
        builders="realblind14_*.py",
        empty_labels=("amount",),  # no sum of money (`多元`, `双元制` only)
    ),
    # F1 after BL15's target rules less a margin (blind figures, main a94fad9, in brackets; notes/realwr2.md): targets
    # and deadlines only, as realwr.
    BlindSet(
        "realwr2",
        documents=1,
        f1_floors={
            # 1.000 (26 gold, 26 pred) after BL15's `力争…同比增长…` (blind 0.917: those four goals missed)
            "target": 0.97,
            "micro": 0.97,  # 1.000 (blind 0.917)
        },
        target_indicator_floor=0.97,  # 1.000 after BL15's bare 占 (`装配式建筑占70%以上`: 装配式建筑占比; blind 0.875)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr2_*.py",
        empty_labels=("deadline",),  # `今年`, `全年` only: no time bound in part 二
        labels=("target", "deadline"),
    ),
    # realblind16 (task BL17): F1 after BL17's decimal clauses, less a margin (blind figures, main 9cd7a9d, in
    # brackets; notes/realblind16.md lists every error). Meta is not blind: realmeta/realmeta2 hold meta-only gold of
    # all eight, which MT's rules were fitted to.
    BlindSet(
        "realblind16",
        documents=8,
        f1_floors={
            # 1.000 (233 gold, 233 pred) after BL17's decimal clauses (pipeline.structure.clauses; blind 0.888, 186
            # pred: 0007's 47 clauses `1　总则`, `1.1　编制目的`, `3.2.1　预警分级` missed); the rest right blind (flat
            # 一、 to the first 。, 0014's 34 run-in catalogue items, 0045's chapters and articles)
            "heading": 0.98,
            "amount": 0.97,  # 1.000 (6 gold, 6 pred; blind 1.000): 0007's money thresholds of its event classes
            "deadline": 0.97,  # 1.000 (7 gold, 7 pred; blind 1.000)
            "micro": 0.98,  # 1.000 (blind 0.894)
        },
        target_indicator_floor=0.0,  # no target in gold
        meta_accuracy_floor=0.98,  # 1.000, 104/104 (realmeta/realmeta2's gold; not blind)
        meta_field_floor=1.0,  # 8 documents, every field right: one miss (0.875) would be a regression
        builders="realblind16_*.py",
        # no figure is a goal: class thresholds (`30人以上死亡`), a catalogue's length (`34种重要矿产`); duties in prose
        # (`由事发地省级人民政府负责应对工作`), a working group's members (`由环境保护部牵头，公安部…等参加`)
        empty_labels=("target", "responsible_unit"),
    ),
    # realblind17 (task BL19): F1 after BL19's rules, less a margin (blind figures, main 4704d0c, in brackets;
    # notes/realblind17.md lists every error by convention). Meta is not blind: realmeta and realmeta2 have meta-only
    # gold of all four, which MT's rules were fitted to.
    BlindSet(
        "realblind17",
        documents=4,
        f1_floors={
            # 1.000 (69 gold, 69 pred) since BL19's run-on items (blind 0.930, 60 pred: 0169's stop conditions
            # `1.…；2.…；…10.…` run together after the first, 9 missed)
            "heading": 0.98,
            # 1.000 (5 gold, 5 pred) since BL19's `N多元` in Chinese numerals (blind 0.889: 0013's `一千二百五十多元` missed)
            "amount": 0.97,
            # 1.000 (32 gold, 32 pred) since BL19's deadline rules, against the gold with `按月发放` moved to `recurring`
            # (blind 0.918 against 31: 0169's anchors without `自` (`在…之日起`) and `每月25日前`'s day missed, a report's
            # validity `有效期为1年` and `按月发放` spurious; 0.935 against the moved gold)
            "deadline": 0.97,
            "micro": 0.98,  # 1.000 (blind 0.925)
        },
        target_indicator_floor=0.0,  # no target in gold
        meta_accuracy_floor=0.98,  # 1.000, 52/52 (realmeta's and realmeta2's fields; not blind)
        meta_field_floor=1.0,  # 4 documents, every field right: one miss (0.75) would be a regression
        builders="realblind17_*.py",
        # a subsidy rule's procedure and older 国务院 texts: no figure is a goal; duties in prose (`区民政部门牵头做好…`)
        empty_labels=("target", "responsible_unit"),
        no_target_docs=(
            "0169_广州市残疾人两项补贴实施办法增城区转载.html",
            "0013_国务院批转地质部关于切实保障野外地质工作条件的报.txt",
            "0015_国务院关于将钨锡锑离子型稀土矿产列为国家实行保护.txt",
            "0016_国务院关于印发万里同志在全国地矿局长会议上的讲话.txt",
        ),
    ),
    # realblind18 (task BL22): F1 after BL22's rules, less a margin (blind figures, main b4bf39f, in brackets;
    # notes/realblind18.md lists every error). Meta is not blind: realmeta has meta-only gold of all three, which MT's
    # rules were fitted to.
    BlindSet(
        "realblind18",
        documents=3,
        f1_floors={
            "heading": 0.98,  # 1.000 (96 gold, 96 pred; blind 1.000): flat 一、 to the first 。, 0029's member list
            # 0.000 (2 gold, 5 pred; blind 0.000, 6 pred): 0020's reported experience read as goals (`机耕面积达到百分之
            # 七十四`…), the 1980 goals `要求一九八〇年综合利用煤矸石二千五百万吨到三千万吨…` missed (Chinese numerals with
            # 万 and no comparator verb; a range with its unit written twice); 0029's `注册资本为1049亿元` none since
            # BL22's registered capital
            "target": 0.0,
            "amount": 0.97,  # 1.000 (5 gold, 5 pred; blind 1.000): reported sums in Chinese numerals, a capital
            # 0.857 (6 gold, 8 pred) since BL22's deadline rules (blind 0.533, 9 pred: `每年` of stated quantities,
            # a tax benefit's `三年内` spurious, `要求一九八〇年`, `一九七九年，凡…都要…` missed); left: `浙江省每年开采…`
            # (a report) and `国家每年补助的资金` (gold none, unsure) spurious
            "deadline": 0.83,
            "micro": 0.94,  # 0.960 (blind 0.933)
        },
        target_indicator_floor=0.0,  # 0.000 (blind 0.000)
        meta_accuracy_floor=0.98,  # 1.000, 39/39 (realmeta's gold; not blind)
        meta_field_floor=1.0,  # 3 documents, every field right: one miss (0.667) would be a regression
        builders="realblind18_*.py",
        empty_labels=NO_UNIT,  # duties in prose (`由你委负责联系`, `配合做好…善后工作`)
        # a company's facts (`注册资本为1049亿元`), a notice of report deadlines and the past (`今年已经批准…`)
        no_target_docs=(
            "0029_国务院关于组建中国石油化工集团公司有关问题的批复.txt",
            "0039_国务院批转发展改革委关于坚决制止电站项目无序建设.txt",
        ),
    ),
    # realblind19 (task BL27): F1 after BL27's rules, less a margin (blind figures, main 56e4e1f, in brackets;
    # notes/realblind19.md lists every error). Meta is blind: no other set has this text's meta.
    BlindSet(
        "realblind19",
        documents=1,
        f1_floors={
            # 1.000 (106 gold, 106 pred) since BL27's note points (blind 0.991, 108 pred: 附件4's `注：1.…；` + `2.…`,
            # the note's second point read as a heading, once per copy)
            "heading": 0.98,
            "target": 0.97,  # 1.000 (4 gold, 4 pred; blind 1.000): the pilot's two selection counts, per copy
            # 0.857 (8 gold, 6 pred; blind 0.750 against the blind gold's 10): `试点周期为2年` missed (the brief forbids
            # a rule for 建设期/试点期N年); the template agreement's `自签署之日起生效` moved to none in gold (CONVENTIONS:
            # a schedule inside an agreement)
            "deadline": 0.83,
            "micro": 0.97,  # 0.991 (blind 0.975)
        },
        target_indicator_floor=0.97,  # 1.000 (blind 1.000)
        meta_accuracy_floor=0.98,  # 1.000, 13/13 since BL27's restated head (blind 11/13: title and 文号 missed)
        meta_field_floor=1.0,  # 1 document: one miss would be a regression
        builders="realblind19_*.py",
        # no `元` in the text (the form's `（万元）` columns are blank); organs in prose (`…市场监管局（厅、委）牵头，会同…
        # 组织…推荐工作`), a contact list (`支撑单位：…`), the form's blanks (`牵头单位名称`)
        empty_labels=NO_AMOUNT_NO_UNIT,
    ),
    BlindSet(
        "realblind20",
        documents=1,
        f1_floors={
            # 0.986 (72 gold, 74 pred) since BL31's 附表： list (blind 0.966, 77 pred: the list's indented `2．…`-`4．…`);
            # 表6's cell points `1.居民住宅…`, `2.道路中…` left
            "heading": 0.96,
            # 0.714 (54 gold, 30 pred, all right) since TB1's class values (表3's two-level cells) and kept number
            # cells (0.633 after BL31's tables; blind 0.061, 241 pred: 232 content-cell figures of the project table);
            # 附表1's 24 yearly counts by city left
            "target": 0.69,
            # 1.000 (723 gold, 723 pred) since TB1's page-number rule kept 6 sum cells (0.996 after BL31; blind 0.003:
            # the 万元 column sums)
            "amount": 0.97,
            # 0.994 (260 gold, 259 pred) since BL31 (blind 0.100: the 243 项目起止 cells); the horizon years
            # `近期规划水平年为2025年` (unsure gold) missed, `常态化清淤每年约3万方` spurious
            "deadline": 0.97,
            "micro": 0.96,  # 0.982 (blind 0.133)
        },
        target_indicator_floor=0.66,  # 0.690 since TB1 (0.608 after BL31; blind 0.054)
        meta_accuracy_floor=0.98,  # 1.000, 13/13 (realmeta's meta gold agrees: not blind)
        meta_field_floor=1.0,  # 1 document: one miss would be a regression
        builders="realblind20_*.py",
        empty_labels=NO_UNIT,  # `由水利部门牵头` (a table note's prose), `行政首长负责制` (a system's name)
    ),
    # realwr4 (task BL20): F1 after BL20's target rules, less a margin (blind figures, main 1d2d605, in brackets;
    # notes/realwr4.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr4",
        documents=2,
        f1_floors={
            # 0.987 (116 gold, 115 pred, 114 correct) after BL20's goals year (`2024年…主要预期目标是：`) and share
            # before a bar (`推动70%…收入超过50万元`); blind 0.892 (97 pred: the 18 预期目标 opened by their year missed).
            # Left: `千列规模`, `AED3000台` missed, `17条产业链` (gold none, unsure as realwr's `12条重点产业链`)
            "target": 0.95,
            "micro": 0.95,  # 0.987 (blind 0.892)
        },
        target_indicator_floor=0.88,  # 0.909 (blind 0.808)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr4_*.py",
        empty_labels=("deadline",),  # `今年`, `全年` only: no time bound in either 2024 part
        labels=("target", "deadline"),
    ),
    # realwr5 (task BL21): F1 after BL21's target rules, less a margin (blind figures, main b4bf39f, in brackets;
    # notes/realwr5.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr5",
        documents=2,
        f1_floors={
            # 0.962 (145 gold, 148 pred, 141 correct) after BL21's rules (a grant word naming a policy, hours before a
            # noun, 列, 授信, a size before a work, 用好/用活); blind 0.932 (149 pred, 137 correct). Left: existing sets
            # by size (`10个海内外创新中心`), package sizes (`150项任务措施`), `一批千亿级、万亿级…平台` (gold none,
            # unsure: realblind5's gold counts `形成一批千亿级…集群`), `“百千万”工程`, `两位数增长` (gold unsure)
            "target": 0.94,
            "micro": 0.94,  # 0.962 (blind 0.932)
        },
        target_indicator_floor=0.88,  # 0.908 (blind 0.884)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr5_*.py",
        empty_labels=("deadline",),  # `今年`, `全年` only: no time bound in either 2024 part
        labels=("target", "deadline"),
    ),
    # realwr10 (task BL28): F1 after BL28's target rules, less a margin (blind figures, main 272ae03, in brackets;
    # notes/realwr10.md lists every error): targets and deadlines only, as realwr; the 回顾 parts scored (no span there).
    BlindSet(
        "realwr10",
        documents=2,
        f1_floors={
            # 0.987 (236 gold, 238 pred, 234 correct) after BL28's rules (保持…在, 支持/推动 + units backed to grow,
            # A及B各N, 盘活…用于, 自治区级/百亿元级 levels); blind 0.971 (240 pred, 231 correct). Left: the red lines `守牢…万亩耕地红线` (gold
            # unsure), `做强4个…集群`/`做强16条重点产业链` (realdev counts 做优's objects), two unsure gold nones
            "target": 0.96,
            "deadline": 0.97,  # 1.000 (6 gold, 6 pred; blind 1.000): 0177's six `年内`
            "micro": 0.96,  # 0.988 (blind 0.971)
        },
        target_indicator_floor=0.87,  # 0.899 (blind 0.866)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr10_*.py",
        labels=("target", "deadline"),
    ),
    # realwr9 (task BL26): F1 after BL26's target rules, less a margin (blind figures, main 56e4e1f, in brackets;
    # notes/realwr9.md lists every error): targets and deadlines only, as realwr; the 回顾 parts scored (no span there).
    BlindSet(
        "realwr9",
        documents=2,
        f1_floors={
            # 0.993 (227 gold, 226 pred, 225 correct) after BL26's rules (目前 not inside 项目前期, 剂/枚/羊单位, a size as a
            # later 、-item after the clause's verb, 全社会/研发 outlays as goal money, 恢复到, quoted names as a list, a
            # count before `，分别是…`, policies by size joined by 和); blind 0.966 (220 pred, 216 correct). Left (gold
            # unsure): `为企业减负降本500亿元` (gold none), `10方面…实事`, `…基金集群总规模增加到2400亿元`
            "target": 0.97,
            "deadline": 0.97,  # 1.000 (3 gold: `4月15日前`, two `年内`, all 2024; blind 1.000)
            "micro": 0.97,  # 0.993 (blind 0.967)
        },
        target_indicator_floor=0.90,  # 0.927 (blind 0.908)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr9_*.py",
        labels=("target", "deadline"),
    ),
    # realwr7 (task BL24): F1 after BL24's rules, less a margin (blind figures, main 56e4e1f, in brackets;
    # notes/realwr7.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr7",
        documents=2,
        f1_floors={
            # 0.969 (174 gold, 177 pred, 170 correct) after BL24's rules (项目前期 is no 目前, 标准厂房/标准地, 聚焦/围绕
            # + a count, 候选); blind 0.945 (173 pred, 164 correct). Left: sets of chains by size (gold none, as realwr;
            # realdev reads the other way), existing things cared for (`巩固提升3个…基地`, `197条入河排污口常态化监管`,
            # `120万亩湿地保护修复`: gold unsure), `19个重点行业领域` (fields), `“十亿级”企业` (quoted scale classes),
            # `700万单`, the first item of `规范化股份制改造企业各20家`'s pair
            "target": 0.95,
            "deadline": 0.93,  # 0.957 (12 gold, 11 pred; blind 0.957): `“五一”假期开园` missed (gold unsure)
            "micro": 0.95,  # 0.968 (blind 0.946)
        },
        target_indicator_floor=0.80,  # 0.826 (blind 0.824)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr7_*.py",
        labels=("target", "deadline"),
    ),
    # realwr6 (task BL23): F1 after BL23's target rules, less a margin (blind figures, main 56e4e1f, in brackets;
    # notes/realwr6.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr6",
        documents=2,
        f1_floors={
            # 0.990 (195 gold, 197 pred, 194 correct) after BL23's rules (a bound closing a list item, 分别 before the
            # verb, 人民/N人制, GW/MW and herd capacities naming a plant, a class before a held rate, whose output, land
            # before the works on it); blind 0.959 (199 pred, 189 correct). Left: `12个专项领域` (an existing set by size), `1次体检` (gold none,
            # unsure), `工业投资、民间投资占比50%以上` (gold two, realwr4 reads one)
            "target": 0.97,
            # 0.800 (2 gold `年内`, 3 pred; blind 0.800): `各级政府每月研究信访工作机制` (gold none, unsure)
            "deadline": 0.75,
            "micro": 0.97,  # 0.987 (blind 0.957)
        },
        target_indicator_floor=0.92,  # 0.954 (blind 0.888)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr6_*.py",
        labels=("target", "deadline"),
    ),
    # realwr8 (task BL25): F1 after BL25's target rules, less a margin (blind figures, main 56e4e1f, in brackets;
    # notes/realwr8.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr8",
        documents=2,
        f1_floors={
            # 0.993 (223 gold, 222 pred, 221 correct) after BL25's rules (项目前期 is no 目前, 宗, an opening outlay
            # `投资N亿元，`, a count its `一是…N是` restates, `支持现有…`, a part in a bracket, 创业担保贷款, 后续扶持/服务保障,
            # a base sized by its land, `其中竣工N个`; 0.991 since the lead reverted the 创业担保贷款 rule, docs/measurement-log.md); blind
            # 0.961 (218 pred, 212 correct). Left: `…和省级生态县3个`
            # (gold none, unsure), `…用于产业发展的比重提高至65%` (gold unsure: 用于), `…总工程量的70%`
            "target": 0.97,
            "micro": 0.97,  # 0.993 (blind 0.961)
        },
        target_indicator_floor=0.86,  # 0.885 (blind 0.866)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr8_*.py",
        empty_labels=("deadline",),  # `今年`, `全年`, `年度` only: no time bound in either 2024 part
        labels=("target", "deadline"),
    ),
    # realwr11 (task BL29): F1 after BL29's rules, less a margin (blind figures, main d686377, in brackets;
    # notes/realwr11.md lists every error): targets and deadlines only, as realwr.
    BlindSet(
        "realwr11",
        documents=2,
        f1_floors={
            # 0.986 (212 gold, 216 pred, 211 correct) after BL29's rules (各N after items in 村, an age after the
            # beneficiary's 为, 补贴性, 深化/提质扩量 + a count, 聚焦 past a 等 list); blind 0.970 (217 pred, 208 correct).
            # Left: `发展壮大2个…和12个…`, `迭代升级1926项` (gold none; upgrade tasks keep counts, test_targets_tg13),
            # `…等24个细分领域`, `落实全省39个欠发达县域…十条措施`, `确保零就业家庭至少一人就业` (gold unsure, missed)
            "target": 0.96,
            "deadline": 0.97,  # 1.000 (3 gold: 0193's `年内` ×3, 2024; blind 0.857: `按月直付房租试点`)
            "micro": 0.96,  # 0.986 (blind 0.968)
        },
        target_indicator_floor=0.90,  # 0.925 (blind 0.904)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr11_*.py",
        labels=("target", "deadline"),
    ),
    # realwr12 (task BL30): F1 after BL30's rules, less a margin (blind figures, main 272ae03, in brackets;
    # notes/realwr12.md lists every error): targets and deadlines only, as realwr; the 回顾 parts scored (no span there).
    BlindSet(
        "realwr12",
        documents=2,
        f1_floors={
            # 0.994 (180 gold, 182 pred, 180 correct) after BL30's rules (贷款/盘活资产 as goal money, 限额以上, 人年,
            # 水质…N类 a grade, a size after 等); blind 0.975 (179 pred, 175 correct). Left: `提质发展10个全国重点实验室`
            # (an existing set, as realwr5's), `109公里两江四岸治理提升` (gold none, unsure: BL21's size before a work)
            "target": 0.97,
            "micro": 0.97,  # 0.994 (blind 0.975)
        },
        target_indicator_floor=0.89,  # 0.912 (blind 0.897)
        meta_accuracy_floor=0.0,  # meta not scored (labels)
        meta_field_floor=0.0,
        builders="realwr12_*.py",
        empty_labels=("deadline",),  # `今年`, `全年` only: no time bound in either 2024 part
        labels=("target", "deadline"),
    ),
    BlindSet(
        "realdev8t",
        documents=4,
        f1_floors={
            "heading": 0.97,  # 0.996 after LY2 (0075's 目录 lines no headings; 0.948 before; a figure caption left)
            "target": 0.97,  # 1.000 after TG9 (1 gold; blind 0.400: `等4个部分`, a table row `30 30支持…`, `第2-4部分`)
            "deadline": 0.97,  # 1.000 (5; blind 1.000)
            "responsible_unit": 0.97,  # 1.000 (30 units of five `（…按职责分工负责）` notes; blind 1.000)
            "micro": 0.97,  # 0.997 after LY2 (0.960 before; blind 0.951)
        },
        target_indicator_floor=0.97,  # 1.000 (blind 0.400)
        meta_accuracy_floor=0.96,  # 0.981, 51/52: 0075's title (polex keeps the `（2021 版）` line)
        meta_field_floor=0.74,  # 4 documents: one miss is 0.75
        builders="realdev8t_*.py",
        empty_labels=("amount",),  # no `元` at all
        # rules and present facts only (`低于30万吨/年的煤矿`, `由30%调整为10%`, `超过5%时`, `占…70%左右`)
        no_target_docs=(
            "0022_国务院办公厅关于促进煤炭行业平稳运行的意见.txt",
            "0034_国务院办公厅关于深化电煤市场化改革的指导意见.txt",
            "0058_Several_Opinions_on_Accelerating_Digital_and_Int.txt",
        ),
        precision_floors={"target": 1.0},
    ),
    # F1 after BL14's rules, less a margin (blind figures, main a94fad9, in brackets; notes/realblind13.md). Meta is not
    # blind: realmeta and realmeta2 have meta-only gold of all five.
    BlindSet(
        "realblind13",
        documents=5,
        f1_floors={
            # 1.000 (237 gold, 237 pred) after BL14's 专栏 items `01 …` (blind 0.947, 213 pred: 0073's 24 box items)
            "heading": 0.98,
            # 1.000 (10 gold, 10 pred) after BL14's bare page numbers (blind 0.900: 0073's `120 个以⏎5⏎上…` read `=`)
            "target": 0.97,
            "amount": 0.97,  # 1.000 (5 gold, 5 pred; blind 1.000)
            # 1.000 (16 gold, 16 pred) after BL14's `2025 年的主要目标是：` (blind 0.909, against 18 gold: 0138's
            # garbled `每年4月、83月` months, moved after the measurement to realdev 0080's reading)
            "deadline": 0.97,
            "micro": 0.98,  # 1.000 (blind 0.943)
        },
        # 1.000 after BL14's act after 的 (`国家、行业标准的制修订`; blind 0.800: that and the `=` above)
        target_indicator_floor=0.97,
        meta_accuracy_floor=0.98,  # 1.000, 65/65 (realmeta's and realmeta2's gold; not blind)
        meta_field_floor=1.0,  # 5 documents, every field right: one miss (0.8) would be a regression
        builders="realblind13_*.py",
        empty_labels=NO_UNIT,  # duties in prose (`由青岛市工业和信息化局会同…组成…联席工作小组…，负责…`)
        # rules and conditions (0138: `不少于240小时或1000公里`), texts without figures (0091, 0094)
        no_target_docs=(
            "0138_Notice_on_Issuing_the_Interim_Implementation_Rul.txt",
            "0091_Opinions_on_Accelerating_the_Development_of_Inte.txt",
            "0094_Opinions_on_Promoting_Discipline_Integration_and.txt",
        ),
    ),
)
BY_NAME = {blind.name: blind for blind in SETS}


def each_set(rows_of=lambda blind: [()], open_rows: bool = False):
    """Parametrise over every set (and, with ``rows_of``, over each set's rows): ids `realblind3-target`. With
    ``open_rows`` a row named in the set's ``open_false_positives`` is a strict expected failure."""

    def marks(blind: BlindSet, row: tuple) -> tuple:
        if open_rows and row and row[0] in blind.open_false_positives:
            return (
                pytest.mark.xfail(strict=True, reason=f"{blind.name}: blind false positives, notes/{blind.name}.md"),
            )
        return ()

    return [
        pytest.param(blind, *row, id="-".join([blind.name, *row]), marks=marks(blind, row))
        for blind in SETS
        for row in rows_of(blind)
    ]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Each set's (OUT folder, scored report): the core run once, on first use."""
    done: dict[str, tuple[Path, dict]] = {}

    def run(blind: BlindSet) -> tuple[Path, dict]:
        if blind.name not in done:
            out = run_core(blind.docs, tmp_path_factory.mktemp(f"{blind.name}_out"))
            done[blind.name] = (out, evaluate(blind.gold, out, blind.labels)[0])
        return done[blind.name]

    return run


@pytest.fixture(scope="module")
def reports(runs):
    return lambda blind: runs(blind)[1]


@pytest.mark.parametrize("blind", each_set())
def test_set_has_its_documents_each_with_gold(blind):
    docs = discover(blind.docs)
    assert len(docs) == blind.documents
    assert sorted(Path(d).stem for d in docs) == sorted(p.stem for p in blind.gold.glob("*.json"))


@pytest.mark.parametrize("blind", each_set())
def test_gold_files_have_valid_shape_and_offsets(blind):
    assert validate_dir(blind.gold, None) == []
    assert validate_dir(blind.gold, blind.docs) == []


@pytest.mark.parametrize(
    "blind,gold_name", each_set(lambda blind: [(p.name,) for p in sorted(blind.gold.glob("*.json"))])
)
def test_gold_offsets_match_reader_text(blind, gold_name):
    check_gold_offsets_match_reader_text(blind.gold / gold_name, blind.docs)


@pytest.mark.parametrize("blind", each_set())
def test_every_label_but_the_empty_ones_is_represented_in_gold(blind):
    labels = {s.label for p in blind.gold.glob("*.json") for s in load_gold_file(p).spans}
    assert labels == set(blind.labels or LABELS) - set(blind.empty_labels)


@pytest.mark.parametrize("blind", each_set())
def test_gold_is_what_the_builders_write(blind):
    """CONVENTIONS: the JSON is never edited by hand; running the builders gives it back."""
    check_gold_is_what_the_builders_write(blind.gold, blind.build, blind.builders)


def test_a_hand_edited_gold_file_fails_the_builder_check(tmp_path):
    blind = BY_NAME["realblind5"]
    edited = tmp_path / "gold"
    shutil.copytree(blind.gold, edited)
    first = sorted(edited.glob("*.json"))[0]
    gold = json.loads(first.read_text(encoding="utf-8"))
    gold["spans"][0]["end"] -= 1  # a reviewer shortening a span in the JSON, not in the builder
    gold["spans"][0]["text"] = gold["spans"][0]["text"][:-1]
    first.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(AssertionError):
        check_gold_is_what_the_builders_write(edited, blind.build, blind.builders)


@pytest.mark.parametrize("blind", each_set())
def test_documents_are_all_found_in_out(reports, blind):
    assert reports(blind)["missing_documents"] == []


@pytest.mark.parametrize("blind,label", each_set(lambda blind: [(label,) for label in blind.f1_floors]))
def test_f1_floor(reports, blind, label):
    check_f1_floor(reports(blind), label, blind.f1_floors, blind.name)


@pytest.mark.parametrize(
    "blind,label", each_set(lambda blind: [(label,) for label in blind.empty_labels], open_rows=True)
)
def test_labels_without_gold_have_no_false_positives(reports, blind, label):
    """Organs named in national prose (`发展改革委、水利部等部门要督促…`) are no units, and so on."""
    scored = reports(blind)["labels"][label]
    assert (scored["gold"], scored["pred"]) == (0, 0), scored


@pytest.mark.parametrize("blind,label", each_set(lambda blind: [(label,) for label in blind.precision_floors]))
def test_precision_floor(reports, blind, label):
    assert reports(blind)["labels"][label]["p"] >= blind.precision_floors[label]


@pytest.mark.parametrize("blind", each_set())
def test_target_indicator_floor(reports, blind):
    check_indicator_floor(reports(blind), blind.target_indicator_floor, blind.name)


@pytest.mark.parametrize("blind", each_set(lambda blind: [()] if blind.scores_meta else []))
def test_meta_accuracy_floor(reports, blind):
    assert reports(blind)["meta"]["accuracy"] >= blind.meta_accuracy_floor


@pytest.mark.parametrize(
    "blind,field", each_set(lambda blind: [(field,) for field in META_FIELDS] if blind.scores_meta else [])
)
def test_meta_field_floor(reports, blind, field):
    check_meta_field_floor(reports(blind), field, blind.documents, blind.meta_field_floor, blind.name)


@pytest.mark.parametrize("blind,doc", each_set(lambda blind: [(doc,) for doc in blind.no_target_docs], open_rows=True))
def test_a_plan_whose_goals_have_no_figure_yields_no_target(runs, blind, doc):
    """Gold has no target in the document (its `到2020年…` goals are qualitative): none may be predicted."""
    out = runs(blind)[0]
    docs = pd.read_parquet(out / "documents.parquet")
    doc_id = docs.loc[docs.source_path == doc, "doc_id"].item()
    targets = pd.read_parquet(out / "targets.parquet")
    assert targets[targets.doc_id == doc_id].text.tolist() == []
