"""One worked example per language for the reply prompt: a short mail and a reply per intent.

Small models refuse or describe the mail instead of answering it unless they see what a reply
looks like. The example replies are the body only (the greeting and sign-off are set in code)
and deliberately generic (no places, times or names) so that nothing of them can leak into a
real draft.
"""

from __future__ import annotations

EXAMPLE_MAIL = {
    "en": (
        "From: Tom Baker <tom@example.org>\nSubject: Team lunch\n\n"
        "Hi, we are planning a team lunch next Wednesday at 12:30 at Luigi's. "
        "Can you join us?\n\nTom"
    ),
    "zh": (
        "From: 李华 <lihua@example.cn>\nSubject: 部门聚餐\n\n"
        "你好，我们打算下周三中午十二点半在老王饭馆部门聚餐，你能来吗？\n\n李华"
    ),
}
EXAMPLE_REPLY = {
    "en": {
        "accept": "Thank you for the invitation. I'd be glad to join, and the time "
        "works well for me. See you then.",
        "decline": "Thank you for thinking of me. Unfortunately I can't make it that "
        "day, but I hope it goes well.",
        "ask": "Thanks for the invitation. Before I confirm, could you tell me how "
        "long it will take and who else is coming?",
    },
    "zh": {
        "accept": "谢谢邀请！这个时间我可以，很乐意参加，到时见。",
        "decline": "谢谢邀请。很抱歉，那天我已有其他安排，没法参加了，祝一切顺利。",
        "ask": "谢谢邀请。确认之前想问一下：大概需要多长时间？还有哪些人参加？",
    },
}
# Names of the example that must never appear in a real draft (the model copied the example).
EXAMPLE_NAMES = ("Tom", "Luigi", "李华", "老王")


def example(language: str, intent: str) -> tuple[str, str]:
    """The example (mail, reply) for ``language`` (zh, else English) and ``intent``."""
    lang = "zh" if language == "zh" else "en"
    replies = EXAMPLE_REPLY[lang]
    return EXAMPLE_MAIL[lang], replies.get(intent, replies["accept"])
