"""English spelling and sentence-case checks for ``fix``: edits a dictionary can vouch for.

``fix`` applies only the edits two prompts agree on, which keeps correct sentences unchanged but
misses plain misspellings one prompt fixes and the other leaves ("brougth", "imidiatly"). A
misspelling is the one edit a word list can judge without the model: a word no dictionary knows,
replaced by a known word a couple of letters away. Such an edit is taken from either prompt. A
correct sentence has no unknown words to fix, so it still comes back unchanged.

The word list is pyspellchecker's English frequency list (MIT, about 160,000 words), loaded
once on first use.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

    from assistant.writing.diff import Hunk

MAX_DISTANCE = 2  # letters added, removed or changed: "brougth" -> "brought" is 2
MIN_LENGTH = 3  # shorter unknown tokens are abbreviations or code more often than typos
_WORD = re.compile(r"[A-Za-z]+$")
_LOCK = threading.Lock()
# A sentence's first word, when it is a plain lowercase word (not "iPhone", a link or code).
_FIRST = re.compile(r"^(\W*?)([a-z])(?=[a-z]*[\s,;])")
_PRONOUN_I = re.compile(r"(?<![\w'’-])i(?=(?:['’](?:m|ve|ll|d))?(?![\w'’-]))")
_CLOSERS = "'\")’”"


@lru_cache(maxsize=1)
def _checker() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def known(word: str) -> bool:
    with _LOCK:  # one loader; the dictionary is read-only afterwards
        checker = _checker()
    return bool(checker.known([word.lower()]))


def is_spelling_fix(hunk: Hunk) -> bool:
    """Whether ``hunk`` replaces an unknown English word with a known one a few letters away,
    keeping its capital ("brougth" to "brought" is one; "Jon" to "John" is not, since
    "Jon" is a known name)."""
    old, new = hunk.old, hunk.new
    if hunk.kind != "replace" or not (_WORD.match(old) and _WORD.match(new)):
        return False
    if len(old) < MIN_LENGTH or old[0].isupper() != new[0].isupper():
        return False
    if distance(old.lower(), new.lower()) > MAX_DISTANCE:
        return False
    return not known(old) and known(new)


def distance(a: str, b: str) -> int:
    """Levenshtein distance (two short words: the plain dynamic programme is fine)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def sentence_case(text: str) -> str:
    """``text`` with a lowercase first word and the pronoun "i" capitalised, when ``text`` is a
    sentence (three words or more, ending with a full stop, ! or ?); else ``text`` as it is. A
    list item or a heading may start in lowercase on purpose; a sentence may not."""
    bare = text.strip()
    if len(bare.split()) < 3 or not bare.rstrip(_CLOSERS).endswith((".", "!", "?")):
        return text
    text = _PRONOUN_I.sub("I", text)
    return _FIRST.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)
