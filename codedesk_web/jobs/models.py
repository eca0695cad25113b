"""Job posts and the applications coders send to them."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

CREDENTIALS = ("CPC", "CCS", "COC", "CRC", "RHIT", "RHIA")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    CONTRACT = "contract", "Contract"
    PER_DIEM = "per_diem", "Per diem"


class Specialty(models.TextChoices):
    INPATIENT = "inpatient", "Inpatient facility"
    OUTPATIENT = "outpatient", "Outpatient facility"
    PROFESSIONAL = "professional", "Professional fee"
    RISK_ADJUSTMENT = "risk_adjustment", "Risk adjustment"
    EMERGENCY = "emergency", "Emergency department"
    SURGERY = "surgery", "Surgery"
    RADIOLOGY = "radiology", "Radiology"
    AUDIT = "audit", "Auditing and CDI"
    OTHER = "other", "Other"


class PayPeriod(models.TextChoices):
    HOUR = "hour", "per hour"
    YEAR = "year", "per year"


class JobQuerySet(models.QuerySet["JobPost"]):
    """Queries for posts."""

    def open_on(self, day: dt.date) -> JobQuerySet:
        """Posts that staff have not hidden and that close on or after ``day``."""
        return self.filter(hidden=False, closing_date__gte=day)

    def with_credential(self, credential: str) -> JobQuerySet:
        """Posts that ask for ``credential`` (one of ``CREDENTIALS``)."""
        return self.filter(credentials__regex=rf"(^|,){credential}(,|$)")


class JobPost(models.Model):
    """A coding job an employer posted; it closes at the end of ``closing_date``."""

    poster = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="job_posts"
    )
    title = models.CharField(max_length=120)
    employer = models.CharField(max_length=120)
    location = models.CharField(max_length=120, blank=True)
    remote = models.BooleanField(default=False)
    employment_type = models.CharField(max_length=16, choices=EmploymentType)
    credentials = models.CharField(
        max_length=64, blank=True, help_text="Comma-separated, e.g. CPC,CCS."
    )
    specialty = models.CharField(max_length=24, choices=Specialty)
    pay_min = models.PositiveIntegerField(null=True, blank=True)
    pay_max = models.PositiveIntegerField(null=True, blank=True)
    pay_period = models.CharField(
        max_length=8, choices=PayPeriod, default=PayPeriod.YEAR
    )
    description = models.TextField(max_length=10_000)
    how_to_apply = models.TextField(max_length=2_000, blank=True)
    closing_date = models.DateField()
    hidden = models.BooleanField(
        default=False, help_text="Hidden by staff: not listed and not open."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pay_min__isnull=True)
                | Q(pay_max__isnull=True)
                | Q(pay_min__lte=models.F("pay_max")),
                name="jobs_pay_min_not_above_max",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer})"

    @property
    def credential_list(self) -> list[str]:
        """The credentials wanted, in the order of ``CREDENTIALS``."""
        wanted = set(self.credentials.split(","))
        return [code for code in CREDENTIALS if code in wanted]

    def is_open(self, today: dt.date | None = None) -> bool:
        """Whether coders can still apply."""
        day = today or timezone.localdate()
        return not self.hidden and self.closing_date >= day


def open_posts() -> JobQuerySet:
    """Posts open today."""
    return JobPost.objects.open_on(timezone.localdate())


class Application(models.Model):
    """A coder's application to a post, with the résumé stored off the web root."""

    job = models.ForeignKey(
        JobPost, on_delete=models.CASCADE, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="job_applications",
    )
    message = models.TextField(max_length=5_000)
    resume_file = models.CharField(
        max_length=80, help_text="Stored name inside JOBS_RESUME_DIR."
    )
    resume_name = models.CharField(max_length=120)
    resume_type = models.CharField(max_length=100)
    resume_size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["job", "applicant"], name="jobs_one_application_per_job"
            )
        ]

    def __str__(self) -> str:
        return f"Application {self.pk} to job {self.job_id}"
