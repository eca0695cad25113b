from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "consults"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.queue, name="queue"),
    path("<int:pk>/", views.case_detail, name="case"),
    path(
        "attachments/<int:pk>/",
        views.attachment_download,
        name="attachment",
    ),
]
