"""Staff moderate job posts here: hide, show, or delete them."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import Application, JobPost


@admin.register(JobPost)
class JobPostAdmin(admin.ModelAdmin[JobPost]):
    list_display = ["title", "employer", "poster", "closing_date", "hidden"]
    list_filter = ["hidden", "remote", "employment_type", "specialty"]
    search_fields = ["title", "employer", "description"]
    date_hierarchy = "created_at"
    actions = ["hide_posts", "show_posts"]

    @admin.action(description="Hide the selected posts")
    def hide_posts(self, request: HttpRequest, queryset: QuerySet[JobPost]) -> None:
        count = queryset.update(hidden=True)
        self.message_user(request, f"{count} posts hidden.")

    @admin.action(description="Show the selected posts")
    def show_posts(self, request: HttpRequest, queryset: QuerySet[JobPost]) -> None:
        count = queryset.update(hidden=False)
        self.message_user(request, f"{count} posts shown.")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    # The résumé itself is served only to the poster, never through the admin.
    list_display = ["job", "applicant", "created_at", "resume_size"]
    readonly_fields = ["resume_file", "resume_name", "resume_type", "resume_size"]
    search_fields = ["job__title", "applicant__username"]
