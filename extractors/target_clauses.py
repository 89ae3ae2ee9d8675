"""The kind of clause a figure stands in: a goal the document sets, a rule it imposes, a result it reports.

Chinese official documents write all three with the same words (`不低于`, `达到`, `万吨`), so no word decides
whether a figure is a target; the clause's type does, and official documents build each type their own way:

- a **goal** clause is framed as one: a goals part (`二、主要目标`, `（三）发展目标`), a time frame it is to be met by
  (`到2025年，…达到800家`), a resolve (`力争`, `确保`, `争取`), a statement of aim (`目标是`, `主要预期目标为`).
  Its figures are targets (GUIDE).
- a **rule** clause imposes a norm on a class of things or people, whenever one of them comes along: its subject is
  a class (`新上光伏制造项目`, `新建矿井`, `整合后矿井`, `申报企业`, `企业`), its predicate a deontic modal (`应满足`,
  `须达到`, `不得低于`) or a bound on a property of each member (`规模不低于30万吨/年`, `年营业收入不低于2000万元`), or
  it states a standard (`验收标准为合格率不低于95%`); also the conditions of a grant (`对…的企业，给予…`),
  an application's conditions (`申报条件`), a rule's trigger (`当…超过5%时`), a rule's parameter changed (`由30%调整
  为10%`). Its figures are thresholds and specifications: no targets (CONVENTIONS Targets: "specifications inside
  rules are not"), money in them stays an amount.
- a **result** clause reports what is: `已`+verb (`已发布`, `已建成`), `累计`, `同比`, `目前`, a past year, a review
  part, the narration of a chronology's past entry (a line that is the entry's date and, in brackets, its event:
  `·2017年8月（全省…推进大会）`, then what happened: `…大会在贵阳召开，…全省列出深度贫困县14个`; a 大事记 or a
  摘编's record of the measures taken). Its figures are no targets either.

A clause framed as a goal stays a goal even where its words look like a rule's (`到2025年，新建建筑…不低于…`): the frame
is what the document says it sets.  Where each kind is decided in targets.py: a review part, a past year, a
statement of the present, a definition (results and rules of whole sentences: ``_DocIndex.sentence_is_excluded``,
target_parts); a subsidy grant and its conditions (``_DocIndex.subsidy_start``, ``condition_end``); a rule's own
words right at the figure (``_Scan._formed``: `的项目` after a threshold, `当…时`, `由…调整为`; ``_Scan._compared``:
`原则上`, `可以`); and here, ``ClauseKinds.kind`` (``_Scan._goal`` asks it once the figure's time frame is known), for
what the words at the figure do not show: a norm imposed on a class earlier in the sentence, which governs every
specification after it (`新上…项目应满足A不低于20%、B不低于18%，C不高于100千瓦时/千克`), a part headed with an
application's rules or an access standard (`（二）申报限额`, `（三）提高煤矿准入标准`), a rule's condition closing a
`的`-phrase (`…少于200人次的，视为…`), and a result verb right before the figure.  A goal counts a class, a norm bounds each member:
`新建城市绿道不少于500公里` is a goal, `新建矿井规模不低于60万吨/年` a norm.  Examples: extractors/examples/targets.jsonl (notes
`clause kind`).
"""

from __future__ import annotations

import re

GOAL, RULE, RESULT = "goal", "rule", "result"

