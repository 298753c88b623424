"""Reading X.509 certificates: who they name, whether they may sign, and certificates given to trust."""

from __future__ import annotations

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from peerreview_app.i18n import _
from peerreview_app.reports.signing.errors import SigningError


def may_sign(certificate: x509.Certificate) -> bool:
    """Whether the certificate's key usage allows signing documents (PDF readers require one of these bits)."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False  # pyHanko's validation requires the extension; refuse now rather than sign invalidly
    return usage.digital_signature or usage.content_commitment


def subject_name_and_email(certificate: x509.Certificate) -> tuple[str, str]:
    """The common name (or the whole subject) and the e-mail address (subject or alternative name) of a certificate."""
    subject = certificate.subject
    names = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(names[0].value) if names else subject.rfc4514_string()
    emails = [str(a.value) for a in subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)]
    if not emails:
        try:
            alternative = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
            emails = alternative.get_values_for_type(x509.RFC822Name)
        except x509.ExtensionNotFound:
            pass
    return name, emails[0] if emails else ""


def trusted_certificates(data: bytes, source: str = "") -> list[asn1_x509.Certificate]:
    """The certificates in a DER file or a PEM file (one or more), as pyHanko's validation takes them."""
    try:
        if b"-----BEGIN" in data:
            certificates = x509.load_pem_x509_certificates(data)
        else:
            certificates = [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise SigningError(_("This is not an X.509 certificate in PEM or DER form."), source) from None
    return [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in certificates]
