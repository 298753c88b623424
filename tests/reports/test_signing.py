"""Identities, PAdES signatures and verification on real files, checked independently with poppler's tools."""

from __future__ import annotations

import hashlib
import io
import random
import re
import subprocess
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from peerreview_app import i18n
from peerreview_app.domain.text import Language
from peerreview_app.reports.signing import (
    Identity,
    SigningError,
    certificate_fingerprint,
    create_identity,
    format_fingerprint,
    load_identity,
    sign_pdf,
    signature_fields,
    verify_pdf,
)
from peerreview_app.resources import font_path

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
FIELDS = ("signature-secretary", "signature-chair")


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """The messages below are checked in English; the app's default (Dutch) has its own catalogue test."""
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("nl")


# -- test documents: a small report with empty visible signature fields, as the report builder makes them ----------


def report_pdf(field_names: Sequence[str] = FIELDS, *, encrypt: str | None = None) -> bytes:
    """Two pages in Noto Sans (uncompressed, so tests can find the text) with empty signature fields on page 2."""
    pdfmetrics.registerFont(TTFont("NotoSans", str(font_path("NotoSans-Regular.ttf"))))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=True, pageCompression=0, initialFontName="NotoSans", encrypt=encrypt)
    page.setTitle("Rapport peer review")
    page.setFont("NotoSans", 12)
    page.drawString(72, 760, "Beoordeling van het partnerschap Zuid-Oost")
    page.drawString(72, 740, "Score: 7 — oordeel ‘voldoet’, één ontwikkelpunt.")
    page.showPage()
    page.setFont("NotoSans", 12)
    page.drawString(72, 760, "Ondertekening")
    page.showPage()
    page.save()
    if not field_names:
        return buffer.getvalue()
    writer = IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue()))
    for index, name in enumerate(field_names):
        top = 700 - 90 * index
        fields.append_signature_field(writer, fields.SigFieldSpec(name, box=(72, top - 70, 312, top), on_page=1))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def identity(name: str, email: str, *, now: datetime = NOW - timedelta(days=1), valid_days: int = 3 * 365) -> Identity:
    p12 = create_identity(name, email, "correct horse", now=now, valid_days=valid_days)
    return load_identity(p12, "correct horse", now=NOW, source=f"{name}.p12")


@pytest.fixture(scope="module")
def secretary() -> Identity:
    return identity("Sanne de Secretaris", "sanne@example.nl")


@pytest.fixture(scope="module")
def chair() -> Identity:
    return identity("Chris Voorzitter-Ünal", "chris@example.nl")


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return report_pdf()


@pytest.fixture(scope="module")
def one_signature(unsigned: bytes, secretary: Identity) -> bytes:
    return sign_pdf(unsigned, secretary, signed_at=NOW, stamp_lines=["Secretaris"], reason="Vaststelling")


@pytest.fixture(scope="module")
def two_signatures(one_signature: bytes, chair: Identity) -> bytes:
    return sign_pdf(one_signature, chair, signed_at=NOW + timedelta(minutes=30), stamp_lines=["Voorzitter"])


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


# -- identities -----------------------------------------------------------------------------------------------------


def test_created_identity_loads_back_with_name_email_fingerprint_and_validity() -> None:
    p12 = create_identity("Sanne de Secretaris", "sanne@example.nl", "geheim wachtwoord", now=NOW, valid_days=30)
    loaded = load_identity(p12, "geheim wachtwoord", now=NOW + timedelta(days=1))

    key, certificate, _ = pkcs12.load_key_and_certificates(p12, b"geheim wachtwoord")
    assert key is not None and certificate is not None
    assert loaded.name == "Sanne de Secretaris"
    assert loaded.email == "sanne@example.nl"
    assert loaded.fingerprint == certificate.fingerprint(hashes.SHA256()).hex()
    assert re.fullmatch(r"[0-9a-f]{64}", loaded.fingerprint)
    assert (loaded.not_before, loaded.not_after) == (NOW, NOW + timedelta(days=30))
    assert certificate.issuer == certificate.subject  # self-signed
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_encipherment
    purposes = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.EMAIL_PROTECTION in purposes
    assert "PrivateKeyInfo" not in repr(loaded) and "signer" not in repr(loaded)
    with pytest.raises(ValueError):  # the key really is encrypted with the passphrase
        pkcs12.load_key_and_certificates(p12, b"something else")


