"""docs/environment.md lists every variable the site reads (issue #5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
READERS = ["codedesk_web/settings.py", "codedesk_web/gunicorn_conf.py"]
READ = re.compile(
    r'(?:env_(?:str|bool|int|list|limit)|os\.environ\.get)\(\s*"([A-Z_]+)"'
)


def variables_read() -> list[str]:
    found: set[str] = set()
    for name in READERS:
        found |= set(READ.findall((ROOT / name).read_text()))
    return sorted(found)


def documented() -> set[str]:
    text = (ROOT / "docs" / "environment.md").read_text()
    return set(re.findall(r"^### ([A-Z_]+)$", text, re.M))


@pytest.mark.parametrize("variable", variables_read())
def test_every_variable_is_documented(variable: str) -> None:
    assert variable in documented()


def test_the_checks_link_to_documented_variables() -> None:
    checks = (ROOT / "codedesk_web" / "lib" / "checks.py").read_text()

    linked = set(re.findall(r"_docs\(['\"]([A-Z_]+)['\"]\)", checks))

    assert linked
    assert linked <= documented()
