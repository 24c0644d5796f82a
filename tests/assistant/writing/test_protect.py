"""Protected tokens: what a rewrite must keep."""

from __future__ import annotations

from assistant.writing.protect import missing_tokens, protected_spans, protected_tokens, touches


def test_tokens_found() -> None:
    text = (
        "Meet Zhang Wei at 10:30 on 2024-05-01, see https://x.org/a?b=1. The API costs 3.5 "
        "(15%), run `make test`, [docs](http://d.io/x), write to a.b@c.com; 用API接口，下午3点"
    )
    found = protected_tokens(text)
    for token in ("Zhang Wei", "10:30", "2024-05-01", "https://x.org/a?b=1", "API", "3.5", "15%",
                  "`make test`", "](http://d.io/x)", "a.b@c.com", "3"):  # fmt: skip
        assert token in found, token


def test_missing_tokens() -> None:
    assert missing_tokens("Call at 10:30 about the API.", "Call at 10.30 about the api.") == [
        "10:30",
        "API",
    ]
    assert missing_tokens("下午3点开会", "下午3点开会。") == []
    assert missing_tokens("pay 5 or 15", "pay 15") == ["5"]  # "15" does not keep "5"
    assert missing_tokens("see https://a.io/x.", "See https://a.io/x today.") == []


def test_touches() -> None:
    text = "at 10:30 ok"
    spans = protected_spans(text)
    assert touches(spans, 5, 6)  # the ":"
    assert touches(spans, 5, 5)  # an insertion inside
    assert not touches(spans, 3, 3) and not touches(spans, 9, 11)
