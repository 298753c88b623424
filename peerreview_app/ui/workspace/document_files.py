"""What the documents page needs around files: sizes and dates as text, viewer copies, dropped paths."""

from __future__ import annotations

import hashlib
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from peerreview_app.domain.documents import Document
from peerreview_app.fileio import atomic_write_bytes, safe_file_name
from peerreview_app.i18n import _, ngettext
from peerreview_app.ui.qt import QDesktopServices, QMimeData, QUrl
from peerreview_app.ui.workspace.dates import locale, to_qdate

Opener = Callable[[Path], bool]
"""Shows a file to the user (the system viewer by default); answers False when nothing could open it."""

_UNITS = ("KB", "MB", "GB")

_session_dir: tempfile.TemporaryDirectory[str] | None = None


def size_text(size: int) -> str:
    """E.g. ``812 bytes``, ``1,2 MB`` (the decimal comma of the interface language)."""
    if size < 1024:
        return ngettext("{count} byte", "{count} bytes", size).format(count=size)
    value = size / 1024
    step = 0
    while value >= 1024 and step < len(_UNITS) - 1:
        value /= 1024
        step += 1
    return f"{locale().toString(value, 'f', 1)} {_UNITS[step]}"


def added_text(document: Document) -> str:
    """When and by whom, in local time: e.g. ``8 okt 2026 14:05 door Anna``."""
    moment = document.added_at.astimezone()
    when = f"{locale().toString(to_qdate(moment.date()), 'd MMM yyyy').replace('.', '')} {moment:%H:%M}"
    return _("{when} by {who}").format(when=when, who=document.added_by) if document.added_by else when


def open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def session_folder() -> Path:
    """A temporary folder for viewer copies, removed when the application ends."""
    global _session_dir  # noqa: PLW0603 - one folder per running application
    if _session_dir is None:
        _session_dir = tempfile.TemporaryDirectory(prefix="peerreview-documents-", ignore_cleanup_errors=True)
    return Path(_session_dir.name)


def viewer_copy(document: Document, content: bytes, folder: Path | None = None) -> Path:
    """A read-only copy of the document under its own name, for a viewer; reused while it is unchanged.

    Each document gets its own subfolder, so two documents with the same name do not overwrite each other.
    """
    target = (folder or session_folder()) / document.id.hex[:12] / safe_file_name(document.name)
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == document.sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.chmod(stat.S_IREAD | stat.S_IWRITE)
    atomic_write_bytes(target, content)
    # Read-only: an edit in the viewer must not look as if it changed the document in the review.
    target.chmod(stat.S_IREAD)
    return target


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files (not folders) among dropped URLs; empty when anything else was dropped."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if len(paths) != len(mime.urls()) or not all(p.is_file() for p in paths):
        return []
    return paths
