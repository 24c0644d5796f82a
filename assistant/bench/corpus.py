"""Synthetic inputs made on the fly: prose, chunk texts and a many-page PDF (fpdf2)."""

from __future__ import annotations

import random
from pathlib import Path

_SUBJECTS = (
    "The committee",
    "Our team",
    "The new policy",
    "The city council",
    "The research group",
    "The annual report",
    "Each department",
    "The pilot project",
    "The water utility",
    "The school board",
    "The museum",
    "The local library",
    "The transport agency",
)
_VERBS = (
    "reviewed",
    "approved",
    "postponed",
    "questioned",
    "expanded",
    "measured",
    "funded",
    "compared",
    "published",
    "replaced",
    "simplified",
    "tested",
    "documented",
)
_OBJECTS = (
    "the budget for next year",
    "a plan to repair the old bridge",
    "the results of the survey",
    "new rules for recycling",
    "the timetable of the night buses",
    "a study of river levels",
    "the hiring of three engineers",
    "the cost of heating in winter",
    "a proposal for bike lanes",
    "the safety checks at the station",
    "the schedule of public meetings",
    "an audit of the archive",
    "the training program for volunteers",
)
_TAILS = (
    "after a long debate",
    "because the costs rose",
    "to meet the new standard",
    "before the deadline in March",
    "with support from residents",
    "despite several objections",
    "as the report recommended",
    "while the data is still incomplete",
    "for the third time",
)


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
        f"{rng.choice(_TAILS)}, and {rng.randint(2, 97)} percent of the members agreed."
    )


def prose(words: int, seed: int = 0) -> str:
    """Paragraphs of plausible English, about ``words`` words long."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(para)
        count += len(para.split())
    return "\n\n".join(paragraphs)


def chunk_texts(n: int, words: int = 120, seed: int = 1) -> list[str]:
    """``n`` distinct chunk-sized texts."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = " ".join(sentence(rng) for _ in range(max(1, words // 18)))
        out.append(f"Item {i}: {body}")
    return out


_ZH_SUBJECTS = (
    "委员会",
    "我们的团队",
    "新政策",
    "市议会",
    "研究小组",
    "年度报告",
    "各部门",
    "试点项目",
)
_ZH_VERBS = (
    "审查了",
    "批准了",
    "推迟了",
    "质疑了",
    "扩大了",
    "测量了",
    "资助了",
    "比较了",
    "发布了",
)
_ZH_OBJECTS = (
    "明年的预算",
    "修复旧桥的计划",
    "调查的结果",
    "新的回收规则",
    "夜间公交的时刻表",
    "数据隐私的规定",
    "邮件自动回复的设置",
    "冬季供暖的费用",
    "自行车道的提案",
    "车站的安全检查",
)
_ZH_TAILS = (
    "经过长时间的讨论",
    "因为成本上升",
    "为了符合新标准",
    "在三月截止日期之前",
    "得到居民的支持",
)


def zh_chunk_texts(n: int, sentences: int = 5, seed: int = 1) -> list[str]:
    """``n`` distinct chunk-sized Chinese texts, some with English words mixed in."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = "".join(
            f"{rng.choice(_ZH_SUBJECTS)}{rng.choice(_ZH_TAILS)}{rng.choice(_ZH_VERBS)}"
            f"{rng.choice(_ZH_OBJECTS)}，{rng.randint(2, 97)}%的成员表示同意"
            f"{'（budget review）' if rng.random() < 0.2 else ''}。"
            for _ in range(sentences)
        )
        out.append(f"第{i}项：{body}")
    return out


RUNNING_HEAD = "Riverside Water Utility - Annual Report 2026 - Internal"
RUNNING_FOOT = "riverside.example/report-2026   Page {page} of {pages}"


def make_pdf(
    path: Path, pages: int, words_per_page: int = 150, seed: int = 2, running_heads: bool = False
) -> Path:
    """A real PDF of ``pages`` pages of prose (core Helvetica font); ``running_heads`` puts the
    same title line above and a "Page N of M" line below the prose of every page."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(auto=False)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        if running_heads:
            pdf.cell(0, 6, RUNNING_HEAD, new_x="LMARGIN", new_y="NEXT")
        text = f"Page {page + 1}. " + prose(words_per_page, seed=seed * 1000 + page)
        pdf.multi_cell(0, 4.5, text)
        if running_heads:
            pdf.set_xy(pdf.l_margin, pdf.h - 15)
            pdf.cell(0, 6, RUNNING_FOOT.format(page=page + 1, pages=pages))
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
