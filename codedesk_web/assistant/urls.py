from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "assistant"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.chat, name="chat"),
    path("ask", views.ask, name="ask"),
    path("stream", views.stream, name="stream"),
    path("glossary/", views.glossary, name="glossary"),
]
