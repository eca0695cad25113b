"""Read query parameters shared by the pages and the API, naming bad values."""

from __future__ import annotations

from codedesk import SYSTEMS, InputError

#: Other spellings people use for each code system's name.
SYSTEM_ALIASES: dict[str, str] = {
    "icd10": "icd10cm",
    "cm": "icd10cm",
    "pcs": "icd10pcs",
    "hcpcs2": "hcpcs",
    "level2": "hcpcs",
}

MAX_LIMIT = 100

#: The longest query searched: a sentence or two from a note. Longer text
#: costs seconds of ranking for nothing.
MAX_QUERY = 500


def parse_system(text: str | None) -> str | None:
    """A code system name such as ``icd10cm``, or None for any system."""
    if text is None or not text.strip():
        return None
    name = text.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    name = SYSTEM_ALIASES.get(name, name)
    if name not in SYSTEMS:
        raise InputError(
            f"'{text}' is not a code system.",
            hint="Use one of: " + ", ".join(SYSTEMS) + ".",
        )
    return name


def parse_limit(text: str | None, default: int = 20) -> int:
    """How many results to return, from 1 to ``MAX_LIMIT``."""
    if text is None or not text.strip():
        return default
    try:
        limit = int(text)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise limit_error(text)
    return limit


def check_limit(limit: int) -> int:
    """The limit, if it is from 1 to ``MAX_LIMIT``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise limit_error(str(limit))
    return limit


def limit_error(text: str) -> InputError:
    """The error for a limit that is not a whole number in range."""
    return InputError(
        f"'{text}' is not a usable limit.",
        hint=f"Give a whole number from 1 to {MAX_LIMIT}.",
    )


def parse_flag(text: str | None) -> bool:
    """A yes/no query parameter; a checkbox sends ``on``."""
    if text is None:
        return False
    lowered = text.strip().lower()
    if lowered in ("", "0", "false", "no", "off"):
        return False
    if lowered in ("1", "true", "yes", "on"):
        return True
    raise InputError(
        f"'{text}' is not yes or no.", hint="Use true or false (or 1 or 0)."
    )


def check_query(text: str) -> str:
    """The query, stripped, if it is not longer than ``MAX_QUERY``."""
    query = text.strip()
    if len(query) > MAX_QUERY:
        raise InputError(
            f"The query is {len(query)} characters long; the most is {MAX_QUERY}.",
            hint="Search for the words that matter, e.g. the diagnosis.",
        )
    return query
