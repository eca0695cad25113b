"""Recognise what a question asks: its kind, codes, date, setting and place.

The recogniser is plain rules, so it is fast, offline and explainable. It
finds code-shaped tokens; whether each is a real code is the tools' job.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from ._places import find_state
from ._records import Intent

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_YEAR = re.compile(r"\b(?:in|for|during|year|dos)\s+((?:19|20)\d{2})\b", re.I)

# Code shapes: ICD-10-CM (letter, digit, alphanumeric, optional dot and up
# to four more), ICD-10-PCS (seven characters, no dot), CPT (five digits, or
# four digits and F/T/U), HCPCS Level II (letter A-V and four digits).
_CODE = re.compile(
    r"(?<![\w.$])("
    r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{0,4}|[0-9A-Z]{1,4})?"
    r"|[0-9][0-9A-HJ-NP-Z]{6}"
    r"|[0-9]{4}[0-9FTU]"
    r")(?![\w])",
    re.I,
)
_MODIFIER = re.compile(
    r"\bmod(?:ifier)?s?\s*[-:#]?\s*((?:[0-9A-Z]{2}(?:\s*(?:,|and|or|&|/)\s*)?)+)",
    re.I,
)
_DASH_MODIFIER = re.compile(r"\b(?:\d{4}[0-9FTU]|[A-V]\d{4})-([0-9A-Z]{2})\b", re.I)
# CPT modifiers coders ask about; a bare two-digit number counts as one only
# when the question is already about modifiers.
_CPT_MODIFIERS = re.compile(r"(?<![\w.$-])(2[2-7]|5[0-9]|7[6-9]|91)(?![\w.])")
_KNOWN_LONE_MODIFIERS = re.compile(r"\b(X[EPSU]|LT|RT|TC|GA|GZ|GY|KX)\b")

_SYSTEM_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("icd10pcs", re.compile(r"icd-?10-?pcs|\bpcs\b|procedure code", re.I)),
    ("hcpcs", re.compile(r"\bhcpcs\b|level ii", re.I)),
    ("cpt", re.compile(r"\bcpt\b", re.I)),
    ("icd10cm", re.compile(r"\bicd\b|icd-?10|\bdiagnos[ie]s\b|\bdx\b", re.I)),
)
_FACILITY = re.compile(
    r"\b(hospital|facility|outpatient|opps|inpatient|asc|ioce|institutional)\b", re.I
)
_PRACTITIONER = re.compile(
    r"\b(physician|practitioner|professional|office|non-?facility|clinic|pro fee)\b",
    re.I,
)

# Each kind and the words that signal it, tried in order.
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("mue", r"\bmue\b|medically unlikely|max(imum)? units|how many units|unit limit"),
    ("addon", r"\badd[- ]?on\b|\baoc\b|primary code"),
    (
        "fee",
        r"\bpays?\b|\bpaid\b|\bpayment\b|\bfee\b|\brvus?\b|reimburs|allowed amount"
        r"|\bprice\b|how much|\bgpci\b",
    ),
    (
        "replacement",
        r"replac|deleted|discontinued|terminated|\bhistory\b|when did|instead of"
        r"|still valid|retired",
    ),
    (
        "children",
        r"seventh|7th|\bchild(ren)?\b|sub-?codes|codes (are )?(under|below)\b"
        r"|extension",
    ),
    (
        "billable",
        r"billable|\bheader\b|can i (bill|use|code)|(is|was) .* valid|valid (in|on)"
        r"|specific enough",
    ),
    (
        "guideline",
        r"guideline|sequence|sequencing|convention|\bexcludes ?[12]?\b|code first"
        r"|use additional|how (do|should) (i|you|we) code|coding rules?|\brules? for\b",
    ),
    (
        "which_code",
        r"which code|what code|what icd|which icd|code for|codes for|how to code"
        r"|icd-?10(-cm)? for|diagnosis code",
    ),
)
_PAIR_WORDS = re.compile(
    r"together|bundl|\bncci\b|\bcci\b|\bptp\b|same day|same date|separately|\bwith\b"
    r"|\band\b|column",
    re.I,
)
_DEFINE_WORDS = re.compile(
    r"what (is|are|does)|define|definition|meaning|explain|tell me", re.I
)


def recognise(question: str, *, today: dt.date | None = None) -> Intent:
    """The intent of a question, with the codes, date, setting and state."""
    date = find_date(question)
    modifiers = find_modifiers(question)
    codes = find_codes(question, modifiers)

    kind = classify(question, codes, modifiers)

    return Intent(
        kind=kind,
        system=find_system(question),
        codes=codes,
        modifiers=modifiers,
        date=date,
        setting=find_setting(question),
        state=find_state(question),
        topic=strip_codes(question),
        topic_raw=question,
    )


def find_date(text: str) -> dt.date | None:
    """A date of service the question names: ISO, US style, or a year."""
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_US_DATE, (3, 1, 2))):
        match = pattern.search(text)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    year_match = _YEAR.search(text)
    # A bare year means the middle of it: inside that year's ICD-10-CM
    # fiscal year (which starts 1 October) and calendar-year fee schedule.
    return dt.date(int(year_match.group(1)), 7, 1) if year_match else None


def find_modifiers(text: str) -> tuple[str, ...]:
    """Modifiers named as 'modifier 25', '-59' after a code, or XE..XU."""
    found: list[str] = []
    for match in _MODIFIER.finditer(text):
        found.extend(re.findall(r"\b[0-9A-Z]{2}\b", match.group(1), re.I))
    found.extend(m.group(1) for m in _DASH_MODIFIER.finditer(text))
    found.extend(m.group(1) for m in _KNOWN_LONE_MODIFIERS.finditer(text))
    if found or re.search(r"\bmodifiers?\b", text, re.I):
        found.extend(_CPT_MODIFIERS.findall(text))
    skip = {"OR", "AN", "IS", "TO", "IN", "ON", "OF", "BE"}
    return _unique(m.upper() for m in found if m.upper() not in skip)


def find_codes(text: str, modifiers: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Code-shaped tokens, upper-cased, in order, without dates or years."""
    cleaned = _US_DATE.sub(" ", _ISO_DATE.sub(" ", text))
    tokens = [m.group(1).upper() for m in _CODE.finditer(cleaned)]
    return _unique(t for t in tokens if any(c.isdigit() for c in t))


