from __future__ import annotations

import subprocess
import sys

import codedesk


def test_public_names_are_sorted_and_exported() -> None:
    names = codedesk.__all__

    assert names == sorted(names)
    assert all(hasattr(codedesk, name) for name in names)


def test_the_library_does_not_import_django() -> None:
    probe = (
        "import sys, pkgutil, importlib, codedesk\n"
        "for m in pkgutil.walk_packages(codedesk.__path__, 'codedesk.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print('django' in sys.modules)\n"
    )

    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )

    assert out.stdout.strip() == "False"
