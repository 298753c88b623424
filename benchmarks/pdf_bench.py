"""PDF report benchmarks: the in-process export against bare reportlab, the CLI export against LibreOffice.

``run(quick)`` answers two lines:

1. *export-pdf in-process*: load the demo's full 4 × 6 assessment review from the database
   (`services.reviews.get_review`) and build its report, against the floor: the same text paragraphs, pre-extracted
   without the database, in the same fonts and styles, built by a plain reportlab ``SimpleDocTemplate``. Target ≤ 2×.
2. *export-pdf as a process*: ``python -m peerreview_app --db DB export-pdf REVIEW -o FILE``, against LibreOffice
   headless converting a DOCX of the same content (made here with python-docx). Target: ours at least 6× faster.
   Without ``soffice`` the line is reported as skipped (met, with a note), not failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.harness import Result, median_time, ratio_result
from peerreview_app.domain.kind import FieldType, Scope
from peerreview_app.domain.review import Review
from peerreview_app.reports.fonts import register_fonts
from peerreview_app.reports.pdf import build_report
from peerreview_app.reports.pdf.styles import styles
from peerreview_app.services import reviews
from peerreview_app.services.demo import ASSESSMENT_ID, fill_demo
from peerreview_app.services.workbench import Workbench

ROOT = Path(__file__).resolve().parent.parent
REVIEW_ID = ASSESSMENT_ID  # the demo's beoordelingsgerichte review: 4 standards × 6 criteria, fully filled


def run(quick: bool) -> list[Result]:
    """Both PDF benchmark lines, in a temporary folder of their own."""
    with tempfile.TemporaryDirectory(prefix="peerreview-pdf-bench-") as folder:
        work = Path(folder)
        env = {**os.environ, "PEERREVIEW_DATA_DIR": os.environ.get("PEERREVIEW_DATA_DIR", str(work / "data"))}
        database = work / "demo.sqlite3"
        with Workbench.open(str(database), actor="benchmark") as workbench:
            fill_demo(workbench)
        return [
            bench_in_process(database, 5 if quick else 11),
            bench_process(database, work, env, 2 if quick else 3),
        ]


# -- 1. in-process export against bare reportlab ----------------------------------------------------------


def bench_in_process(database: Path, runs: int) -> Result:
    register_fonts()
    workbench = Workbench.open(str(database), actor="benchmark")
    try:
        review = reviews.get_review(workbench, REVIEW_ID)
        pages = build_report(review).page_count  # warm: fonts parsed, styles made, modules imported
        paragraphs = report_paragraphs(review)
        floor_pages = bare_reportlab(paragraphs)

        def export(wb: Workbench) -> None:
            build_report(reviews.get_review(wb, REVIEW_ID))

        seconds = median_time(lambda: workbench, export, runs)
        baseline = median_time(lambda: paragraphs, bare_reportlab, runs)
    finally:
        workbench.close()
    return ratio_result(
        "export-pdf in-process (get_review + build_report, 4×6 assessment review)",
        seconds,
        "bare reportlab, same paragraphs (SimpleDocTemplate)",
        baseline,
        2,
        note=f"{pages} pages against {floor_pages} in the bare build; {len(paragraphs)} paragraphs, same fonts",
    )


def report_paragraphs(review: Review) -> list[tuple[str, str]]:
    """The report's texts as (style, text) pairs: what a bare build of the same content has to set."""
    language = review.language
    kind = review.forms.kind
    found: list[tuple[str, str]] = [("cover_title", review.partnership.name), ("body", review.title)]
    found += [("cell", f"{m.name} · {m.role.value} · {m.organisation}") for m in review.members]
    found.append(("body", kind.description.get(language)))
    found.append(("note", review.framework.source_note.get(language)))
    for conversation in review.conversations:
        found.append(("cell", f"{conversation.title} · {conversation.participants} · {conversation.location}"))

    def values(scope: Scope, holder: dict[str, Any]) -> None:
        for spec in kind.fields_for(scope):
            value = holder.get(spec.id)
            if not value:
                continue
            found.append(("label", spec.label.get(language)))
            if spec.type is FieldType.LIST:
                found.extend(("bullet", f"• {item}") for item in value)
            elif spec.type is FieldType.TEXT:
                found.extend(("body", part) for part in str(value).split("\n\n") if part.strip())
            else:
                found.append(("body", str(value)))

    for standard in review.framework.standards:
        found += [("h2", standard.title.get(language)), ("muted", standard.description.get(language))]
        for criterion in standard.criteria:
            found += [("h3", f"{criterion.id} {criterion.title.get(language)}")]
            found.append(("muted", criterion.description.get(language)))
            values(Scope.CRITERION, review.findings[criterion.id].values)
            found += [("small", j.dissent) for j in review.judgements_for_criterion(criterion.id) if j.dissent]
        values(Scope.STANDARD, review.standard_conclusions[standard.id].values)
    if review.conclusion is not None:
        values(Scope.CONCLUSION, review.conclusion.values)
    found += [("cell", f"{c.id} {c.title.get(language)}") for c in review.framework.criteria()]
    return [(style, text.replace("&", "&amp;").replace("<", "&lt;")) for style, text in found if text.strip()]


