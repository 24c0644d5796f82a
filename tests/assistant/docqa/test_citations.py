"""The citation verifier, without a model: only quotes really in the cited chunk survive."""

from __future__ import annotations

import pytest

from assistant.docqa.ask_docs import NOT_SAID, compose
from assistant.docqa.citations import (
    Answer,
    Source,
    normalize,
    quote_in,
    sentences_of,
    verify_citations,
)

ZH = "诺曼人在1066年征服了英格兰。随后，他们在爱尔兰建造了许多城堡。"
EN = "The Normans settled mostly in an area in the east of Ireland,\nlater known as the Pale."
SOURCES = {1: Source(1, 11, "history.md", "p. 2", ZH), 2: Source(2, 12, "ireland.pdf", "", EN)}


def test_a_verbatim_quote_is_kept_and_numbered() -> None:
    kept = verify_citations([(2, "later known as the Pale")], SOURCES)
    assert [(c.number, c.chunk_id, c.document) for c in kept] == [(1, 12, "ireland.pdf")]
    # widened to its whole sentence, still verbatim in the chunk
    assert kept[0].quote == normalize(EN) and quote_in(kept[0].quote, kept[0].text)


def test_whitespace_is_normalised_not_words() -> None:
    assert quote_in("east of Ireland, later   known", EN)  # a line break in the chunk
    assert quote_in("征服 了 英格兰", ZH)  # spaces between Chinese characters mean nothing
    assert not quote_in("east of Ireland later known", EN)  # a dropped comma is not verbatim
    assert normalize(" a \n\t b ") == "a b"


@pytest.mark.parametrize(
    "proposed",
    [
        [(1, "诺曼人在1067年征服了英格兰")],  # altered fact
        [(2, "a")],  # too short to prove anything
        [(2, "The Normans were Vikings")],  # invented
    ],
)
def test_unverifiable_citations_are_dropped(proposed: list[tuple[int, str]]) -> None:
    assert verify_citations(proposed, SOURCES) == []


@pytest.mark.parametrize("number", [0, 2, 7, -1])
def test_the_passage_holding_the_quote_is_cited_whatever_number_the_model_gave(
    number: int,
) -> None:
    kept = verify_citations([(number, "诺曼人在1066年征服了英格兰")], SOURCES)
    assert [(c.chunk_id, c.document, c.number) for c in kept] == [(11, "history.md", 1)]


def test_only_the_verbatim_part_of_a_blended_quote_is_kept() -> None:
    # small models prefix the sentence they copy with a word of the question
    kept = verify_citations([(5, "他们随后在爱尔兰建造了许多城堡")], SOURCES)
    assert [c.quote for c in kept] == ["随后，他们在爱尔兰建造了许多城堡。"]
    assert all(quote_in(c.quote, c.text) for c in kept)
    assert (
        verify_citations([(2, "The Normans ruled all of Ireland until 1300")], {2: SOURCES[2]})
        == []
    )  # too little of it is in the passage


def test_a_quote_is_widened_to_its_sentences_only() -> None:
    assert sentences_of("他们在爱尔兰", ZH) == "随后，他们在爱尔兰建造了许多城堡。"
    assert sentences_of("英格兰。随后", ZH) == normalize(ZH)  # two sentences
    assert sentences_of("not in it", ZH) == "not in it"
    assert (
        sentences_of("三十天内", "## 报销\n\n差旅费用须在三十天内报销。")
        == "差旅费用须在三十天内报销。"
    )


def test_duplicates_are_dropped_and_numbers_are_consecutive() -> None:
    kept = verify_citations(
        [(1, "征服了英格兰"), (2, "invented"), (1, "征服了 英格兰"), (2, "the Pale")], SOURCES
    )
    assert [(c.number, c.chunk_id) for c in kept] == [(1, 11), (2, 12)]


def test_without_a_verified_citation_the_documents_do_not_say() -> None:
    zh = compose("他们在哪里建城堡？", "zh", "c1", "爱尔兰 [1]", [])
    en = compose("Where?", "en", "c1", "In Ireland", [])
    assert (zh.text, zh.found) == (NOT_SAID["zh"], False)
    assert (en.text, en.found, en.citations) == (NOT_SAID["en"], False, ())


def test_an_answer_shows_only_verified_markers() -> None:
    cited = verify_citations([(1, "建造了许多城堡")], SOURCES)
    answer = compose("他们在哪里建城堡？", "zh", "c1", "在爱尔兰 [3][4]", cited)
    assert answer.found and answer.text == "在爱尔兰 [1]"
    assert Answer.from_data(answer.to_data()) == answer  # the typed value survives Done.data
