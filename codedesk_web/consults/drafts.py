"""The assistant's first draft of an answer to an emailed question."""

from __future__ import annotations

import logging

from codedesk import CodeDeskError
from codedesk.assistant import MAX_QUESTION, Answer, answer
from codedesk_web.assistant.model import model_client
from codedesk_web.lib.desk import get_desk

logger = logging.getLogger(__name__)


def draft_answer(question: str) -> str:
    """A draft answer for a consultant to edit, with the sources it cites.

    Never raises for a failure of the assistant: the draft then says why
    there is no answer, and the consultant writes one by hand.
    """
    text = question.strip()[:MAX_QUESTION]
    try:
        result = answer(get_desk(), text, model=model_client())
    except CodeDeskError as error:
        logger.warning(
            "no draft for a question of %d characters: %s",
            len(question),
            type(error).__name__,
        )
        return unavailable_draft(error)
    logger.info(
        "draft of %d characters from the %s engine", len(result.text), result.engine
    )
    return format_draft(result)


def format_draft(result: Answer) -> str:
    """The answer's text followed by its numbered sources."""
    lines = [result.text.strip()]
    if result.sources:
        lines += ["", "Sources:"]
        lines += [
            f"{number}. {source.label()}"
            for number, source in enumerate(result.sources, 1)
        ]
    return "\n".join(lines)


def unavailable_draft(error: CodeDeskError) -> str:
    """The draft when the assistant could not answer: say why, by hand."""
    return (
        f"The assistant could not draft an answer ({error.message}); "
        "write the answer by hand."
    )
