"""The assistant's first draft of an answer to an emailed question."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

ASSISTANT_UNAVAILABLE = (
    "The assistant is not available to draft an answer; write the answer by hand."
)


def draft_answer(question: str) -> str:
    """A draft answer for a consultant to edit; never raises.

    The coding assistant does not yet offer a function that answers a
    question in one call (#5); until it does, every draft says so.
    """
    logger.info("draft requested for a question of %d characters", len(question))
    return ASSISTANT_UNAVAILABLE
