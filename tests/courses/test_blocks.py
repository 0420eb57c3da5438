"""Each module block renders through its own template with what a learner needs to see."""

import pytest

from courses.blocks import ModuleBodyBlock
from tests import factories


def render(name: str, value) -> str:
    block = ModuleBodyBlock().child_blocks[name]
    return block.render(block.to_python(value))


def test_technique_block_shows_every_fact():
    html = render("technique", factories.technique_block()[1])
    assert 'id="technique-superficial-effleurage"' in html
    for text in ["Effleurage (gliding)", "Palms, Forearm", "Toward the heart", "Light", "Slow and even"]:
        assert text in html
    assert "Opening a session" in html and "Lighter over bony areas" in html


def test_contraindication_block_shows_classification_and_actions():
    html = render("contraindication", factories.contraindication_block()[1])
    assert "Deep vein thrombosis" in html
    assert "Absolute" in html and "General (whole body)" in html
    assert "Postpone the session" in html and "Refer to a physician" in html
    assert "A clot could be dislodged." in html


def test_relative_local_contraindication():
    value = {
        "condition": "Varicose veins",
        "severity": "relative",
        "scope": "local",
        "actions": ["avoid_area"],
        "rationale": "Pressure can damage the vein wall.",
    }
    html = render("contraindication", value)
    assert "Relative" in html and "Local (one area)" in html and "Avoid the area" in html
    assert "Absolute" not in html


def test_dialogue_block_labels_each_speaker():
    html = render("client_dialogue", factories.dialogue_block()[1])
    assert "Pressure check-in" in html
    assert html.index("Therapist") < html.index("How is this pressure for you?")
    assert html.index("Client") < html.index("A little lighter, please.")


@pytest.mark.parametrize(("kind", "label"), [("safety", "Safety"), ("tip", "Tip"), ("key_point", "Key point")])
def test_callout_kinds(kind, label):
    html = render("callout", {"kind": kind, "title": "Heads up", "body": "<p>Watch the client's breathing.</p>"})
    assert f"callout--{kind}" in html and label in html and "Watch the client's breathing." in html


def test_video_block_embeds_privately_with_transcript():
    html = render(
        "video",
        {"title": "Effleurage demo", "url": "https://youtu.be/abc123", "duration_minutes": 7, "transcript": "Glide."},
    )
    assert 'src="https://www.youtube-nocookie.com/embed/abc123"' in html
    assert 'title="Effleurage demo"' in html
    assert "7 min" in html and "Transcript" in html


def test_video_file_uses_a_video_element():
    html = render(
        "video",
        {"title": "Demo", "url": "https://example.org/demo.mp4", "duration_minutes": 3, "transcript": ""},
    )
    assert "<video" in html and "Transcript" not in html


@pytest.mark.django_db
def test_image_block_has_alt_text_and_caption():
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Hands", file=get_test_image_file())
    html = render(
        "image", {"image": image.pk, "alt_text": "Palms gliding up the back", "caption": "Effleurage", "credit": ""}
    )
    assert 'alt="Palms gliding up the back"' in html
    assert "<figcaption>Effleurage" in html
    assert "srcset=" in html


def test_inputs_wagtail_shows_without_a_label_carry_one():
    """List items and lone stream children have no <label> in Wagtail's editor: their inputs are named."""
    from courses.blocks import TechniqueBlock
    from courses.models import CoursePage
    from events.models import EventPage

    technique = TechniqueBlock()
    assert technique.child_blocks["indications"].child_block.field.widget.attrs["aria-label"] == "Indication"
    assert technique.child_blocks["cautions"].child_block.field.widget.attrs["aria-label"] == "Caution"
    for model in (CoursePage, EventPage):
        objective = model._meta.get_field("learning_objectives").stream_block.child_blocks["objective"]
        assert objective.field.widget.attrs["aria-label"] == "Learning objective"
        assert 'aria-label="Learning objective"' in objective.field.widget.render("x", "")
