"""The consultants' queue: read a case, edit its draft, approve and send."""

from __future__ import annotations

import logging

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from codedesk import CodeDeskError
from codedesk_web.lib.roles import CONSULTANT, has_role

from . import workflow
from .models import CaseStatus, ConsultAttachment, ConsultCase

logger = logging.getLogger(__name__)

QUEUE_SIZE = 100


class AnswerForm(forms.Form):
    """The draft answer as the consultant edits it."""

    text = forms.CharField(
        label="Answer", widget=forms.Textarea(attrs={"rows": 16}), strip=False
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, CONSULTANT):
        return forbid(request)
    status = request.GET.get("status", CaseStatus.OPEN)
    if status not in CaseStatus.values:
        messages.error(
            request,
            f"The status '{status}' is unknown; showing cases waiting for a "
            "consultant.",
        )
        status = CaseStatus.OPEN
    cases = ConsultCase.objects.filter(status=status).select_related("sender")
    return render(
        request,
        "consults/queue.html",
        {
            "cases": cases[:QUEUE_SIZE],
            "status": status,
            "statuses": CaseStatus.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if not has_role(request.user, CONSULTANT):
        return forbid(request)
    case = get_object_or_404(ConsultCase, pk=pk)
    form = AnswerForm(request.POST or None, initial={"text": case.draft})
    posted = request.method == "POST" and form.is_valid()
    if posted and act_on_case(request, case, form.cleaned_data["text"]):
        return redirect("consults:case", pk=case.pk)
    return render(
        request,
        "consults/case.html",
        {
            "case": case,
            "form": form,
            "events": case.events.select_related("actor"),
            "attachments": case.attachments.defer("data"),
            "is_open": case.status == CaseStatus.OPEN,
        },
    )


def act_on_case(request: HttpRequest, case: ConsultCase, text: str) -> bool:
    """Save or approve the draft; a message says what happened."""
    approve = request.POST.get("action") == "approve"
    user = request.user
    if not user.is_authenticated:
        return False
    try:
        if approve:
            workflow.approve_and_send(case.pk, text, user)
        else:
            workflow.save_draft(case.pk, text, user)
    except CodeDeskError as error:
        messages.error(request, error.message)
        return False
    messages.success(
        request, "The answer is sent." if approve else "The draft is saved."
    )
    return True


@login_required
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    if not has_role(request.user, CONSULTANT):
        raise Http404("No such attachment.")
    attachment = get_object_or_404(ConsultAttachment, pk=pk)
    response = HttpResponse(
        bytes(attachment.data), content_type=attachment.content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def forbid(request: HttpRequest) -> HttpResponse:
    """A 403 page for anyone who is not a consultant."""
    return render(
        request,
        "consults/forbidden.html",
        {
            "reason": "Only consultants can see the consult queue; ask the "
            "site's staff to add the consultant role to your account."
        },
        status=403,
    )