# a deontic modal that imposes a specification on its subject (`应满足`, `须达到`, `不得低于`): what follows it to the
# end of its sentence is the norm's content (a list of specifications joined by `、`/`，`)
NORM_MODAL = re.compile(
    r"(?:应|须|必须|应当)(?:满足|符合|具备)"  # a standard to meet: normative whatever the subject
    # a bound imposed on a class named by its noun (`…项目应不低于`, `…企业须达到`): `应达到` alone may close a goal
    r"|(?:项目|企业|产品|矿井|煤矿|装置|设备|机组|生产线|电站|车辆|建筑|申请人|申报单位|申报主体)(?:原则上)?"
    r"(?:应|须|必须|应当)(?:达到|不低于|不少于|不高于|不超过|不大于|不小于)"
    r"|不(?:应|得)(?:低于|少于|高于|超过|大于|小于)"
    # a modal before a negated bound (`三氧化硫含量应不大于3.5%，烧失量不大于5.0%`): a standard's parameter (TG12)
    r"|(?:应当?|须|必须)不(?:低于|少于|高于|超过|大于|小于)"
    # (TG2) a bound set 原则上 (`工业项目用地容积率原则上不低于1.2，建筑密度不低于30%`): a rule's modal (docs/extraction-conventions.md: `原则上不超过
    # 30个月`), and as the modals above it governs the specifications after it in its sentence
    r"|原则上(?:应当?|须)?不(?:低于|少于|高于|超过|大于|小于)"
)
# an obligation on a class of private actors or things (`企业应建立…，并…留存…日志不少于6个月`, `项目须…`): the
# subject a norm binds, opening a clause of the sentence or an article (`第二十三条 运营企业应当保证…`: an operator of a
# licensed service is such a class, TG12); `各企业`/`有关企业`/`重点企业` a plan addresses by name are
# assignees of tasks, not a class a norm binds (their figures are goals)
CLASS_OBLIGATION = re.compile(
    r"(?:(?<=[，,；;：:\n。！？!?])|(?<![\s\S]))[ \u3000]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]|第[一二三四五六七八九十百零〇\d]{1,5}条)?[ \u3000]*"
    r"(?:(?:新上|新建|申报|申请|入选|参评)[^，,；;。\d]{0,10}?|(?:运营|经营|生产|建设|施工|承办|受托)(?=企业|单位))?"
    r"(?<![各有关重点骨干龙头])(?:企业|项目|产品|车辆|生产者|经营者|运营者|申请人|申报主体|申报单位)"
    r"(?:原则上)?(?:应当|应|须|必须)(?![用急对收付届])"
)
# A class of new or changed things (a norm for whatever comes along: `新上光伏制造项目`, `新建矿井`, `整合后矿井`) or of
# applicants (`申报企业`, `入选企业`) opening a clause, bound by a norm's comparator: the norm runs to the end of its
# sentence (`申报企业年营业收入不低于2000万元，研发人员占比不低于10%`). A norm binds each member of the class, so it
# bounds a property of one (`矿井规模`, `转换效率`, `综合电耗`, `占比`); a goal counts the class (`新建城市绿道不少于
# 500公里`, `新增上市企业10家`: `新增` is never a class), so a new class needs the property word before its bound
# (or a modal); an applicant class only no count of itself (`申报企业数量不少于100家`).
_OPENS = r"(?:(?<=[，,；;：:\n。！？!?])|(?<![\s\S]))[ \u3000]*"
_BOUND = r"(?:原则上)?(?:不低于|不少于|不高于|不超过|不大于|不小于)"
_MODAL_BOUND = r"(?:原则上)?(?:应当|应|须|必须)(?:达到|满足|符合|具备|不低于|不少于|不高于|不超过|不大于|不小于)"
_PROPERTY = (
    r"(?:规模|效率|率|能耗|电耗|水耗|煤耗|耗|占比|比例|比重|强度|产能|容量|能力|系数|指数|含量|浓度|排放量)"
    r"(?:[（(][^）)\n]{1,10}[）)])?"
)
# (TG3) what one project or enterprise has, right after the bare class noun: its investment, revenue, capital, output
_MEMBER_SIZE = (
    r"(?:总投资(?:额|规模)?|投资(?:额|规模|强度)|固定资产投资(?:额)?|设备投资(?:额)?|(?:年|上年度?)?(?:主营业务|营业|销售)收入"
    r"|注册资本(?:金)?|(?:年|上年度?)?(?:产值|纳税额|税收))"
)
CLASS_NORM = re.compile(
    _OPENS + r"(?:"
    r"(?:新上|新建|新开工|新核准|新投产|改扩建|扩建|技改后|改造后|整合后|重组后|兼并重组后)"
    rf"(?:[^，,；;。\n\d]{{1,20}}?{_MODAL_BOUND}|[^，,；;。\n\d]{{0,18}}?{_PROPERTY}{_BOUND})"
    rf"|(?:申报|申请|入选|参评)[^，,；;。\n\d]{{1,20}}?(?<!数量)(?<!总数)(?<!个数)(?:{_MODAL_BOUND}|{_BOUND})"
    # (TG3) the bare class noun, a member's size and its bound (`项目总投资不低于1亿元`, `单个项目固定资产投资不低于5000万元`,
    # `企业年营业收入不低于2000万元`): an eligibility threshold each project or enterprise must meet (issue 11), as
    # `投资不低于200万元的项目`; a goal names whose total it is (`全市固定资产投资不低于…`, `重点项目完成投资不低于…`)
    rf"|(?:单个|单体|每个|每一)?(?:项目|企业){_MEMBER_SIZE}{_BOUND}"
    r")"
)
# a norm stated as such (`验收标准为合格率不低于95%`, `建设标准为每百户不少于30平方米`): the standard a rule sets
# (not after 目: the guard written after the first character, so that a search skips ahead to a 标 or 门)
NORM_STATEMENT = re.compile(r"(?:标(?<!目标)准|门(?<!目门)槛)(?:为|是)")
# a figure closing a `的`-phrase that ends its clause (`…年均培训…少于200人次的，…视为主动放弃`): the condition a rule
# attaches its consequence to, whatever frame the sentence has; so is a bound a consequence waits for (`…达到80分方可…`)
CONDITION_AFTER = re.compile(r"[ \u3000]*的[ \u3000]*(?:[，,；;]|或)|[^，,；;。\n]{0,12}?(?:方可|方能)")
# a heading naming an application's rules or an access standard (`（二）申报限额`, `三、申请条件`, `推荐名额`,
# `（三）提高煤矿准入标准`): the part's figures are what an applicant must meet or may file, or the standard itself
RULE_HEADING = re.compile(
    r"(?:申请|申报|认定|评选|评审|遴选|入选|推荐|资格)(?:标准|范围|对象)?[和与及]?(?:条件|限额|名额)|准入(?:标准|条件)"
)
# the words of a rule right before its figure (TG12, the rule genres' conventions), whatever year the sentence names:
# a duration a fact must last before a rule applies (`失踪满6个月`, `连续工作满10年`, `年满60周岁`: a condition); a
# quota of places or of filings a procedure offers (`2026年…招生计划总数为1023个`, `推荐名额为3个`, `每个企业每年最多
# 申报2个项目`: CONVENTIONS `推荐名额`), what applicants may get, no level a plan is to reach
RULE_BEFORE = re.compile(
    r"(?:(?<![圆充饱])满"
    r"|(?:名额|招生计划|招录计划|招聘计划)(?:总数|总量|人数|数)?(?:为|共)"
    r"|(?:最多|至多|限)可?(?:申报|申请|推荐|报送|报名|选报)"
    # (TG2) a cap on what a unit files (`每个县（市、区）推荐不超过3个项目`): the procedure's quota, as `最多申报`
    r"|(?:申报|申请|推荐|报送|选报)(?:数量|名额)?(?:原则上)?(?:不超过|不多于|不得超过))[ \u3000]*$"
)
_RULE_BEFORE_WIDTH = 12
# the characters a RULE_BEFORE match can end on (its words' last ones, or blanks before the figure): the search runs
# only after one (most figures follow none)
_RULE_BEFORE_LAST = frozenset("满为共报请荐送名过于 \u3000\n")
# an obligation on applicants in a procedure (`申请家庭需在…内选定1套房屋`, `申报单位须…`): what each applicant must
# do, with the procedure's window, is a rule of the procedure (CONVENTIONS: an applicant's choice, `选择1所幼儿园进行
# 报名`), whatever dates the sentence names (TG13, realblind10 0163); 需 binds only after an applicant subject
APPLICANT_OBLIGATION = re.compile(
    r"(?:申请|申报|报名|轮候|参评|入围)(?:家庭|人|者|对象|单位|企业|主体)(?:原则上)?(?:需|须|应当|应|必须)(?![求用急对收付届])"
)
# a levy's rate a document sets or changes (`资源税的税率为5%`, `单位缴费比例由20%降至16%`, `年税额为1.5元至30元`): the
# parameter of a tax or contribution rule, as docs/extraction-conventions.md's fee cuts; the figure's own clause names it before the figure
# (TG12). Not a fee's rate: a bound a support measure sets for what it covers stays a goal (`担保费率降至1%以下`,
# examples/targets.jsonl). Checked after a goal's frame (`到2025年，…税率降至…` stays a goal).
LEVY_RATE = re.compile(r"税率|税额|缴费比例|缴存比例|征收标准")
# the resolve or aim that frames a goal in the sentence before the figure
GOAL_FRAME = re.compile(r"力争|争取|确保|目标(?:是|为)|预期目标")
# `已发布30…`, `已建成12个`: the figure right after what was done reports it (a table's status cell `已发布` then
# the next row's number is the same shape)
RESULT_VERB_BEFORE = re.compile(r"已(?:经)?[\u4e00-\u9fff]{1,3}[ \u3000]*$")
_RESULT_WIDTH = 6
# `陆续兴建了大庆、金昌等二百多座矿山城镇`, `用它建成了…共六万多平方米`: a verb's perfective 了 earlier in the figure's
# clause reports what was done (a result), where no goal's frame governs; not 为了/除了 (purpose, exception), 了解
PERFECTIVE = re.compile(r"(?<![为除])了(?![解结如不])")


