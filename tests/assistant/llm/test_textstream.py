"""UTF-8-safe incremental decoding and stop strings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.llm._textstream import TextStream


def _feed_all(stream: TextStream, parts: list[bytes]) -> list[str]:
    out = [stream.feed(p) for p in parts]
    out.append(stream.finish())
    return out


def test_multibyte_characters_split_across_tokens_are_never_broken() -> None:
    data = "你好，世界！😀".encode()
    parts = [data[i : i + 1] for i in range(len(data))]  # one byte per "token"
    out = _feed_all(TextStream(), parts)
    assert all("\ufffd" not in piece for piece in out)
    assert "".join(out) == "你好，世界！😀"


@given(st.text(min_size=1, max_size=40), st.lists(st.integers(1, 5), min_size=1, max_size=40))
def test_any_split_round_trips(text: str, sizes: list[int]) -> None:
    data = text.encode()
    parts, i = [], 0
    for size in sizes * (len(data) // len(sizes) + 1):
        if i >= len(data):
            break
        parts.append(data[i : i + size])
        i += size
    stream = TextStream()
    assert "".join(_feed_all(stream, parts)) == text
    assert stream.text == text


def test_stop_string_cuts_text_even_across_tokens() -> None:
    stream = TextStream(stop=("END",))
    out = _feed_all(stream, [b"one two E", b"N", b"D three"])
    assert "".join(out) == "one two "
    assert stream.stopped
    assert stream.text == "one two "


def test_possible_stop_prefix_is_released_when_it_is_not_a_stop() -> None:
    stream = TextStream(stop=("END",))
    assert stream.feed(b"a E") == "a "
    assert stream.feed(b"x") == "Ex"
    assert not stream.stopped


def test_earliest_of_several_stops_wins() -> None:
    stream = TextStream(stop=("\n\n", "Q:"))
    assert "".join(_feed_all(stream, [b"answer Q: more\n\nrest"])) == "answer "


def test_invalid_bytes_become_replacement_character_not_an_exception() -> None:
    stream = TextStream()
    assert "".join(_feed_all(stream, [b"ok \xff done"])) == "ok \ufffd done"
