"""Run the CLI as ``python -m codedesk``."""

from __future__ import annotations

from .cli import main

main()
