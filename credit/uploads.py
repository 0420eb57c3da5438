"""What an uploaded certificate really is, judged by its content rather than its name."""

from io import BytesIO

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
EXTENSIONS = {PDF: "pdf", PNG: "png", JPEG: "jpg", WEBP: "webp"}
_PILLOW_FORMATS = {PNG: "PNG", JPEG: "JPEG", WEBP: "WEBP"}


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


def check(data: bytes) -> str | None:
    """The content type when the whole file is a readable PDF or image; None otherwise."""
    kind = sniff(data[:16])
    if kind == PDF:
        # A complete PDF ends with an end-of-file marker (allowing trailing whitespace or junk).
        return PDF if b"%%EOF" in data[-2048:] else None
    if kind in _PILLOW_FORMATS:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(BytesIO(data)) as image:
                if image.format != _PILLOW_FORMATS[kind]:
                    return None
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            return None
        return kind
    return None
