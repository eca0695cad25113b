"""The coding assistant: questions answered with the desk's own tools."""

from __future__ import annotations

__all__: list[str] = []
