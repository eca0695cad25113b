"""Register, confirm, sign in and out, profile, API keys, delete account."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from codedesk_web.lib.clientaddr import client_address
from codedesk_web.lib.metering import usage_summary

from . import throttle
from .apikeys import create_api_key
from .forms import ApiKeyForm, DeleteAccountForm, RegisterForm, SignInForm
from .mail import send_already_registered, send_confirmation
from .models import ApiKey, Profile
from .roles import profile_of
from .tokens import BadLinkError, read_confirmation_token

logger = logging.getLogger(__name__)


def register(request: HttpRequest) -> HttpResponse:
    form = RegisterForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/register.html", {"form": form})

    address = client_address(request)
    wait = throttle.seconds_until_registration(address)
    if wait:
        minutes = max(1, round(wait / 60))
        form.add_error(
            None, f"Too many registrations from here; try again in {minutes} min."
        )
        return render(request, "accounts/register.html", {"form": form}, status=429)

    throttle.record_registration(address)
    email = form.cleaned_data["email"]
    existing = User.objects.filter(username=email).first()
    if existing is not None:
        send_already_registered(request, existing)
    else:
        send_confirmation(request, _create_user(form))
    # The same answer either way, so the form does not tell who has an account.
    return render(request, "accounts/check_email.html", {"email": email})


@transaction.atomic
def _create_user(form: RegisterForm) -> User:
    data = form.cleaned_data
    user = User.objects.create_user(
        username=data["email"], email=data["email"], password=data["password"]
    )
    user.is_active = False
    user.save(update_fields=["is_active"])
    Profile.objects.create(user=user, role=data["role"])
    return user


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = read_confirmation_token(token)
    except BadLinkError as error:
        messages.error(request, f"{error} Register again to get a new one.")
        return redirect("accounts:register")

    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
        profile = profile_of(user)
        profile.email_confirmed_at = timezone.now()
        profile.save(update_fields=["email_confirmed_at"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Your email address is confirmed. Welcome.")
        return redirect("accounts:profile")
    messages.info(request, "This address is already confirmed; please sign in.")
    return redirect("accounts:sign_in")


def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/sign_in.html", {"form": form})

    email = form.cleaned_data["email"]
    address = client_address(request)
    wait = throttle.seconds_until_sign_in(email, address)
    if wait:
        minutes = max(1, round(wait / 60))
        form.add_error(None, f"Too many failed sign-ins; try again in {minutes} min.")
        return render(request, "accounts/sign_in.html", {"form": form}, status=429)

    user = authenticate(request, username=email, password=form.cleaned_data["password"])
    if user is None:
        return _refuse_sign_in(request, form, email, address)
    throttle.clear_sign_in_failures(email)
    login(request, user)
    return redirect(_next_url(request))


def _refuse_sign_in(
    request: HttpRequest, form: SignInForm, email: str, address: str
) -> HttpResponse:
    pending = User.objects.filter(username=email, is_active=False).first()
    if pending is not None and pending.check_password(form.cleaned_data["password"]):
        send_confirmation(request, pending)
        form.add_error(
            None,
            f"Confirm your email address first: we sent a new link to {email}.",
        )
    else:
        throttle.record_sign_in_failure(email, address)
        form.add_error(None, "That email and password do not match an account.")
    return render(request, "accounts/sign_in.html", {"form": form}, status=400)


def _next_url(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else "/"


def admin_sign_in(request: HttpRequest) -> HttpResponse:
    # The admin signs in through our form, so its attempts are rate limited
    # like every other sign-in.
    if request.user.is_authenticated:
        raise PermissionDenied("Your account is not a staff account.")
    target = request.GET.get("next") or "/admin/"
    query = urlencode({"next": target})
    return redirect(f"{reverse('accounts:sign_in')}?{query}")


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("accounts:sign_in")


def _account(request: HttpRequest) -> User:
    # login_required has sent guests away; this narrows the type for mypy.
    if not isinstance(request.user, User):
        raise PermissionDenied("Sign in to open your account.")
    return request.user


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    context = {
        "profile": profile_of(user),
        "keys": user.api_keys.order_by("-created_at"),
        "key_form": ApiKeyForm(),
        "usage": usage_summary(request),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def create_key(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    form = ApiKeyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the key a label of at most 60 characters.")
        return redirect("accounts:profile")
    record, key = create_api_key(user, form.cleaned_data["label"])
    return render(request, "accounts/new_key.html", {"record": record, "key": key})


@login_required
@require_POST
def revoke_key(request: HttpRequest, key_id: int) -> HttpResponse:
    record = get_object_or_404(ApiKey, pk=key_id, user=request.user)
    record.delete()
    messages.success(request, f"The key {record.prefix}… no longer works.")
    return redirect("accounts:profile")


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    user = _account(request)
    form = DeleteAccountForm(user, request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "accounts/delete.html", {"form": form})

    user_id = user.pk
    with transaction.atomic():
        user.delete()
    logout(request)
    logger.info("deleted account %s and its data", user_id)
    messages.success(request, "Your account and everything in it are deleted.")
    return redirect("/")
