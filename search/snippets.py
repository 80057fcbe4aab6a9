"""Highlighted snippets for the database engine, cut from the original page text.

A word is marked when its stem is one of the query's stems (so "dikelola" lights up for a search
on "pengelolaan"), or when it is part of a quoted phrase found word for word. The snippet is
the window of about thirty words holding the most different matches. Everything is escaped
before the <mark> tags go in, so the HTML is safe whatever the document holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape

from .analysis import STOP_WORDS, stem, tokens

WINDOW_WORDS = 30
ELLIPSIS = "\u2026"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Highlighter:
    """What to mark: single stems and phrases (each a sequence of stems)."""

    stems: frozenset[str]
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.stems and not self.phrases

    def marks(self, words: Sequence[str]) -> list[bool]:
        """For each folded word, whether it is marked."""
        word_stems = [None if word in STOP_WORDS else stem(word) for word in words]
        marked = [word_stem is not None and word_stem in self.stems for word_stem in word_stems]
        for phrase in self.phrases:
            self._mark_phrase(phrase, word_stems, marked)
        return marked

    @staticmethod
    def _mark_phrase(phrase: tuple[str, ...], word_stems: list[str | None], marked: list[bool]) -> None:
        # Stop words are skipped on both sides, as the index skips them.
        positions = [index for index, word_stem in enumerate(word_stems) if word_stem is not None]
        content = [word_stems[index] for index in positions]
        size = len(phrase)
        if not size:
            return
        for start in range(len(content) - size + 1):
            if tuple(content[start : start + size]) == phrase:
                for offset in range(size):
                    marked[positions[start + offset]] = True


def _join(text: str, spans: list[tuple[int, int, bool]], start: int, end: int) -> str:
    """Escaped text from spans[start] to spans[end - 1], marked words wrapped in <mark>."""
    parts = []
    previous_end = None
    for span_start, span_end, is_marked in spans[start:end]:
        if previous_end is not None:
            gap = _SPACES.sub(" ", text[previous_end:span_start])
            parts.append(escape(gap))
        word = escape(text[span_start:span_end])
        parts.append(f"<mark>{word}</mark>" if is_marked else word)
        previous_end = span_end
    return "".join(parts)


def snippet(text: str, highlighter: Highlighter, *, window: int = WINDOW_WORDS) -> tuple[str, int]:
    """(html, score) of the best window of `text`; ("", 0) when nothing in it matches."""
    found = list(tokens(text))
    if not found or highlighter.is_empty:
        return "", 0
    marked = highlighter.marks([word for _start, _end, word in found])
    if not any(marked):
        return "", 0
    spans = [(start, end, is_marked) for (start, end, _word), is_marked in zip(found, marked, strict=True)]
    words = [word for _start, _end, word in found]
    best_start, best_score = 0, -1
    for first in (index for index, is_marked in enumerate(marked) if is_marked):
        # Windows that open a few words before a match, so the match has some context.
        start = max(0, first - 5)
        chosen = range(start, min(len(spans), start + window))
        distinct = {stem(words[index]) for index in chosen if marked[index]}
        score = len(distinct) * 100 + sum(marked[index] for index in chosen)
        if score > best_score:
            best_start, best_score = start, score
    end = min(len(spans), best_start + window)
    html = _join(text, spans, best_start, end)
    if best_start > 0:
        html = ELLIPSIS + " " + html
    if end < len(spans):
        html = html + " " + ELLIPSIS
    return html, best_score


def highlight_all(text: str, highlighter: Highlighter) -> str:
    """All of a short text (a title) escaped with its matches marked; "" when nothing matches."""
    found = list(tokens(text))
    if not found or highlighter.is_empty:
        return ""
    marked = highlighter.marks([word for _start, _end, word in found])
    if not any(marked):
        return ""
    spans = [(start, end, is_marked) for (start, end, _word), is_marked in zip(found, marked, strict=True)]
    head = escape(text[: spans[0][0]])
    tail = escape(text[spans[-1][1] :])
    return head + _join(text, spans, 0, len(spans)) + tail
