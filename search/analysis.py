"""The database engine's Indonesian analyzer: what OpenSearch's `indonesian` analyzer does, in Python.

Text is split into Unicode words (the same splitting as `search.query`), lowercased, stripped of
accents, freed of Indonesian stop words and stemmed with Sastrawi (Nazief-Adriani), so
"perjanjian", "diperjanjikan" and "janji" all become "janji". Both sides go through it: the
text when it is indexed and the words of a query, so the database only ever compares stems.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections.abc import Iterator

from .query import MAX_WORD_LENGTH, WORD_RE

# After Lucene's Indonesian stop list (the one OpenSearch's `indonesian` analyzer uses), cut to
# the function words: a word that carries meaning in an agreement ("kerja", "sama") stays searchable.
_STOP_LIST = """
    ada adalah agar akan akankah aku anda apa apabila apakah atas atau bagaimana bagi bahwa
    beberapa begitu belum bila bisa boleh dalam dan dapat dari daripada demikian dengan di dia
    dimana guna hal hanya harus ia ialah ini itu jika juga kami kamu karena kata ke kecuali
    kepada ketika kita lagi lain maka masih mereka meski namun nya oleh pada para per saat
    saja sambil sebagai sebelum secara sedang sehingga sejak selama seperti serta setelah suatu
    supaya tanpa tapi telah tentang terhadap tersebut tetapi tidak untuk walau yaitu yakni yang
"""
STOP_WORDS = frozenset(_STOP_LIST.split())
MIN_STEM_LENGTH = 4  # shorter words ("air", "uji") are stemmed wrongly more often than not

_stemmer = None
_stemmer_lock = threading.Lock()


def _sastrawi():
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
                from Sastrawi.Stemmer.Stemmer import Stemmer
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                # Sastrawi keeps its 30,000 root words in a list and tests membership by scanning it,
                # several times per word; a set makes stemming a whole page about a hundred times faster.
                dictionary = ArrayDictionary()
                dictionary.words = set(StemmerFactory().get_words())
                _stemmer = Stemmer(dictionary)
    return _stemmer


def fold(word: str) -> str:
    """Lowercase without accents ("é" -> "e"); letters of scripts without accents are unchanged."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one folded word: Sastrawi for Latin words of four letters or more, else the word."""
    if len(word) < MIN_STEM_LENGTH or not (word.isascii() and word.isalpha()):
        return word
    return _sastrawi().stem(word) or word


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for every word of `text`, stop words included: what snippets walk over."""
    for match in WORD_RE.finditer(text or ""):
        yield match.start(), match.end(), fold(match.group(0))[:MAX_WORD_LENGTH]


def analyze(text: str) -> list[str]:
    """The stems of `text`, in order, without stop words: what the database indexes."""
    return [stem(word) for _start, _end, word in tokens(text) if word not in STOP_WORDS]


def analyzed_text(text: str) -> str:
    """`analyze()` joined by spaces: the stemmed text stored in the full-text columns."""
    return " ".join(analyze(text))


def query_stems(words: list[str]) -> list[str]:
    """The stems of query words, stop words dropped, repeats removed."""
    stems = []
    for word in words:
        folded = fold(word)
        if folded in STOP_WORDS:
            continue
        stemmed = stem(folded)
        if stemmed not in stems:
            stems.append(stemmed)
    return stems
