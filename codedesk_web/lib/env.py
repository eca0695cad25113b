"""Typed readers for environment variables that name the bad variable.

A secret may also come from a file: ``NAME_FILE`` holds its path.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    """A string setting, or from the file named by ``NAME_FILE``."""
    file_path = os.environ.get(name + "_FILE")
    if file_path:
        try:
            return Path(file_path).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(
                f"{name}_FILE names '{file_path}', which cannot be read: {error}."
            ) from None
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A yes/no setting: 1, true, yes, on, or 0, false, no, off."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(
        f"{name} is '{value}'; use one of 1, true, yes, on, 0, false, no, off."
    )


def env_int(name: str, default: int) -> int:
    """A whole-number setting."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} is '{value}'; it must be a whole number."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    """A comma-separated list setting."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_limit(name: str, default: int | None) -> int | None:
    """A usage limit: a whole number, or ``unlimited`` for none."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() == "unlimited":
        return None
    number = env_int(name, 0)
    if number < 0:
        raise ImproperlyConfigured(
            f"{name} is '{value}'; use a whole number of 0 or more, or 'unlimited'."
        )
    return number
