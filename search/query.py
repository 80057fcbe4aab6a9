"""What the user typed, reduced to plain words and quoted phrases.

Every engine builds its own query from a `ParsedQuery` and never passes user syntax through
(no `query_string`, no raw FTS5 MATCH text), so operators, stray quotes, query-DSL JSON or SQL
typed into the box are just characters that get dropped: they can neither fail a query nor widen it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .engines.base import MAX_QUERY_LENGTH

MAX_TERMS = 32
MAX_PHRASES = 8
MAX_PHRASE_WORDS = 12
MAX_WORD_LENGTH = 64

# Straight and typographic double quotes all open or close a phrase.
_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d'
_QUOTE_RE = re.compile(f"[{re.escape(_QUOTES)}]")
# A word: letters and digits of any script; the underscore, punctuation and every operator
# character (+ - * ~ ^ : ( ) { } [ ] \ / & | ! < > = ' …) separate words.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Boolean operators as the cluster engines' query_string would read them; dropped when typed in capitals.
_OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True)
class ParsedQuery:
    terms: list[str] = field(default_factory=list)  # lowercased words outside quotes, at most MAX_TERMS
    phrases: list[str] = field(default_factory=list)  # lowercased quoted phrases, words joined by one space
    truncated: bool = False  # the input was longer than MAX_QUERY_LENGTH and was cut

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    @property
    def words(self) -> list[str]:
        """Every word searched for, terms first then the phrases' words, without repeats."""
        seen = dict.fromkeys(self.terms)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase.split()))
        return list(seen)

    @property
    def text(self) -> str:
        """The query as it is searched: what a "did you mean" line or a highlight parameter shows."""
        return " ".join([f'"{phrase}"' for phrase in self.phrases] + self.terms)


def words_of(text: str) -> list[str]:
    """Lowercased words of `text`, operators and punctuation dropped."""
    words = []
    for match in WORD_RE.finditer(text):
        word = match.group(0)
        if word in _OPERATORS:
            continue
        words.append(word.lower()[:MAX_WORD_LENGTH])
    return words


def _clean(text: str) -> str:
    # NFC so a decomposed "é" is one character; control characters (a NUL byte breaks PostgreSQL) become spaces.
    text = unicodedata.normalize("NFC", text)
    return "".join(char if char.isprintable() else " " for char in text)


def parse_query(text: str | None) -> ParsedQuery:
    """Split `text` into terms and quoted phrases; an unbalanced quote opens nothing."""
    text = text or ""
    truncated = len(text) > MAX_QUERY_LENGTH
    text = _clean(text[:MAX_QUERY_LENGTH])
    parts = _QUOTE_RE.split(text)
    # Parts alternate outside / inside quotes. With an odd number of quotes the last part follows an
    # unclosed quote: it is read as plain words.
    if len(parts) % 2 == 0:
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    terms: list[str] = []
    phrases: list[str] = []
    for index, part in enumerate(parts):
        words = words_of(part)
        if index % 2 == 0 or len(words) < 2:
            terms.extend(words)
        elif len(phrases) < MAX_PHRASES:
            phrase = " ".join(words[:MAX_PHRASE_WORDS])
            if phrase not in phrases:
                phrases.append(phrase)
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    return ParsedQuery(terms=terms, phrases=phrases, truncated=truncated)
