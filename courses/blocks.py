"""StreamField blocks for module content. Each renders through its own template in templates/courses/blocks/."""

from urllib.parse import parse_qs, urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

# Rendition specs used by block templates; prefetched in bulk so a module with many images costs
# the same number of queries as a module with one.
CONTENT_IMAGE_SPECS = ("width-800", "width-1600")

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def labelled_input(block: blocks.FieldBlock, label: str) -> blocks.FieldBlock:
    """Name a block's input for screen readers where Wagtail shows it without a <label>.

    A StructBlock labels each of its fields, but the items of a ListBlock and the children of a
    StreamBlock get only a heading or nothing, so their inputs have no accessible name. The label
    goes on the widget, not into the block's definition, so migrations don't change.
    """
    block.field.widget.attrs["aria-label"] = label
    return block


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads every image of a stream, with its renditions, in two queries."""

    def bulk_to_python(self, values):
        ids = [value for value in values if value is not None]
        images = get_image_model().objects.prefetch_renditions(*CONTENT_IMAGE_SPECS).in_bulk(ids) if ids else {}
        return [images.get(value) for value in values]


class SectionHeadingBlock(blocks.StructBlock):
    """A heading that starts a section; its anchor is what quiz review links point at."""

    heading = blocks.CharBlock(max_length=120)
    anchor = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Link target for this section (letters, numbers, hyphens). Left blank, it is made from the heading.",
    )

    def clean(self, value):
        value = super().clean(value)
        anchor = value.get("anchor")
        if anchor and slugify(anchor) != anchor:
            raise StructBlockValidationError(
                {"anchor": ValidationError("Use lower-case letters, numbers and hyphens only.")}
            )
        return value

    def get_anchor(self, value) -> str:
        return value.get("anchor") or slugify(value.get("heading", ""))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.get_anchor(value)
        return context

    class Meta:
        icon = "title"
        template = "courses/blocks/section_heading_block.html"
        label = "Section heading"


class TechniqueBlock(blocks.StructBlock):
    """One massage stroke, described the way a therapist is taught it."""

    stroke = blocks.CharBlock(max_length=120, help_text="For example: superficial effleurage, fulling, hacking.")
    family = blocks.ChoiceBlock(
        choices=[
            ("effleurage", "Effleurage (gliding)"),
            ("petrissage", "Petrissage (kneading)"),
            ("tapotement", "Tapotement (percussion)"),
            ("friction", "Friction"),
            ("vibration", "Vibration"),
        ]
    )
    purpose = blocks.TextBlock(help_text="What the stroke is for.")
    contact_surfaces = blocks.MultipleChoiceBlock(
        label="What the therapist uses",
        choices=[
            ("palms", "Palms"),
            ("fingers", "Fingers"),
            ("fingertips", "Fingertips"),
            ("thumbs", "Thumbs"),
            ("knuckles", "Knuckles"),
            ("ulnar_border", "Ulnar border of the hand"),
            ("cupped_hands", "Cupped hands"),
            ("forearm", "Forearm"),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    direction = blocks.CharBlock(max_length=200, help_text="For example: toward the heart, across the fibres.")
    pressure = blocks.ChoiceBlock(
        choices=[
            ("light", "Light"),
            ("moderate", "Moderate"),
            ("firm", "Firm"),
            ("graduated", "Light, building to firm"),
        ]
    )
    tempo = blocks.ChoiceBlock(
        choices=[
            ("slow", "Slow and even"),
            ("moderate", "Moderate"),
            ("brisk", "Brisk and rhythmic"),
        ]
    )
    indications = blocks.ListBlock(
        labelled_input(blocks.CharBlock(max_length=200), "Indication"), min_num=1, help_text="When to use it."
    )
    cautions = blocks.ListBlock(
        labelled_input(blocks.CharBlock(max_length=200), "Caution"), help_text="When to hold back or adapt."
    )

    def get_anchor(self, value) -> str:
        return f"technique-{slugify(value.get('stroke', ''))}"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.get_anchor(value)
        context["contact_surface_labels"] = _labels(
            self.child_blocks["contact_surfaces"], value.get("contact_surfaces")
        )
        for name in ("family", "pressure", "tempo"):
            context[f"{name}_label"] = _labels(self.child_blocks[name], [value.get(name)])[0]
        return context

    class Meta:
        icon = "pick"
        template = "courses/blocks/technique_block.html"
        label = "Technique"


CONTRAINDICATION_ACTIONS = [
    ("postpone", "Postpone the session"),
    ("avoid_area", "Avoid the area"),
    ("modify", "Modify pressure or technique"),
    ("clearance", "Obtain medical clearance"),
    ("refer", "Refer to a physician"),
]


class ContraindicationBlock(blocks.StructBlock):
    """A condition that stops or changes the massage, and what the therapist does about it."""

    condition = blocks.CharBlock(max_length=120)
    severity = blocks.ChoiceBlock(
        choices=[("absolute", "Absolute"), ("relative", "Relative")],
        help_text="Absolute: no massage. Relative: massage with changes or clearance.",
    )
    scope = blocks.ChoiceBlock(
        choices=[("general", "General (whole body)"), ("local", "Local (one area)")],
    )
    actions = blocks.MultipleChoiceBlock(choices=CONTRAINDICATION_ACTIONS, widget=forms.CheckboxSelectMultiple)
    rationale = blocks.TextBlock(help_text="Why: what could go wrong, in the client's body.")

    def get_anchor(self, value) -> str:
        return f"contraindication-{slugify(value.get('condition', ''))}"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.get_anchor(value)
        context["action_labels"] = _labels(self.child_blocks["actions"], value.get("actions"))
        return context

    class Meta:
        icon = "warning"
        template = "courses/blocks/contraindication_block.html"
        label = "Contraindication"


class DialogueLineBlock(blocks.StructBlock):
    speaker = blocks.ChoiceBlock(choices=[("therapist", "Therapist"), ("client", "Client")])
    text = blocks.TextBlock()

    class Meta:
        icon = "openquote"


class ClientDialogueBlock(blocks.StructBlock):
    """A scripted exchange between therapist and client, modelling words that work."""

    situation = blocks.ChoiceBlock(
        choices=[
            ("intake", "Intake"),
            ("consent", "Consent"),
            ("pressure_check_in", "Pressure check-in"),
            ("aftercare", "Aftercare"),
            ("referral", "Referral"),
        ]
    )
    title = blocks.CharBlock(max_length=120)
    lines = blocks.ListBlock(DialogueLineBlock(), min_num=2)
    teaching_point = blocks.TextBlock(required=False, help_text="What this exchange shows the learner.")

    def get_anchor(self, value) -> str:
        return f"dialogue-{slugify(value.get('title', ''))}"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = self.get_anchor(value)
        context["situation_label"] = _labels(self.child_blocks["situation"], [value.get("situation")])[0]
        return context

    class Meta:
        icon = "group"
        template = "courses/blocks/client_dialogue_block.html"
        label = "Client dialogue"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("safety", "Safety"), ("tip", "Tip"), ("key_point", "Key point")], default="key_point"
    )
    title = blocks.CharBlock(max_length=120, required=False)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "courses/blocks/callout_block.html"
        label = "Callout"


class CaptionedImageBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        required=False,
        help_text="Describe what the image shows for people who can't see it. Leave blank only if it is decorative.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)
    credit = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/captioned_image_block.html"
        label = "Image"


VIDEO_HOSTS = {"www.youtube.com", "youtube.com", "youtu.be", "m.youtube.com", "vimeo.com", "player.vimeo.com"}


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player URL for a YouTube or Vimeo link, or None for a direct file."""
    parsed = urlparse(url)
    host = parsed.netloc.lower()
    if host in {"youtu.be"}:
        video_id = parsed.path.strip("/")
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
    if host.endswith("youtube.com"):
        if parsed.path.startswith("/embed/"):
            return f"https://www.youtube-nocookie.com{parsed.path}"
        video_id = parse_qs(parsed.query).get("v", [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
    if host.endswith("vimeo.com"):
        video_id = parsed.path.rstrip("/").split("/")[-1]
        return f"https://player.vimeo.com/video/{video_id}" if video_id.isdigit() else None
    return None


class VideoBlock(blocks.StructBlock):
    """A lesson video. Its length counts toward reading time and the CE estimate."""

    title = blocks.CharBlock(max_length=120)
    url = blocks.URLBlock(help_text="A YouTube or Vimeo link, or a direct link to an .mp4 or .webm file.")
    duration_minutes = blocks.IntegerBlock(min_value=1, max_value=600, help_text="Running time in whole minutes.")
    transcript = blocks.TextBlock(
        required=False, help_text="Shown under the video for learners who read rather than listen."
    )

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url") or ""
        host = urlparse(url).netloc.lower()
        is_file = urlparse(url).path.lower().endswith((".mp4", ".webm"))
        if host in VIDEO_HOSTS and video_embed_url(url) is None:
            raise StructBlockValidationError({"url": ValidationError("This link doesn't point at a single video.")})
        if host not in VIDEO_HOSTS and not is_file:
            raise StructBlockValidationError(
                {"url": ValidationError("Use a YouTube or Vimeo link, or a link to an .mp4 or .webm file.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("url") or "")
        return context

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        label = "Video"


class ModuleBodyBlock(blocks.StreamBlock):
    section = SectionHeadingBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="courses/blocks/rich_text_block.html")
    technique = TechniqueBlock()
    contraindication = ContraindicationBlock()
    client_dialogue = ClientDialogueBlock()
    callout = CalloutBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()


def _labels(choice_block, keys) -> list[str]:
    labels = dict(choice_block.field.choices)
    return [labels.get(key, key) for key in keys or []]


def stream_text(stream_value) -> list[str]:
    """The plain text a learner reads in a stream (what reading time is computed from)."""
    texts: list[str] = []
    for child in stream_value:
        texts.extend(child.block.get_searchable_content(child.value))
    return texts


def stream_video_minutes(stream_value) -> int:
    return sum(child.value.get("duration_minutes") or 0 for child in stream_value if child.block_type == "video")


def stream_anchors(stream_value) -> list[tuple[str, str]]:
    """(anchor, label) for every linkable section of a module, in reading order."""
    anchors = []
    for child in stream_value:
        block = child.block
        if not hasattr(block, "get_anchor"):
            continue
        value = child.value
        label = value.get("heading") or value.get("stroke") or value.get("condition") or value.get("title") or ""
        anchors.append(
            (block.get_anchor(value), f"{child.block.meta.label}: {label}" if child.block_type != "section" else label)
        )
    return anchors
