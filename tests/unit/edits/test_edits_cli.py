"""``codedesk check``, ``codedesk edits`` and ``codedesk data import-edits``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from codedesk.cli import main

from .conftest import CMS

CLAIM = {
    "date_of_service": "2026-01-15",
    "setting": "facility",
    "lines": [{"code": "29881"}, {"code": "29877", "modifiers": ["59"]}],
    "diagnoses": ["F02.80", "G30.9"],
}


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_check_prints_each_finding_with_its_source(
    edits_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "claim.json"
    path.write_text(json.dumps(CLAIM))

    code, out, _ = run("check", str(path), "--db", str(edits_db))

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Claim for 2026-01-15 (facility): 2 lines, 2 diagnoses"
    assert lines[1] == "DENY   manifestation_first dx 1,2"
    assert "DENY   ncci_ptp            lines 1,2" in lines
    assert any("column1=29881, column2=29877" in line for line in lines)
    assert lines[-1] == "2 deny, 0 review, 1 info"


def test_check_json_reads_stdin(edits_db: Path) -> None:
    code, out, _ = run(
        "check", "-", "--json", "--db", str(edits_db), stdin=json.dumps(CLAIM)
    )

    report = json.loads(out)
    assert code == 0
    assert report["denied_lines"] == [2]
    assert report["summary"] == {"deny": 2, "review": 0, "info": 1}
    ptp = [f for f in report["findings"] if f["rule"] == "ncci_ptp"][0]
    assert ptp["source"]["modifier_indicator"] == 0


def test_check_batch_prints_one_report_per_line(edits_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    bad = {"date_of_service": "2026-13-01", "lines": ["27447"]}
    path.write_text(json.dumps(CLAIM) + "\n" + json.dumps(bad) + "\n")

    code, out, _ = run("check", "--batch", str(path), "--db", str(edits_db))

    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 0
    assert first["denied_lines"] == [2]
    assert second == {
        "line": 2,
        "error": "'date_of_service' is '2026-13-01', not a date.",
    }


def test_check_names_a_bad_claim_without_a_traceback(edits_db: Path) -> None:
    claim = {"date_of_service": "2026-01-15", "lines": [{"code": ["29881"]}]}

    code, _, err = run("check", "-", "--db", str(edits_db), stdin=json.dumps(claim))

    assert code == 1
    assert err == (
        'Error: Line 1: ["29881"] is not a code.\n\n'
        'Give each code as text, such as "E11.42" or "99213".\n'
    )


def test_edits_answers_a_pair_both_ways_round(edits_db: Path) -> None:
    code, out, _ = run(
        "edits",
        "29877",
        "29881",
        "--date",
        "2026-01-15",
        "--setting",
        "facility",
        "--db",
        str(edits_db),
    )

    assert code == 0
    assert out.splitlines()[1].startswith(
        "column 1 29881, column 2 29877: modifier indicator 0 (no modifier allowed);"
        " in effect 2019-07-01 to now"
    )


def test_edits_lists_a_pair_that_is_in_effect_only_on_other_dates(
    edits_db: Path,
) -> None:
    code, out, _ = run(
        "edits",
        "99213",
        "G0444",
        "--date",
        "2020-05-01",
        "--setting",
        "facility",
        "--json",
        "--db",
        str(edits_db),
    )

    answer = json.loads(out)
    assert answer["ptp"] == []
    assert [
        (e["effective_from"], e["effective_to"]) for e in answer["other_dates"]
    ] == [
        ("2019-07-01", "2019-12-31"),
        ("2020-10-01", None),
    ]


def test_edits_rejects_an_unknown_setting(edits_db: Path) -> None:
    code, _, err = run(
        "edits", "29877", "29881", "--setting", "ward", "--db", str(edits_db)
    )

    assert code == 1
    assert err.startswith("Error: 'ward' is not a claim setting.")


def test_import_edits_loads_a_cms_file(db_copy: Path) -> None:
    code, out, _ = run(
        "data", "import-edits", "aoc", str(CMS / "aoc_sample.txt"), "--db", str(db_copy)
    )

    assert code == 0
    assert out == "Imported 3 rows of NCCI add-on code edits from aoc_sample.txt.\n"


def test_import_edits_refuses_a_file_in_another_layout(db_copy: Path) -> None:
    code, _, err = run(
        "data",
        "import-edits",
        "mue-dme",
        str(CMS / "aoc_sample.txt"),
        "--db",
        str(db_copy),
    )

    assert code == 1
    assert err.startswith(
        "Error: MUE row for 11045 has value '20190701' and indicator '*';"
        " expected a number and an indicator 1, 2 or 3."
    )


def test_check_batch_answers_a_non_utf8_line_and_goes_on(
    edits_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "claims.jsonl"
    good = json.dumps(CLAIM).encode()
    bad = b'{"date_of_service": "2026-01-15", "lines": ["abc\xe9"]}'
    path.write_bytes(good + b"\n" + bad + b"\n" + good + b"\n")

    code, out, _ = run("check", "--batch", str(path), "--db", str(edits_db))

    first, second, third = (json.loads(line) for line in out.splitlines())
    assert code == 0
    assert first["denied_lines"] == [2]
    assert second == {
        "line": 2,
        "error": "The line is not UTF-8 text (byte 49 is 0xe9);"
        " save the file as UTF-8.",
    }
    assert third["denied_lines"] == [2]


def test_check_names_a_non_utf8_claim_file_without_a_traceback(
    edits_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "claim.json"
    path.write_bytes(b'{"lines": ["abc\xe9"]}')

    code, _, err = run("check", str(path), "--db", str(edits_db))

    assert code == 1
    assert err == (
        f"Error: {path} is not UTF-8 text (byte 16 is 0xe9).\n\n"
        "Save it as UTF-8 and try again.\n"
    )


def test_check_names_binary_stdin_without_a_traceback(edits_db: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", "-", "--db", str(edits_db)], input=b"\xff\xfe\x00"
    )

    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: standard input is not UTF-8 text (byte 1 is 0xff)."
    )


def test_check_names_an_empty_claim_file(edits_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "claim.json"
    path.write_text("")

    code, _, err = run("check", str(path), "--db", str(edits_db))

    assert code == 1
    assert (
        err == f"Error: {path} is empty.\n\nSee docs/claims.md for the claim layout.\n"
    )


def test_check_names_a_folder_given_as_the_claim_file(
    edits_db: Path, tmp_path: Path
) -> None:
    for args in ([str(tmp_path)], ["--batch", str(tmp_path)]):
        code, _, err = run("check", *args, "--db", str(edits_db))

        assert code == 1
        assert err.startswith(f"Error: {tmp_path} is a folder, not a claim file.")


def test_check_names_a_missing_batch_file(edits_db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"

    code, _, err = run("check", "--batch", str(missing), "--db", str(edits_db))

    assert code == 1
    assert err.startswith(f"Error: No claim file at {missing}.")


def test_check_summary_says_one_line_and_one_diagnosis(
    edits_db: Path, tmp_path: Path
) -> None:
    claim = {
        "date_of_service": "2026-01-15",
        "lines": ["29881"],
        "diagnoses": ["G30.9"],
    }
    path = tmp_path / "claim.json"
    path.write_text(json.dumps(claim))

    code, out, _ = run("check", str(path), "--db", str(edits_db))

    assert (
        out.splitlines()[0]
        == "Claim for 2026-01-15 (practitioner): 1 line, 1 diagnosis"
    )


def test_edits_says_a_code_that_is_not_a_procedure_code_is_not_one(
    edits_db: Path,
) -> None:
    code, _, err = run("edits", "abc", "def", "--db", str(edits_db))

    assert code == 1
    assert err == (
        "Error: 'ABC' is not a CPT or HCPCS code.\n\n"
        "CPT and HCPCS codes have five characters, such as 29881 or G0105.\n"
    )


def test_edits_says_a_diagnosis_code_cannot_be_in_a_ptp_pair(edits_db: Path) -> None:
    code, _, err = run("edits", "E11.9", "I10", "--db", str(edits_db))

    assert code == 1
    assert err.startswith(
        "Error: E11.9 is an ICD-10-CM diagnosis code;"
        " PTP edits pair procedure codes (CPT/HCPCS).\n"
    )
