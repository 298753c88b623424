"""Storage and service benchmarks: creating, listing and opening reviews."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import yaml
from sqlalchemy import insert

from benchmarks.harness import Result, absolute_result, median_time, ratio_result
from peerreview_app import config
from peerreview_app.domain.completeness import check
from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.records import Conversation, MemberJudgement, Note
from peerreview_app.domain.review import Review
from peerreview_app.forms.catalog import install_form
from peerreview_app.forms.paths import builtin_forms_dir
from peerreview_app.forms.snapshot import forms_from_snapshot, snapshot_content
from peerreview_app.services import partnerships, reviews
from peerreview_app.services.reviews import choose_forms
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage import mapping as mp, models as m

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _workbench(folder: Path, name: str) -> Workbench:
    return Workbench.open(str(folder / name), actor="benchmark")


# -- create 1,000 reviews with 24 findings each ----------------------------------------------------------


def bench_create(folder: Path, count: int, runs: int) -> list[Result]:
    """Creating reviews in one batch (the planning use case) and one at a time (one user action each)."""

    def setup_services() -> tuple[Workbench, UUID]:
        workbench = _workbench(Path(tempfile.mkdtemp(dir=folder)), "create.sqlite3")
        partnership = partnerships.create_partnership(workbench, "Benchmark Partnerschap")
        return workbench, partnership.id

    def requests(partnership_id: UUID) -> list[reviews.NewReview]:
        return [
            reviews.NewReview("assessment", partnership_id, visit_dates=(date(2026, 1, 1 + i % 28),))
            for i in range(count)
        ]

    def create_batch(state: tuple[Workbench, UUID]) -> None:
        workbench, partnership_id = state
        created = reviews.create_reviews(workbench, requests(partnership_id))
        assert len(created) == count and all(len(r.findings) == 24 for r in created)
        workbench.close()

    def create_one_by_one(state: tuple[Workbench, UUID]) -> None:
        workbench, partnership_id = state
        for request in requests(partnership_id):
            reviews.create_reviews(workbench, [request])
        workbench.close()

    def setup_core() -> tuple[Workbench, dict[type[m.Base], list[dict[str, Any]]]]:
        workbench = _workbench(Path(tempfile.mkdtemp(dir=folder)), "core.sqlite3")
        return workbench, _same_rows(workbench, count)

    def insert_core(state: tuple[Workbench, dict[type[m.Base], list[dict[str, Any]]]]) -> None:
        workbench, tables = state
        with workbench.database.engine.begin() as connection:
            for model, rows in tables.items():
                connection.execute(insert(model), rows)
        workbench.close()

    baseline = median_time(setup_core, insert_core, runs)
    batch = median_time(setup_services, create_batch, runs)
    single = median_time(setup_services, create_one_by_one, max(1, runs // 2))
    return [
        ratio_result(
            f"create {count:,} reviews × 24 findings (services, one batch)",
            batch,
            "SQLAlchemy Core bulk insert of the same rows",
            baseline,
            4,
        ),
        absolute_result(
            f"create {count:,} reviews one at a time (services, one transaction each)",
            single / count,
            "the same, per review, via Core bulk insert",
            baseline / count,
            0.005,
            note="seconds per review: one user action, committed on its own",
        ),
    ]


def _same_rows(workbench: Workbench, count: int) -> dict[type[m.Base], list[dict[str, Any]]]:
    """Exactly the rows `create_review` writes for `count` reviews, ready for executemany."""
    framework, kind = choose_forms(workbench, "assessment")
    content, sha256 = snapshot_content(framework.data, kind.data)
    forms = forms_from_snapshot(content, sha256)
    partnership_id = uuid4()
    stamp = {"updated_at": NOW, "updated_by": "benchmark", "version": 1}
    tables: dict[type[m.Base], list[dict[str, Any]]] = {
        m.FormSnapshotRow: [
            {
                "sha256": sha256,
                "content": content,
                "framework_key": framework.key,
                "kind_key": kind.key,
                "created_at": NOW,
            }
        ],
        m.PartnershipRow: [
            {"id": partnership_id, "name": "Benchmark", "sectors": [], "region": "", "status": "aspirant", **stamp}
        ],
        m.ReviewRow: [],
        m.FindingRow: [],
        m.StandardConclusionRow: [],
        m.ConclusionRow: [],
    }
    from peerreview_app.domain.partnership import Partnership

    partnership = Partnership(partnership_id, "Benchmark")
    for index in range(count):
        review = Review.start(
            title=f"Review {index}",
            forms=forms,
            partnership=partnership,
            created_at=NOW,
            created_by="benchmark",
            visit_dates=[date(2026, 1, 1 + index % 28)],
        )
        tables[m.ReviewRow].append({"id": review.id, **_review_row(review), **stamp})
        for finding in review.findings.values():
            tables[m.FindingRow].append(
                {"id": finding.id, "review_id": review.id, **mp.finding_columns(finding, 0), **stamp}
            )
        for conclusion in review.standard_conclusions.values():
            tables[m.StandardConclusionRow].append(
                {"id": conclusion.id, "review_id": review.id, **mp.standard_conclusion_columns(conclusion, 0), **stamp}
            )
        assert review.conclusion is not None
        tables[m.ConclusionRow].append(
            {"id": review.conclusion.id, "review_id": review.id, **mp.conclusion_columns(review.conclusion, 0), **stamp}
        )
    return tables


def _review_row(review: Review) -> dict[str, Any]:
    from peerreview_app.storage.reviews import _review_columns

    return _review_columns(review, check(review))


# -- list 10,000 reviews ---------------------------------------------------------------------------------

LIST_SQL = (
    "SELECT review.id, review.title, review.kind, review.phase, review.partnership_id, partnership.name, "
    "review.sectors, review.first_visit_date, review.revision, review.completeness_percent, review.open_items, "
    "review.language, review.framework_key, review.updated_at FROM review JOIN partnership ON partnership.id = "
    "review.partnership_id ORDER BY review.first_visit_date DESC, review.title, review.revision DESC"
)


def bench_list(folder: Path, count: int, runs: int) -> Result:
    workbench = _workbench(folder, "list.sqlite3")
    tables = _same_rows(workbench, count)
    with workbench.database.engine.begin() as connection:
        for model, rows in tables.items():
            connection.execute(insert(model), rows)
    listed = reviews.list_reviews(workbench)
    assert len(listed) == count

    seconds = median_time(lambda: workbench, reviews.list_reviews, runs)

    def raw(path: Path) -> None:
        connection = sqlite3.connect(path)
        try:
            rows = connection.execute(LIST_SQL).fetchall()
        finally:
            connection.close()
        assert len(rows) == count

    baseline = median_time(lambda: folder / "list.sqlite3", raw, runs)
    workbench.close()
    return ratio_result(
        f"list {count:,} reviews (services)", seconds, "one raw SELECT (sqlite3, fetchall)", baseline, 3
    )


# -- open one 40-criterion review ------------------------------------------------------------------------


def forty_criteria_review(workbench: Workbench, folder: Path) -> UUID:
    """A full assessment review on a 5 × 8 framework (200 notes, 160 member judgements); answers its id."""
    form_path = _forty_criteria_framework(folder)
    install_form(form_path, config.user_forms_dir())
    workbench.reload_forms()
    review = reviews.create_review(
        workbench,
        kind="assessment",
        partnership="Veertig Kenmerken",
        framework="kwaliteitskader-so@9.0-benchmark",
        visit_dates=[date(2026, 3, 3)],
    )
    assert review.framework.criterion_count == 40
    full = reviews.get_review(workbench, review.id)
    _fill(full)
    with workbench.uow() as uow:
        uow.reviews.delete(full.id)
        uow.flush()
        uow.reviews.add(full, check(full))
        uow.commit()
    return review.id


def bench_open(folder: Path, runs: int) -> Result:
    workbench = _workbench(folder, "open.sqlite3")
    review_id = forty_criteria_review(workbench, folder)

    seconds = median_time(lambda: workbench, lambda wb: reviews.get_review(wb, review_id), runs)
    loaded = reviews.get_review(workbench, review_id)
    assert len(loaded.notes) == 200 and len(loaded.member_judgements) == 160

    def raw(path: Path) -> None:
        connection = sqlite3.connect(path)
        key = review_id.hex
        try:
            connection.execute("SELECT * FROM review WHERE id = ?", (key,)).fetchall()
            for table in (
                "panel_member",
                "conversation",
                "note",
                "finding",
                "member_judgement",
                "standard_conclusion",
                "review_conclusion",
                "development_question",
            ):
                connection.execute(f"SELECT * FROM {table} WHERE review_id = ?", (key,)).fetchall()
        finally:
            connection.close()

    baseline = median_time(lambda: folder / "open.sqlite3", raw, runs)
    workbench.close()
    return absolute_result(
        "open a 40-criterion review with everything (200 notes, 160 member judgements)",
        seconds,
        "raw SELECTs of the same rows (sqlite3)",
        baseline,
        0.050,
    )


class _NoAliases(yaml.SafeDumper):
    """Forms refuse YAML aliases; shared sub-objects are written out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _forty_criteria_framework(folder: Path) -> Path:
    """The shipped framework reshaped to 5 standards × 8 criteria: a new framework is only data."""
    data = yaml.safe_load((builtin_forms_dir() / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8"))
    template = data["standards"][0]
    data["version"] = "9.0-benchmark"  # a fitting framework id, so the shipped review kind accepts it
    data["standards"] = []
    for number in range(1, 6):
        code = f"S{number}"
        criteria = [{**template["criteria"][i % len(template["criteria"])], "id": f"{code}-{i + 1}"} for i in range(8)]
        data["standards"].append({**template, "id": code, "number": number, "criteria": criteria})
    data["adopted_on"] = str(data["adopted_on"])
    path = folder / "veertig.yaml"
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _fill(review: Review) -> None:
    members = [
        PanelMember(uuid4(), f"Lid {i}", role)
        for i, role in enumerate([Role.CHAIR, Role.SECRETARY, Role.MEMBER, Role.MEMBER, Role.STUDENT_MEMBER])
    ]
    review.members = members
    review.conversations = [
        Conversation(
            uuid4(),
            f"Gesprek {i}",
            date(2026, 3, 3),
            time(9 + i),
            time(9 + i, 50),
            "deelnemers",
            "",
            tuple(x.id for x in members[:3]),
            (f"S{1 + i % 5}",),
        )
        for i in range(8)
    ]
    criteria = [c.id for c in review.framework.criteria()]
    review.notes = [
        Note(
            uuid4(),
            members[i % 5].id,
            f"Aantekening {i} " + "met wat tekst " * 20,
            NOW,
            (criteria[i % 40],),
            review.conversations[i % 8].id,
        )
        for i in range(200)
    ]
    review.member_judgements = [
        MemberJudgement(uuid4(), member.id, criterion, "meets", "Gezien in de gesprekken.")
        for member in members[1:]
        for criterion in criteria
    ]
    for criterion in criteria:
        review.set_finding_value(criterion, "judgement", "meets")
        review.set_finding_value(criterion, "motivation", "Onderbouwing " * 40)
        review.set_finding_value(criterion, "observations", "Waarnemingen " * 40)
