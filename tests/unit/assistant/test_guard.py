"""The guard: codes not valid on the date of service never reach the answer.

Values from the CDC April 2026 Tabular List extract in the tiny database:
E78.00 is a billable code and E78.0 a header; the April 2026 code list
(``icd10cm/code-list-April-2026.txt``) has E7800, E7801 and no E7802.
"""

from __future__ import annotations

import datetime as dt

from codedesk import Desk
from codedesk.assistant import Guard, GuardedStream, ToolContext
from codedesk.assistant._guard import REMOVED

DAY = dt.date(2026, 5, 1)


def test_it_removes_an_invented_code_and_keeps_real_ones(tiny_desk: Desk) -> None:
    guard = Guard(ToolContext(tiny_desk, DAY))

    report = guard.report(
        "Use E78.00, or E78.02 for the familial type; E78.0 is a header."
    )

    assert (
        report.text
        == f"Use E78.00, or {REMOVED} for the familial type; E78.0 is a header."
    )
    assert report.flags == ["Removed E78.02: it is not a code in the code database."]
    assert [c.code for c in report.codes] == ["E78.00", "E78.0"]


def test_it_keeps_a_code_the_user_typed_even_when_it_is_not_valid(
    tiny_desk: Desk,
) -> None:
    guard = Guard(ToolContext(tiny_desk, DAY, question_codes=("E78.02",)))

    assert guard.check("E78.02 is not a code.") == "E78.02 is not a code."


def test_it_leaves_money_dates_and_modifiers_alone(tiny_desk: Desk) -> None:
    guard = Guard(ToolContext(tiny_desk, DAY))
    text = "On 2026-05-01 modifier 25 pays $88.95 at 32.3465 per RVU (RVU25D)."

    assert guard.check(text) == text
    assert guard.flags == []


def test_a_code_split_across_streamed_chunks_is_still_checked(tiny_desk: Desk) -> None:
    stream = GuardedStream(Guard(ToolContext(tiny_desk, DAY)))

    shown = [stream.feed("Try E7"), stream.feed("8.02 or E78"), stream.feed(".00.")]
    shown.append(stream.close())

    assert "".join(shown) == f"Try {REMOVED} or E78.00."
    assert shown[0] == "Try "
