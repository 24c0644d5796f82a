"""Chinese rules: one phrase for one point in time -> ``Parts`` (None if not understood).

Relative days (后天, 明晚), weekdays (下周三), parts of the day (下午, 凌晨), clock times with
Chinese numerals (两点半, 九点二十), dates (10月12号, 2010.01.29), lunar days (初一, 正月), reign
years (康熙三年).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from assistant.calendar.anchored_rules import ZH_RULES
from assistant.calendar.numerals import ZH_NUM, zh_to_int
from assistant.calendar.parts import Conflict, Parts, century

N = ZH_NUM
# first year of each Ming and Qing reign era, and of the Republic
ERAS = {
    "洪武": 1368, "建文": 1399, "永乐": 1403, "洪熙": 1425, "宣德": 1426, "正统": 1436,
    "景泰": 1450, "天顺": 1457, "成化": 1465, "弘治": 1488, "正德": 1506, "嘉靖": 1522,
    "隆庆": 1567, "万历": 1573, "泰昌": 1620, "天启": 1621, "崇祯": 1628, "顺治": 1644,
    "康熙": 1662, "雍正": 1723, "乾隆": 1736, "嘉庆": 1796, "道光": 1821, "咸丰": 1851,
    "同治": 1862, "光绪": 1875, "宣统": 1909, "民国": 1912,
}  # fmt: skip
_DAY_WORDS = {
    "大前天": (-3, None), "前天": (-2, None), "昨天": (-1, None), "昨日": (-1, None),
    "昨晚": (-1, "night"), "昨夜": (-1, "night"), "今天": (0, None), "今日": (0, None),
    "今晚": (0, "night"), "今夜": (0, "night"), "今晨": (0, "morning"), "今早": (0, "morning"),
    "明天": (1, None), "明日": (1, None), "明晚": (1, "night"), "明早": (1, "morning"),
    "明晨": (1, "morning"), "大后天": (3, None), "后天": (2, None),
}  # fmt: skip
_PODS = {
    "凌晨": "early_morning", "半夜": "early_morning", "清晨": "morning", "早晨": "morning",
    "早上": "morning", "早间": "morning", "上午": "morning", "中午": "noon", "正午": "noon",
    "午后": "afternoon", "下午": "afternoon", "傍晚": "evening", "黄昏": "evening",
    "晚上": "night", "晚间": "night", "夜里": "night", "夜间": "night", "晚": "night",
    "早": "morning", "一早": "morning", "一大早": "morning",
}  # fmt: skip
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_FILLER = re.compile(r"大约|大概|约|左右|上下|的|在|于|是|号|一整天|全天|整天|整|,|、")

Handler = Callable[[re.Match[str], Parts, date], None]


def _anchored(fn: Callable[[re.Match[str], Parts], None]) -> Handler:
    return lambda m, p, today: fn(m, p)


# anchored days (holidays, 第一个周一, 下旬) come first
RULES: list[tuple[re.Pattern[str], Handler]] = [(pat, _anchored(fn)) for pat, fn in ZH_RULES]


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        RULES.append((re.compile(pattern), fn))
        return fn

    return register


def _rel_shift(word: str | None) -> int:
    return {"下下": 2, "下": 1, "上": -1, "上上": -2}.get((word or "").rstrip("个"), 0)


@rule(r"农历|阴历")
def _lunar(m: re.Match[str], p: Parts, today: date) -> None:
    p.lunar = True


@rule(r"(?P<era>" + "|".join(ERAS) + rf")(?P<n>{N}|元)年")
def _era_year(m: re.Match[str], p: Parts, today: date) -> None:
    n = 1 if m["n"] == "元" else zh_to_int(m["n"])
    p.set(year=ERAS[m["era"]] + n - 1)


@rule(r"(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})")
def _ymd(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


@rule(r"(?<![\d:])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d:])")
def _md(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(month=int(m["m"]), day=int(m["d"]))


@rule(r"(?P<y>\d{4}|[零〇○一二三四五六七八九]{4})年")
def _year(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(year=zh_to_int(m["y"]))


@rule(r"(?<![0-9])(?P<y>[0-9]{2})年(?=[0-9零一二三四五六七八九十]{1,2}月)")
def _short_year(m: re.Match[str], p: Parts, today: date) -> None:  # "18年10月1日"
    p.set(year=century(int(m["y"])))


@rule(r"(?<![0-9])(?P<y>0[0-9])年|(?P<z>零[一二三四五六七八九])年")
def _zero_year(m: re.Match[str], p: Parts, today: date) -> None:  # "08年", "零八年": 2008
    p.set(year=2000 + zh_to_int(m["y"] or m["z"]))


@rule(r"第?(?P<q>[一二三四1-4])季度|(?P<h>上|下|前|后)半年")
def _year_part(m: re.Match[str], p: Parts, today: date) -> None:  # "第三季度", "上半年"
    if m["q"]:
        p.set(year_part=(3, zh_to_int(m["q"])))
    else:
        p.set(year_part=(6, 1 if m["h"] in "上前" else 2))


@rule(r"(?P<w>今年|明年|去年|前年|后年)")
def _rel_year(m: re.Match[str], p: Parts, today: date) -> None:
    shift = {"今年": 0, "明年": 1, "去年": -1, "前年": -2, "后年": 2}[m["w"]]
    p.set(year=today.year + shift)


@rule(
    r"(?P<rel>这个|本|下下个|下个|上个|下|上)?(?P<per>月|年)(?P<part>底|末|初(?![一二三四五六七八九十])|中)"
)
def _period_edge(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(period="month" if m["per"] == "月" else "year")
    p.period_shift = _rel_shift(m["rel"])
    p.set(period_part={"底": "end", "末": "end", "初": "start"}.get(m["part"], "later"))


@rule(r"(?P<rel>这个|本|下下个|下个|上个|下|上)季度?(?!度)")
def _rel_quarter(m: re.Match[str], p: Parts, today: date) -> None:  # "上个季度", "本季"
    p.set(period="quarter")
    p.period_shift = _rel_shift(m["rel"])


@rule(r"(?P<rel>这个|本|下下个|下个|上个|下|上)月")
def _rel_month(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(period="month")
    p.period_shift = _rel_shift(m["rel"])


@rule(
    r"(?P<m>正|腊|冬|"
    + N
    + r")月(?:份)?(?:(?P<d>"
    + N
    # the day ends at 日/号, or (as in "八月十五") where no digit or clock time follows
    + r")(?:[日号號]|(?![0-9零〇○一二两三四五六七八九十百千点时:分])))?"
)
def _month(m: re.Match[str], p: Parts, today: date) -> None:  # "八月十五" needs no 日
    special = {"正": 1, "冬": 11, "腊": 12}
    if m["m"] in special:
        p.lunar = True
    p.set(month=special.get(m["m"]) or zh_to_int(m["m"]))
    p.set(day=zh_to_int(m["d"]) if m["d"] else None)


@rule(r"初(?P<d>[一二三四五六七八九十])")
def _lunar_day(m: re.Match[str], p: Parts, today: date) -> None:
    p.lunar = True
    p.set(day=zh_to_int(m["d"]))


@rule(r"(?P<d>" + N + r")[日号號](?!子)")
def _day(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(day=zh_to_int(m["d"]))


@rule("|".join(sorted(_DAY_WORDS, key=len, reverse=True)))
def _relative_day(m: re.Match[str], p: Parts, today: date) -> None:
    offset, pod = _DAY_WORDS[m.group(0)]
    p.set(day_offset=offset, pod=pod)


@rule(r"(?P<rel>下下个?|下个?|上上个?|上个?|这个?|本)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天])")
def _weekday(m: re.Match[str], p: Parts, today: date) -> None:
    rel = m["rel"] or ""
    week_rel = {"下下": "next2", "下": "next", "上": "last", "上上": "last2", "这": "this",
                "本": "this"}  # fmt: skip
    p.set(weekday=_WEEKDAY[m["wd"]], week_rel=week_rel.get(rel.rstrip("个")))


@rule(r"(?P<rel>下下个?|下个?|上上个?|上个?|这个?|本)?周末")
def _weekend(m: re.Match[str], p: Parts, today: date) -> None:
    week_rel = {"下下": "next2", "下": "next", "上": "last", "上上": "last2"}
    p.set(weekday=5, week_rel=week_rel.get((m["rel"] or "").rstrip("个"), "this"))
    p.weekend = True


@rule(r"(?P<rel>下下个?|下个?|上上个?|上个?|这个?|本)(?:周|星期|礼拜)")
def _rel_week(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(period="week")
    p.period_shift = _rel_shift(m["rel"])


@rule("|".join(sorted(_PODS, key=len, reverse=True)))
def _pod(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(pod=_PODS[m.group(0)])


@rule(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?")
def _clock(m: re.Match[str], p: Parts, today: date) -> None:
    p.set(hour=int(m["h"]), minute=int(m["mi"]), second=int(m["s"]) if m["s"] else None)


@rule(rf"(?P<h>{N})[点點时時]钟?(?:(?P<half>半)|(?P<q>一刻|三刻)|(?P<mi>{N})分?)?(?:(?P<s>{N})秒)?")
def _hour(m: re.Match[str], p: Parts, today: date) -> None:
    minute = 30 if m["half"] else {"一刻": 15, "三刻": 45}.get(m["q"] or "", 0)
    if m["mi"]:
        minute = zh_to_int(m["mi"])
    p.set(hour=zh_to_int(m["h"]), minute=minute, second=zh_to_int(m["s"]) if m["s"] else None)


@rule(r"马上|立刻|立即|现在|此刻|眼下")
def _now(m: re.Match[str], p: Parts, today: date) -> None:
    p.now = True


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("後", "后").replace("週", "周").replace("禮拜", "礼拜").replace("鐘", "钟")
    text = text.replace("個", "个").replace("兩", "两").replace("點", "点")
    return re.sub(r"[\s，。！？!?；;]+", "", text)


def parse_point(text: str, today: date) -> Parts | None:
    """Parts of one Chinese point phrase ("下周三下午两点"), or None."""
    rest = normalize(text)
    parts = Parts()
    try:
        for pattern, handler in RULES:
            while m := pattern.search(rest):
                handler(m, parts, today)
                rest = rest[: m.start()] + " " + rest[m.end() :]
        rest = _FILLER.sub("", rest).replace(" ", "")
        if rest and parts.pod and parts.hour is None and re.fullmatch(N, rest):
            parts.set(hour=zh_to_int(rest), minute=0)  # "早上五(到六点)"
            rest = ""
    except (Conflict, ValueError):
        return None
    if rest or parts.empty():
        return None
    return parts