def test_wrong_passphrase_names_the_file() -> None:
    p12 = create_identity("Sanne", "sanne@example.nl", "juist", now=NOW)
    with pytest.raises(SigningError, match=r"^sanne\.p12: The passphrase is wrong") as caught:
        load_identity(p12, "onjuist", now=NOW, source="sanne.p12")
    assert caught.value.source == "sanne.p12"


@pytest.mark.parametrize(
    "content",
    [random.Random(5).randbytes(3000), b"", b"%PDF-1.7\n", b"0\x82\x01\x00garbage"],
    ids=["random", "empty", "pdf", "bad-der"],
)
def test_a_file_that_is_not_pkcs12_is_refused_as_such(content: bytes) -> None:
    with pytest.raises(SigningError, match=r"^notes\.p12: This is not a PKCS#12 identity file"):
        load_identity(content, "juist", now=NOW, source="notes.p12")


def test_expired_certificate_says_since_when() -> None:
    p12 = create_identity("Oud Lid", "oud@example.nl", "pw", now=datetime(2020, 1, 1, tzinfo=UTC), valid_days=30)
    with pytest.raises(SigningError, match=r"^oud\.p12: .*expired.*2020-01-31 00:00 UTC"):
        load_identity(p12, "pw", now=NOW, source="oud.p12")


def test_certificate_not_yet_valid_says_from_when() -> None:
    p12 = create_identity("Nieuw Lid", "nieuw@example.nl", "pw", now=NOW + timedelta(days=10))
    with pytest.raises(SigningError, match=r"^nieuw\.p12: .*not valid yet.*2026-11-11 12:00 UTC"):
        load_identity(p12, "pw", now=NOW, source="nieuw.p12")


def test_certificate_without_signing_key_usage_is_refused() -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Versleutelaar")])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=100))
        .add_extension(
            x509.KeyUsage(False, False, True, False, False, False, False, False, False), critical=True
        )  # keyEncipherment only
        .sign(key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"x", key, certificate, None, serialization.BestAvailableEncryption(b"pw")
    )
    with pytest.raises(SigningError, match=r"^tls\.p12: This certificate may not be used for signing"):
        load_identity(p12, "pw", now=NOW, source="tls.p12")


@pytest.mark.parametrize(("name", "passphrase"), [("", "pw"), ("   ", "pw"), ("Sanne", "")])
def test_create_refuses_an_empty_name_or_passphrase(name: str, passphrase: str) -> None:
    with pytest.raises(SigningError, match="needs a"):
        create_identity(name, "sanne@example.nl", passphrase, now=NOW)


def test_fingerprint_of_der_and_its_reading_form(secretary: Identity) -> None:
    assert certificate_fingerprint(secretary.certificate_der) == hashlib.sha256(secretary.certificate_der).hexdigest()
    grouped = format_fingerprint(secretary.fingerprint)
    assert re.fullmatch(r"([0-9A-F]{4} ){15}[0-9A-F]{4}", grouped)
    assert grouped.replace(" ", "").lower() == secretary.fingerprint


# -- signing and verifying ------------------------------------------------------------------------------------------


def test_signature_fields_before_and_after_signing(unsigned: bytes, one_signature: bytes) -> None:
    assert [(f.name, f.signed) for f in signature_fields(unsigned)] == [(n, False) for n in FIELDS]
    assert [(f.name, f.signed) for f in signature_fields(one_signature)] == [
        ("signature-secretary", True),
        ("signature-chair", False),
    ]


def test_each_signature_is_an_incremental_update(unsigned: bytes, one_signature: bytes, two_signatures: bytes) -> None:
    assert one_signature.startswith(unsigned)
    assert two_signatures.startswith(one_signature)


def test_two_signatures_verify_intact_and_covering_the_final_revision(
    two_signatures: bytes, secretary: Identity, chair: Identity
) -> None:
    result = verify_pdf(two_signatures, language=Language.EN)

    assert result.ok
    assert result.problems == () and result.unsigned_fields == () and not result.modified_after_last_signature
    first, second = result.signatures
    assert (first.field, first.signer, first.email, first.fingerprint) == (
        "signature-secretary",
        "Sanne de Secretaris",
        "sanne@example.nl",
        secretary.fingerprint,
    )
    assert (second.field, second.signer, second.fingerprint) == ("signature-chair", chair.name, chair.fingerprint)
    for check in result.signatures:
        assert check.intact and check.covers_final_revision and check.problems == ()
        # Integrity is not trust: without `known` or `trust` nobody vouches for a self-signed certificate.
        assert not check.trusted and check.known_as == ""


