"""Words, word keys and stop words shared by the search build and queries."""

from __future__ import annotations

import functools
import re
import unicodedata

_WORD = re.compile(r"[a-z0-9]+")
_TYPED_WORD = re.compile(r"[A-Za-z0-9]+")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")

#: Words a query drops: they join other words and name no condition.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "had",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "the",
        "this",
        "that",
        "to",
        "was",
        "were",
        "who",
        "c",
        "o",
        "pt",
        "patient",
        "presents",
        "presented",
        "complains",
        "complaining",
    ]
)

#: Words in titles that carry no meaning of their own for ranking: a title
#: that has them is no less precise a match for the words it shares. NEC,
#: "other" and "specified" are not among them: they mark the codes for
#: what the record names but the code set does not list, which a plain
#: query should not prefer over the unspecified (NOS) code.
FILLER_WORDS = STOP_WORDS | frozenset(
    ["unspecified", "nos", "site", "with", "without", "due", "not"]
)

#: Endings removed to compare word forms (``myocardial`` and ``myocardium``,
#: ``diabetes`` and ``diabetic``), longest first. Used only to rank.
_ENDINGS = (
    "ation",
    "ition",
    "ities",
    "ical",
    "ally",
    "ial",
    "ium",
    "ion",
    "ive",
    "ing",
    "ity",
    "ic",
    "al",
    "ed",
    "ia",
    "es",
    "e",
    "y",
    "a",
)


#: Characters that show nothing but split or join words when pasted
#: (zero-width space, joiners, word joiner, byte order mark, soft hyphen).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def normalize_query(text: str) -> str:
    """A query in Unicode NFKC (full-width letters become plain ones), with
    zero-width characters dropped."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


def fold(text: str) -> str:
    """Lower case, accents removed."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text, folded, split as the full-text index splits them."""
    return _WORD.findall(fold(text))


def words_as_typed(text: str) -> list[str]:
    """The same words as :func:`words`, in the case they were typed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TYPED_WORD.findall(plain)


def essential_words(text: str) -> list[str]:
    """Words outside parentheses (nonessential modifiers) and filler words."""
    bare = _PARENTHESES.sub(" ", text)
    return [w for w in words(bare) if w not in FILLER_WORDS]


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """A key shared by forms of one word: plural ``s``, then one ending off."""
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5:
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                return word[: -len(ending)]
    return word


def keys_of(text: str) -> set[str]:
    """The word keys of a text's essential words."""
    return {word_key(w) for w in essential_words(text)}
