"""Every way of tampering with a signed report that the issue names is caught, on real files."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from peerreview_app.domain.text import Language
from peerreview_app.reports.signing import Identity, create_identity, load_identity, sign_pdf, verify_pdf
from peerreview_app.resources import font_path

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
SCORE = b"Score: 7"


def identity(name: str) -> Identity:
    p12 = create_identity(name, f"{name.split(maxsplit=1)[0].lower()}@example.nl", "pw", now=NOW - timedelta(days=1))
    return load_identity(p12, "pw", now=NOW)


def report_pdf() -> bytes:
    """One page in Noto Sans, uncompressed so the test can find the score, with two empty signature fields."""
    pdfmetrics.registerFont(TTFont("NotoSans", str(font_path("NotoSans-Regular.ttf"))))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=True, pageCompression=0, initialFontName="NotoSans")
    page.setFont("NotoSans", 12)
    page.drawString(72, 760, "Score: 7 — oordeel ‘voldoet’, één ontwikkelpunt.")
    page.showPage()
    page.save()
    writer = IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue()))
    fields.append_signature_field(
        writer, fields.SigFieldSpec("signature-secretary", box=(72, 100, 272, 170), on_page=0)
    )
    fields.append_signature_field(writer, fields.SigFieldSpec("signature-chair", box=(300, 100, 500, 170), on_page=0))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def one_signature() -> bytes:
    return sign_pdf(report_pdf(), identity("Sanne de Secretaris"), signed_at=NOW)


@pytest.fixture(scope="module")
def two_signatures(one_signature: bytes) -> bytes:
    signed = sign_pdf(one_signature, identity("Chris Voorzitter"), signed_at=NOW + timedelta(minutes=5))
    assert verify_pdf(signed).ok  # the untouched file is fine, so every failure below is the tampering's
    return signed


def append_revision(pdf: bytes, change: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(pdf)
    return out.getvalue()


def field_reference(writer: IncrementalPdfFileWriter, name: str) -> generic.IndirectObject:
    form_fields = writer.root["/AcroForm"]["/Fields"]
    return next(form_fields.raw_get(i) for i in range(len(form_fields)) if form_fields[i]["/T"] == name)


def pdf_tool(tool: str, tmp_path: Path, pdf: bytes) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, str(path), *(["-"] if tool == "pdftotext" else [])], capture_output=True, text=True, check=False
    ).stdout


# -- (1) a changed byte inside the signed range ---------------------------------------------------------------------


def test_one_changed_byte_in_the_signed_content_breaks_both_signatures(tmp_path: Path, two_signatures: bytes) -> None:
    position = two_signatures.index(SCORE) + len(SCORE) - 1
    first_gap = int(re.search(rb"/ByteRange \[0 (\d+)", two_signatures).group(1))  # type: ignore[union-attr]
    assert position < first_gap  # inside the first revision, signed by both
    tampered = bytearray(two_signatures)
    tampered[position] = ord("9")

    result = verify_pdf(bytes(tampered), language=Language.EN)

    assert not result.ok
    assert [c.intact for c in result.signatures] == [False, False]
    for check in result.signatures:
        assert "The signed content has been changed since signing" in check.problems[0]
    assert pdf_tool("pdfsig", tmp_path, bytes(tampered)).count("Signature is Valid.") == 0


# -- (2) an appended revision that alters content ------------------------------------------------------------------


def test_an_appended_revision_that_adds_page_content_is_caught(tmp_path: Path, two_signatures: bytes) -> None:
    def overprint(writer: IncrementalPdfFileWriter) -> None:
        page = writer.root["/Pages"]["/Kids"][0]
        font = next(iter(page["/Resources"]["/Font"]))
        text = f"BT {font} 12 Tf 72 700 Td (voldoet niet) Tj ET".encode()
        writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=text)))

    tampered = append_revision(two_signatures, overprint)
    assert "voldoet niet" in pdf_tool("pdftotext", tmp_path, tampered)  # the change is visible to a reader

    result = verify_pdf(tampered, language=Language.EN)

    assert not result.ok and result.modified_after_last_signature
    assert "The document was changed after the last signature." in result.problems
    for check in result.signatures:
        assert check.intact and not check.covers_final_revision  # the signed bytes are untouched, but not final
        assert check.problems == (
            "The document was changed after this signature in a way that later signatures do not explain.",
        )


def test_an_appended_annotation_with_text_is_caught(two_signatures: bytes) -> None:
    def annotate(writer: IncrementalPdfFileWriter) -> None:
        page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
        note = generic.DictionaryObject(
            {
                generic.NameObject("/Type"): generic.NameObject("/Annot"),
                generic.NameObject("/Subtype"): generic.NameObject("/FreeText"),
                generic.NameObject("/Rect"): generic.ArrayObject(map(generic.FloatObject, (72, 600, 300, 640))),
                generic.NameObject("/Contents"): generic.TextStringObject("Oordeel: voldoet niet"),
                generic.NameObject("/DA"): generic.TextStringObject("/Helv 12 Tf 0 g"),
            }
        )
        page_ref.get_object()["/Annots"].append(writer.add_object(note))
        writer.mark_update(page_ref)

    result = verify_pdf(append_revision(two_signatures, annotate))

    assert not result.ok and result.modified_after_last_signature
    assert not any(check.covers_final_revision for check in result.signatures)


def test_metadata_changed_after_the_last_signature_is_caught(two_signatures: bytes) -> None:
    def retitle(writer: IncrementalPdfFileWriter) -> None:
        info_ref = writer.trailer.raw_get("/Info")
        info_ref.get_object()["/Title"] = generic.TextStringObject("Een ander rapport")
        writer.mark_update(info_ref)

    result = verify_pdf(append_revision(two_signatures, retitle), language=Language.EN)

    assert not result.ok and result.modified_after_last_signature
    secretary, chair = result.signatures
    assert secretary.covers_final_revision  # for the first signature this is metadata that signing also updates
    assert not chair.covers_final_revision
    assert chair.problems == ("Something was added to the document after this signature.",)


# -- (3) a removed signature ----------------------------------------------------------------------------------------


def test_a_cleared_signature_value_is_caught(two_signatures: bytes) -> None:
    def clear(writer: IncrementalPdfFileWriter) -> None:
        reference = field_reference(writer, "signature-secretary")
        del reference.get_object()["/V"]
        writer.mark_update(reference)

    result = verify_pdf(append_revision(two_signatures, clear), language=Language.EN)

    assert not result.ok
    assert result.removed_signatures == ("signature-secretary",)
    assert "The signature in field signature-secretary was removed or replaced after signing." in result.problems
    assert result.unsigned_fields == ("signature-secretary",)
    (chair,) = result.signatures
    assert chair.intact and not chair.covers_final_revision


def test_a_signature_field_removed_from_the_form_is_caught(two_signatures: bytes) -> None:
    def remove(writer: IncrementalPdfFileWriter) -> None:
        form_ref = writer.root.raw_get("/AcroForm")
        form = form_ref.get_object()
        form["/Fields"] = generic.ArrayObject(
            form["/Fields"].raw_get(i)
            for i in range(len(form["/Fields"]))
            if form["/Fields"][i]["/T"] != "signature-chair"
        )
        writer.mark_update(form_ref)

    result = verify_pdf(append_revision(two_signatures, remove))

    assert not result.ok
    assert result.removed_signatures == ("signature-chair",)
    (secretary,) = result.signatures
    assert secretary.field == "signature-secretary" and not secretary.covers_final_revision


def test_a_signature_replaced_by_someone_else_is_caught(one_signature: bytes) -> None:
    def clear(writer: IncrementalPdfFileWriter) -> None:
        reference = field_reference(writer, "signature-secretary")
        del reference.get_object()["/V"]
        writer.mark_update(reference)

    cleared = append_revision(one_signature, clear)
    forged = sign_pdf(cleared, identity("Mallory Vervalser"), signed_at=NOW, field="signature-secretary")

    result = verify_pdf(forged)

    (only,) = result.signatures
    assert only.signer == "Mallory Vervalser" and only.intact and only.covers_final_revision  # a valid signature ...
    assert result.removed_signatures == ("signature-secretary",)  # ... where the secretary's used to be
    assert not result.ok


# -- (4) truncation to the first revision --------------------------------------------------------------------------


def test_truncation_to_the_first_signature_leaves_the_chair_field_unsigned(
    tmp_path: Path, one_signature: bytes, two_signatures: bytes
) -> None:
    _, _, gap_end, tail = map(int, re.search(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]", two_signatures).groups())  # type: ignore[union-attr]
    truncated = two_signatures[: gap_end + tail]
    assert truncated == one_signature

    result = verify_pdf(truncated)

    # The truncated file is exactly what the secretary signed: intact, and `ok` about integrity only. That the chair
    # had signed too is known from the review's record, which the service compares with `unsigned_fields`.
    assert result.ok
    assert result.unsigned_fields == ("signature-chair",)
    assert [c.field for c in result.signatures] == ["signature-secretary"]
    assert pdf_tool("pdfsig", tmp_path, truncated).count("Signature is Valid.") == 1


def test_bytes_appended_after_the_last_signature_are_caught(two_signatures: bytes) -> None:
    result = verify_pdf(two_signatures + b"\n% comment added later\n")

    assert not result.ok and result.modified_after_last_signature


def test_a_damaged_signature_value_is_caught(two_signatures: bytes) -> None:
    # /Contents lies in the gap of its own /ByteRange: damaging it leaves the signed bytes alone but not the signature.
    start, length = map(int, re.findall(rb"/ByteRange \[0 (\d+) (\d+)", two_signatures)[-1])
    damaged = two_signatures[: start + 1] + b"0" * (length - start - 2) + two_signatures[length - 1 :]
    assert len(damaged) == len(two_signatures)

    result = verify_pdf(damaged, language=Language.EN)

    assert not result.ok
    secretary, chair = result.signatures
    assert secretary.intact
    assert not chair.intact and chair.problems