def test_signers_are_trusted_by_known_fingerprint_or_trust_list(
    two_signatures: bytes, secretary: Identity, chair: Identity
) -> None:
    chair_pem = x509.load_der_x509_certificate(chair.certificate_der).public_bytes(serialization.Encoding.PEM)
    known = {format_fingerprint(secretary.fingerprint): "Sanne de Secretaris (secretaris)"}  # the signature page form

    result = verify_pdf(two_signatures, known=known, trust=[chair_pem])

    first, second = result.signatures
    assert first.trusted and first.known_as == "Sanne de Secretaris (secretaris)"
    assert second.trusted and second.known_as == ""
    assert result.ok
    only_der = verify_pdf(two_signatures, trust=[secretary.certificate_der])
    assert [c.trusted for c in only_der.signatures] == [True, False]


def test_pyhanko_on_its_own_validates_both_signatures_as_trusted(
    two_signatures: bytes, secretary: Identity, chair: Identity
) -> None:
    roots = [asn1_x509.Certificate.load(i.certificate_der) for i in (secretary, chair)]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    reader = PdfFileReader(io.BytesIO(two_signatures))

    statuses = [validate_pdf_signature(s, context) for s in reader.embedded_signatures]

    assert [s.field_name for s in reader.embedded_signatures] == list(FIELDS)
    assert all(s.intact and s.valid and s.trusted and s.docmdp_ok for s in statuses)
    assert reader.embedded_signatures[0].sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES


def test_pdfsig_confirms_both_signatures(tmp_path: Path, two_signatures: bytes) -> None:
    path = tmp_path / "ondertekend.pdf"
    path.write_bytes(two_signatures)

    output = run("pdfsig", str(path))

    assert output.count("Signature Validation: Signature is Valid.") == 2
    assert "Signature Field Name: signature-secretary" in output
    assert "Signature Field Name: signature-chair" in output
    assert output.count("Signature Type: ETSI.CAdES.detached") == 2
    assert output.rstrip().count("Total document signed") == 1  # the chair's, the last one


def test_every_font_is_embedded_and_the_stamps_use_our_font(tmp_path: Path, two_signatures: bytes) -> None:
    path = tmp_path / "ondertekend.pdf"
    path.write_bytes(two_signatures)

    rows = run("pdffonts", str(path)).splitlines()[2:]

    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    stamp_fonts = [row for row in rows if "NotoSans-Regular-Identity-H" in row]
    assert len(stamp_fonts) == 2  # one subset per stamp


def test_stamps_show_name_role_time_and_short_fingerprint(
    tmp_path: Path, two_signatures: bytes, chair: Identity
) -> None:
    path = tmp_path / "ondertekend.pdf"
    path.write_bytes(two_signatures)

    text = run("pdftotext", "-f", "2", "-l", "2", str(path), "-")

    assert "Sanne de Secretaris\nSecretaris\n2026-11-01 12:00 UTC\nSHA-256 " in text
    short = format_fingerprint(chair.fingerprint)[:19]
    assert f"Chris Voorzitter-Ünal\nVoorzitter\n2026-11-01 12:30 UTC\nSHA-256 {short}" in text


def test_the_given_signing_time_is_recorded_in_the_signature(
    tmp_path: Path, unsigned: bytes, secretary: Identity
) -> None:
    moment = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))

    signed = sign_pdf(unsigned, secretary, signed_at=moment)

    assert verify_pdf(signed).signatures[0].signed_at == moment
    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert signature.sig_object["/M"] == "D:20261102093000+01'00'"
    path = tmp_path / "getekend.pdf"
    path.write_bytes(signed)
    assert "Signing Time: Nov 02 2026 08:30:00" in run("pdfsig", str(path))  # pdfsig prints UTC
    again = sign_pdf(unsigned, secretary, signed_at=moment)
    assert verify_pdf(again).signatures[0].signed_at == moment


