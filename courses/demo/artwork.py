"""Calm abstract hero images for the demo courses, drawn with Pillow.

Drawn rather than shipped so the repository holds no binary art, and deterministic (no randomness,
no timestamps in the file) so every run produces the same bytes and the loader can tell an
unchanged image from one that needs replacing.
"""

import hashlib
import math
from functools import lru_cache
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter
from wagtail.images import get_image_model

from .spec import ArtworkSpec

SIZE = (1600, 800)


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


@lru_cache(maxsize=8)
def draw(spec: ArtworkSpec, size: tuple[int, int] = SIZE) -> bytes:
    """The PNG bytes of the artwork: a soft vertical gradient, an optional glow, and layered waves.

    Cached: drawing takes a noticeable fraction of a second, and the result never changes within a process.
    """
    width, height = size
    top, bottom = (_rgb(colour) for colour in spec.sky)
    mask = Image.linear_gradient("L").resize(size)
    canvas = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask).convert("RGBA")

    if spec.sun is not None:
        colour, x, y, radius = spec.sun
        # Transparent pixels carry the layer colour, so blurring softens the edge without a dark fringe.
        glow = Image.new("RGBA", size, (*_rgb(colour), 0))
        r = radius * height
        cx, cy = x * width, y * height
        ImageDraw.Draw(glow).ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*_rgb(colour), 170))
        reach = r + r  # the disc plus three blur radii around it
        box = (
            max(int(cx - reach), 0),
            max(int(cy - reach), 0),
            min(int(cx + reach), width),
            min(int(cy + reach), height),
        )
        glow.paste(glow.crop(box).filter(ImageFilter.GaussianBlur(radius=r / 3)), box[:2])
        canvas = Image.alpha_composite(canvas, glow)

    step = 8
    for colour, level, amplitude, wavelength, phase in spec.waves:
        layer = Image.new("RGBA", size, (*_rgb(colour), 0))
        baseline = level * height
        points = [
            (
                x,
                baseline
                + amplitude * height * math.sin(2 * math.pi * x / (wavelength * width) + phase)
                + amplitude * height * 0.35 * math.sin(2 * math.pi * x / (wavelength * width * 0.43) + phase * 1.7),
            )
            for x in range(0, width + step, step)
        ]
        ImageDraw.Draw(layer).polygon([*points, (width, height), (0, height)], fill=(*_rgb(colour), 215))
        # Only the band around the wave's edge changes when blurred: blur that strip, not the whole canvas.
        ys = [y for _, y in points]
        band = (0, max(int(min(ys)) - 16, 0), width, min(int(max(ys)) + 16, height))
        layer.paste(layer.crop(band).filter(ImageFilter.GaussianBlur(radius=4)), band[:2])
        canvas = Image.alpha_composite(canvas, layer)

    buffer = BytesIO()
    canvas.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_image(spec: ArtworkSpec):
    """The Wagtail image with this title, created (or its file redrawn) only when it is missing or out of date."""
    Image_ = get_image_model()
    data = draw(spec)
    digest = hashlib.sha1(data).hexdigest()
    image = Image_.objects.filter(title=spec.title).order_by("pk").first()
    if image is not None:
        stored = image.file.name and image.file.storage.exists(image.file.name)
        if stored and image.file_hash == digest:
            return image
        image.renditions.all().delete()
    else:
        image = Image_(title=spec.title)
    image.file.save(spec.filename, ContentFile(data), save=False)
    image.width, image.height = SIZE
    image._set_image_file_metadata()
    image.save()
    return image
