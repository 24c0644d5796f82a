"""Incremental text assembly: bytes -> UTF-8 text without broken characters, with stop strings."""

from __future__ import annotations

import codecs


class TextStream:
    """Feed the bytes of each generated token; get back only text that is safe to show.

    Multi-byte UTF-8 characters split across tokens are held until complete. Text that might be
    the start of a stop string is held until it is clear it is not; when a stop string appears
    the text is cut before it and ``stopped`` becomes true.
    """

    def __init__(self, stop: tuple[str, ...] = ()) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._stops = tuple(s for s in stop if s)
        self._longest = max((len(s) for s in self._stops), default=0)
        self._text = ""
        self._emitted = 0
        self.stopped = False

    @property
    def text(self) -> str:
        """The answer so far (without any stop string), including text not yet emitted."""
        return self._text

    def feed(self, data: bytes) -> str:
        """Add the bytes of one token; return the newly safe text (maybe empty)."""
        if self.stopped:
            return ""
        self._text += self._decoder.decode(data)
        return self._release(final=False)

    def finish(self) -> str:
        """End of generation: flush everything still held back."""
        if not self.stopped:
            self._text += self._decoder.decode(b"", final=True)
        return self._release(final=True)

    def _release(self, *, final: bool) -> str:
        if self._stops and not self.stopped:
            start = max(0, self._emitted - self._longest)
            cut = -1
            for stop in self._stops:
                idx = self._text.find(stop, start)
                if idx != -1 and (cut == -1 or idx < cut):
                    cut = idx
            if cut != -1:
                self._text = self._text[:cut]
                self.stopped = True
        end = len(self._text)
        if not final and not self.stopped:
            end -= self._held_back()
        if end <= self._emitted:
            return ""
        out = self._text[self._emitted : end]
        self._emitted = end
        return out

    def _held_back(self) -> int:
        """Length of the longest tail of the text that could begin a stop string."""
        text = self._text
        for n in range(min(self._longest - 1, len(text)), 0, -1):
            tail = text[-n:]
            if any(stop.startswith(tail) for stop in self._stops):
                return n
        return 0
