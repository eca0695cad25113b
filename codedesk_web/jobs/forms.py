"""Forms of the job board: post a job, search posts, apply."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from codedesk_web.lib.formfields import DayField, WholeNumberField

from .models import CREDENTIALS, JobPost, Specialty

WITHIN_DAYS = (1, 7, 30, 90)


class JobPostForm(forms.ModelForm[JobPost]):
    """What an employer fills in to post or edit a job."""

    credential_choices = forms.MultipleChoiceField(
        label="Credentials wanted",
        choices=[(code, code) for code in CREDENTIALS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = JobPost
        fields = [
            "title",
            "employer",
            "location",
            "remote",
            "employment_type",
            "specialty",
            "pay_min",
            "pay_max",
            "pay_period",
            "description",
            "how_to_apply",
            "closing_date",
        ]
        widgets = {"closing_date": forms.DateInput(attrs={"type": "date"})}
        field_classes = {
            "closing_date": DayField,
            "pay_min": WholeNumberField,
            "pay_max": WholeNumberField,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["credential_choices"] = self.instance.credential_list

    def clean_closing_date(self) -> dt.date:
        day: dt.date = self.cleaned_data["closing_date"]
        unchanged = self.instance.pk and day == self.instance.closing_date
        if day < timezone.localdate() and not unchanged:
            raise forms.ValidationError(
                f"The closing date {day.isoformat()} is in the past; "
                "pick today or a later day."
            )
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("pay_min"), data.get("pay_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "pay_max",
                f"The top of the pay range ({high}) is below its bottom ({low}).",
            )
        if not data.get("remote") and not (data.get("location") or "").strip():
            self.add_error("location", "Give a location or tick remote.")
        return data

    def save(self, commit: bool = True) -> JobPost:
        self.instance.credentials = ",".join(
            code
            for code in CREDENTIALS
            if code in self.cleaned_data["credential_choices"]
        )
        return super().save(commit=commit)


class JobSearchForm(forms.Form):
    """The filters of the job list; every field is optional."""

    q = forms.CharField(label="Words", required=False, max_length=200)
    location = forms.CharField(required=False, max_length=120)
    remote = forms.BooleanField(label="Remote only", required=False)
    credential = forms.ChoiceField(
        choices=[("", "Any credential")] + [(code, code) for code in CREDENTIALS],
        required=False,
    )
    specialty = forms.ChoiceField(
        choices=[("", "Any specialty"), *Specialty.choices], required=False
    )
    within = forms.TypedChoiceField(
        label="Posted within",
        choices=[("", "Any time")] + [(str(d), f"{d} days") for d in WITHIN_DAYS],
        coerce=int,
        empty_value=None,
        required=False,
    )


class ApplicationForm(forms.Form):
    """A coder's message and résumé."""

    message = forms.CharField(widget=forms.Textarea, max_length=5_000)
    resume = forms.FileField(label="Résumé (PDF or DOCX)")
