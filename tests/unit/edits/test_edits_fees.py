"""Fees from the RVU25D row of 93990 and Addendum E, by the CMS formula.

pprrvu 2025 Oct, 93990 (no modifier): work 0.50, non-facility PE 3.74,
facility NA, MP 0.10, CF 32.3465. GPCI2025.csv, 01112 CA 54 BAKERSFIELD:
work 1.017, PE 1.093, MP 0.662. OPPSCAP_Oct2025.csv, 93990 at 01112/54:
137.73 non-facility.
"""

from __future__ import annotations

import sqlite3

import pytest

from codedesk import InputError
from codedesk.edits import compute_fee


def test_the_national_amount_is_the_rvu_sum_times_the_cf(
    edits_conn: sqlite3.Connection,
) -> None:
    fee = compute_fee(edits_conn, "93990", facility=False)

    # (0.50 + 3.74 + 0.10) x 32.3465 = 4.34 x 32.3465 = 140.38381 -> 140.38
    assert fee is not None
    assert fee.amount == 140.38


def test_a_locality_amount_weights_each_rvu_by_its_gpci_and_the_opps_cap_applies(
    edits_conn: sqlite3.Connection,
) -> None:
    fee = compute_fee(edits_conn, "93990", facility=False, locality="01112-54")

    # 0.50 x 1.017 + 3.74 x 1.093 + 0.10 x 0.662 = 0.5085 + 4.08782 + 0.0662
    # = 4.66252; x 32.3465 = 150.8157 -> 150.82, above the OPPS cap 137.73.
    assert fee is not None
    assert fee.arithmetic == (
        "(0.50 × 1.017 + 3.74 × 1.093 + 0.10 × 0.662) × 32.3465 = 150.82;"
        " OPPS cap 137.73 applies"
    )
    assert fee.amount == 137.73


def test_a_setting_marked_na_has_no_amount(edits_conn: sqlite3.Connection) -> None:
    assert compute_fee(edits_conn, "93990", facility=True) is None


def test_an_unknown_locality_is_named(edits_conn: sqlite3.Connection) -> None:
    with pytest.raises(InputError) as caught:
        compute_fee(edits_conn, "93990", facility=False, locality="01112-99")

    assert str(caught.value) == "Locality 01112-99 is not in the GPCI table."