def find_system(text: str) -> str | None:
    """The code system the question names, if it names one."""
    for system, pattern in _SYSTEM_WORDS:
        if pattern.search(text):
            return system
    return None


def find_setting(text: str) -> str | None:
    """'facility' or 'practitioner' when the question says which."""
    if _FACILITY.search(text):
        return "facility"
    if _PRACTITIONER.search(text):
        return "practitioner"
    return None


def classify(question: str, codes: tuple[str, ...], modifiers: tuple[str, ...]) -> str:
    """The question's kind (one of ``KINDS``)."""
    lowered = question.lower()
    procedures = [c for c in codes if _is_procedure_shape(c)]
    if "claim" in lowered and len(codes) >= 2:
        return "claim"
    for kind, words in _KIND_WORDS[:2]:
        if re.search(words, lowered):
            return kind
    if len(procedures) >= 2 and _PAIR_WORDS.search(question):
        return "pair"
    for kind, words in _KIND_WORDS[2:]:
        if re.search(words, lowered):
            return kind
    if modifiers and ("modifier" in lowered or not codes):
        return "modifier"
    if codes:
        return "define"
    return "glossary" if _DEFINE_WORDS.search(question) else "unknown"


def strip_codes(text: str) -> str:
    """The question without its codes: the words a search or note lookup uses."""
    return " ".join(_CODE.sub(" ", text).split())


def _is_procedure_shape(code: str) -> bool:
    return bool(re.fullmatch(r"[0-9]{4}[0-9FTU]|[A-V][0-9]{4}", code))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
