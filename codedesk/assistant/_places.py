"""US states and territories as Medicare payment localities name them."""

from __future__ import annotations

import re

#: Two-letter postal abbreviation for each state, DC and territory CMS prices.
STATES: dict[str, str] = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR",
    "california": "CA", "colorado": "CO", "connecticut": "CT", "delaware": "DE",
    "district of columbia": "DC", "washington dc": "DC", "florida": "FL",
    "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY",
    "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA",
    "michigan": "MI", "minnesota": "MN", "mississippi": "MS", "missouri": "MO",
    "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
    "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
    "oregon": "OR", "pennsylvania": "PA", "rhode island": "RI",
    "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
    "washington": "WA", "west virginia": "WV", "wisconsin": "WI",
    "wyoming": "WY", "puerto rico": "PR", "virgin islands": "VI",
    "guam": "GU", "american samoa": "AS", "northern mariana islands": "MP",
}  # fmt: skip

#: Abbreviations that are also common words or coding terms ("IN", "OR",
#: "PA" for physician assistant, "MA" for Medicare Advantage): only the full
#: state name counts for these.
_AMBIGUOUS = frozenset({"IN", "OR", "ME", "OK", "HI", "PA", "MA", "DE", "AS", "GA"})
_ABBREVIATIONS = frozenset(STATES.values()) - _AMBIGUOUS


def find_state(text: str) -> str | None:
    """The state the text names, as its postal abbreviation.

    Full names match in any case, longest first ("west virginia" before
    "virginia"); abbreviations match only in capitals and only when they
    cannot be read as another word.
    """
    lowered = " " + re.sub(r"[^a-z ]", " ", text.lower()) + " "
    for name in sorted(STATES, key=len, reverse=True):
        if f" {name} " in lowered:
            return str(STATES[name])
    for match in re.finditer(r"\b[A-Z]{2}\b", text):
        if match.group(0) in _ABBREVIATIONS:
            return match.group(0)
    return None
