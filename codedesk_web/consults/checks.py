"""System checks for the job board's and the consult desk's settings.

IDs: ``consults.E001`` the desk's address, ``consults.E002`` a size or count
limit, ``jobs.E001`` a résumé folder the site serves publicly. Each hint
names the variable; docs/jobs-and-consults.md lists them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .headers import clean_address

DOCS = "See docs/jobs-and-consults.md#settings."
LIMITS = (
    "CONSULT_MAX_MESSAGE_BYTES",
    "CONSULT_ATTACHMENT_MAX_BYTES",
    "CONSULT_ATTACHMENT_MAX_COUNT",
    "JOBS_RESUME_MAX_BYTES",
)


@register()
def check_desk_address(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    address: str = settings.CONSULT_DESK_ADDRESS
    if clean_address(address):
        return []
    message = f"CONSULT_DESK_ADDRESS is '{address}', which is not a mail address."
    hint = f"Set it to the desk's address, e.g. consults@example.org. {DOCS}"
    return [Error(message, hint=hint, id="consults.E001")]


@register()
def check_limits(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [
        Error(
            f"{name} is {getattr(settings, name)}; it must be above 0.",
            hint=f"Set {name} to a positive whole number. {DOCS}",
            id="consults.E002",
        )
        for name in LIMITS
        if getattr(settings, name) <= 0
    ]


@register()
def check_resume_dir(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    folder = Path(settings.JOBS_RESUME_DIR).resolve()
    public = [Path(settings.STATIC_ROOT), Path(settings.MEDIA_ROOT)]
    public += [Path(item) for item in settings.STATICFILES_DIRS]
    if not any(folder.is_relative_to(root.resolve()) for root in public):
        return []
    message = f"JOBS_RESUME_DIR ({folder}) is inside a folder the site serves."
    hint = f"Point JOBS_RESUME_DIR outside STATIC_ROOT and MEDIA_ROOT. {DOCS}"
    return [Error(message, hint=hint, id="jobs.E001")]
