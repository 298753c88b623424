"""Certificate fingerprints: how panel members recognise each other's self-signed identities."""

from __future__ import annotations

import hashlib

SHORT_LENGTH = 16  # hex digits on a signature stamp: 64 bits, enough to tell identities apart at a glance


def certificate_fingerprint(certificate_der: bytes) -> str:
    """The SHA-256 of the DER certificate as 64 lowercase hex digits."""
    return hashlib.sha256(certificate_der).hexdigest()


def format_fingerprint(fingerprint: str) -> str:
    """`fingerprint` in upper-case groups of four for reading aloud and comparing, e.g. ``3F2A 91C0 …``."""
    digits = normalize_fingerprint(fingerprint).upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits, grouped: what fits on a signature stamp."""
    return format_fingerprint(normalize_fingerprint(fingerprint)[:SHORT_LENGTH])


def normalize_fingerprint(fingerprint: str) -> str:
    """Lowercase hex without separators, so ``3F:2A``, ``3F2A 91C0`` and ``3f2a91c0`` compare equal."""
    return "".join(c for c in fingerprint.lower() if c in "0123456789abcdef")
