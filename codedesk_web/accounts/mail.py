"""The emails accounts send: confirmation links and notices."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse

from .tokens import make_confirmation_token

logger = logging.getLogger(__name__)


def _send(request: HttpRequest, user: User, template: str, link: str) -> None:
    context = {"link": link, "site_name": settings.SITE_NAME, "user": user}
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context)
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    logger.info("sent %s mail to user %s", template, user.pk)


def send_confirmation(request: HttpRequest, user: User) -> None:
    """Mail the user a signed link that confirms their address."""
    path = reverse("accounts:confirm", args=[make_confirmation_token(user)])
    _send(request, user, "confirm", request.build_absolute_uri(path))


def send_already_registered(request: HttpRequest, user: User) -> None:
    """Tell an account's owner someone tried to register their address again."""
    path = reverse("accounts:password_reset")
    _send(request, user, "already_registered", request.build_absolute_uri(path))
