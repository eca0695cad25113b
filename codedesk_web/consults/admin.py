"""Staff read consult cases and their history here; history is never edited."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from .models import ConsultCase, ConsultEvent, UnmatchedMessage


class EventInline(admin.TabularInline[ConsultEvent, ConsultCase]):
    model = ConsultEvent
    fields = ["created_at", "kind", "actor", "message_id", "body"]
    readonly_fields = ["created_at", "kind", "actor", "message_id", "body"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ConsultCase)
class ConsultCaseAdmin(admin.ModelAdmin[ConsultCase]):
    list_display = ["pk", "subject", "sender_address", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["subject", "sender_address"]
    readonly_fields = ["sender", "sender_address", "message_id", "references"]
    inlines = [EventInline]


@admin.register(UnmatchedMessage)
class UnmatchedMessageAdmin(admin.ModelAdmin[UnmatchedMessage]):
    list_display = ["pk", "envelope_sender", "from_address", "subject", "received_at"]
    search_fields = ["envelope_sender", "from_address", "subject"]
    readonly_fields = [
        "envelope_sender",
        "from_address",
        "subject",
        "message_id",
        "received_at",
    ]
    exclude = ["raw_message"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