def test_fields_are_chosen_by_order_then_any_other_empty_one(secretary: Identity, chair: Identity) -> None:
    pdf = report_pdf(("signature-member-2", "signature-chair", "signature-secretary"))

    first = sign_pdf(pdf, secretary, signed_at=NOW)
    second = sign_pdf(first, chair, signed_at=NOW)
    third = sign_pdf(second, secretary, signed_at=NOW)

    assert [f.name for f in signature_fields(first) if f.signed] == ["signature-secretary"]
    assert [f.name for f in signature_fields(second) if f.signed] == ["signature-chair", "signature-secretary"]
    assert all(f.signed for f in signature_fields(third))
    result = verify_pdf(third)
    assert result.ok and [c.field for c in result.signatures] == [
        "signature-secretary",
        "signature-chair",
        "signature-member-2",
    ]


def test_an_explicit_field_or_order_decides_which_field_is_signed(
    unsigned: bytes, secretary: Identity, chair: Identity
) -> None:
    chair_first = sign_pdf(unsigned, chair, signed_at=NOW, field="signature-chair")
    assert [f.signed for f in signature_fields(chair_first)] == [False, True]
    by_order = sign_pdf(unsigned, chair, signed_at=NOW, order=("signature-chair", "signature-secretary"))
    assert [f.signed for f in signature_fields(by_order)] == [False, True]

    both = sign_pdf(chair_first, secretary, signed_at=NOW)

    result = verify_pdf(both)
    assert result.ok and [c.field for c in result.signatures] == ["signature-chair", "signature-secretary"]


def test_a_report_signed_by_the_secretary_only_is_intact_with_one_unsigned_field(one_signature: bytes) -> None:
    result = verify_pdf(one_signature)

    assert result.ok  # a valid stage: whether all signers have signed is for the service to judge
    assert result.unsigned_fields == ("signature-chair",)
    assert len(result.signatures) == 1 and result.signatures[0].covers_final_revision


# -- bad input ------------------------------------------------------------------------------------------------------


def test_an_encrypted_pdf_is_refused(secretary: Identity) -> None:
    encrypted = report_pdf((), encrypt="geheim")
    assert b"/Encrypt" in encrypted

    for attempt in (
        lambda: sign_pdf(encrypted, secretary, signed_at=NOW, source="beveiligd.pdf"),
        lambda: signature_fields(encrypted, source="beveiligd.pdf"),
        lambda: verify_pdf(encrypted, source="beveiligd.pdf"),
    ):
        with pytest.raises(SigningError, match=r"^beveiligd\.pdf: This PDF is encrypted"):
            attempt()


def test_a_foreign_pdf_without_signature_fields_is_refused(secretary: Identity) -> None:
    with pytest.raises(SigningError, match=r"^brief\.pdf: This PDF has no unsigned signature field; only reports") as e:
        sign_pdf(report_pdf(()), secretary, signed_at=NOW, source="brief.pdf")
    assert "Peer Review Workbench" in str(e.value)


