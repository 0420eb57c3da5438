"""Certificate verification codes: 80 random bits in Crockford base32, read aloud in groups of four.

Crockford's alphabet leaves out I, L, O and U, so a code read over the phone can't be misheard as
another; typed input is normalised (lower case, O for 0, I and L for 1, spaces and dashes dropped).
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS = 80
CODE_LENGTH = CODE_BITS // 5  # 16 characters
GROUP = 4
_TYPO_MAP = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh code from the operating system's random source (16 characters, 80 bits)."""
    number = secrets.randbits(CODE_BITS)
    chars = []
    for _ in range(CODE_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def group(code: str) -> str:
    """ABCD-EFGH-JKMN-PQRS: easier to read aloud and to copy."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(text: str) -> str | None:
    """The canonical code for what someone typed, or None when it cannot be a code."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_.").translate(_TYPO_MAP)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
