"""Views of the job board: list and search, post, apply, see applicants."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
)
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from codedesk import InputError
from codedesk_web.lib.filetypes import safe_filename
from codedesk_web.lib.flags import require_setting
from codedesk_web.lib.roles import CODER, EMPLOYER, has_role, signed_in_id

from . import resumes
from .forms import ApplicationForm, JobPostForm, JobSearchForm
from .models import Application, JobPost, JobQuerySet, open_posts

logger = logging.getLogger(__name__)

PAGE_SIZE = 20


@require_setting("JOBS_ENABLED")
def job_list(request: HttpRequest) -> HttpResponse:
    form = JobSearchForm(request.GET or None)
    posts = open_posts()
    if form.is_bound:
        form.is_valid()
        # A bad filter drops only itself; the valid ones still narrow the list.
        posts = filter_posts(posts, form.cleaned_data)
        for text in describe_search_errors(form):
            messages.error(request, text)
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def filter_posts(posts: JobQuerySet, data: dict[str, Any]) -> JobQuerySet:
    """Narrow ``posts`` by the cleaned fields of a ``JobSearchForm``."""
    for word in (data.get("q") or "").split()[:10]:
        posts = posts.filter(
            Q(title__icontains=word)
            | Q(employer__icontains=word)
            | Q(description__icontains=word)
        )
    if data.get("location"):
        posts = posts.filter(location__icontains=data["location"].strip())
    if data.get("remote"):
        posts = posts.filter(remote=True)
    if data.get("credential"):
        posts = posts.with_credential(data["credential"])
    if data.get("specialty"):
        posts = posts.filter(specialty=data["specialty"])
    if data.get("within"):
        since = timezone.now() - dt.timedelta(days=data["within"])
        posts = posts.filter(created_at__gte=since)
    return posts


def describe_search_errors(form: JobSearchForm) -> list[str]:
    """One sentence per bad filter value, then one naming unknown filters."""
    found = [describe_bad_filter(form, name) for name in form.errors]
    unknown = sorted(set(form.data) - set(form.fields) - {"page"})
    if unknown:
        names = ", ".join(f"'{name}'" for name in unknown)
        known = ", ".join(form.fields)
        found.append(f"The job list has no filter {names}; its filters are {known}.")
    return found


def describe_bad_filter(form: JobSearchForm, name: str) -> str:
    """The sentence for one bad filter: its value and what it allows."""
    field = form.fields[name]
    label = field.label or name.capitalize()
    value = str(form.data.get(name, ""))[:40]
    if isinstance(field, forms.ChoiceField):
        choices = cast("list[tuple[object, object]]", field.choices)
        allowed = ", ".join(str(key) for key, _ in choices if key != "")
        return (
            f"The filter '{label}' cannot be '{value}'; use one of {allowed}, "
            "or leave it empty."
        )
    reason = str(form.errors[name][0]).rstrip(".")
    return (
        f"The filter '{label}' cannot be '{value}': {reason[:1].lower()}{reason[1:]}."
    )


@require_setting("JOBS_ENABLED")
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = find_visible_job(request, pk)
    is_poster = job.poster_id == request.user.pk
    return render(
        request,
        "jobs/detail.html",
        {
            "job": job,
            "is_open": job.is_open(),
            "is_poster": is_poster,
            "can_apply": job.is_open() and has_role(request.user, CODER),
            "applied": job.applications.filter(applicant_id=request.user.pk).first(),
            "login_url": resolve_url(settings.LOGIN_URL),
        },
    )


def find_visible_job(request: HttpRequest, pk: int) -> JobPost:
    """The post ``pk``, or 404 if staff hid it and the viewer is not its poster."""
    job = get_object_or_404(JobPost, pk=pk)
    if job.hidden and job.poster_id != request.user.pk:
        raise Http404("This job post is not shown.")
    return job


@require_setting("JOBS_ENABLED")
@login_required
@require_http_methods(["GET", "POST"])
def job_create(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, EMPLOYER):
        return forbid(
            request,
            "Only employer accounts can post jobs; ask the site's staff to add "
            "the employer role to your account.",
        )
    form = JobPostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.poster_id = signed_in_id(request.user)
        job = form.save()
        logger.info("job %d posted by user %d", job.pk, request.user.pk)
        messages.success(request, "Your job is posted.")
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "jobs/form.html", {"form": form, "job": None})


@require_setting("JOBS_ENABLED")
@login_required
@require_http_methods(["GET", "POST"])
def job_edit(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(JobPost, pk=pk, poster_id=request.user.pk)
    form = JobPostForm(request.POST or None, instance=job)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your changes are saved.")
        return redirect("jobs:detail", pk=job.pk)
    return render(request, "jobs/form.html", {"form": form, "job": job})


@require_setting("JOBS_ENABLED")
@login_required
def my_posts(request: HttpRequest) -> HttpResponse:
    posts = JobPost.objects.filter(poster_id=request.user.pk).annotate(
        applicant_count=Count("applications")
    )
    return render(
        request,
        "jobs/mine.html",
        {"posts": posts, "today": timezone.localdate()},
    )


@require_setting("JOBS_ENABLED")
@login_required
@require_http_methods(["GET", "POST"])
def job_apply(request: HttpRequest, pk: int) -> HttpResponse:
    job = find_visible_job(request, pk)
    refusal = refuse_application(request, job)
    if refusal:
        return forbid(request, refusal)
    form = ApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        application = save_application(request, job, form)
        if application is not None:
            messages.success(request, "Your application is sent.")
            return redirect("jobs:detail", pk=job.pk)
    return render(request, "jobs/apply.html", {"form": form, "job": job})


def refuse_application(request: HttpRequest, job: JobPost) -> str | None:
    """Why this visitor cannot apply to ``job``, or None if they can."""
    if not has_role(request.user, CODER):
        return (
            "Only coder accounts can apply to jobs; ask the site's staff to add "
            "the coder role to your account."
        )
    if not job.is_open():
        return f"This job closed on {job.closing_date.isoformat()}."
    if job.poster_id == request.user.pk:
        return "You posted this job, so you cannot apply to it."
    if job.applications.filter(applicant_id=request.user.pk).exists():
        return "You have already applied to this job."
    return None


def save_application(
    request: HttpRequest, job: JobPost, form: ApplicationForm
) -> Application | None:
    """Check and store the résumé, then the application; None if refused."""
    upload = form.cleaned_data["resume"]
    name = upload.name or "resume"
    try:
        data, kind = resumes.read_resume(name, upload, upload.size or 0)
    except InputError as error:
        form.add_error("resume", error.message)
        messages.error(request, error.message)
        return None
    stored = resumes.store_resume(data, kind)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                job=job,
                applicant_id=signed_in_id(request.user),
                message=form.cleaned_data["message"],
                resume_file=stored,
                resume_name=safe_filename(name, "resume" + kind.extensions[0]),
                resume_type=kind.content_type,
                resume_size=len(data),
            )
    except IntegrityError:
        resumes.delete_resume(stored)
        messages.error(request, "You have already applied to this job.")
        return None
    except BaseException:
        resumes.delete_resume(stored)
        raise
    logger.info("application %d to job %d", application.pk, job.pk)
    return application


@require_setting("JOBS_ENABLED")
@login_required
def job_applicants(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(JobPost, pk=pk, poster_id=request.user.pk)
    applications = job.applications.select_related("applicant")
    return render(
        request,
        "jobs/applicants.html",
        {"job": job, "applications": applications},
    )


@require_setting("JOBS_ENABLED")
@login_required
def resume_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    application = get_object_or_404(Application, pk=pk, job__poster_id=request.user.pk)
    try:
        handle = resumes.resume_path(application.resume_file).open("rb")
    except (OSError, ValueError):
        logger.warning("resume of application %d is missing", application.pk)
        raise Http404("This résumé file is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=application.resume_name,
        content_type=application.resume_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def forbid(request: HttpRequest, sentence: str) -> HttpResponse:
    """A 403 page that says why, in one sentence."""
    return render(request, "jobs/forbidden.html", {"reason": sentence}, status=403)
