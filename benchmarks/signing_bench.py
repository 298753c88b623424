"""Signing benchmark: export a full review, sign it twice and verify it, in-process (target < 0.6 s)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.harness import Result, absolute_result, median_time, print_table
from peerreview_app.domain.review import Review
from peerreview_app.reports.pdf import build_report
from peerreview_app.reports.signing import Identity, create_identity, load_identity, sign_pdf, verify_pdf
from peerreview_app.services import reviews
from peerreview_app.services.demo import ASSESSMENT_ID, fill_demo
from peerreview_app.services.workbench import Workbench

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
TARGET_SECONDS = 0.6


def run(quick: bool) -> list[Result]:
    """The export + two signatures + verification of the demo assessment review, beside the bare export."""
    runs = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="signing-bench-") as folder:
        review = full_assessment_review(Path(folder))
    slots = build_report(review).signature_slots
    # Made once and untimed: creating an RSA key pair is a one-time act per panel member, not part of signing.
    identities = [_identity(slot.name) for slot in slots]

    def export(state: Review) -> bytes:
        return build_report(state).content

    def export_sign_verify(state: tuple[Review, list[Identity]]) -> None:
        review, signers = state
        report = build_report(review)
        pdf = report.content
        for slot, signer in zip(report.signature_slots, signers, strict=True):
            pdf = sign_pdf(pdf, signer, signed_at=NOW, field=slot.field_name, stamp_lines=(slot.role.value,))
        verification = verify_pdf(pdf)
        assert verification.ok and len(verification.signatures) == len(signers) >= 2

    def sign_verify(state: tuple[bytes, list[Identity]]) -> None:
        pdf, signers = state
        for signer in signers:
            pdf = sign_pdf(pdf, signer, signed_at=NOW)
        assert verify_pdf(pdf).ok

    baseline = median_time(lambda: review, export, runs)
    seconds = median_time(lambda: (review, identities), export_sign_verify, runs)
    signing_only = median_time(lambda: (export(review), identities), sign_verify, runs)
    return [
        absolute_result(
            f"export + {len(slots)} signatures + verification of a full review (in-process)",
            seconds,
            "the export alone (build_report)",
            baseline,
            TARGET_SECONDS,
            note=(
                f"demo assessment review; signing {len(slots)}× and verifying alone: {signing_only:.3f} s "
                "(PAdES B-B, RSA-3072, stamps in embedded Noto Sans, offline)"
            ),
        )
    ]


def full_assessment_review(folder: Path) -> Review:
    """The demo's fully filled assessment review, from a demo database in `folder`."""
    workbench = Workbench.open(str(folder / "demo.sqlite3"), actor="benchmark")
    try:
        fill_demo(workbench)
        return reviews.get_review(workbench, ASSESSMENT_ID)
    finally:
        workbench.close()


def _identity(name: str) -> Identity:
    p12 = create_identity(name, "lid@example.nl", "benchmark", now=NOW - timedelta(days=1))
    return load_identity(p12, "benchmark", now=NOW)


if __name__ == "__main__":
    # ``python -m benchmarks.signing_bench [--quick]``: this benchmark alone, in a throw-away data folder.
    with tempfile.TemporaryDirectory(prefix="peerreview-bench-") as data:
        os.environ["PEERREVIEW_DATA_DIR"] = str(Path(data) / "data")
        results = run("--quick" in sys.argv)
    print_table(results)
    sys.exit(0 if all(r.met for r in results) else 1)
