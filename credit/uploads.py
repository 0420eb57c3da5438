"""What an uploaded certificate really is, judged by its content rather than its name.

A certificate is kept only when it is a PDF that pypdf can read (with at least one page, not password-protected)
or a PNG, JPEG or WebP picture that Pillow can decode. Pictures are drawn again into a fresh file, so phone
metadata (location, camera) and anything hidden after or inside the picture data is left behind. Anything else
is refused with a message the learner can act on.
"""

from dataclasses import dataclass
from io import BytesIO

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", WEBP: "webp"}
_PILLOW_FORMATS = {PNG: "PNG", JPEG: "JPEG", WEBP: "WEBP"}
# A phone photo of a certificate is a few megapixels; anything far larger is refused before it is decoded.
MAX_IMAGE_PIXELS = 50_000_000

NOT_READABLE = "This file isn't a PDF or an image we can read. Upload the certificate as a PDF, JPEG, PNG or WebP."
BROKEN_PDF = "This PDF is damaged or incomplete, so it can't be opened. Save or download the certificate again."
EMPTY_PDF = "This PDF has no pages. Upload the certificate itself."
LOCKED_PDF = "This PDF is password-protected. Upload a copy without a password so it can be shown in an audit."
BROKEN_IMAGE = "This picture is damaged or incomplete, so it can't be opened. Take or save the picture again."
HUGE_IMAGE = "This picture is too large to open. Upload a smaller photo or scan of the certificate."


class Refused(ValueError):
    """The upload isn't a certificate we can keep; the message says why, in the learner's words."""


@dataclass(frozen=True)
class Certificate:
    """A checked certificate ready to store: its real content type and the bytes to keep."""

    content_type: str
    data: bytes

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def sniff(data: bytes) -> str | None:
    """The content type of a PDF, PNG, JPEG or WebP file from its leading bytes, else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def accept(data: bytes) -> Certificate:
    """The certificate to store for these uploaded bytes; raises Refused with a message otherwise."""
    kind = sniff(data[:16])
    if kind == PDF:
        _check_pdf(data)
        return Certificate(content_type=PDF, data=data)
    if kind in _PILLOW_FORMATS:
        return Certificate(content_type=kind, data=_redrawn_image(data, kind=kind))
    raise Refused(NOT_READABLE)


def check(data: bytes) -> str | None:
    """The content type when the whole file is a readable PDF or image; None otherwise."""
    try:
        return accept(data).content_type
    except Refused:
        return None


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted:
            raise Refused(LOCKED_PDF)
        pages = len(reader.pages)
        if pages:
            reader.pages[0].mediabox  # noqa: B018  (reading the first page proves the page tree holds together)
    except Refused:
        raise
    except Exception as broken:  # noqa: BLE001  (pypdf raises many kinds of error on hostile or damaged files)
        raise Refused(BROKEN_PDF) from broken
    if not pages:
        raise Refused(EMPTY_PDF)


def _redrawn_image(data: bytes, *, kind: str) -> bytes:
    """The picture decoded and saved again in its own format, upright, without metadata or trailing bytes."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    fmt = _PILLOW_FORMATS[kind]
    try:
        with Image.open(BytesIO(data), formats=[fmt]) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise Refused(HUGE_IMAGE)
            image.load()
            # Phones record which way up a photo was taken only in EXIF; turn it upright before EXIF goes.
            picture = ImageOps.exif_transpose(image)
    except Refused:
        raise
    except Image.DecompressionBombError as bomb:
        raise Refused(HUGE_IMAGE) from bomb
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as broken:
        raise Refused(BROKEN_IMAGE) from broken
    if fmt == "JPEG" and picture.mode not in ("RGB", "L", "CMYK"):
        picture = picture.convert("RGB")
    if fmt == "WEBP" and picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGBA" if "A" in picture.mode or "transparency" in picture.info else "RGB")
    # A fresh image carries only pixels: no EXIF, XMP, text chunks, ICC profile or comments are copied over.
    clean = Image.new(picture.mode, picture.size)
    if picture.mode == "P":
        clean.putpalette(picture.getpalette())
        if "transparency" in picture.info:
            clean.info["transparency"] = picture.info["transparency"]
    clean.paste(picture)
    output = BytesIO()
    options = {"PNG": {"optimize": True}, "JPEG": {"quality": 90}, "WEBP": {"quality": 90}}[fmt]
    if fmt == "PNG" and "transparency" in clean.info:
        options["transparency"] = clean.info["transparency"]
    clean.save(output, format=fmt, **options)
    return output.getvalue()
