"""Signed links that confirm an email address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing

_SALT = "codedesk.accounts.confirm-email"


class BadLinkError(Exception):
    """A confirmation link that is forged, altered, expired or used up."""


def make_confirmation_token(user: User) -> str:
    """A token naming the user and the email it confirms."""
    return signing.dumps({"user": user.pk, "email": user.email}, salt=_SALT)


def read_confirmation_token(token: str) -> User:
    """The user a token confirms.

    Raises:
        BadLinkError: the token is not ours, has expired, or names an email
            the account no longer has.
    """
    max_age: int = settings.EMAIL_CONFIRMATION_MAX_AGE
    try:
        data = signing.loads(token, salt=_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise BadLinkError("This confirmation link has expired.") from None
    except signing.BadSignature:
        raise BadLinkError("This confirmation link is not valid.") from None
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None:
        raise BadLinkError("This confirmation link is for an account that is gone.")
    return user
