"""Excel benchmarks: the cross-review overview workbook against bare openpyxl write-only writing the same rows."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from uuid import UUID

from openpyxl import Workbook

from benchmarks.harness import Result, median_time, ratio_result
from peerreview_app.domain.kind import ReviewKind
from peerreview_app.domain.listing import OverviewReview, OverviewRow
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.text import Language
from peerreview_app.reports.excel.overview import write_overview_workbook

GENERATED_AT = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
STANDARDS = (("LL", "De lerende leraar"), ("LO", "Leeromgeving"), ("OR", "Organisatie"), ("KC", "Kwaliteitscultuur"))
CRITERIA_PER_STANDARD = 6

Rows = tuple[list[OverviewRow], list[OverviewReview]]


def overview_data(count: int) -> Rows:
    """`count` reviews of both kinds with 24 criteria each, labels as the services would give them in Dutch."""
    reviews: list[OverviewReview] = []
    rows: list[OverviewRow] = []
    for number in range(count):
        assessment = number % 3 == 0
        kind = "Beoordelingsgerichte" if assessment else "Ontwikkelingsgerichte"
        review = OverviewReview(
            id=UUID(int=number + 1),
            title=f"{kind} peer review Partnerschap {number}",
            partnership=f"Samen Opleiden Regio {number % 97}",
            sectors=(Sector.PO, Sector.VO) if number % 2 else (Sector.MBO,),
            kind=ReviewKind.ASSESSMENT if assessment else ReviewKind.DEVELOPMENTAL,
            kind_label="beoordelingsgerichte peer review" if assessment else "ontwikkelingsgerichte peer review",
            visit_date=date(2020 + number % 7, 1 + number % 12, 1 + number % 28),
            phase_label=("rapportage", "vastgesteld", "bezoek")[number % 3],
            revision=1 + number % 2,
            framework="Kwaliteitskader Samen Opleiden & Inductie, versie 2021.1-werkversie",
            overall_judgement="basiskwaliteit voldoende" if assessment else "",
            criteria=24,
            judged=20,
            strengths=0 if assessment else 30,
            development_points=0 if assessment else 25,
        )
        reviews.append(review)
        for standard_id, standard_title in STANDARDS:
            for index in range(1, CRITERIA_PER_STANDARD + 1):
                rows.append(
                    OverviewRow(
                        review=review,
                        standard_id=standard_id,
                        standard_title=standard_title,
                        criterion_id=f"{standard_id}-{index}",
                        criterion_title=f"Kenmerk {index} van {standard_title.lower()}",
                        judgement=("voldoet" if index % 4 else "voldoet niet") if assessment else "",
                        strengths=0 if assessment else index % 3,
                        development_points=0 if assessment else index % 2,
                    )
                )
    return rows, reviews


def write_ours(data: Rows) -> bytes:
    rows, reviews = data
    return write_overview_workbook(rows, reviews, language=Language.NL, generated_at=GENERATED_AT)


def write_bare(data: Rows) -> bytes:
    """The same values in two plain write-only sheets of tuples: no styles, widths, tables or text guard."""
    rows, reviews = data
    workbook = Workbook(write_only=True)
    criteria = workbook.create_sheet("Kenmerken")
    criteria.append(("Review id", "Review", "Partnerschap", "Sectoren", "Soort", "Bezoekdatum", "Fase", "Waarborg",
                     "Kenmerk", "Oordeel", "Sterke punten", "Ontwikkelpunten"))  # fmt: skip
    for row in rows:
        review = row.review
        criteria.append(
            (
                str(review.id),
                review.title,
                review.partnership,
                ", ".join(review.sectors),
                review.kind_label,
                review.visit_date,
                review.phase_label,
                f"{row.standard_id} {row.standard_title}",
                f"{row.criterion_id} {row.criterion_title}",
                row.judgement or None,
                row.strengths,
                row.development_points,
            )
        )
    sheet = workbook.create_sheet("Reviews")
    sheet.append(("Review id", "Review", "Partnerschap", "Sectoren", "Soort", "Bezoekdatum", "Fase", "Herziening",
                  "Kader", "Eindoordeel", "Kenmerken", "Ingevuld", "Sterke punten", "Ontwikkelpunten"))  # fmt: skip
    for review in reviews:
        sheet.append(
            (
                str(review.id),
                review.title,
                review.partnership,
                ", ".join(review.sectors),
                review.kind_label,
                review.visit_date,
                review.phase_label,
                review.revision,
                review.framework,
                review.overall_judgement or None,
                review.criteria,
                review.judged,
                review.strengths,
                review.development_points,
            )
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bench_overview(count: int, runs: int) -> Result:
    data = overview_data(count)

    def setup() -> Rows:
        return data  # built once, untimed; writing does not change it

    baseline = median_time(setup, write_bare, runs)
    ours = median_time(setup, write_ours, runs)
    return ratio_result(
        f"overview {count:,} reviews ({count * 24:,} rows)",
        ours,
        "bare openpyxl write-only, same rows",
        baseline,
        1.3,
        note="rows built in setup (untimed); a variant with the database query comes with the services",
    )


def run(quick: bool) -> list[Result]:
    """The Excel benchmarks; `quick` writes 100 reviews instead of 1,000."""
    return [bench_overview(100 if quick else 1000, 3 if quick else 5)]


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table(run(quick=False))
