"""Staff set plans and roles, and see usage, in the admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import ApiKey, Profile, Usage


class ProfileInline(admin.StackedInline[Profile, User]):
    model = Profile
    can_delete = False
    fields = ["role", "plan", "email_confirmed_at"]
    readonly_fields = ["email_confirmed_at"]


class ApiKeyInline(admin.TabularInline[ApiKey, User]):
    model = ApiKey
    extra = 0
    fields = ["label", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["label", "prefix", "created_at", "last_used_at"]


admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin[User]):
    inlines = [ProfileInline, ApiKeyInline]
    list_display = ["email", "plan", "role", "is_active", "is_staff", "date_joined"]
    list_filter = ["profile__plan", "profile__role", "is_active", "is_staff"]

    @admin.display(ordering="profile__plan")
    def plan(self, user: User) -> str:
        return user.profile.get_plan_display() if hasattr(user, "profile") else "-"

    @admin.display(ordering="profile__role")
    def role(self, user: User) -> str:
        return user.profile.get_role_display() if hasattr(user, "profile") else "-"


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["user", "role", "plan", "email_confirmed_at", "created_at"]
    list_filter = ["plan", "role"]
    list_editable = ["role", "plan"]
    search_fields = ["user__email"]


@admin.register(Usage)
class UsageAdmin(admin.ModelAdmin[Usage]):
    list_display = ["day", "meter", "subject", "user", "item", "hits"]
    list_filter = ["meter", "day"]
    search_fields = ["subject", "user__email", "item"]
    date_hierarchy = "day"
    readonly_fields = ["subject", "user", "meter", "item", "day", "hits"]

    def has_add_permission(self, request: object) -> bool:
        return False
