"""Who a person is on the site: profile (role and plan), API keys, usage."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    """What a person does on the site."""

    CODER = "coder", "Coder"
    EMPLOYER = "employer", "Employer"
    CONSULTANT = "consultant", "Consultant"


class Plan(models.TextChoices):
    """What a person may read; staff set it in the admin (no payments)."""

    FREE = "free", "Free"
    PAID = "paid", "Paid"


class Profile(models.Model):
    """The site's facts about one user: role, plan, email confirmation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CODER)
    plan = models.CharField(max_length=8, choices=Plan.choices, default=Plan.FREE)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} ({self.role}, {self.plan})"


class ApiKey(models.Model):
    """A key for the JSON API; only its prefix and SHA-256 digest are stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys"
    )
    label = models.CharField(max_length=60)
    prefix = models.CharField(max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.label})"


class Usage(models.Model):
    """Units one subject used of one meter on one day.

    A subject is ``user:<id>``, ``guest:<token>`` (the signed cookie) or
    ``addr:<digest>`` (a keyed digest of the client address, never the
    address itself). For meters counted per distinct item (code pages) each
    row is one item; for meters counted per call ``item`` is empty and
    ``hits`` grows.
    """

    subject = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="usage",
    )
    meter = models.CharField(max_length=16)
    item = models.CharField(max_length=64, blank=True)
    day = models.DateField()
    hits = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "meter", "day", "item"], name="usage_once_a_day"
            )
        ]
        indexes = [models.Index(fields=["subject", "meter", "day"])]
        verbose_name_plural = "usage"

    def __str__(self) -> str:
        return f"{self.subject} {self.meter} {self.item} {self.day}"


class SignInFailure(models.Model):
    """One failed sign-in, kept while it counts toward a rate limit."""

    key = models.CharField(max_length=120, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key} at {self.at:%Y-%m-%d %H:%M:%S}"
