"""The code systems and the build steps that load them.

Each code system is a subpackage with the same parts (see CONTRIBUTING):
``normalize`` turns what people type into the canonical code or raises
``MalformedCodeError``; ``looks_like`` says whether text has the system's
shape; ``LOADERS`` lists its build steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .releases import Loader


@dataclass(frozen=True)
class CodeSystem:
    """How one code system reads, checks and loads its codes."""

    name: str
    label: str
    normalize: Callable[[str], str]
    looks_like: Callable[[str], bool]
    loaders: tuple[Loader, ...]


def code_systems() -> dict[str, CodeSystem]:
    """Every code system, keyed by name, in lookup order."""
    from . import cpt, hcpcs, icd10cm, icd10pcs

    systems = (icd10cm.SYSTEM, icd10pcs.SYSTEM, hcpcs.SYSTEM, cpt.SYSTEM)
    return {system.name: system for system in systems}


def all_loaders() -> list[Loader]:
    """Every build step of every system, then the cross-system ones."""
    from ._tree import TREE_LOADER
    from .edits import LOADERS as EDIT_LOADERS
    from .search import LOADERS as SEARCH_LOADERS

    loaders: list[Loader] = []
    for system in code_systems().values():
        loaders.extend(system.loaders)
    loaders.append(TREE_LOADER)
    loaders.extend(EDIT_LOADERS)
    loaders.extend(SEARCH_LOADERS)
    return loaders
