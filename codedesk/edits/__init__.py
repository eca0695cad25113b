"""The claim checker: NCCI, add-on codes, MUE, code-set conventions, fees."""

from __future__ import annotations

from ..releases import Loader

LOADERS: tuple[Loader, ...] = ()

__all__ = ["LOADERS"]
