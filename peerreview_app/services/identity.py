"""Signing identities: make a self-signed one, import one as the current identity, show which it is."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peerreview_app import config
from peerreview_app.domain.completeness import check
from peerreview_app.fileio import atomic_write_bytes
from peerreview_app.i18n import _
from peerreview_app.services.errors import InputError
from peerreview_app.services.files import read_input_file
from peerreview_app.services.workbench import Workbench

if TYPE_CHECKING:
    from peerreview_app.reports.signing import Identity

# pyHanko loads only when an identity is made or read: showing the current one (the settings) stays instant.

IDENTITY_FILE = "identity.p12"
SUMMARY_FILE = "identity.json"


@dataclass(frozen=True, slots=True)
class IdentitySummary:
    """What the settings show about the current identity, readable without its passphrase."""

    name: str
    email: str
    fingerprint: str
    not_after: datetime
    path: Path


@dataclass(frozen=True, slots=True)
class ImportedIdentity:
    summary: IdentitySummary
    members_updated: int  # panel members (of editable reviews) that now carry this certificate


def create_identity_file(name: str, email: str, passphrase: str, path: Path, *, now: datetime) -> Identity:
    """Write a new self-signed identity to `path` (PKCS#12, key protected by `passphrase`)."""
    if path.suffix.lower() not in {".p12", ".pfx"}:
        raise InputError(_("{path}: an identity file ends in .p12 or .pfx").format(path=path))
    from peerreview_app.reports.signing import create_identity, load_identity  # noqa: PLC0415

    content = create_identity(name, email, passphrase, now=now)
    identity = load_identity(content, passphrase, now=now, source=path.name)
    atomic_write_bytes(path, content)
    return identity


def read_identity_file(path: Path, passphrase: str, *, now: datetime) -> Identity:
    """The identity in `path`, checked for use at `now` (its passphrase, validity and key usage)."""
    return _load(read_input_file(path), path, passphrase, now=now)


def _load(content: bytes, path: Path, passphrase: str, *, now: datetime) -> Identity:
    from peerreview_app.reports.signing import load_identity  # noqa: PLC0415

    return load_identity(content, passphrase, now=now, source=path.name)


def import_identity(workbench: Workbench, path: Path, passphrase: str) -> ImportedIdentity:
    """Make the identity in `path` the current one and record its fingerprint on the matching panel members.

    A panel member matches by e-mail address. Adopted reviews are not touched: their panel is locked.
    """
    content = read_input_file(path)  # read once: the copy kept is the file that was checked
    identity = _load(content, path, passphrase, now=workbench.clock())
    folder = config.identity_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(folder / IDENTITY_FILE, content)
    summary = IdentitySummary(identity.name, identity.email, identity.fingerprint, identity.not_after, folder)
    atomic_write_bytes(folder / SUMMARY_FILE, json.dumps(_summary_json(summary), indent=2).encode())
    return ImportedIdentity(summary, _record_fingerprint(workbench, identity))


def current_identity() -> IdentitySummary | None:
    """The imported identity, or None."""
    folder = config.identity_dir()
    try:
        data = json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (folder / IDENTITY_FILE).is_file():
        return None
    return IdentitySummary(
        data["name"], data["email"], data["fingerprint"], datetime.fromisoformat(data["not_after"]), folder
    )


def current_identity_file() -> Path:
    """The PKCS#12 file of the current identity; `InputError` when none was imported."""
    path = config.identity_dir() / IDENTITY_FILE
    if not path.is_file():
        raise InputError(_("No signing identity yet: create one with 'peerreview identity create' and import it."))
    return path


def _summary_json(summary: IdentitySummary) -> dict[str, str]:
    return {
        "name": summary.name,
        "email": summary.email,
        "fingerprint": summary.fingerprint,
        "not_after": summary.not_after.isoformat(),
    }


def _record_fingerprint(workbench: Workbench, identity: Identity) -> int:
    email = identity.email.strip().casefold()
    if not email:
        return 0
    updated = 0
    with workbench.uow() as uow:
        for review_id in uow.reviews.with_member_email(email):
            review = uow.reviews.get(review_id)
            matches = [m for m in review.members if m.email.strip().casefold() == email]
            if not matches or review.locked:
                continue
            changed = False
            for member in matches:
                if member.certificate_fingerprint != identity.fingerprint:
                    review.update_member(member.id, certificate_fingerprint=identity.fingerprint)
                    changed = True
                    updated += 1
            if changed:
                uow.reviews.save(review, check(review))
        uow.commit()
    return updated
