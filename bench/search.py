"""Time search in process on a built code database.

Reads the database named by ``CODEDESK_DB`` (default ``var/codes.sqlite3``).
Each query class is run ``ROUNDS`` times after one warm-up pass; the report
gives the median, p95 and p99 latency per class, the slowest queries, and
batch throughput (queries per second through ``Desk.search`` in a loop, as
``codedesk search --batch`` runs them). Target (issue #2): p95 under 20 ms
for 1-3 word queries and for prefixes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from codedesk import Desk

ROUNDS = 5

WORDS = [
    "heart attack",
    "chf",
    "acute mi",
    "diabetes",
    "type 2 diabetes",
    "htn",
    "copd exacerbation",
    "uti",
    "pneumonia",
    "fracture",
    "fracture of femur",
    "hip fracture",
    "low back pain",
    "chest pain",
    "shortness of breath",
    "asthma",
    "depression",
    "anxiety",
    "afib",
    "ckd stage 3",
    "gerd",
    "obesity",
    "headache",
    "migraine",
    "stroke",
    "sepsis",
    "covid",
    "breast cancer",
    "lung cancer",
    "dog bite",
    "acetaminophen poisoning",
    "pressure ulcer",
    "cellulitis leg",
    "knee pain",
    "sprain ankle",
    "unspecified",
    "left",
    "encounter",
    "wheelchair",
    "insulin",
    "colonoscopy",
    "appendectomy",
    "bypass coronary artery",
    "glucose monitor",
    "ambulance",
    "diabetis",
    "pnemonia",
    "hypertenshun",
    "astma",
    "fractur",
]

PREFIXES = [
    "k922",
    "K92.2",
    "I21",
    "I21.",
    "S72.0",
    "S72",
    "E11.6",
    "J45",
    "M54.5",
    "T39.1",
    "Z00",
    "O0",
    "C50.9",
    "0DT",
    "02H",
    "J33",
    "E0",
    "A04",
    "G0",
    "993",
]

SENTENCES = [
    "patient presents with acute chest pain and shortness of breath",
    "type 2 diabetic with chronic kidney disease stage 3 and hypertension",
    "fell from ladder and broke left wrist, initial encounter",
    "history of breast cancer, now with bone metastases",
]


def time_queries(
    desk: Desk, queries: list[str]
) -> tuple[list[tuple[float, str]], list[float]]:
    """Wall and CPU milliseconds for each run of each query, after a warm-up.

    CPU time is reported beside wall time because on a shared machine the
    wall time also counts the time other processes held the cores.
    """
    for query in queries:
        desk.search(query)
    timings = []
    cpu = []
    for _ in range(ROUNDS):
        for query in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            desk.search(query)
            timings.append(((time.perf_counter() - started) * 1000, query))
            cpu.append((time.process_time() - started_cpu) * 1000)
    return timings, cpu


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, measured: tuple[list[tuple[float, str]], list[float]]) -> None:
    """Print the latency figures of one class of queries."""
    timings, cpu = measured
    values = [ms for ms, _ in timings]
    slowest = sorted(set(timings), reverse=True)[:3]
    for label, figures in (("wall", values), ("cpu", cpu)):
        print(
            f"{name:10} {label:4} n={len(figures):4}"
            f"  median {statistics.median(figures):6.2f} ms"
            f"  p95 {percentile(figures, 0.95):6.2f} ms"
            f"  p99 {percentile(figures, 0.99):6.2f} ms"
        )
    print("           slowest: " + ", ".join(f"{q!r} {ms:.1f} ms" for ms, q in slowest))


def batch_throughput(desk: Desk, queries: list[str]) -> float:
    """Queries per second answered one after another."""
    started = time.perf_counter()
    for query in queries:
        desk.search(query)
    return len(queries) / (time.perf_counter() - started)


def main() -> int:
    """Run every class and print the figures."""
    desk = Desk()
    print(f"database: {desk.path}; load average: {os.getloadavg()[0]:.1f}")
    started = time.perf_counter()
    desk.search("warm up")
    print(f"first query (cold): {(time.perf_counter() - started) * 1000:.1f} ms")
    report("words", time_queries(desk, WORDS))
    report("prefixes", time_queries(desk, PREFIXES))
    report("sentences", time_queries(desk, SENTENCES))
    batch = (WORDS + PREFIXES) * 5
    print(f"batch: {batch_throughput(desk, batch):.0f} queries/s over {len(batch)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
