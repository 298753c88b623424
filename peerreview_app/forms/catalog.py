"""The installed forms: the shipped ones plus those an administrator imported, each validated on load."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from peerreview_app.forms.errors import FormError, FormProblem
from peerreview_app.forms.loader import FRAMEWORK, REVIEW_KIND, FormFile, load_form_file


@dataclass
class FormCatalog:
    """Every form file in `folders` (later folders win for the same id and version)."""

    folders: tuple[Path, ...]
    forms: list[FormFile] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)

    @classmethod
    def load(cls, *folders: Path) -> FormCatalog:
        catalog = cls(tuple(folders))
        found: dict[str, FormFile] = {}
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*.yaml")):
                if "schema" in path.relative_to(folder).parts:
                    continue
                try:
                    form = load_form_file(path)
                except FormError as exc:
                    catalog.problems.extend(exc.problems)
                    continue
                found[f"{form.format}:{form.key}"] = form
        catalog.forms = sorted(found.values(), key=lambda f: (f.format, f.id, _version_key(f.version)))
        return catalog

    def frameworks(self) -> list[FormFile]:
        return [f for f in self.forms if f.format == FRAMEWORK]

    def kinds(self) -> list[FormFile]:
        return [f for f in self.forms if f.format == REVIEW_KIND]

    def framework(self, framework_id: str, version: str | None = None) -> FormFile:
        """A framework by id (the newest version unless `version` is given); ``id@version`` also works."""
        return _pick(self.frameworks(), framework_id, version, "framework")

    def kind_form(self, kind_or_id: str, version: str | None = None) -> FormFile:
        """A review-kind form by its id (``beoordelingsgericht``) or by kind (``assessment``)."""
        candidates = [f for f in self.kinds() if f.kind is not None and f.kind.kind.value == kind_or_id]
        if candidates and version is None:
            return candidates[-1]
        return _pick(self.kinds(), kind_or_id, version, "review kind")


def _pick(forms: list[FormFile], form_id: str, version: str | None, what: str) -> FormFile:
    if version is None and "@" in form_id:
        form_id, version = form_id.split("@", 1)
    matches = [f for f in forms if f.id == form_id and (version is None or f.version == version)]
    if not matches:
        known = ", ".join(sorted({f.key for f in forms})) or "none installed"
        wanted = f"{form_id}@{version}" if version else form_id
        raise LookupError(f"no {what} {wanted!r} (installed: {known})")
    return matches[-1]


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    parts = version.replace("-", ".").split(".")
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in parts)


def install_form(source: Path, folder: Path) -> tuple[FormFile, Path, bool]:
    """Validate `source` and copy it into `folder` atomically as ``<id>@<version>.yaml``.

    Answers the form, where it went, and whether it was new. A different file with the same id and version is
    refused: a form version, once used by reviews, must never change under them.
    """
    form = load_form_file(source)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{form.id}@{form.version}.yaml"
    content = source.read_bytes()
    if target.exists():
        existing = load_form_file(target)
        if existing.sha256 == form.sha256:
            return form, target, False
        raise FormError(
            [
                FormProblem(
                    str(source),
                    None,
                    None,
                    "version",
                    f"{form.key} is already installed with different content; give the changed form a new version",
                )
            ]
        )
    handle, partial = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".yaml")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        Path(partial).replace(target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return form, target, True
