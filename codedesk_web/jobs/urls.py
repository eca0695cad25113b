from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "jobs"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.job_list, name="list"),
    path("new/", views.job_create, name="create"),
    path("mine/", views.my_posts, name="mine"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/edit/", views.job_edit, name="edit"),
    path("<int:pk>/apply/", views.job_apply, name="apply"),
    path("<int:pk>/applicants/", views.job_applicants, name="applicants"),
    path(
        "applications/<int:pk>/resume/",
        views.resume_download,
        name="resume",
    ),
]
