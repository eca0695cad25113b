"""Make header values from received mail safe to store and to reply with.

A received header can carry CR or LF once decoded (RFC 2047 encoded words
may encode them), and a Message-ID is whatever the sender wrote. Everything
that goes back into an outgoing header passes through here first, so a
question cannot add headers to its reply.
"""

from __future__ import annotations

import re

SUBJECT_MAX = 200
REFERENCES_MAX = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_SPACES = re.compile(r"\s+")
# RFC 5322 section 3.6.4: msg-id is "<" id-left "@" id-right ">"; we accept
# only the printable, unquoted forms.
_ID_PART = r"[\x21-\x3b\x3d\x3f\x41-\x7e]{1,120}"
_MESSAGE_ID = re.compile(rf"<{_ID_PART}@{_ID_PART}>")
_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)


def single_line(value: str, limit: int = SUBJECT_MAX) -> str:
    """``value`` with every control character and line break turned into a space."""
    flat = _SPACES.sub(" ", _CONTROL.sub(" ", value)).strip()
    return flat[:limit]


def clean_message_id(value: str | None) -> str:
    """A well-formed Message-ID taken from ``value``, or '' if there is none."""
    if not value:
        return ""
    candidate = value.strip()
    return candidate if _MESSAGE_ID.fullmatch(candidate) else ""


def clean_references(value: str | None) -> list[str]:
    """The well-formed Message-IDs in a References header, at most the last 20."""
    found = [item for item in (value or "").split() if clean_message_id(item)]
    return found[-REFERENCES_MAX:]


def clean_address(value: str | None) -> str:
    """A plain mailbox address (local@domain), or '' if ``value`` is not one."""
    candidate = (value or "").strip()
    return candidate if _ADDRESS.fullmatch(candidate) else ""


def reply_subject(subject: str) -> str:
    """The subject of a reply: 'Re: ' once, on a single line."""
    flat = single_line(subject) or "Your question"
    return flat if flat.lower().startswith("re:") else f"Re: {flat}"