def bare_reportlab(paragraphs: list[tuple[str, str]]) -> int:
    """The floor: the same paragraphs, same fonts and styles, one plain SimpleDocTemplate; answers the page count."""
    import io

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from peerreview_app.reports.fonts import FONTS

    look = styles()
    previous = rl_config.useA85
    rl_config.useA85 = 0  # the same stream compression as the report (plain Flate)
    try:
        document = SimpleDocTemplate(io.BytesIO(), pagesize=A4, initialFontName=FONTS.regular, invariant=1)
        document.build([Paragraph(text, getattr(look, style)) for style, text in paragraphs])
    finally:
        rl_config.useA85 = previous
    return int(document.page)


# -- 2. the CLI as a whole process against LibreOffice converting a DOCX -----------------------------------


def bench_process(database: Path, work: Path, env: dict[str, str], runs: int) -> Result:
    name = "export-pdf as a process (python -m peerreview_app export-pdf)"
    command, how = export_command(database, work / "ours.pdf", env)
    run_command(command, env)  # warm the file cache and the bytecode, as LibreOffice gets a warm-up too
    seconds = median_time(lambda: None, lambda _: run_command(command, env), runs)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    baseline_name = "LibreOffice headless converting a DOCX of the same content"
    if soffice is None:
        return Result(
            name, seconds, baseline_name, 0.0, 0.0, "≤ 1/6 of LibreOffice", True, note="skipped: soffice not installed"
        )
    workbench = Workbench.open(str(database), actor="benchmark")
    try:
        docx = write_docx(reviews.get_review(workbench, REVIEW_ID), work / "report.docx")
    finally:
        workbench.close()
    profile = work / "lo-profile"
    convert = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(work / "lo"),
        str(docx),
    ]
    run_command(convert, env)  # the first start creates the fresh profile; not timed
    if not (work / "lo" / "report.pdf").is_file():
        return Result(name, seconds, baseline_name, 0.0, 0.0, "≤ 1/6 of LibreOffice", False, note="soffice made no PDF")
    baseline = median_time(lambda: None, lambda _: run_command(convert, env), runs)
    minimal = median_time(lambda: None, lambda _: run_command(minimal_command(database, work / "m.pdf"), env), runs)
    note = f"{how}; a process importing only the workbench and the report code takes {minimal:.2f} s"
    return ratio_result(name, seconds, baseline_name, baseline, 1 / 6, note=note)


