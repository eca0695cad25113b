"""Conversations with the assistant, kept per user (or per guest session)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models


class Conversation(models.Model):
    """A thread of questions and answers.

    A signed-in user's conversations belong to the user and go when the
    account goes; a guest's belong to the guest's session.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assistant_conversations",
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.CharField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.title


class Message(models.Model):
    """One question and the checked answer the assistant gave."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    question = models.TextField()
    answer_text = models.TextField()
    answer: models.JSONField[dict[str, Any]] = models.JSONField(default=dict)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]

    def __str__(self) -> str:
        return f"message {self.pk} in conversation {self.conversation_id}"


class RateCounter(models.Model):
    """Questions asked by one user or guest address in one hour."""

    key = models.CharField(max_length=100)
    window = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window"], name="one_counter_per_hour"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} at {self.window}: {self.count}"
