"""Turn what people type into the canonical ICD-10-CM code."""

from __future__ import annotations

from .._errors import MalformedCodeError


def normalize(text: str) -> str:
    """The canonical form of a ICD-10-CM code, or MalformedCodeError."""
    cleaned = text.strip().upper()
    if not cleaned:
        raise MalformedCodeError(
            "An empty code was given.", code=text, system="icd10cm"
        )
    return cleaned


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a ICD-10-CM code."""
    return False
