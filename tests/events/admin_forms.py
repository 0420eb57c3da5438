"""Post the Wagtail page editor like a browser would: read the form back from the edit page, change, submit."""

from django.http import QueryDict
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from events.models import EventPage


def edit_form_data(client, page: EventPage, **changes) -> QueryDict:
    """The edit form's current values (as rendered), with `changes` applied.

    StreamField values are built by the editor's JavaScript, so the objectives are re-sent here.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for key in [key for key in data if "__prefix__" in key or key.startswith("learning_objectives")]:
        del data[key]
    data.update(
        nested_form_data(
            {"learning_objectives": streamfield([("objective", block.value) for block in page.learning_objectives])}
        )
    )
    for key, value in changes.items():
        data[key] = value
    return data
