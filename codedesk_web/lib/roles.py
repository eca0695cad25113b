"""The roles a signed-in person can hold on the site: coder, employer, consultant.

A role is a Django group of the same name; staff also count as consultants.
The accounts app will own role assignment (#5); every check goes through
``has_role`` so the switch touches one module.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied

CODER = "coder"
EMPLOYER = "employer"
CONSULTANT = "consultant"
ROLES = (CODER, EMPLOYER, CONSULTANT)


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    """Whether a signed-in user holds ``role`` (one of ``ROLES``)."""
    if role not in ROLES:
        raise ValueError(f"Role '{role}' is unknown; use one of {', '.join(ROLES)}.")
    if not user.is_authenticated:
        return False
    if role == CONSULTANT and getattr(user, "is_staff", False):
        return True
    groups = getattr(user, "groups", None)
    return groups is not None and bool(groups.filter(name=role).exists())


def signed_in_id(user: AbstractBaseUser | AnonymousUser) -> int:
    """The primary key of a signed-in user; PermissionDenied for a guest."""
    if not user.is_authenticated or user.pk is None:
        raise PermissionDenied("Sign in first.")
    return int(user.pk)
