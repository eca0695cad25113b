"""Run the assistant's evaluation set and print the pass rate.

Usage: ``python -m eval.run [--db PATH] [--only ID] [--verbose]``.

Each line of ``eval/questions.jsonl`` is a question with the facts a right
answer must contain (``must``: text that must appear), the codes it must not
name (``must_not``), whether the data can answer it (``known``), and the
release file and row each expected fact comes from (``source``). Answers are
for ``date`` (default 2026-05-01, inside the April 2026 ICD-10-CM release).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from codedesk import Desk
from codedesk.assistant import Answer, answer

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
DEFAULT_DATE = dt.date(2026, 5, 1)


@dataclass(frozen=True)
class Case:
    """One evaluation question and what its answer must (not) contain."""

    id: str
    question: str
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    known: bool | None
    date: dt.date
    source: str


def load_cases(path: Path = QUESTIONS) -> list[Case]:
    """The cases of the evaluation file."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(
                Case(
                    id=row["id"],
                    question=row["question"],
                    must=tuple(row.get("must", ())),
                    must_not=tuple(row.get("must_not", ())),
                    known=row.get("known"),
                    date=dt.date.fromisoformat(
                        row.get("date", DEFAULT_DATE.isoformat())
                    ),
                    source=row["source"],
                )
            )
    return cases


def problems(case: Case, result: Answer) -> list[str]:
    """Why an answer fails its case (empty when it passes).

    The answer is its text and its numbered sources, as the CLI prints them.
    """
    text = "\n".join([result.text, *(s.label() for s in result.sources)]).lower()
    found = [f"missing '{m}'" for m in case.must if m.lower() not in text]
    for code in case.must_not:
        if re.search(rf"(?<![\w.]){re.escape(code)}(?![\w])", result.text):
            found.append(f"names {code}")
    if case.known is not None and result.known != case.known:
        found.append(f"known is {result.known}, expected {case.known}")
    return found


def main(argv: list[str] | None = None) -> int:
    """Answer every case and print failures, the pass rate and timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="code database")
    parser.add_argument("--only", default=None, help="run one case by id")
    parser.add_argument("--verbose", action="store_true", help="print answers")
    args = parser.parse_args(argv)
    desk = Desk(args.db)
    cases = [c for c in load_cases() if args.only in (None, c.id)]

    passed, times = 0, []
    for case in cases:
        started = time.perf_counter()
        result = answer(desk, case.question, date=case.date)
        times.append((time.perf_counter() - started) * 1000)
        failed = problems(case, result)
        passed += not failed
        if failed or args.verbose:
            print(f"{'FAIL' if failed else 'ok  '} {case.id}: {'; '.join(failed)}")
        if args.verbose:
            print(result.text, end="\n\n")

    rate = 100 * passed / len(cases) if cases else 0.0
    print(f"{passed}/{len(cases)} passed ({rate:.1f} %)")
    print(
        f"answer time: median {statistics.median(times):.1f} ms,"
        f" p95 {sorted(times)[int(0.95 * (len(times) - 1))]:.1f} ms,"
        f" max {max(times):.1f} ms"
    )
    return 0 if rate >= 90 else 1


if __name__ == "__main__":
    sys.exit(main())
