"""The roles a signed-in person can hold on the site: coder, employer, consultant.

A role is the ``role`` of the user's accounts profile (coder unless the
person registered as an employer or staff made them a consultant); staff
also count as consultants. Every check goes through ``has_role``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied

from codedesk_web.accounts import roles as accounts_roles
from codedesk_web.accounts.models import Role

CODER = "coder"
EMPLOYER = "employer"
CONSULTANT = "consultant"
ROLES = (CODER, EMPLOYER, CONSULTANT)


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    """Whether a signed-in user holds ``role`` (one of ``ROLES``)."""
    if role not in ROLES:
        raise ValueError(f"Role '{role}' is unknown; use one of {', '.join(ROLES)}.")
    return accounts_roles.has_role(user, Role(role))


def signed_in_id(user: AbstractBaseUser | AnonymousUser) -> int:
    """The primary key of a signed-in user; PermissionDenied for a guest."""
    if not user.is_authenticated or user.pk is None:
        raise PermissionDenied("Sign in first.")
    return int(user.pk)