# Each norm with the characters one of which its every match holds (its modal 应/须, 不得, 原则上, a bound's 不): a sentence
# without any is not searched (a search with a literal opening; the norms open with groups and look-behinds).
_NORMS = (
    (NORM_MODAL, re.compile("[应须得则]")),  # 则: 原则上
    (CLASS_NORM, re.compile("[应须不]")),
    (NORM_STATEMENT, None),
    (CLASS_OBLIGATION, re.compile("[应须]")),
)

# A chronology's entry (大事记, a 摘编's record of measures taken): a line that is a date (a year and its month, its
# day, a span of months) and the event in brackets, `·2016年10月（成立工作指挥部）`, `2017年1月-10月（春季攻势…）`; the
# lines after it narrate that event up to the next entry. A chronology is a run of them (two at least: one dated
# line is a caption); a bare year in brackets is a table's column head (`2020年（已整治）`). A phase of a work plan's
# schedule names its stage (`2024年3月—4月（动员部署阶段）`): its lines are tasks, no entry.
CHRONICLE_ENTRY = re.compile(
    r"^[ \u3000\t]*[·•●◆▪]?[ \u3000]*(?P<year>(?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?"
    r"(?:[-—–~～至到](?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?)?[ \u3000]*"
    r"[（(](?P<event>[^（()）\n]{2,40})(?<!阶段)[）)][ \u3000]*$",
    re.MULTILINE,
)

