from __future__ import annotations

from django.contrib import admin

from .models import Conversation, Message, RateCounter


class MessageInline(admin.TabularInline[Message, Conversation]):
    model = Message
    extra = 0
    readonly_fields = ("question", "answer_text", "created")
    exclude = ("answer",)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin[Conversation]):
    list_display = ("title", "user", "updated")
    inlines = [MessageInline]


@admin.register(RateCounter)
class RateCounterAdmin(admin.ModelAdmin[RateCounter]):
    list_display = ("key", "window", "count")
