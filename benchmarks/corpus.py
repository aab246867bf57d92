"""A synthetic corpus of plan files: N indicators, realistic, deterministic, with known errors.

The corpus looks like the archive of a statistics office: provinces, their prefectures and their
counties, each with plans on several topics (S&T innovation, talent, intellectual property,
high-tech industry, the digital economy, S&T finance) for one to three five-year periods
(十二五 2011–2015, 十三五 2016–2020, 十四五 2021–2025). A plan has 10 to 30 indicators: catalogue
entries of ``data/indicators.yaml`` (``key:``) where one fits, local ones (``local: true``, among them
the industry-chain rows such as 集成电路产业产值) otherwise; units %, 亿元, 万元, 家, 件, 人年, ...;
figures printed with 0 to 3 decimals (trailing zeros kept, quoted: ``"3.20"``); target qualifiers
(at_least, more_than, at_most, about) with the words they print as; stated annual growth in % or
in percentage points, some 累计 totals, increments (新增), restated targets, and a plan's ``claims:``
about the period before it (both ends and a change, one end and a change, both ends only, 翻一番).

Every figure is consistent: the stated rate is computed from the printed baseline and target and
printed to its own precision, a county's targets for the catalogue's additive indicators stay below
its prefecture's (and a prefecture's below its province's, all of them together too), and a later
plan's baseline reaches the earlier plan's target. Errors are then seeded at known places:

================  =============================================================================
rule              how it is seeded
================  =============================================================================
growth-mismatch   a stated annual growth a few units of its last digit beyond what the figures allow
direction         a stated growth with the wrong sign (its one finding: no growth-mismatch besides)
total-mismatch    a stated 累计 total beyond what the figures allow
growth-unit       percentage points stated for an indicator that is not a share (no baseline)
unknown-key       a catalogue key with a typo (``high-tech-enterprise``)
claim-mismatch    a claim whose stated change does not fit its two printed ends
================  =============================================================================

The exact (file, line, rule) of every seeded error is returned and written beside the corpus as
``seeded.json``; no other error-level finding is expected. The same arguments give byte-identical
files.

Layouts: ``big``, one file ``plans.yaml`` with every plan; ``many``, one plan per file in nested
directories, ``<province>/<prefecture>/<county>/<plan id>.yaml`` (a region's own plans beside the
directories of the regions below it).

As a module::

    from benchmarks.corpus import generate
    corpus = generate(1000, "many", Path("/tmp/corpus"))
    corpus.seeded  # [Seeded(file='33-zhejiang/...yaml', line=123, rule='growth-mismatch'), ...]

From the shell::

    python benchmarks/corpus.py --indicators 10000 --layout many --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

LAYOUTS = ("big", "many")
MANIFEST = "seeded.json"
BIG_FILE = "plans.yaml"


# ---------------------------------------------------------------------------------------------- names


@dataclass(frozen=True)
class Template:
    """An indicator as plans print it, with the range of a county's values."""

    slug: str
    name: str
    unit: str
    category: str
    low: float  # a county's value in 2005 (a volume is multiplied by the region's size)
    high: float
    rate: tuple[float, float]  # annual change: % a year for a level, percentage points for a share
    decimals: tuple[int, ...]  # printed precisions of baseline and target
    key: str | None = None  # catalogue entry, or None: local
    volume: bool = False  # a count or an amount of money: larger regions have more
    falling: bool = False  # the aim is a fall (energy use per unit of output): targets at most

    @property
    def share(self) -> bool:
        return self.unit == "%"

    @property
    def name_en(self) -> str | None:
        return NAMES_EN.get(self.slug)


