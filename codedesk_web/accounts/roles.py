"""Roles and plans as other apps ask about them.

Other apps use ``require_role`` on views that only one role may open (the
job board's posting views need an employer), and ``profile_of`` to read a
user's role and plan.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import Plan, Profile, Role

ViewFunc = TypeVar("ViewFunc", bound=Callable[..., HttpResponse])


def profile_of(user: User) -> Profile:
    """The user's profile, made on first use (e.g. for a ``createsuperuser``)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _created = Profile.objects.get_or_create(user=user)
        return profile


def has_role(user: AbstractBaseUser | AnonymousUser, role: Role) -> bool:
    """Whether a signed-in user has the role; staff count as consultants."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    if role == Role.CONSULTANT and user.is_staff:
        return True
    return profile_of(user).role == role


def has_paid_plan(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether a signed-in user reads without limits (paid plan or staff)."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    return user.is_staff or profile_of(user).plan == Plan.PAID


def require_role(*roles: Role) -> Callable[[ViewFunc], ViewFunc]:
    """Let a view open only for signed-in users with one of the roles.

    Guests go to the sign-in page; signed-in users without the role get 403.
    """

    def decorate(view: ViewFunc) -> ViewFunc:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not any(has_role(request.user, role) for role in roles):
                names = " or ".join(role.label.lower() for role in roles)
                raise PermissionDenied(f"This page is for {names} accounts only.")
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
