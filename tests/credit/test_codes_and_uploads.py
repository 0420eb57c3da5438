"""Verification codes and what counts as an uploaded certificate."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfWriter

from credit import codes, uploads


def test_codes_carry_80_random_bits_in_crockford_base32():
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000
    for code in list(made)[:50]:
        assert len(code) == 16
        assert set(code) <= set(codes.ALPHABET)
        assert not set(code) & set("ILOU")
    assert codes.CODE_BITS >= 64


def test_grouped_for_reading_aloud():
    assert codes.group("ABCD0123EFGH4567") == "ABCD-0123-EFGH-4567"


@pytest.mark.parametrize(
    "typed", ["abcd-0123-efgh-4567", " ABCD 0123 EFGH 4567 ", "ABCD0123EFGH4567", "abcd_0123.efgh-4567"]
)
def test_typed_codes_are_normalised(typed):
    assert codes.normalise(typed) == "ABCD0123EFGH4567"


def test_easily_confused_letters_are_read_as_digits():
    assert codes.normalise("OOOO-IIII-LLLL-0000") == "0000111111110000"


@pytest.mark.parametrize("bad", ["", "ABC", "ABCD0123EFGH45678", "ABCD-0123-EFGH-45U7", "x" * 500, "ABCD0123EFGH456!"])
def test_malformed_codes_are_rejected(bad):
    assert codes.normalise(bad) is None


@given(st.text(max_size=80))
def test_normalise_never_fails(text):
    result = codes.normalise(text)
    assert result is None or (len(result) == 16 and set(result) <= set(codes.ALPHABET))


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format=fmt)
    return buffer.getvalue()


def one_page_pdf(*, password: str | None = None) -> bytes:
    """A real PDF with one blank page, written by pypdf."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


MINIMAL_PDF = one_page_pdf()
# The file from issue 12: a PDF header, an HTML page, an end-of-file marker. Not a PDF at all.
POLYGLOT_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (MINIMAL_PDF, uploads.PDF),
        (image_bytes("PNG"), uploads.PNG),
        (image_bytes("JPEG"), uploads.JPEG),
        (image_bytes("WEBP"), uploads.WEBP),
    ],
)
def test_real_pdfs_and_images_pass(data, expected):
    assert uploads.check(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00 a windows program",
        b"<html><script>alert(1)</script></html>",
        b"%PDF-1.4 but cut short",
        POLYGLOT_PDF,
        b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",  # a catalogue, no pages
        one_page_pdf(password="secret"),
        MINIMAL_PDF[: len(MINIMAL_PDF) // 2],
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,  # a PNG signature with nothing behind it
        image_bytes("GIF"),
        b"",
    ],
)
def test_anything_else_fails(data):
    assert uploads.check(data) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (POLYGLOT_PDF, uploads.BROKEN_PDF),
        (one_page_pdf(password="secret"), uploads.LOCKED_PDF),
        (b"Certificate of completion\n", uploads.NOT_READABLE),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, uploads.BROKEN_IMAGE),
    ],
)
def test_refusals_say_what_is_wrong(data, message):
    with pytest.raises(uploads.Refused, match=message[:30]):
        uploads.accept(data)


def test_a_pdf_is_kept_exactly_as_uploaded():
    certificate = uploads.accept(MINIMAL_PDF)
    assert certificate.content_type == uploads.PDF
    assert certificate.data == MINIMAL_PDF


def test_pictures_are_redrawn_without_metadata_or_trailing_bytes():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0131] = "Secret software"  # Software
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (200, 10, 10)).save(buffer, format="JPEG", exif=exif.tobytes())
    uploaded = buffer.getvalue() + b"<html><script>alert(1)</script></html>"

    certificate = uploads.accept(uploaded)

    assert certificate.content_type == uploads.JPEG
    assert b"<script>" not in certificate.data and b"Secret software" not in certificate.data
    with Image.open(io.BytesIO(certificate.data)) as redrawn:
        assert redrawn.format == "JPEG" and redrawn.size == (20, 10)
        assert not redrawn.getexif()


def test_a_png_with_text_chunks_and_trailing_junk_is_redrawn():
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "hidden note")
    buffer = io.BytesIO()
    Image.new("RGBA", (8, 8), (0, 0, 255, 128)).save(buffer, format="PNG", pnginfo=text)
    uploaded = buffer.getvalue() + b"PK\x03\x04 a zip tacked on"

    certificate = uploads.accept(uploaded)

    assert certificate.data.endswith(b"IEND\xaeB`\x82")
    assert b"hidden note" not in certificate.data and b"PK\x03\x04" not in certificate.data
    with Image.open(io.BytesIO(certificate.data)) as redrawn:
        assert redrawn.format == "PNG" and redrawn.mode == "RGBA"
        assert "Comment" not in redrawn.info
        assert redrawn.getpixel((0, 0)) == (0, 0, 255, 128)


def test_a_sideways_phone_photo_is_turned_upright_before_its_exif_goes():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    buffer = io.BytesIO()
    Image.new("RGB", (30, 10), "white").save(buffer, format="JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(uploads.accept(buffer.getvalue()).data)) as redrawn:
        assert redrawn.size == (10, 30)


def test_pictures_too_large_to_open_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 63)  # the picture is 8 × 8
    with pytest.raises(uploads.Refused, match="too large"):
        uploads.accept(image_bytes("PNG"))