def test_not_a_pdf_is_refused(secretary: Identity) -> None:
    junk = random.Random(7).randbytes(5000)
    with pytest.raises(SigningError, match=r"^foto\.jpg: This file cannot be read as a PDF"):
        sign_pdf(junk, secretary, signed_at=NOW, source="foto.jpg")
    with pytest.raises(SigningError, match="cannot be read as a PDF"):
        verify_pdf(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


def test_an_already_signed_field_is_refused_listing_the_empty_ones(one_signature: bytes, chair: Identity) -> None:
    with pytest.raises(
        SigningError,
        match=r"The signature field signature-secretary is already signed\. Unsigned fields: signature-chair",
    ):
        sign_pdf(one_signature, chair, signed_at=NOW, field="signature-secretary")


def test_an_unknown_field_is_refused_listing_the_empty_ones(unsigned: bytes, chair: Identity) -> None:
    with pytest.raises(
        SigningError,
        match=r"no signature field signature-voorzitter\. Unsigned fields: signature-secretary, signature-chair\.",
    ):
        sign_pdf(unsigned, chair, signed_at=NOW, field="signature-voorzitter")


def test_a_fully_signed_report_is_refused(two_signatures: bytes, chair: Identity) -> None:
    with pytest.raises(SigningError, match="Every signature field of this PDF is already signed"):
        sign_pdf(two_signatures, chair, signed_at=NOW)


def test_signing_outside_the_certificates_validity_is_refused(unsigned: bytes, secretary: Identity) -> None:
    with pytest.raises(SigningError, match="is not valid at the signing time 2031-01-01 00:00 UTC"):
        sign_pdf(unsigned, secretary, signed_at=datetime(2031, 1, 1, tzinfo=UTC))


def test_an_unreadable_trusted_certificate_is_refused(two_signatures: bytes) -> None:
    with pytest.raises(SigningError, match=r"not an X\.509 certificate"):
        verify_pdf(two_signatures, trust=[b"-----BEGIN CERTIFICATE-----\nbm9uc2Vuc2U=\n-----END CERTIFICATE-----\n"])


def test_a_pdf_without_signatures_does_not_verify() -> None:
    result = verify_pdf(report_pdf(), language=Language.EN)

    assert not result.ok
    assert result.signatures == () and result.unsigned_fields == FIELDS
    assert result.problems == ("The document contains no signatures.",)


# -- end to end: a real demo report from the report builder ---------------------------------------------------------


@pytest.mark.parametrize("review_fixture", ["assessment_review", "developmental_review"])
def test_a_demo_report_signed_by_its_signers_verifies_everywhere(
    request: pytest.FixtureRequest, tmp_path: Path, review_fixture: str, secretary: Identity, chair: Identity
) -> None:
    from peerreview_app.reports.pdf import build_report

    review = request.getfixturevalue(review_fixture)
    report = build_report(review)
    names = [slot.field_name for slot in report.signature_slots]
    assert names == ["signature-secretary", "signature-chair"]
    assert [f.name for f in signature_fields(report.content) if not f.signed] == names
    by_field = {"signature-secretary": secretary, "signature-chair": chair}
    moment = NOW + timedelta(days=1)

    pdf = report.content
    for slot in report.signature_slots:
        pdf = sign_pdf(pdf, by_field[slot.field_name], signed_at=moment, stamp_lines=[slot.name])  # default order

    known = {by_field[slot.field_name].fingerprint: slot.name for slot in report.signature_slots}
    result = verify_pdf(pdf, known=known, language=review.language)
    assert result.ok and result.unsigned_fields == ()
    assert [(c.field, c.known_as, c.trusted) for c in result.signatures] == [
        (slot.field_name, slot.name, True) for slot in report.signature_slots
    ]
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    assert run("pdfsig", str(path)).count("Signature Validation: Signature is Valid.") == 2
    for row in run("pdffonts", str(path)).splitlines()[2:]:
        assert row.split()[-5] == "yes", row
    last_page = run("pdftotext", "-f", str(report.page_count), "-l", str(report.page_count), str(path), "-")
    assert "Sanne de Secretaris" in last_page and "Chris Voorzitter-Ünal" in last_page
    # The metadata of the signed file: dated at the signing, and the same in the Info dictionary and the XMP.
    reader = PdfFileReader(io.BytesIO(pdf))
    info = reader.trailer["/Info"]
    assert info["/ModDate"] == "D:20261102120000Z"
    if "/Metadata" in reader.root:
        xmp = reader.root["/Metadata"].data.decode("utf-8")
        assert f'Producer="{info["/Producer"]}"' in xmp or f">{info['/Producer']}</pdf:Producer>" in xmp
        assert "2026-11-02T12:00:00+00:00" in xmp


def test_a_signature_stated_after_its_certificate_expired_is_a_problem(unsigned: bytes) -> None:
    # Made with plain pyHanko (clock time, default sub-filter), as another program might: ours refuses to do this.
    expired = load_identity(
        create_identity("Oud Lid", "oud@example.nl", "pw", now=datetime(2020, 1, 1, tzinfo=UTC), valid_days=30),
        "pw",
        now=datetime(2020, 1, 2, tzinfo=UTC),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(unsigned))
    metadata = signers.PdfSignatureMetadata(field_name="signature-secretary")
    signed = signers.PdfSigner(metadata, expired.signer).sign_pdf(writer, existing_fields_only=True).getvalue()

    (check,) = verify_pdf(signed, known={expired.fingerprint: "Oud Lid"}, language=Language.EN).signatures

    assert check.intact and check.covers_final_revision and check.known_as == "Oud Lid"
    assert len(check.problems) == 1
    assert check.problems[0].startswith("The signer's certificate was not valid at the stated signing time (")
