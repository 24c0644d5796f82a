"""A plan for people: one line of why per block, the overload with figures and what to move,
in English or Chinese, times in the user's zone."""

from __future__ import annotations

from datetime import datetime

from assistant.calendar.human_dates import format_minutes, format_span, format_when
from assistant.calendar.planner import Block, Plan

_EN = {
    "due": "Due {due}: earliest deadline first",
    "no_due": "No due date: after the tasks that have one",
    "late": "Late: no free time left before {due}",
    "high": "; high priority",
    "low": "; low priority",
    "part": "Part {part} of {parts}. ",
    "overload": "{tasks} of tasks, {free} free before {due}: move {names} or shorten {it}",
    "late_line": "⚠ {title}: {missing} will not be done by {due}",
    "unplaced": "⚠ {title}: no free time for {missing} in this plan",
    "empty": "No open tasks to plan. Add one in the Tasks list or with `deskmate tasks add`.",
    "fits": "{tasks} of tasks in {free} of free time.",
}
_ZH = {
    "due": "{due}截止：截止最早的先做",
    "no_due": "无截止时间：排在有截止时间的任务之后",
    "late": "已来不及：{due}之前没有空闲时间了",
    "high": "；高优先级",
    "low": "；低优先级",
    "part": "第{part}/{parts}段：",
    "overload": "{tasks}的任务，{due}之前只有{free}空闲：请推迟{names}或缩短{it}",
    "late_line": "⚠ {title}：有{missing}无法在{due}之前完成",
    "unplaced": "⚠ {title}：本计划中没有{missing}的空闲时间",
    "empty": "没有待规划的任务。可在任务列表中添加，或使用 `deskmate tasks add`。",
    "fits": "共{tasks}的任务，空闲时间{free}。",
}


def _words(lang: str) -> dict[str, str]:
    return _ZH if lang.lower().startswith("zh") else _EN


def why(block: Block, *, lang: str, tz: str, now: datetime | None = None) -> str:
    """One line: why this block sits here."""
    words = _words(lang)
    due = format_when(block.todo.due, lang=lang, tz=tz, now=now) if block.todo.due else ""
    text = words[block.reason].format(due=due)
    if block.todo.priority != "normal":
        text += words[block.todo.priority]
    if block.parts > 1:
        text = words["part"].format(part=block.part, parts=block.parts) + text
    return text


def overload_line(plan: Plan, *, lang: str, tz: str, now: datetime | None = None) -> str:
    if plan.overload is None:
        return ""
    words, o = _words(lang), plan.overload
    zh = lang.lower().startswith("zh")
    names = ("或" if zh else " or ").join(f"“{t.title}”" if zh else f"'{t.title}'" for t in o.move)
    it = ("它" if len(o.move) == 1 else "它们") if zh else ("it" if len(o.move) == 1 else "them")
    return words["overload"].format(
        tasks=format_minutes(o.task_min, lang=lang),
        free=format_minutes(o.free_min, lang=lang),
        due=format_when(o.deadline, lang=lang, tz=tz, now=now),
        names=names,
        it=it,
    )


def render(plan: Plan, *, lang: str, tz: str, now: datetime | None = None) -> str:
    """The plan as Markdown: the load, the overload, then each block with its why."""
    words = _words(lang)
    if not plan.blocks and not plan.unplaced:
        return words["empty"]
    lines = [
        words["fits"].format(
            tasks=format_minutes(plan.task_min, lang=lang),
            free=format_minutes(plan.free_min, lang=lang),
        )
    ]
    if plan.overload is not None:
        lines.append(f"**{overload_line(plan, lang=lang, tz=tz, now=now)}**")
    for s in plan.late:
        due = format_when(s.todo.due, lang=lang, tz=tz, now=now) if s.todo.due else ""
        missing = format_minutes(s.missing_min, lang=lang)
        lines.append(words["late_line"].format(title=s.todo.title, missing=missing, due=due))
    for s in plan.unplaced:
        missing = format_minutes(s.missing_min, lang=lang)
        lines.append(words["unplaced"].format(title=s.todo.title, missing=missing))
    lines.append("")
    for n, block in enumerate(plan.blocks, start=1):
        when = format_span(block.start, block.end, lang=lang, tz=tz, now=now)
        lines.append(f"{n}. {when} **{block.todo.title}**")
        lines.append(f"   - {why(block, lang=lang, tz=tz, now=now)}")
    return "\n".join(lines)
