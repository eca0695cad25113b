"""Consult cases: a coder's emailed question, its drafts, and the reply sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class CaseStatus(models.TextChoices):
    OPEN = "open", "Waiting for a consultant"
    APPROVED = "approved", "Approved, not yet sent"
    ANSWERED = "answered", "Answer sent"


class EventKind(models.TextChoices):
    RECEIVED = "received", "Question received"
    DRAFT = "draft", "Assistant draft"
    EDIT = "edit", "Draft edited"
    APPROVAL = "approval", "Draft approved"
    SENT = "sent", "Reply sent"
    SEND_FAILED = "send_failed", "Reply could not be sent"


class ConsultCase(models.Model):
    """One question a coder emailed to the desk, tied to their account."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consult_cases",
    )
    sender_address = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    references = models.TextField(
        blank=True, help_text="The question's References, space-separated."
    )
    question = models.TextField()
    draft = models.TextField(blank=True, help_text="The answer as it stands now.")
    status = models.CharField(
        max_length=10, choices=CaseStatus, default=CaseStatus.OPEN, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Consult {self.pk}: {self.subject}"


class ConsultEvent(models.Model):
    """One step in a case's history; rows are only ever added."""

    case = models.ForeignKey(
        ConsultCase, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=12, choices=EventKind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(blank=True)
    message_id = models.CharField(max_length=250, blank=True, db_index=True)
    raw_message = models.BinaryField(
        blank=True, help_text="The email as received or sent, byte for byte."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on consult {self.case_id}"


class ConsultAttachment(models.Model):
    """A file that came with the question, checked by its bytes."""

    case = models.ForeignKey(
        ConsultCase, on_delete=models.CASCADE, related_name="attachments"
    )
    filename = models.CharField(max_length=120)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()

    def __str__(self) -> str:
        return self.filename


class UnmatchedMessage(models.Model):
    """A received message tied to no account: unknown or disagreeing senders."""

    envelope_sender = models.CharField(
        max_length=254, help_text="The SMTP MAIL FROM address."
    )
    from_address = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    message_id = models.CharField(max_length=250, blank=True)
    raw_message = models.BinaryField(help_text="The email as received, byte for byte.")
    received_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"Unmatched message from {self.envelope_sender}"