def export_command(database: Path, out: Path, env: dict[str, str]) -> tuple[list[str], str]:
    """The CLI export, or (before the CLI had ``export-pdf``) a ``python -c`` running the same code."""
    cli = [sys.executable, "-m", "peerreview_app", "--db", str(database), "export-pdf", str(REVIEW_ID), "-o", str(out)]
    probe = subprocess.run(
        [sys.executable, "-m", "peerreview_app", "export-pdf", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=False,
    )
    if probe.returncode == 0:
        return cli, "the real CLI command; LibreOffice gets one untimed warm-up start for its fresh profile"
    return minimal_command(database, out), "export-pdf not in the CLI yet: a python -c running the same code"


def minimal_command(database: Path, out: Path) -> list[str]:
    """A ``python -c`` that loads the review and writes its report, importing nothing else: the process floor."""
    code = (
        "import sys; from uuid import UUID; from pathlib import Path; "
        "from peerreview_app.services.workbench import Workbench; from peerreview_app.services import reviews; "
        "from peerreview_app.reports.pdf import build_report; from peerreview_app.fileio import atomic_write_bytes; "
        "wb = Workbench.open(sys.argv[1], actor='benchmark'); "
        "atomic_write_bytes(Path(sys.argv[3]), build_report(reviews.get_review(wb, UUID(sys.argv[2]))).content)"
    )
    return [sys.executable, "-c", code, str(database), str(REVIEW_ID), str(out)]


def run_command(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True, timeout=600)
    return time.perf_counter() - start


def write_docx(review: Review, path: Path) -> Path:
    """A DOCX with the report's content: headings, paragraphs, bullet lists, the programme and overview tables."""
    from docx import Document  # benchmark-only dependency (the `bench` extra)

    language = review.language
    document: Any = Document()  # python-docx is partly untyped
    document.add_heading(review.partnership.name, 0)
    document.add_paragraph(review.title)
    document.add_heading("Inleiding", 1)
    document.add_paragraph(review.forms.kind.description.get(language))
    document.add_paragraph(review.framework.source_note.get(language))
    document.add_heading("Bezoekprogramma", 1)
    rows = [
        (f"{c.starts_at or ''}–{c.ends_at or ''}", c.title, c.participants, c.location) for c in review.conversations
    ]
    _docx_table(document, ("Tijd", "Gesprek", "Deelnemers", "Locatie"), rows)
    document.add_heading("Bevindingen per waarborg", 1)
    for standard in review.framework.standards:
        document.add_page_break()
        document.add_heading(standard.title.get(language), 2)
        document.add_paragraph(standard.description.get(language))
        for criterion in standard.criteria:
            document.add_heading(f"{criterion.id} {criterion.title.get(language)}", 3)
            document.add_paragraph(criterion.description.get(language))
            _docx_values(document, review, Scope.CRITERION, review.findings[criterion.id].values)
            for judgement in review.judgements_for_criterion(criterion.id):
                if judgement.dissent:
                    document.add_paragraph(judgement.dissent)
        _docx_values(document, review, Scope.STANDARD, review.standard_conclusions[standard.id].values)
    document.add_page_break()
    document.add_heading("Conclusie", 1)
    if review.conclusion is not None:
        _docx_values(document, review, Scope.CONCLUSION, review.conclusion.values)
    document.add_heading("Overzicht", 1)
    overview = [
        (f"{c.id} {c.title.get(language)}", review.panel_judgement(c.id) or "–") for c in review.framework.criteria()
    ]
    _docx_table(document, ("Kenmerk", "Oordeel"), overview)
    document.add_heading("Bijlage: panel", 1)
    for member in review.members:
        document.add_paragraph(f"{member.name}, {member.role.value}, {member.organisation}")
    document.save(str(path))
    return path


def _docx_table(document: Any, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _docx_values(document: Any, review: Review, scope: Scope, values: dict[str, Any]) -> None:
    for spec in review.forms.kind.fields_for(scope):
        value = values.get(spec.id)
        if not value:
            continue
        document.add_heading(spec.label.get(review.language), 4)
        if spec.type is FieldType.LIST:
            for item in value:
                document.add_paragraph(str(item), style="List Bullet")
        else:
            for part in str(value).split("\n\n"):
                document.add_paragraph(part)


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table(run(quick="--quick" in sys.argv))
