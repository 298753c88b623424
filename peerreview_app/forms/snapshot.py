"""The snapshot of the forms a review was started with: canonical JSON, its SHA-256, and a cached parse."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from peerreview_app.domain.review import Forms
from peerreview_app.forms import build


def canonical_json(data: object) -> str:
    """The one JSON text of `data` that hashes and snapshots use."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def snapshot_content(framework_data: dict[str, Any], kind_data: dict[str, Any]) -> tuple[str, str]:
    """The canonical snapshot JSON of a framework and a review kind, and its SHA-256."""
    content = canonical_json({"framework": framework_data, "kind": kind_data})
    return content, hashlib.sha256(content.encode("utf-8")).hexdigest()


@lru_cache(maxsize=64)
def forms_from_snapshot(content: str, sha256: str) -> Forms:
    """The domain forms of a snapshot; cached, since a snapshot never changes once stored."""
    if hashlib.sha256(content.encode("utf-8")).hexdigest() != sha256:
        raise ValueError(f"the forms snapshot {sha256[:12]} does not match its hash; the database was altered")
    data = json.loads(content)
    return Forms(build.framework(data["framework"]), build.kind(data["kind"]), sha256)


def snapshot_data(content: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(content)
    return data
