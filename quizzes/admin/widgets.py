"""The question editor's tag field, with a name screen readers can announce."""

from wagtail.admin.widgets import AdminTagWidget


class LabelledTagWidget(AdminTagWidget):
    """Wagtail's tag field, whose typing box is named after the field's label.

    The tag editor (tag-it) hides the labelled input and types into a new, unlabelled one; a small
    script points that box at the field's label and help. Without JavaScript the plain, labelled
    input is used, as before.
    """

    class Media:
        js = ["quizzes/js/tag-label.js"]
