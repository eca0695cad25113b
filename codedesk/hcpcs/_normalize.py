"""Turn what people type into the canonical HCPCS Level II code."""

from __future__ import annotations

from .._errors import MalformedCodeError


def normalize(text: str) -> str:
    """The canonical form of a HCPCS Level II code, or MalformedCodeError."""
    cleaned = text.strip().upper()
    if not cleaned:
        raise MalformedCodeError("An empty code was given.", code=text, system="hcpcs")
    return cleaned


def looks_like(text: str) -> bool:
    """Whether the text has the shape of a HCPCS Level II code."""
    return False
