"""Verification codes and what counts as an uploaded certificate."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

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


MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


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
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,  # a PNG signature with nothing behind it
        image_bytes("GIF"),
        b"",
    ],
)
def test_anything_else_fails(data):
    assert uploads.check(data) is None
