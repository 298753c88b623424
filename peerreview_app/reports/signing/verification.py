"""Verifying a signed report with pyHanko's validation and difference analysis: offline, no network, ever.

What `ok` means: the document has at least one signature, every signature is intact (the signed bytes are unchanged
and the cryptographic signature is valid), every signature covers the final revision up to later signatures, nothing
was changed after the last signature and no signature was removed or replaced. Trust is reported per signature
(`trusted`, `known_as`) but does not decide `ok`: our identities are self-signed, and only the reader can tell whether
a fingerprint belongs to the panel member it claims to be. Fields that are still empty (`unsigned_fields`) do not
decide `ok` either: a report signed by the secretary only is a valid stage; whether every signer has signed is for
the caller to judge against the review's record.

B-B signatures carry no proof of time: the signing time is the signer's own statement (/M), and a certificate is
checked against a trust list at that stated time. A stated time outside the certificate's validity is a problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.rw_common import PdfHandler
from pyhanko.sign.diff_analysis import (
    CatalogModificationRule,
    DocInfoRule,
    DSSCompareRule,
    FormUpdatingRule,
    MetadataUpdateRule,
    ModificationLevel,
    ObjectStreamRule,
    SigFieldCreationRule,
    SigFieldModificationRule,
    StandardDiffPolicy,
    XrefStreamRule,
)
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from peerreview_app.domain.text import Language
from peerreview_app.i18n import translator
from peerreview_app.reports.signing.certificates import subject_name_and_email, trusted_certificates
from peerreview_app.reports.signing.documents import field_states, open_pdf
from peerreview_app.reports.signing.fingerprints import certificate_fingerprint, normalize_fingerprint

Translate = Callable[[str], str]

# pyHanko's default policy, minus its rule for filling in other form fields: after a signature, a report may only
# receive further signatures (and the metadata updates that come with them).
SIGNATURES_ONLY_POLICY = StandardDiffPolicy(
    global_rules=[
        CatalogModificationRule(),  # type: ignore[no-untyped-call]
        DocInfoRule().as_qualified(ModificationLevel.LTA_UPDATES),
        XrefStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        ObjectStreamRule().as_qualified(ModificationLevel.LTA_UPDATES),
        DSSCompareRule().as_qualified(ModificationLevel.LTA_UPDATES),
        MetadataUpdateRule().as_qualified(ModificationLevel.LTA_UPDATES),  # type: ignore[no-untyped-call]
    ],
    form_rule=FormUpdatingRule(
        field_rules=[SigFieldCreationRule(), SigFieldModificationRule()]  # type: ignore[no-untyped-call]
    ),
)
ACCEPTED_LATER_CHANGES = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)
# Either usage bit will do; pyHanko's default asks for non-repudiation only.
SIGNING_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)


@dataclass(frozen=True)
class SignatureCheck:
    """What verification found out about one signature."""

    field: str
    signer: str
    email: str
    fingerprint: str
    signed_at: datetime | None
    intact: bool  # the signed bytes are unchanged and the cryptographic signature is valid
    covers_final_revision: bool  # only later signatures were added after it; the last one covers the whole file
    trusted: bool  # fingerprint in `known`, or the certificate is (or chains to) one in `trust`
    known_as: str  # the description from `known`, e.g. the panel member, or ""
    problems: tuple[str, ...]  # human sentences in the requested language


@dataclass(frozen=True)
class Verification:
    """The verdict on a whole PDF; see the module docstring for what `ok` includes and what it leaves out."""

    signatures: tuple[SignatureCheck, ...]
    unsigned_fields: tuple[str, ...]
    modified_after_last_signature: bool
    problems: tuple[str, ...]  # about the document as a whole; each signature has its own problems
    removed_signatures: tuple[str, ...] = ()  # fields whose earlier signature is gone or was replaced

    @property
    def ok(self) -> bool:
        return (
            bool(self.signatures)
            and all(check.intact and check.covers_final_revision for check in self.signatures)
            and not self.modified_after_last_signature
            and not self.removed_signatures
        )


def verify_pdf(
    pdf: bytes,
    *,
    known: Mapping[str, str] | None = None,
    trust: Sequence[bytes] = (),
    language: Language = Language.NL,
    source: str = "",
) -> Verification:
    """Every signature of `pdf` checked offline; `known` maps fingerprints to descriptions, `trust` holds DER or PEM
    certificates. SigningError for an unreadable or encrypted file or an unreadable trusted certificate."""
    _ = translator(language)
    reader = open_pdf(pdf, source)
    roots = [root for data in trust for root in trusted_certificates(data)]
    trust_by_fingerprint = {
        **{certificate_fingerprint(root.dump()): "" for root in roots},
        **{normalize_fingerprint(key): value for key, value in (known or {}).items()},
    }
    readable, unreadable = _embedded_signatures(reader)
    checks = [
        _check(signature, is_last=signature is readable[-1], roots=roots, known=trust_by_fingerprint, _=_)
        for signature in readable
    ]
    checks += [_unreadable(field, _) for field in unreadable]
    removed = _removed_signatures(reader)
    # The last signature that can be read: one that cannot is already a problem of its own.
    modified_after = bool(readable) and not checks[len(readable) - 1].covers_final_revision
    problems = []
    if not checks:
        problems.append(_("The document contains no signatures."))
    if modified_after:
        problems.append(_("The document was changed after the last signature."))
    problems += [
        _("The signature in field {field} was removed or replaced after signing.").format(field=name)
        for name in removed
    ]
    return Verification(
        signatures=tuple(checks),
        unsigned_fields=tuple(state.name for state in field_states(reader) if not state.signed),
        modified_after_last_signature=modified_after,
        problems=tuple(problems),
        removed_signatures=removed,
    )


def _embedded_signatures(reader: PdfFileReader) -> tuple[list[EmbeddedPdfSignature], list[str]]:
    """The signatures in signing order, and the fields whose signature cannot even be parsed.

    Not pyHanko's `embedded_signatures`: that fails on the first damaged signature and skips unknown kinds silently.
    """
    readable: list[tuple[int, EmbeddedPdfSignature]] = []
    unreadable: list[str] = []
    for name, _value, field in enumerate_sig_fields(reader, filled_status=True):
        try:
            signature = EmbeddedPdfSignature(reader, field, name)
            if signature.sig_object_type == "/DocTimeStamp":
                continue  # not a signer's signature; as a later revision it counts as a change after the last one
            readable.append((signature.signed_revision, signature))
        except Exception:  # untrusted input: a damaged signature dictionary or CMS structure
            unreadable.append(str(name))
    return [signature for _revision, signature in sorted(readable, key=lambda pair: pair[0])], unreadable


def _check(
    signature: EmbeddedPdfSignature,
    *,
    is_last: bool,
    roots: list[asn1_x509.Certificate],
    known: Mapping[str, str],
    _: Translate,
) -> SignatureCheck:
    field = str(signature.field_name)
    try:
        der = signature.signer_cert.dump()
        certificate = x509.load_der_x509_certificate(der)
        signer, email = subject_name_and_email(certificate)
        stated_time = signature.self_reported_timestamp
        context = ValidationContext(trust_roots=list(roots), allow_fetching=False, moment=stated_time)
        status = validate_pdf_signature(
            signature,
            signer_validation_context=context,
            diff_policy=SIGNATURES_ONLY_POLICY,
            key_usage_settings=SIGNING_KEY_USAGE,
        )
    except Exception:  # untrusted input: a signature pyHanko cannot process is not intact
        return _unreadable(field, _)
    fingerprint = certificate_fingerprint(der)
    signed_at = status.signer_reported_dt or stated_time
    problems = _integrity_problems(status, _)
    covers = _covers_final_revision(status, is_last=is_last)
    if not covers:
        problems.append(_later_change_problem(status, is_last=is_last, _=_))
    if signed_at is not None and not certificate.not_valid_before_utc <= signed_at <= certificate.not_valid_after_utc:
        problems.append(
            _("The signer's certificate was not valid at the stated signing time ({time}).").format(
                time=f"{signed_at:%Y-%m-%d %H:%M %Z}".strip()
            )
        )
    return SignatureCheck(
        field=field,
        signer=signer,
        email=email,
        fingerprint=fingerprint,
        signed_at=signed_at,
        intact=bool(status.intact and status.valid),
        covers_final_revision=covers,
        trusted=status.trusted or fingerprint in known,
        known_as=known.get(fingerprint, ""),
        problems=tuple(problems),
    )


def _unreadable(field: str, _: Translate) -> SignatureCheck:
    problem = _("The signature in this field cannot be read: it is damaged or of a kind this program does not know.")
    return SignatureCheck(field, "", "", "", None, False, False, False, "", (problem,))


def _integrity_problems(status: PdfSignatureStatus, _: Translate) -> list[str]:
    if not status.intact:
        return [_("The signed content has been changed since signing: this is not the document that was signed.")]
    if not status.valid:
        return [_("The cryptographic signature does not match the signer's certificate.")]
    return []


def _covers_final_revision(status: PdfSignatureStatus, *, is_last: bool) -> bool:
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if is_last or status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        return False
    return bool(status.docmdp_ok) and status.modification_level in ACCEPTED_LATER_CHANGES


def _later_change_problem(status: PdfSignatureStatus, *, is_last: bool, _: Translate) -> str:
    if status.coverage not in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION):
        return _("This signature does not cover its whole revision of the document.")
    level = status.modification_level
    if level == ModificationLevel.ANNOTATIONS:
        return _("Annotations were added to the document after this signature.")
    if level in ACCEPTED_LATER_CHANGES and is_last:
        return _("Something was added to the document after this signature.")
    return _("The document was changed after this signature in a way that later signatures do not explain.")


def _removed_signatures(reader: PdfFileReader) -> tuple[str, ...]:
    """Fields that held a signature in an earlier revision and now hold none, or another one.

    pyHanko's difference analysis already rejects such an update for the signatures that remain; this names the
    field, and it still speaks when no signature remains at all.
    """
    final = _signature_values(reader)
    removed: list[str] = []
    for revision in range(reader.xrefs.total_revisions - 1):
        try:
            earlier = _signature_values(reader.get_historical_resolver(revision))
        except Exception:  # untrusted input: an unreadable old revision; the difference analysis reports it
            continue
        removed += [name for name, value in earlier.items() if final.get(name) != value and name not in removed]
    return tuple(removed)


def _signature_values(handler: PdfHandler) -> dict[str, bytes]:
    """The signature value (the CMS bytes of /Contents) in each signed field."""
    found: dict[str, bytes] = {}
    for name, value, _field in enumerate_sig_fields(handler, filled_status=True):
        signature = value.get_object()
        found[str(name)] = bytes(signature["/Contents"]) if "/Contents" in signature else b""
    return found
