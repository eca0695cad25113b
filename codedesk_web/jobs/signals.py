"""Remove a résumé file once its application row is gone.

Applications go when the applicant deletes their account, when the poster
or staff delete the post, or in the admin; the file goes with them, after
the transaction commits, so a rolled-back delete keeps it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete

from . import resumes
from .models import Application


def connect() -> None:
    """Listen for deleted applications."""
    post_delete.connect(
        delete_resume_file, sender=Application, dispatch_uid="jobs.resume_file"
    )


def delete_resume_file(
    sender: type[Application], instance: Application, **kw: Any
) -> None:
    """Delete the stored résumé of a deleted application after commit."""
    transaction.on_commit(partial(resumes.delete_resume, instance.resume_file))