# every entry holds its date's 年…月 (a few lines of a text do): only the lines holding one are tried
_ENTRY_DATE = re.compile(r"年\d{1,2}月")


def chronicle_entries(text: str) -> list[re.Match]:
    """``CHRONICLE_ENTRY.finditer(text)``: an entry is a whole line (``^``…``$``) holding a 年…月, so the pattern is
    matched at the start of each line where ``_ENTRY_DATE`` occurs (found by one search with a literal opening,
    where the pattern's own scan enters it at every position)."""
    found: list[re.Match] = []
    tried = -1
    for date in _ENTRY_DATE.finditer(text):
        line_start = text.rfind("\n", 0, date.start()) + 1
        if line_start != tried:
            tried = line_start
            if (m := CHRONICLE_ENTRY.match(text, line_start)) is not None:
                found.append(m)
    return found


def chronicle_parts(text: str, is_past, part_starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each past chronology entry (CHRONICLE_ENTRY) and its narration: from the entry's line to the
    next entry or the next of ``part_starts`` (headings of a new part), else the end of the text.  ``is_past(year)``:
    whether the entry's year is past for the document (a year after it is a schedule's)."""
    if "年" not in text or not ("）" in text or ")" in text):
        return []
    entries = [m for m in chronicle_entries(text) if is_past(int(m.group("year")))]
    if len(entries) < 2:
        return []
    parts = []
    for i, m in enumerate(entries):
        end = entries[i + 1].start() if i + 1 < len(entries) else len(text)
        end = min([end, *(s for s in part_starts if m.end() < s < end)])
        parts.append((m.start(), end))
    return parts


class ClauseKinds:
    """``kind`` of every figure of one text, the sentence-wide norm searches done once per sentence (a long flat
    text holds hundreds of figures per sentence)."""

    def __init__(self, text: str):
        self.text = text
        self._leftmost: dict[int, list[tuple[re.Pattern, int, int]]] = {}  # sentence start -> norms found in it

    def _norm_end(self, sent_start: int, sent_end: int, start: int) -> int | None:
        """Where the first norm (``_NORMS``) of the sentence that ends before ``start`` ends, else None: each
        pattern's leftmost match, found once per sentence; one ending after ``start`` but opening before it is
        searched again up to ``start``."""
        found = self._leftmost.get(sent_start)
        if found is None:
            found = self._leftmost[sent_start] = [
                (pattern, m.start(), m.end())
                for pattern, needed in _NORMS
                if (needed is None or needed.search(self.text, sent_start, sent_end))
                and (m := pattern.search(self.text, sent_start, sent_end))
            ]
        ends = []
        for pattern, first, end in found:
            if end <= start:
                ends.append(end)
            elif first < start and (m := pattern.search(self.text, sent_start, start)):
                ends.append(m.end())
        return min(ends, default=None)

    def _applicant_bound(self, sent_start: int, start: int) -> bool:
        """An applicant's obligation earlier in the figure's sentence (APPLICANT_OBLIGATION), searched only where
        the sentence holds one of its modals (需/须/应)."""
        text = self.text
        if not any(text.find(ch, sent_start, start) >= 0 for ch in "需须应"):
            return False
        return APPLICANT_OBLIGATION.search(text, sent_start, start) is not None

    def kind(
        self,
        sentence: tuple[int, int],
        clause_start: int,
        figure: tuple[int, int],
        goal_framed: bool,
        rule_part: bool,
        acts: bool = False,
        reported: bool = False,
    ) -> str:
        """GOAL, RULE or RESULT for the figure ``figure`` (start, end) in the clause from ``clause_start`` of the
        ``sentence`` (start, end): see :func:`clause_kind`.  ``acts``: an action verb opens the figure's clause
        (建成, 培育…): a norm of an earlier clause does not reach it (`项目应符合规划，建成标准厂房10万平方米`: a task of
        its own), while a specification clause (a subject and its bound) continues the norm's list.  ``reported``:
        the figure narrates a past chronology entry (chronicle_parts): a result, unless a goal's frame governs it
        (`会议要求，到2020年…`: what the event set)."""
        text, (start, end) = self.text, figure
        if RESULT_VERB_BEFORE.search(text, max(clause_start, start - _RESULT_WIDTH), start):
            return RESULT
        if rule_part or CONDITION_AFTER.match(text, end):
            return RULE
        if (
            start > 0
            and text[start - 1] in _RULE_BEFORE_LAST
            and RULE_BEFORE.search(text, max(clause_start, start - _RULE_BEFORE_WIDTH), start)
        ):
            return RULE
        if self._applicant_bound(sentence[0], start):
            return RULE
        if goal_framed or GOAL_FRAME.search(text, sentence[0], start):
            return GOAL
        if LEVY_RATE.search(text, clause_start, start):
            return RULE
        if reported or PERFECTIVE.search(text, clause_start, start):
            return RESULT
        norm_end = self._norm_end(sentence[0], sentence[1], start)
        if norm_end is None or (acts and norm_end <= clause_start):
            return GOAL
        return RULE


def clause_kind(
    text: str,
    sent_start: int,
    clause_start: int,
    start: int,
    end: int,
    goal_framed: bool,
    rule_part: bool = False,
    acts: bool = False,
    reported: bool = False,
) -> str:
    """GOAL, RULE or RESULT for the figure ``start``–``end`` in the clause from ``clause_start`` of the sentence
    from ``sent_start`` to the end of ``text`` (module docstring).  ``goal_framed``: a goal's time frame or part
    governs the figure (its deadline year, a goals part, a plan part, a deadline in its sentence: a norm applies
    whenever one of its class comes along, a task is bounded in time: `新建数据中心PUE不高于1.25，9月底前完成…检查`);
    it makes a norm-shaped clause a goal, never a result one.  ``rule_part``: a heading over the figure names an
    application's rules or an access standard (RULE_HEADING): a rule whatever the frame.  ``acts``: an action verb
    opens the figure's clause, ``reported``: it narrates a past chronology entry (ClauseKinds.kind)."""
    sentence = (sent_start, len(text))
    return ClauseKinds(text).kind(sentence, clause_start, (start, end), goal_framed, rule_part, acts, reported)
