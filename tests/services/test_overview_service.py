"""The overview reads reviews in outline; what it shows must equal what the full reviews give."""

from __future__ import annotations

from pathlib import Path

from peerreview_app.domain.listing import ReviewFilter
from peerreview_app.domain.partnership import Sector
from peerreview_app.domain.text import Language
from peerreview_app.services import reviews, workbooks
from peerreview_app.services.workbench import Workbench


def test_outlines_give_the_same_overview_as_full_reviews(demo_db: Path) -> None:
    with Workbench.open(str(demo_db), actor="tester") as bench:
        with bench.uow() as uow:
            outlines = list(uow.reviews.outlines())
        assert len(outlines) == 4
        for outline in outlines:
            full = reviews.get_review(bench, outline.id)
            for lang in Language:
                expected = workbooks.overview_review(full, lang)
                assert workbooks.overview_review(outline, lang) == expected
                assert list(workbooks.overview_rows(outline, expected, lang)) == list(
                    workbooks.overview_rows(full, expected, lang)
                )


def test_outlines_follow_the_filter_in_chunks(demo_db: Path) -> None:
    with Workbench.open(str(demo_db), actor="tester") as bench, bench.uow() as uow:
        assert len(list(uow.reviews.outlines(chunk=1))) == 4
        assessment = list(uow.reviews.outlines(ReviewFilter(text="Heidezoom")))
        assert [r.partnership.name for r in assessment] == ["Opleidingsschool Heidezoom"]
        by_sector = list(uow.reviews.outlines(ReviewFilter(sector=Sector.MBO)))
        assert len(by_sector) == 2  # two of the four demo partnerships work in mbo
        assert all(Sector.MBO in r.sectors for r in by_sector)