def _templates(table: str) -> tuple[Template, ...]:
    """Rows ``slug | name | unit | category | a county's value in 2005 | rate a year | decimals | flags``.

    Flags: ``k`` the slug is a catalogue key, ``v`` a volume, ``f`` falling; ``-`` none. A rate is %
    a year for a level and percentage points a year for a share (unit %).
    """
    out = []
    for row in table.strip().splitlines():
        slug, name, unit, category, span, pace, decimals, flags = (c.strip() for c in row.split("|"))
        low, high = (float(x) for x in span.split("~"))
        r_low, r_high = (float(x) for x in pace.split("~"))
        out.append(
            Template(
                slug,
                name,
                unit,
                category,
                low,
                high,
                (r_low, r_high),
                tuple(int(d) for d in decimals.split(",")),
                slug if "k" in flags else None,
                "v" in flags,
                "f" in flags,
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class Topic:
    slug: str
    zh: str  # 科技创新发展 in 德清县科技创新发展“十四五”规划
    en: str
    short: str  # for aliases: 德清科技十四五
    templates: tuple[Template, ...]


# fmt: off
TOPICS = (
    Topic("st", "科技创新发展", "S&T Innovation", "科技", _templates("""
rd-intensity | 全社会R&D经费支出占地区生产总值比重 | % | rd | 1.2~3.0 | 0.06~0.16 | 2 | k
enterprise-rd-ratio | 规上工业企业R&D经费支出占营业收入比重 | % | rd | 0.9~1.8 | 0.04~0.1 | 2 | k
rd-activity-share | 规上工业企业中开展R&D活动企业比重 | % | rd | 25~45 | 0.6~1.4 | 1 | k
fiscal-st-spending | 财政科技投入 | 亿元 | fiscal | 0.6~4.0 | 7~14 | 2 | vk
high-tech-enterprises | 高新技术企业数 | 家 | enterprises | 30~240 | 8~15 | 0 | vk
st-smes | 科技型中小企业数 | 家 | enterprises | 120~900 | 7~13 | 0 | vk
rd-institutions-provincial | 省级以上研发机构 | 家 | platforms | 12~90 | 5~11 | 0 | vk
incubators | 科技企业孵化器 | 家 | platforms | 3~14 | 6~14 | 0 | vk
tech-transactions | 技术交易额 | 亿元 | transfer | 1.5~15 | 9~18 | 1,2 | vk
rd-institution-share | 规上工业企业研发机构设置率 | % | platforms | 25~45 | 0.8~1.6 | 1 | k
new-rd-institutions | 新型研发机构 | 家 | platforms | 2~12 | 8~16 | 0 | v
key-labs | 省级重点实验室 | 家 | platforms | 2~10 | 5~12 | 0 | v
maker-spaces | 众创空间 | 家 | platforms | 4~30 | 6~14 | 0 | v
rd-deduction | 企业研发费用加计扣除额 | 亿元 | fiscal | 0.8~9 | 8~16 | 2 | v
st-commissioners | 科技特派员 | 人 | transfer | 40~300 | 3~8 | 0 | v
""")),
    Topic("talent", "人才发展", "Talent Development", "人才", _templates("""
rd-personnel-fte-per-10k | 每万名就业人员中研发人员数 | 人年 | talent | 45~110 | 4~9 | 0,1 | k
rd-fte | 研发人员全时当量 | 人年 | talent | 1500~12000 | 5~11 | 0 | v
talent-pool | 人才资源总量 | 万人 | talent | 8~60 | 3~7 | 1,2 | v
high-skill-share | 高技能人才占技能人才比重 | % | talent | 18~26 | 0.5~1.2 | 1 | -
postdoc-stations | 博士后工作站 | 家 | talent | 3~25 | 5~12 | 0 | v
high-level-talent | 高层次人才 | 人 | talent | 150~1200 | 6~12 | 0 | v
skilled-per-10k | 每万劳动力中高技能人才数 | 人 | talent | 300~700 | 3~7 | 0,1 | -
talent-spending | 人才发展专项资金 | 万元 | fiscal | 800~6000 | 6~12 | 0,1 | v
""")),
    Topic("ip", "知识产权", "Intellectual Property", "知识产权", _templates("""
invention-patents-per-10k | 每万人发明专利拥有量 | 件 | ip | 3~16 | 9~16 | 1,2 | k
high-value-patents-per-10k | 每万人高价值发明专利拥有量 | 件 | ip | 1~6 | 10~17 | 1,2,3 | k
pct-applications | PCT国际发明专利申请数 | 件 | ip | 8~80 | 8~15 | 0 | vk
invention-grants | 发明专利授权量 | 件 | ip | 150~1500 | 8~15 | 0 | v
trademarks | 有效商标注册量 | 件 | ip | 5000~40000 | 6~12 | 0 | v
ip-pledge | 知识产权质押融资额 | 亿元 | finance | 0.5~6 | 10~20 | 2 | v
patent-industry-share | 专利密集型产业增加值占地区生产总值比重 | % | ip | 8~14 | 0.3~0.8 | 1,2 | -
""")),
    Topic("industry", "高新技术产业发展", "High-tech Industry", "高新产业", _templates("""
high-tech-industry-share | 高新技术产业增加值占规上工业增加值比重 | % | industry | 30~46 | 0.6~1.5 | 1,2 | k
high-tech-value-added | 高新技术产业增加值 | 亿元 | industry | 30~300 | 8~14 | 2 | vk
high-tech-investment | 高新技术产业投资 | 亿元 | industry | 12~120 | 8~16 | 1,2 | vk
emerging-industry-share | 战略性新兴产业增加值占规上工业增加值比重 | % | industry | 15~28 | 0.6~1.4 | 1 | k
new-product-rate | 规上工业企业新产品产值率 | % | industry | 22~34 | 0.4~1.1 | 1 | k
labour-productivity | 全员劳动生产率 | 万元/人 | industry | 6~12 | 5~8 | 1,2,3 | k
listed-companies | 上市企业 | 家 | enterprises | 3~30 | 6~14 | 0 | vk
tax-per-mu | 规上工业亩均税收 | 万元 | industry | 8~20 | 4~8 | 1,2 | -
energy-intensity | 规上工业单位增加值能耗 | 吨标准煤/万元 | industry | 0.5~1.2 | -4.5~-2.0 | 3 | f
tech-upgrade-investment | 工业技术改造投资 | 亿元 | industry | 10~90 | 6~12 | 1 | v
""")),
    Topic("digital", "数字经济发展", "Digital Economy", "数字经济", _templates("""
digital-economy-share | 数字经济核心产业增加值占GDP比重 | % | industry | 3~8 | 0.4~1.0 | 1 | k
digital-value-added | 数字经济核心产业增加值 | 亿元 | industry | 15~150 | 10~18 | 2 | v
base-stations | 5G基站 | 个 | platforms | 200~2000 | 15~25 | 0 | v
cloud-firms | 上云企业 | 家 | enterprises | 300~3000 | 10~20 | 0 | v
software-revenue | 软件和信息服务业业务收入 | 亿元 | industry | 10~120 | 10~18 | 1,2 | v
iiot-platforms | 工业互联网平台 | 个 | platforms | 2~15 | 10~20 | 0 | v
broadband-share | 千兆宽带用户占比 | % | other | 8~20 | 1.0~2.5 | 1 | -
""")),
    Topic("finance", "科技金融", "S&T Finance", "科技金融", _templates("""
st-loans | 科技信贷余额 | 亿元 | finance | 20~200 | 10~18 | 1,2 | v
vc-funds | 创业投资基金规模 | 亿元 | finance | 5~60 | 10~20 | 1,2 | v
st-insurance | 科技保险保费收入 | 万元 | finance | 300~3000 | 8~16 | 0,1,2 | v
star-market-listings | 科创板上市企业 | 家 | enterprises | 1~8 | 10~20 | 0 | v
guarantee-share | 科技型企业融资担保占比 | % | finance | 10~25 | 0.5~1.5 | 1,2 | -
""")),
)
# fmt: on

NAMES_EN = {
    "rd-intensity": "Gross R&D expenditure as share of GDP",
    "enterprise-rd-ratio": "R&D expenditure of industrial enterprises as share of revenue",
    "rd-activity-share": "Share of industrial enterprises with R&D activity",
    "fiscal-st-spending": "Fiscal S&T spending",
    "high-tech-enterprises": "High-tech enterprises",
    "st-smes": "S&T SMEs",
    "rd-institutions-provincial": "Provincial-level or higher R&D institutions",
    "incubators": "S&T business incubators",
    "tech-transactions": "Technology transaction value",
    "rd-institution-share": "Share of industrial enterprises with an R&D institution",
    "rd-personnel-fte-per-10k": "R&D personnel per 10,000 employed, full-time equivalent",
    "invention-patents-per-10k": "Invention patents held per 10,000 people",
    "high-value-patents-per-10k": "High-value invention patents per 10,000 people",
    "pct-applications": "PCT international patent applications",
    "high-tech-industry-share": "High-tech industry value added as share of industrial value added",
    "high-tech-value-added": "High-tech industry value added",
    "high-tech-investment": "High-tech industry investment",
    "emerging-industry-share": "Strategic emerging industries as share of industrial value added",
    "new-product-rate": "New-product output rate of industrial enterprises",
    "labour-productivity": "Overall labour productivity",
    "listed-companies": "Listed companies",
    "digital-economy-share": "Digital economy core industries as share of GDP",
}

# Industry chains (产业链): rows a plan of any topic carries for its region's leading industries.
CHAINS = (
    ("ic", "集成电路"),
    ("biomed", "生物医药"),
    ("new-materials", "新材料"),
    ("equipment", "高端装备"),
    ("nev", "新能源汽车"),
    ("smart-home", "智能家居"),
    ("env-tech", "节能环保"),
    ("textiles", "现代纺织"),
    ("green-chem", "绿色化工"),
    ("pv", "光伏"),
    ("security", "数字安防"),
    ("aerospace", "航空航天"),
)
CHAIN_MEASURES = (
    ("output", "产业产值", "亿元", "industry", (20, 200), (8, 16), (1, 2), True),
    ("firms", "规上企业数", "家", "enterprises", (15, 120), (5, 11), (0,), True),
    ("rd", "研发投入", "亿元", "rd", (0.8, 9), (10, 17), (2,), True),
    ("patents", "发明专利授权量", "件", "ip", (20, 300), (8, 15), (0,), True),
    ("rd-fte", "研发人员全时当量", "人年", "talent", (80, 1200), (6, 11), (0, 1), True),
    ("tax-per-mu", "亩均税收", "万元", "industry", (6, 25), (4, 8), (1, 2, 3), False),
)
CHAIN_TEMPLATES = tuple(
    Template(f"{c}-{m}", zh + mzh, unit, cat, span[0], span[1], rate, dec, volume=vol)
    for c, zh in CHAINS
    for m, mzh, unit, cat, span, rate, dec, vol in CHAIN_MEASURES
)
CATALOGUE_KEYS = frozenset(t.key for topic in TOPICS for t in topic.templates if t.key)

PERIODS = ((2011, 2015, "十二五", "12th"), (2016, 2020, "十三五", "13th"), (2021, 2025, "十四五", "14th"))
# how likely a region keeps a topic's plan of each period (the newest always)
PERIOD_ODDS = (0.3, 0.6, 1.0)

PROVINCES = (
    ("33", "浙江省", "Zhejiang"),
    ("32", "江苏省", "Jiangsu"),
    ("44", "广东省", "Guangdong"),
    ("37", "山东省", "Shandong"),
    ("35", "福建省", "Fujian"),
    ("34", "安徽省", "Anhui"),
    ("42", "湖北省", "Hubei"),
    ("43", "湖南省", "Hunan"),
    ("41", "河南省", "Henan"),
    ("13", "河北省", "Hebei"),
    ("51", "四川省", "Sichuan"),
    ("36", "江西省", "Jiangxi"),
    ("61", "陕西省", "Shaanxi"),
    ("14", "山西省", "Shanxi"),
    ("21", "辽宁省", "Liaoning"),
    ("22", "吉林省", "Jilin"),
    ("23", "黑龙江省", "Heilongjiang"),
    ("45", "广西壮族自治区", "Guangxi"),
    ("53", "云南省", "Yunnan"),
    ("52", "贵州省", "Guizhou"),
    ("46", "海南省", "Hainan"),
    ("62", "甘肃省", "Gansu"),
    ("63", "青海省", "Qinghai"),
    ("64", "宁夏回族自治区", "Ningxia"),
    ("65", "新疆维吾尔自治区", "Xinjiang"),
    ("15", "内蒙古自治区", "Inner Mongolia"),
    ("54", "西藏自治区", "Tibet"),
)
SYLLABLES = (
    ("安", "an"), ("平", "ping"), ("宁", "ning"), ("海", "hai"), ("江", "jiang"), ("山", "shan"), ("阳", "yang"),
    ("河", "he"), ("泉", "quan"), ("清", "qing"), ("东", "dong"), ("西", "xi"), ("南", "nan"), ("北", "bei"),
    ("兴", "xing"), ("华", "hua"), ("丰", "feng"), ("昌", "chang"), ("德", "de"), ("永", "yong"), ("长", "chang"),
    ("新", "xin"), ("龙", "long"), ("凤", "feng"), ("桐", "tong"), ("嘉", "jia"), ("湖", "hu"), ("溪", "xi"),
    ("源", "yuan"), ("川", "chuan"), ("林", "lin"), ("城", "cheng"), ("乐", "le"), ("福", "fu"), ("庆", "qing"),
    ("宜", "yi"), ("和", "he"), ("泰", "tai"), ("金", "jin"), ("云", "yun"), ("石", "shi"), ("崇", "chong"),
    ("武", "wu"), ("文", "wen"), ("明", "ming"), ("光", "guang"), ("秀", "xiu"), ("吉", "ji"), ("仁", "ren"),
    ("寿", "shou"), ("康", "kang"), ("富", "fu"), ("瑞", "rui"), ("盛", "sheng"), ("定", "ding"), ("会", "hui"),
    ("化", "hua"), ("通", "tong"), ("远", "yuan"), ("津", "jin"), ("桂", "gui"), ("梅", "mei"), ("松", "song"),
    ("柏", "bai"), ("岳", "yue"), ("临", "lin"), ("浦", "pu"), ("阜", "fu"), ("灵", "ling"), ("沙", "sha"),
)  # fmt: skip
COUNTY_SUFFIXES = ("县", "区", "市")  # county, district, county-level city
LEVEL_SIZE = {"province": 40.0, "prefecture": 6.0, "county": 1.0}  # what a volume is multiplied by


class Names:
    """Unique synthetic place names: 安平 then 安平宁 ..., in a shuffled order fixed by the seed."""

    def __init__(self, rng: random.Random) -> None:
        pairs = [(a, b) for a in SYLLABLES for b in SYLLABLES if a != b]
        rng.shuffle(pairs)
        self.pairs = pairs
        self.count = 0

    def take(self) -> tuple[str, str]:
        i, self.count = self.count, self.count + 1
        (a, pa), (b, pb) = self.pairs[i % len(self.pairs)]
        zh, en = a + b, pa + pb
        if i >= len(self.pairs):
            c, pc = SYLLABLES[(i // len(self.pairs) - 1) % len(SYLLABLES)]
            zh, en = zh + c, en + pc
        return zh, en.capitalize()


# ---------------------------------------------------------------------------------------------- model


@dataclass
class Slot:
    """One indicator of a plan: which template, in what shape, and (once filled) its printed figures."""

    template: Template
    shape: str  # full | plain | target | total | growth | increment
    seed: str | None = None  # the rule this indicator is made to break
    decimals: int = 0
    qualifier: str | None = None
    growth_qualifier: str | None = None
    with_target: bool = True  # shape "growth": the target is printed too
    restated: bool = False
    baseline: str | None = None
    target: str | None = None
    target_kind: str = "level"
    growth: str | None = None
    growth_unit: str = "percent"
    total: str | None = None
    total_unit: str = "percent"
    key: str | None = None


@dataclass
class Claim:
    slug: str
    subject: str
    unit: str
    key: str | None
    start_year: int
    end_year: int
    start: str | None
    end: str | None
    change: str | None = None
    change_unit: str = "percent"
    printed: str | None = None
    seeded: bool = False


@dataclass
class Plan:
    region: Region
    topic: Topic
    period: int  # index into PERIODS
    slots: list[Slot]
    claims: list[Claim] = field(default_factory=list)
    seed_claim: bool = False

    @property
    def first(self) -> int:
        return PERIODS[self.period][0]

    @property
    def last(self) -> int:
        return PERIODS[self.period][1]

    @property
    def id(self) -> str:
        return f"{self.region.code}-{self.topic.slug}-{self.first}-{self.last}"


@dataclass
class Region:
    code: str
    zh: str
    en: str
    level: str
    parent: Region | None
    size: float
    directory: str
    children: list[Region] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    # (template slug, year) → the printed level target, for the parent's floors
    targets: dict[tuple[str, int], float] = field(default_factory=dict)


@dataclass(frozen=True)
class Seeded:
    """An error put into the corpus on purpose: the finding plancheck must report."""

    file: str  # relative to the corpus root, with '/'
    line: int
    rule: str


@dataclass
class Corpus:
    root: Path
    layout: str
    seed: int
    indicators: int
    plans: int
    claims: int
    files: list[Path]
    seeded: list[Seeded]

    @property
    def data(self) -> Path:
        """What to give plancheck: the file of the big layout, the directory of the many layout."""
        return self.root / BIG_FILE if self.layout == "big" else self.root

    @property
    def bytes(self) -> int:
        return sum(f.stat().st_size for f in self.files)


# ---------------------------------------------------------------------------------------------- skeleton


def _regions(rng: random.Random) -> Iterator[Region]:
    """Regions top-down (a province, its first prefecture, that prefecture's counties, ...), endless.

    The first round gives each province 8 to 13 prefectures; a corpus larger than that adds four more
    to every province in each further round.
    """
    names = Names(rng)
    provinces: list[Region] = []
    for rounds in itertools.count():
        for i, (code, zh, en) in enumerate(PROVINCES):
            if rounds == 0:
                size = LEVEL_SIZE["province"] * rng.uniform(0.7, 1.4)
                provinces.append(Region(code, zh, en, "province", None, size, f"{code}-{en.lower().replace(' ', '-')}"))
                yield provinces[i]
            prov = provinces[i]
            for _ in range(rng.randint(8, 13) if rounds == 0 else 4):
                pzh, pen = names.take()
                pcode = f"{code}{len(prov.children) + 1:02d}"
                size = LEVEL_SIZE["prefecture"] * rng.uniform(0.7, 1.4)
                pref = Region(
                    pcode, pzh + "市", pen, "prefecture", prov, size, f"{prov.directory}/{pcode}-{pen.lower()}"
                )
                prov.children.append(pref)
                yield pref
                for k in range(rng.randint(6, 14)):
                    czh, cen = names.take()
                    suffix = COUNTY_SUFFIXES[rng.randrange(len(COUNTY_SUFFIXES))]
                    ccode = f"{pcode}{k + 1:02d}"
                    size = LEVEL_SIZE["county"] * rng.uniform(0.6, 1.6)
                    county = Region(
                        ccode, czh + suffix, cen, "county", pref, size, f"{pref.directory}/{ccode}-{cen.lower()}"
                    )
                    pref.children.append(county)
                    yield county


SHAPES = (("full", 45), ("plain", 12), ("target", 25), ("total", 5), ("growth", 6), ("increment", 7))


def _shape(rng: random.Random, t: Template) -> str:
    shape = rng.choices([s for s, _ in SHAPES], [w for _, w in SHAPES])[0]
    if shape == "increment" and (t.share or t.falling or not t.volume):
        shape = "full"
    return shape


def _skeleton(rng: random.Random, indicators: int) -> tuple[list[Region], list[Plan]]:
    """Regions and plans, in writing order, with exactly ``indicators`` indicators in all."""
    regions: list[Region] = []
    plans: list[Plan] = []
    left = indicators
    for region in _regions(rng):
        if left <= 0:
            break
        regions.append(region)
        topics = rng.sample(TOPICS, rng.randint(3, len(TOPICS)))
        topics.sort(key=TOPICS.index)
        for topic in topics:
            for p, odds in enumerate(PERIOD_ODDS):
                if left <= 0 or rng.random() >= odds:
                    continue
                size = min(left, rng.randint(10, 30))
                left -= size
                own = min(len(topic.templates), max(size // 2, min(size, rng.randint(4, 9))))
                chosen = rng.sample(topic.templates, own)
                chosen += rng.sample(CHAIN_TEMPLATES, size - own)
                slots = [Slot(t, _shape(rng, t)) for t in chosen]
                plan = Plan(region, topic, p, slots)
                region.plans.append(plan)
                plans.append(plan)
    return regions, plans


def _typo(key: str) -> str:
    typo = key[:-1] if key.endswith("s") else key + "s"
    return typo if typo not in CATALOGUE_KEYS else key + "-x"


def _seed(rng: random.Random, plans: list[Plan], indicators: int) -> None:
    """Mark the slots (and plans) that get an error."""
    wanted = {
        "growth-mismatch": max(3, indicators // 500),
        "direction": max(1, indicators // 2500),
        "total-mismatch": max(1, indicators // 2500),
        "growth-unit": max(1, indicators // 5000),
        "unknown-key": max(1, indicators // 5000),
    }
    slots = [s for p in plans for s in p.slots]
    order = rng.sample(range(len(slots)), len(slots))
    fits = {
        "growth-mismatch": lambda t: True,
        "direction": lambda t: abs(t.rate[1]) <= 12,  # a fall of 12% a year still reads as annual
        "total-mismatch": lambda t: not t.falling,
        "growth-unit": lambda t: not t.share,
        "unknown-key": lambda t: t.key is not None,
    }
    shapes = {"growth-mismatch": "full", "direction": "full", "total-mismatch": "total", "growth-unit": "growth"}
    for i in order:
        slot = slots[i]
        for rule, count in wanted.items():
            if count and fits[rule](slot.template):
                slot.seed = rule
                slot.shape = shapes.get(rule, slot.shape)
                wanted[rule] -= 1
                break
        if not any(wanted.values()):
            break
    claims = max(1, indicators // 2500)
    for i in rng.sample(range(len(plans)), min(claims, len(plans))):
        plans[i].seed_claim = True


# ---------------------------------------------------------------------------------------------- figures


def fmt(value: float, decimals: int) -> str:
    """A figure as printed: fixed decimals; trailing zeros kept (the YAML quotes them, see `_yaml`)."""
    text = f"{value:.{decimals}f}"
    return "0" if text.strip("-0.") == "" and decimals == 0 else text


def _up(value: float, decimals: int) -> str:
    """The smallest printed figure at ``decimals`` that is not below ``value``."""
    step = 10.0**-decimals
    return fmt(math.ceil(value / step - 1e-9) * step, decimals)


def _half(text: str) -> float:
    d = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0**-d


def rate(unit: str, baseline: float, target: float, years: int) -> float:
    """What plancheck computes: compound % a year, percentage points a year, or the multiple."""
    if unit == "pp":
        return (target - baseline) / years
    if unit == "times":
        return target / baseline
    return ((target / baseline) ** (1 / years) - 1) * 100


def _stated(rng: random.Random, point: float, choices: tuple[int, ...]) -> str:
    """The point printed at a precision where it is not near a rounding boundary."""
    options = list(choices)
    rng.shuffle(options)
    for d in [*options, 3]:
        q = point * 10**d
        if abs(q - round(q)) < 0.4 and (d >= 2 or abs(q) >= 1):
            return fmt(point, d)
    return fmt(point, 3)


def _beyond(rng: random.Random, low: float, high: float, decimals: int, up: bool = True) -> str:
    """A stated figure at ``decimals`` whose rounding interval lies wholly above [low, high] (or below)."""
    unit = 10.0**-decimals
    if up:
        return fmt((math.ceil((high + unit / 2) / unit) + rng.randint(2, 4)) * unit, decimals)
    return fmt((math.floor((low - unit / 2) / unit) - rng.randint(2, 4)) * unit, decimals)


def _flip(text: str) -> str:
    return text[1:] if text.startswith("-") else "-" + text


QUALIFIER_WORDS = {"at_least": "{}以上", "more_than": "超过{}", "about": "{}左右", "at_most": "{}以内"}


def _fill_region(rng: random.Random, region: Region) -> None:
    """Every figure of the region's plans (its children are filled first: their targets are floors)."""
    floors: dict[tuple[str, int], float] = {}
    for child in region.children:
        for k, v in child.targets.items():
            floors[k] = floors.get(k, 0.0) + v
    by_template: dict[tuple[str, str], list[tuple[Plan, Slot]]] = {}
    for plan in region.plans:
        for slot in plan.slots:
            by_template.setdefault((plan.topic.slug, slot.template.slug), []).append((plan, slot))
    for uses in by_template.values():
        uses.sort(key=lambda ps: ps[0].period)
        _fill_chain(rng, region, uses, floors)


def _fill_chain(
    rng: random.Random, region: Region, uses: list[tuple[Plan, Slot]], floors: dict[tuple[str, int], float]
) -> None:
    """One indicator of one region through the periods: actual values, targets, then print them."""
    t = uses[0][1].template
    actual = {2005: rng.uniform(t.low, t.high) * (region.size if t.volume else 1.0)}
    target: dict[int, float] = {}

    def step(value: float, years: int, r: float) -> float:
        return min(value + r * years, 96.0) if t.share else value * (1 + r / 100) ** years

    actual[2010] = step(actual[2005], 5, rng.uniform(*t.rate))
    for first, last, _, _ in PERIODS:
        target[last] = step(actual[first - 1], 5, rng.uniform(*t.rate))
        if t.share:
            actual[last] = min(target[last] + rng.uniform(0.1, 0.6), 98.0)
        elif t.falling:
            actual[last] = target[last] * rng.uniform(0.93, 0.99)
        else:
            actual[last] = target[last] * rng.uniform(1.02, 1.1)
    if t.key and t.volume:  # a part stays below the whole: scale up to clear the regions below
        need = [floors[(t.slug, p.last)] / target[p.last] for p, _ in uses if (t.slug, p.last) in floors]
        scale = max([1.0, *(1.15 * n for n in need)])
        actual = {y: v * scale for y, v in actual.items()}
        target = {y: v * scale for y, v in target.items()}
    reached: float | None = None  # the previous plan's printed target
    for plan, slot in uses:
        _print(rng, plan, slot, actual, target, reached, floors.get((t.slug, plan.last)))
        if slot.target is not None and slot.target_kind == "level":
            reached = float(slot.target)
            if t.key and t.volume and slot.seed != "unknown-key":
                region.targets[(t.slug, plan.last)] = reached
        else:
            reached = None
    for plan in {id(p): p for p, _ in uses}.values():
        _claims(rng, plan, actual, t, uses)


def _print(
    rng: random.Random,
    plan: Plan,
    slot: Slot,
    actual: dict[int, float],
    target: dict[int, float],
    reached: float | None,
    floor: float | None,
) -> None:
    t = slot.template
    d = slot.decimals = rng.choice(t.decimals)
    unit_of_d = 10.0**-d
    b_text = fmt(max(actual[plan.first - 1], unit_of_d), d)
    if reached is not None and not t.falling and float(b_text) < reached:
        b_text = _up(reached, d)  # the next plan's baseline reaches the earlier target
    t_text = fmt(target[plan.last], d)
    if floor is not None and float(t_text) < floor:
        t_text = _up(floor, d)
    b = float(b_text)
    if t.falling and float(t_text) >= b * 0.97:  # a row that hardly moves reads oddly: move it
        t_text = fmt(b * 0.9, d)
    elif not t.falling and float(t_text) <= b * 1.03:
        t_text = _up(b + 0.3 if t.share else b * 1.08 + unit_of_d, d)
    tv = float(t_text)
    years = plan.last - (plan.first - 1)
    shape = slot.shape
    seeded = slot.seed is not None
    if not seeded and shape in ("full", "target", "growth", "plain") and rng.random() < 0.3:
        if t.falling:
            slot.qualifier = "at_most"
        else:
            slot.qualifier = rng.choices(["at_least", "more_than", "about"], [6, 1, 2])[0]
    unit = "pp" if t.share else "percent"
    point = rate(unit, b, tv, years)
    rate_decimals = (2,) if t.share else (0, 1, 2)
    h = 0.5 * unit_of_d  # the baseline's rounding
    if shape in ("full", "plain", "total"):
        slot.baseline = b_text
    if shape in ("full", "plain", "total", "target"):
        slot.target = t_text
    if shape == "growth":
        slot.with_target = seeded or rng.random() < 0.5
        slot.target = t_text if slot.with_target else None
        slot.growth_unit = unit
        slot.growth = _stated(rng, point, rate_decimals)
        if slot.seed == "growth-unit":
            slot.growth = _stated(rng, (tv - b) / years, (1, 2))
            slot.growth_unit = "pp"
    if shape == "full":
        slot.growth_unit = unit
        slot.growth = _stated(rng, point, rate_decimals)
        if not seeded and rng.random() < 0.08 and slot.qualifier is None:
            slot.growth_qualifier = "at_least"
        if slot.seed == "growth-mismatch":
            low, high = rate(unit, b + h, tv, years), rate(unit, max(b - h, 1e-9), tv, years)
            slot.growth = _beyond(rng, low, high, _decimals(slot.growth), up=not t.falling)
        elif slot.seed == "direction":
            slot.growth = _flip(_stated(rng, point, (1, 2) if abs(point) < 2 else rate_decimals))
    if shape == "total":
        slot.total_unit = unit
        span = rate(unit, b, tv, 1)
        slot.total = _stated(rng, span, (1,) if t.share else (0, 1))
        if slot.seed == "total-mismatch":
            low, high = rate(unit, b + h, tv, 1), rate(unit, max(b - h, 1e-9), tv, 1)
            slot.total = _beyond(rng, low, high, _decimals(slot.total))
    if shape == "increment":
        slot.target_kind = "cumulative" if t.unit in ("亿元", "万元") else "increment"
        added = tv * 4.2 if slot.target_kind == "cumulative" else tv - b
        slot.target = fmt(max(added, unit_of_d), d)
    slot.key = t.key
    if slot.seed == "unknown-key" and t.key:
        slot.key = _typo(t.key)
    slot.restated = slot.target is not None and slot.target_kind == "level" and rng.random() < 0.08


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _claims(
    rng: random.Random, plan: Plan, actual: dict[int, float], t: Template, uses: list[tuple[Plan, Slot]]
) -> None:
    """Claims about the period before the plan: at most three a plan, one of them perhaps seeded wrong."""
    if t.falling or len(plan.claims) >= 3:
        return
    wrong = plan.seed_claim and not any(c.seeded for c in plan.claims)
    if not wrong and rng.random() > 0.06:
        return
    slot = next(s for p, s in uses if p is plan)
    y0, y1 = plan.first - 6, plan.first - 1
    d = slot.decimals
    start, end = fmt(actual[y0], d), fmt(actual[y1], d)
    if float(start) <= 0 or float(end) <= float(start):
        start = fmt(float(end) / 1.3, d)
    if float(start) <= 0 or float(end) <= float(start):
        return
    keyed = slot.key if slot.baseline == end and slot.seed is None else None
    unit = "pp" if t.share else "percent"
    claim = Claim(slot.template.slug, t.name, t.unit, keyed, y0, y1, start, end, change_unit=unit)
    form = "change" if wrong else rng.choices(["change", "implied", "pace", "double"], [5, 2, 2, 1])[0]
    if form == "double" and not t.share:
        claim.start = fmt(float(end) / 2, d)
        claim.end = fmt(2 * float(claim.start), d)
        claim.key = None
        claim.change, claim.change_unit, claim.printed = "2", "times", rng.choice(["翻一番", "增长一倍"])
    elif form == "pace":
        pass
    else:
        total = rate(unit, float(start), float(end), 1)
        claim.change = _stated(rng, total, (2,) if t.share else (1,))
        if wrong:
            h_s, h_e = _half(start), _half(end)
            low = rate(unit, float(start) + h_s, float(end) - h_e, 1)
            high = rate(unit, float(start) - h_s, float(end) + h_e, 1)
            claim.change = _beyond(rng, low, high, _decimals(claim.change))
            claim.seeded, claim.key = True, None
        if form == "implied" and not wrong:
            claim.start = None
        word = "提升{}个百分点" if unit == "pp" else "增长{}%"
        claim.printed = word.format(claim.change)
    plan.claims.append(claim)


# ---------------------------------------------------------------------------------------------- writing


def _yaml(text: str) -> str:
    """A figure in YAML: quoted where a reader would drop a trailing zero."""
    return f'"{text}"' if "." in text and text.endswith("0") else text


def _unit(unit: str) -> str:
    return '"%"' if unit == "%" else unit


def _render(plan: Plan, seeds: list[tuple[int, str]]) -> list[str]:
    """The plan's lines, from ``  - id:``; ``seeds`` gets (line index, rule) of each seeded error."""
    region, topic = plan.region, plan.topic
    _, _, fyp, nth = PERIODS[plan.period]
    short = region.zh[:-1] if len(region.zh) > 2 else region.zh
    lines = [
        f"  - id: {plan.id}",
        f"    aliases: [{short}{topic.short}{fyp}]",
        f"    title: {{zh: {region.zh}{topic.zh}“{fyp}”规划, en: {region.en} {nth} Five-Year Plan for {topic.en}}}",
        "    region:",
        f"      zh: {region.zh}",
        f"      en: {region.en}",
        f"      level: {region.level}",
    ]
    if region.parent is not None:
        lines.append(f"      parent: {region.parent.zh}")
    if region.children:
        lines.append(f"      subregions: [{', '.join(c.zh for c in region.children)}]")
    issued = f"{plan.first}-{(int(region.code) + plan.period) % 9 + 3:02d}-{(int(region.code) * 7) % 27 + 1:02d}"
    lines += [
        f"    issuer: {region.zh}人民政府",
        f"    issued: {issued}",
        f"    period: {{first: {plan.first}, last: {plan.last}}}",
        f"    source: {plan.id}.txt",
        "    indicators:",
    ]
    source = 30  # the indicator table of the source document starts here; prose targets are above it
    for i, s in enumerate(plan.slots):
        t = s.template
        lines += [
            f"      - id: {t.slug}",
            f"        name: {t.name}",
        ]
        if t.name_en:
            lines.append(f"        name_en: {t.name_en}")
        lines += [f"        unit: {_unit(t.unit)}", f"        category: {t.category}"]
        if s.key:
            if s.seed == "unknown-key":
                seeds.append((len(lines), "unknown-key"))
            lines.append(f"        key: {s.key}")
        else:
            lines.append("        local: true")
        lines.append(f"        line: {source}")
        if s.baseline is not None:
            lines.append(
                f"        baseline: {{year: {plan.first - 1}, value: {_yaml(s.baseline)}, line: {source + 1}}}"
            )
        if s.target is not None:
            extra = ""
            if s.qualifier:
                extra += f", qualifier: {s.qualifier}"
                if i % 2 == 0:
                    extra += f", printed: {QUALIFIER_WORDS[s.qualifier].format(s.target + t.unit)}"
            if s.target_kind != "level":
                extra += f", kind: {s.target_kind}"
            lines.append(f"        target: {{year: {plan.last}, value: {_yaml(s.target)}{extra}, line: {source + 2}}}")
        if s.growth is not None:
            if s.seed in ("growth-mismatch", "direction", "growth-unit"):
                seeds.append((len(lines), s.seed))  # a wrong sign is one finding: direction
            extra = f", qualifier: {s.growth_qualifier}" if s.growth_qualifier else ""
            if s.growth_qualifier:
                extra += f", printed: 年均增长{s.growth}%以上"
            lines.append(
                f"        growth: {{value: {_yaml(s.growth)}, unit: {s.growth_unit}{extra}, line: {source + 3}}}"
            )
        if s.total is not None:
            if s.seed == "total-mismatch":
                seeds.append((len(lines), s.seed))
            lines.append(f"        total: {{value: {_yaml(s.total)}, unit: {s.total_unit}, line: {source + 3}}}")
        if s.restated:
            q = f", qualifier: {s.qualifier}" if s.qualifier else ""
            assert s.target is not None
            lines += ["        restated:", f"          - {{value: {_yaml(s.target)}{q}, line: {20 + i % 8}}}"]
        source += 4
    if plan.claims:
        lines.append("    claims:")
    for k, c in enumerate(plan.claims):
        at = 5 + 2 * k
        lines += [
            f"      - id: {c.slug}-{c.start_year}-{c.end_year}",
            f"        subject: {c.subject}",
            f"        unit: {_unit(c.unit)}",
        ]
        if c.key:
            lines.append(f"        key: {c.key}")
        lines.append(f"        line: {at}")
        for year, value, name in ((c.start_year, c.start, "start"), (c.end_year, c.end, "end")):
            shown = f", value: {_yaml(value)}, line: {at}" if value is not None else ""
            lines.append(f"        {name}: {{year: {year}{shown}}}")
        if c.change is not None:
            if c.seeded:
                seeds.append((len(lines) + 1, "claim-mismatch"))
            lines += [
                "        changes:",
                f"          - {{value: {_yaml(c.change)}, unit: {c.change_unit}, printed: {c.printed}, line: {at}}}",
            ]
    return lines


def _header(seed: int, what: str) -> list[str]:
    return [
        f"# Synthetic plans for plancheck's benchmarks (benchmarks/corpus.py, seed {seed}): {what}.",
        "# Every figure is consistent except the errors listed in seeded.json.",
        "plans:",
    ]


def generate(indicators: int, layout: str, out: Path, seed: int = 0) -> Corpus:
    """Write a corpus of ``indicators`` indicators to ``out`` (created; it must be empty) and describe it."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if indicators < 1:
        raise ValueError("a corpus needs at least one indicator")
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: give a new or empty directory")
    rng = random.Random(f"plancheck-corpus:{seed}:{indicators}")
    regions, plans = _skeleton(rng, indicators)
    _seed(rng, plans, indicators)
    for region in sorted(regions, key=lambda r: {"county": 0, "prefecture": 1, "province": 2}[r.level]):
        _fill_region(random.Random(f"{seed}:{indicators}:{region.code}"), region)
    seeded: list[Seeded] = []
    files: list[Path] = []
    if layout == "big":
        lines = _header(seed, f"{indicators} indicators in {len(plans)} plans")
        for plan in plans:
            marks: list[tuple[int, str]] = []
            body = _render(plan, marks)
            seeded += [Seeded(BIG_FILE, len(lines) + i + 1, rule) for i, rule in marks]
            lines += body
        files.append(_write(out / BIG_FILE, lines))
    else:
        for plan in plans:
            rel = f"{plan.region.directory}/{plan.id}.yaml"
            lines = _header(seed, f"{plan.region.zh}, {plan.topic.zh} {plan.first}–{plan.last}")
            marks = []
            body = _render(plan, marks)
            seeded += [Seeded(rel, len(lines) + i + 1, rule) for i, rule in marks]
            files.append(_write(out / rel, lines + body))
    seeded.sort(key=lambda s: (s.file, s.line, s.rule))
    corpus = Corpus(out, layout, seed, indicators, len(plans), sum(len(p.claims) for p in plans), files, seeded)
    manifest = {
        "generator": "benchmarks/corpus.py",
        "seed": seed,
        "layout": layout,
        "indicators": indicators,
        "plans": corpus.plans,
        "claims": corpus.claims,
        "files": len(files),
        "data": corpus.data.relative_to(out).as_posix() if layout == "big" else ".",
        "seeded": [{"file": s.file, "line": s.line, "rule": s.rule} for s in seeded],
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return corpus


def _write(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def read_manifest(root: Path) -> list[Seeded]:
    """The seeded errors of a corpus written earlier."""
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    return [Seeded(s["file"], s["line"], s["rule"]) for s in data["seeded"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--indicators", type=int, required=True, help="how many indicators in all")
    parser.add_argument("--layout", choices=LAYOUTS, required=True, help="one big file, or one plan per file")
    parser.add_argument("--out", type=Path, required=True, help="a new or empty directory")
    parser.add_argument("--seed", type=int, default=0, help="another seed, another corpus (default 0)")
    args = parser.parse_args(argv)
    try:
        corpus = generate(args.indicators, args.layout, args.out, args.seed)
    except (ValueError, FileExistsError) as err:
        print(f"corpus.py: {err}", file=sys.stderr)
        return 2
    print(
        f"{corpus.indicators} indicators, {corpus.plans} plans, {corpus.claims} claims in {len(corpus.files)} "
        f"file(s), {corpus.bytes / 1e6:.1f} MB; {len(corpus.seeded)} seeded errors in {corpus.root / MANIFEST}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
