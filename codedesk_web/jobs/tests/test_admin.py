from __future__ import annotations

from django.test import Client

from codedesk_web.jobs.models import JobPost


def test_staff_hide_a_post_from_the_board(
    admin_client: Client, client: Client, job: JobPost
) -> None:
    response = admin_client.post(
        "/admin/jobs/jobpost/",
        {"action": "hide_posts", "_selected_action": [str(job.pk)]},
    )

    job.refresh_from_db()
    assert response.status_code == 302
    assert job.hidden is True
    assert list(client.get("/jobs/").context["page"].object_list) == []
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
