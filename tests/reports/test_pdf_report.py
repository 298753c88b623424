"""The PDF report: real PDFs, parsed back with poppler and pyHanko."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
import re
import subprocess
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest
from PIL import Image
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields

from peerreview_app.domain.documents import Document, DocumentKind
from peerreview_app.domain.factcheck import Decision, FactCheckComment
from peerreview_app.domain.partnership import PanelMember, Role
from peerreview_app.domain.review import Review
from peerreview_app.domain.text import Language
from peerreview_app.reports.pdf import ReportError, ReportOptions, ReportPdf, build_report, signature_field_name
from peerreview_app.resources import resources_dir

FINGERPRINT = "3f" * 32
SHA = hashlib.sha256(b"kritische reflectie").hexdigest()


# -- helpers -----------------------------------------------------------------------------------------


def in_language(review: Review, language: str) -> Review:
    copied = copy.deepcopy(review)
    copied.language = Language(language)
    return copied


def pages_text(pdf: bytes, tmp_path: Path, *, raw: bool = False) -> list[str]:
    """The text of every page, as poppler's pdftotext extracts it (`raw`: in content stream order)."""
    path = tmp_path / f"report-{uuid4().hex}.pdf"
    path.write_bytes(pdf)
    options = ["-raw"] if raw else []
    result = subprocess.run(
        ["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout.split("\f")[: pdf_pages(path)]


def watermarked(pdf: bytes, tmp_path: Path, word: str) -> list[bool]:
    """Per page: whether the rotated watermark `word` is there (drawn first, so its letters come first)."""
    return ["".join(page.split()).startswith(word) for page in pages_text(pdf, tmp_path, raw=True)]


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match is not None
    return int(match.group(1))


def flat(text: str) -> str:
    return " ".join(text.split())


def first_heading_positions(text: str, headings: list[str]) -> list[int]:
    return [text.index(heading) for heading in headings]


def with_sections(review: Review, sections: tuple[str, ...], **changes: object) -> Review:
    copied = copy.deepcopy(review)
    kind = dataclasses.replace(review.forms.kind, report_sections=sections, **changes)  # type: ignore[arg-type]
    copied.forms = dataclasses.replace(review.forms, kind=kind)
    return copied


def png_logo() -> bytes:
    image = Image.new("RGBA", (240, 80), (31, 78, 121, 255))
    for x in range(120, 240):
        for y in range(80):
            image.putpixel((x, y), (255, 255, 255, 0))  # transparent half: flattened onto white
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def rich_review(assessment_review: Review) -> Review:
    """The assessment demo with what the demo lacks: a document, a fact-check comment, fingerprints."""
    review = copy.deepcopy(assessment_review)
    review.documents.append(
        Document(
            uuid4(),
            "Kritische reflectie Heidezoom 2026.pdf",
            DocumentKind.SELF_REFLECTION,
            "application/pdf",
            1_234_567,
            SHA,
            datetime(2026, 9, 1, tzinfo=UTC),
            "test",
        )
    )
    review.factcheck_comments.append(
        FactCheckComment(
            uuid4(),
            "criterion/LL-1/motivation/1",
            "Het visiedocument beschrijft de leraar.",
            "Het visiedocument is in 2022 ondertekend, niet in 2023.",
            datetime(2026, 10, 1, tzinfo=UTC),
            Decision.ACCEPTED,
            "Aangepast.",
        )
    )
    for member in review.members:
        if member.role in (Role.CHAIR, Role.SECRETARY):
            member.certificate_fingerprint = FINGERPRINT
    return review


# -- both kinds, both languages -----------------------------------------------------------------------

EXPECTED = {
    "nl": ["Inhoud", "Inleiding", "Verloop van de review", "Bevindingen per waarborg", "Bijlagen", "Ondertekening"],
    "en": ["Contents", "Introduction", "Course of the review", "Findings per standard", "Annexes", "Signatures"],
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("fixture", ["developmental_review", "assessment_review"])
def test_both_kinds_build_in_both_languages(
    fixture: str, language: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    review = in_language(request.getfixturevalue(fixture), language)
    report = build_report(review)
    pages = pages_text(report.content, tmp_path)
    assert report.content.startswith(b"%PDF-1.")
    assert len(pages) == report.page_count >= 12
    text = flat("\n".join(pages))
    for heading in EXPECTED[language]:
        assert heading in text
    footer = "pagina 3 van {}" if language == "nl" else "page 3 of {}"
    assert footer.format(report.page_count) in flat(pages[2])
    assert f"herziening {review.revision}" in text if language == "nl" else f"revision {review.revision}" in text
    visit = review.visit_dates[0]
    month = ("september", "oktober")[visit.month - 9] if language == "nl" else visit.strftime("%B")
    assert f"{visit.day} {month} {visit.year}" in text  # the visit date, written out in the language
    assert ("Waarnemingen" if language == "nl" else "Observations") in text  # a field label of the kind
    if review.kind.value == "assessment":
        assert ("Eindoordeel" if language == "nl" else "Overall judgement") in text
        assert ("voldoet niet" if language == "nl" else "does not meet") in text  # KC-2 in the demo
        assert ("Minderheidsstandpunt van" if language == "nl" else "Dissent of") in text
    else:
        assert ("Ontwikkelvraag 1" if language == "nl" else "Development question 1") in text
        assert ("Sterke punten" if language == "nl" else "Strengths") in text


def test_english_report_leaves_no_dutch_interface_words(developmental_review: Review, tmp_path: Path) -> None:
    text = flat("\n".join(pages_text(build_report(in_language(developmental_review, "en")).content, tmp_path)))
    for dutch in ("Inleiding", "Bijlagen", "Ondertekening", "pagina ", "herziening ", "CONCEPT"):
        assert dutch not in text


def test_sections_follow_the_kind_order(developmental_review: Review, tmp_path: Path) -> None:
    review = in_language(developmental_review, "en")
    body = flat("\n".join(pages_text(build_report(review).content, tmp_path)[2:]))  # after cover and contents
    headings = ["Introduction", "Course of the review", "Findings per standard", "Development questions"]
    headings += ["Overview", "Annexes", "Signatures"]
    positions = first_heading_positions(body, headings)
    assert positions == sorted(positions)

    reordered = with_sections(
        review, ("cover", "contents", "conclusion", "introduction", "standards", "annexes", "signatures")
    )
    pages = pages_text(build_report(reordered).content, tmp_path)
    text = flat("\n".join(pages))
    assert "Overview" not in text and "Course of the review" not in text and "Development questions" not in text
    body = flat("\n".join(pages[2:]))
    positions = first_heading_positions(body, ["Conclusion", "Introduction", "Findings per standard", "Annexes"])
    assert positions == sorted(positions)
    contents = flat(pages[1])
    assert contents.index("Conclusion") < contents.index("Introduction")


def test_without_cover_and_contents_the_report_starts_with_the_introduction(
    assessment_review: Review, tmp_path: Path
) -> None:
    review = with_sections(in_language(assessment_review, "en"), ("introduction", "conclusion"))
    report = build_report(review)
    pages = pages_text(report.content, tmp_path)
    assert flat(pages[0]).find("Introduction") < flat(pages[0]).find("This report describes")
    assert "Contents" not in flat("\n".join(pages))
    assert report.signature_slots == ()


# -- draft watermark ----------------------------------------------------------------------------------


def test_a_report_in_reporting_carries_the_concept_watermark_on_every_page(
    assessment_review: Review, tmp_path: Path
) -> None:
    report = build_report(assessment_review)
    assert watermarked(report.content, tmp_path, "CONCEPT") == [True] * report.page_count
    english = build_report(in_language(assessment_review, "en"))
    assert watermarked(english.content, tmp_path, "DRAFT") == [True] * english.page_count


def test_an_adopted_report_has_no_watermark(adopted_review: Review, tmp_path: Path) -> None:
    report = build_report(adopted_review)
    text = "\n".join(pages_text(report.content, tmp_path))
    assert "CONCEPT" not in text
    assert watermarked(report.content, tmp_path, "CONCEPT") == [False] * report.page_count
    assert "Vastgesteld op" in flat(text)


def test_the_draft_option_overrides_the_phase(assessment_review: Review, tmp_path: Path) -> None:
    final = "\n".join(pages_text(build_report(assessment_review, ReportOptions(draft=False)).content, tmp_path))
    assert "CONCEPT" not in final
    forced = build_report(in_language(assessment_review, "en"), ReportOptions(draft=True))
    assert all(watermarked(forced.content, tmp_path, "DRAFT"))


# -- deterministic --------------------------------------------------------------------------------------


def test_the_same_review_gives_the_same_bytes_at_any_time(rich_review: Review, monkeypatch: pytest.MonkeyPatch) -> None:
    options = ReportOptions(logo=png_logo())
    first = build_report(rich_review, options).content
    assert build_report(copy.deepcopy(rich_review), options).content == first
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 86_400 * 400)
    assert build_report(rich_review, options).content == first


def test_the_dates_come_from_the_review(adopted_review: Review, assessment_review: Review) -> None:
    adopted = PdfFileReader(io.BytesIO(build_report(adopted_review).content))
    assert adopted_review.adopted_at is not None
    expected = adopted_review.adopted_at.astimezone(UTC).strftime("D:%Y%m%d%H%M%S")
    assert str(adopted.trailer["/Info"]["/CreationDate"]).startswith(expected)
    reporting = PdfFileReader(io.BytesIO(build_report(assessment_review).content))
    assert assessment_review.stamp.updated_at is not None
    latest = assessment_review.stamp.updated_at.astimezone(UTC).strftime("D:%Y%m%d%H%M%S")
    assert str(reporting.trailer["/Info"]["/ModDate"]) >= latest


def test_a_change_in_the_review_changes_the_file_id(assessment_review: Review) -> None:
    changed = copy.deepcopy(assessment_review)
    changed.findings["LL-1"].values = {**changed.findings["LL-1"].values, "observations": "Een andere waarneming."}
    first = PdfFileReader(io.BytesIO(build_report(assessment_review).content)).trailer["/ID"]
    second = PdfFileReader(io.BytesIO(build_report(changed).content)).trailer["/ID"]
    assert first[0] == first[1] and len(first[0]) == 16
    assert first[0] != second[0]


# -- fonts and PDF/A -----------------------------------------------------------------------------------


def test_every_font_is_embedded(rich_review: Review, tmp_path: Path) -> None:
    path = tmp_path / "rich.pdf"
    path.write_bytes(build_report(rich_review, ReportOptions(logo=png_logo())).content)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout.splitlines()
    rows = lines[2:]
    assert {row.split()[0].split("+")[-1] for row in rows} >= {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"}
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert "NotoSans" in name, row
    assert not re.search(rb"/BaseFont\s*/Helvetica", _inflated(path.read_bytes()))


def _inflated(pdf: bytes) -> bytes:
    """The PDF with every Flate stream decompressed, for searching."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_pdfa_identification_output_intent_and_metadata(rich_review: Review) -> None:
    report = build_report(rich_review)
    reader = PdfFileReader(io.BytesIO(report.content))
    root = reader.root
    info = reader.trailer["/Info"]
    xmp = root["/Metadata"].get_object()
    assert xmp["/Type"] == "/Metadata" and xmp["/Subtype"] == "/XML"
    assert "/Filter" not in xmp
    packet = xmp.data.decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in packet and "<pdfaid:conformance>B</pdfaid:conformance>" in packet
    assert f">{rich_review.title}</rdf:li>" in packet
    assert f"<pdf:Producer>{info['/Producer']}</pdf:Producer>" in packet
    assert f"<xmp:CreatorTool>{info['/Creator']}</xmp:CreatorTool>" in packet
    created = str(info["/CreationDate"])  # D:YYYYMMDDHHmmSS+00'00'
    iso = f"{created[2:6]}-{created[6:8]}-{created[8:10]}T{created[10:12]}:{created[12:14]}:{created[14:16]}+00:00"
    assert f"<xmp:CreateDate>{iso}</xmp:CreateDate>" in packet
    assert info["/Author"] == "Bram Hoekstra"  # the secretary
    assert info["/Title"] == rich_review.title
    assert "Opleidingsschool Heidezoom" in str(info["/Subject"])
    assert root["/Lang"] == "nl"
    (intent,) = root["/OutputIntents"]
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    assert profile.data == (resources_dir() / "icc" / "sRGB.icc").read_bytes()
    assert len(reader.trailer["/ID"]) == 2


def test_streams_and_annotations_are_laid_out_as_pdfa_requires(rich_review: Review) -> None:
    pdf = build_report(rich_review, ReportOptions(logo=png_logo())).content
    assert pdf.startswith(b"%PDF-1.4\n%") and all(byte > 127 for byte in pdf[10:14])
    lengths = list(re.finditer(rb"/Length (\d+)", pdf))
    assert len(lengths) == pdf.count(b"endstream") > 10
    for match in lengths:
        start = pdf.index(b"stream\n", match.end()) + len(b"stream\n")
        end = start + int(match.group(1))
        assert pdf[end : end + len(b"\nendstream")] == b"\nendstream"  # an EOL before endstream, outside /Length
    assert b"/ASCII85Decode" not in pdf and b"/LZWDecode" not in pdf and b"/Encrypt" not in pdf
    reader = PdfFileReader(io.BytesIO(pdf))
    annotations = [
        annotation.get_object()
        for page in reader.root["/Pages"]["/Kids"]
        for annotation in page.get_object().get("/Annots", [])
    ]
    assert {str(a["/Subtype"]) for a in annotations} == {"/Link", "/Widget"}  # contents links, signature fields
    assert all(int(a["/F"]) & 4 for a in annotations)


def test_the_icc_profile_is_a_version_2_srgb_display_profile() -> None:
    profile = (resources_dir() / "icc" / "sRGB.icc").read_bytes()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB " and profile[8] == 2
    assert (resources_dir() / "icc" / "README.md").is_file()


# -- signature fields ----------------------------------------------------------------------------------


def test_pyhanko_lists_the_empty_signature_fields_on_the_signature_page(rich_review: Review, tmp_path: Path) -> None:
    report = build_report(rich_review)
    assert [s.field_name for s in report.signature_slots] == ["signature-secretary", "signature-chair"]
    assert [s.role for s in report.signature_slots] == [Role.SECRETARY, Role.CHAIR]
    reader = PdfFileReader(io.BytesIO(report.content))
    fields = list(enumerate_sig_fields(reader))
    assert [(name, value) for name, value, _ in fields] == [("signature-secretary", None), ("signature-chair", None)]
    last_page = reader.root["/Pages"]["/Kids"][-1].get_object()
    for slot, (_, _, ref) in zip(report.signature_slots, fields, strict=True):
        widget = ref.get_object()
        assert widget["/FT"] == "/Sig" and widget["/Subtype"] == "/Widget"
        assert widget["/F"] == 4  # printable
        assert "/N" in widget["/AP"]
        assert tuple(float(v) for v in widget["/Rect"]) == pytest.approx(slot.rect)
        assert widget["/P"].get_object() == last_page
        assert slot.page == report.page_count - 1
        x1, y1, x2, y2 = slot.rect
        assert 0 < x1 < x2 < 595.3 and 0 < y1 < y2 < 841.9 and x2 - x1 > 150 and y2 - y1 > 50
        assert any(ref.get_object() == widget for ref in last_page["/Annots"])
    signature_page = flat(pages_text(report.content, tmp_path)[-1])
    assert "Bram Hoekstra" in signature_page and "Annelies Koster" in signature_page
    assert "3F3F 3F3F 3F3F 3F3F 3F3F 3F3F 3F3F 3F3F" in signature_page  # the fingerprint, grouped


def test_every_holder_of_a_signing_role_gets_a_field(assessment_review: Review) -> None:
    review = copy.deepcopy(assessment_review)
    review.forms = dataclasses.replace(
        review.forms, kind=dataclasses.replace(review.forms.kind, report_signers=("chair", "member", "secretary"))
    )
    report = build_report(review)
    names = [s.field_name for s in report.signature_slots]
    assert names == ["signature-chair", "signature-member-1", "signature-member-2", "signature-secretary"]
    members = [m.name for m in review.members if m.role is Role.MEMBER]
    assert [s.name for s in report.signature_slots[1:3]] == members
    listed = [name for name, _, _ in enumerate_sig_fields(PdfFileReader(io.BytesIO(report.content)))]
    assert listed == names


def test_signature_field_names() -> None:
    assert signature_field_name(Role.SECRETARY, 1, 1) == "signature-secretary"
    assert signature_field_name(Role.MEMBER, 2, 3) == "signature-member-2"
    assert signature_field_name(Role.STUDENT_MEMBER, 1, 1) == "signature-student-member"


def test_a_panel_without_signers_gets_no_fields(half_filled_review: Review, tmp_path: Path) -> None:
    review = copy.deepcopy(half_filled_review)
    review.members = [m for m in review.members if m.role not in (Role.CHAIR, Role.SECRETARY)]
    review.members.append(PanelMember(uuid4(), "Extra Lid", Role.EXPERT))
    report = build_report(in_language(review, "en"))
    assert report.signature_slots == ()
    assert list(enumerate_sig_fields(PdfFileReader(io.BytesIO(report.content)))) == []
    assert "no signatories yet" in flat(pages_text(report.content, tmp_path)[-1])


# -- content -------------------------------------------------------------------------------------------


def test_documents_annex_shows_the_full_sha256(rich_review: Review, tmp_path: Path) -> None:
    text = flat("\n".join(pages_text(build_report(in_language(rich_review, "en")).content, tmp_path)))
    assert f"SHA-256: {SHA}" in text
    assert "Kritische reflectie Heidezoom 2026.pdf" in text
    assert "1.2 MB" in text
    assert "in a self-reflection: Kritische reflectie Heidezoom 2026.pdf." in text  # the process section


def test_fact_check_round_is_listed_in_the_annex(rich_review: Review, tmp_path: Path) -> None:
    text = flat("\n".join(pages_text(build_report(in_language(rich_review, "en")).content, tmp_path)))
    assert "Annex D: Fact-check round" in text
    assert "criterion LL-1, motivation, paragraph 1" in text
    assert "accepted, the report was corrected" in text
    assert "niet in 2023" in text and "Aangepast." in text


def test_without_comments_there_is_no_fact_check_annex(assessment_review: Review, tmp_path: Path) -> None:
    text = flat("\n".join(pages_text(build_report(in_language(assessment_review, "en")).content, tmp_path)))
    assert "Fact-check round" not in text


def test_half_filled_review_says_what_is_missing(half_filled_review: Review, tmp_path: Path) -> None:
    text = flat("\n".join(pages_text(build_report(in_language(half_filled_review, "en")).content, tmp_path)))
    assert "Not filled in yet." in text
    assert "not yet determined" in text or "–" in text


def test_a_very_long_text_flows_over_pages(assessment_review: Review, tmp_path: Path) -> None:
    review = in_language(assessment_review, "en")
    normal = build_report(review).page_count
    sentence = "De commissie las het plan en sprak met iedereen die erbij betrokken is. "
    one_block = "BEGINMARK " + sentence * 140 + "MIDDLEMARK"  # about 10,000 characters without a break
    paragraphs = "\n\n".join(f"Alinea {i}. " + sentence * 12 for i in range(12)) + " ENDMARK"
    long_text = one_block + "\n\n" + paragraphs
    assert len(long_text) >= 20_000
    review.findings["LL-1"].values = {**review.findings["LL-1"].values, "motivation": long_text}
    report = build_report(review)
    assert report.page_count >= normal + 5
    text = flat("\n".join(pages_text(report.content, tmp_path)))
    assert "BEGINMARK" in text and "MIDDLEMARK" in text and "ENDMARK" in text
    assert text.count("Alinea") >= 12


def test_a_logo_appears_on_the_cover_as_an_opaque_image(assessment_review: Review, tmp_path: Path) -> None:
    path = tmp_path / "logo.pdf"
    path.write_bytes(build_report(assessment_review, ReportOptions(logo=png_logo())).content)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True).stdout
    rows = listing.splitlines()[2:]
    assert len(rows) == 1
    page, _, kind = rows[0].split()[:3]
    assert page == "1" and kind == "image"  # no smask: nothing transparent for PDF/A


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        (b"this is not an image", "cannot be read"),
        (
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00"
            b"\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
            "must be a PNG or JPEG",
        ),
        (png_logo()[:60], "cannot be read"),
    ],
)
def test_an_unusable_logo_gives_a_clear_error(assessment_review: Review, logo: bytes, expected: str) -> None:
    with pytest.raises(ReportError) as caught:
        build_report(in_language(assessment_review, "en"), ReportOptions(logo=logo))
    message = str(caught.value)
    assert expected in message and "logo" in message
    assert "Traceback" not in message


def test_report_pdf_is_what_the_build_returns(assessment_review: Review) -> None:
    report = build_report(assessment_review)
    assert isinstance(report, ReportPdf)
    assert len(PdfFileReader(io.BytesIO(report.content)).root["/Pages"]["/Kids"]) == report.page_count
