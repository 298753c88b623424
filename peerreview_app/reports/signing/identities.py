"""Signing identities: a self-signed X.509 certificate and its private key in a passphrase-protected PKCS#12 file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import keys as asn1_keys, pkcs12 as asn1_pkcs12, x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier
from pyhanko.sign.signers.pdf_cms import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from peerreview_app.i18n import _
from peerreview_app.reports.signing.certificates import may_sign, subject_name_and_email
from peerreview_app.reports.signing.errors import SigningError
from peerreview_app.reports.signing.fingerprints import certificate_fingerprint

# NIST's recommendation for signatures that must hold beyond 2030; RSA for the widest support among PDF readers.
RSA_KEY_BITS = 3072
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # id-kp-documentSigning, RFC 9336
SIGNING_USAGES = ("digital_signature", "content_commitment")  # content_commitment is X.509's nonRepudiation


@dataclass(frozen=True)
class Identity:
    """A loaded signing identity: who signs (from the certificate) and what pyHanko signs with."""

    name: str
    email: str
    fingerprint: str  # SHA-256 of the DER certificate, 64 lowercase hex digits
    not_before: datetime
    not_after: datetime
    certificate_der: bytes = field(repr=False, compare=False)
    signer: SimpleSigner = field(repr=False, compare=False)


def create_identity(name: str, email: str, passphrase: str, *, now: datetime, valid_days: int = 3 * 365) -> bytes:
    """A new self-signed signing identity as PKCS#12 bytes, its private key encrypted with `passphrase`."""
    name, email = name.strip(), email.strip()
    if not name:
        raise SigningError(_("An identity needs a name: the name of the person who signs."))
    if not passphrase:
        raise SigningError(_("An identity needs a passphrase to protect its private key."))
    if email and ("@" not in email or not email.isascii() or any(c.isspace() for c in email)):
        raise SigningError(_("{email} is not an e-mail address.").format(email=email))
    if valid_days < 1:
        raise SigningError(_("An identity must be valid for at least one day."))
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_KEY_BITS)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if email:
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    subject = x509.Name(attributes)
    start = now.astimezone(UTC).replace(microsecond=0)  # X.509 times have whole seconds
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_signing_key_usage(), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, DOCUMENT_SIGNING]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if email:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
    certificate = builder.sign(key, hashes.SHA256())
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def _signing_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def load_identity(p12: bytes, passphrase: str, *, now: datetime, source: str = "") -> Identity:
    """The identity in PKCS#12 bytes, checked for use at `now`; `source` (a file name) is named in every error."""
    if not _is_pkcs12(p12):
        raise SigningError(_("This is not a PKCS#12 identity file (.p12 or .pfx)."), source)
    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(p12, passphrase.encode("utf-8") or None)
    except ValueError:
        raise SigningError(_("The passphrase is wrong, or the identity file is damaged."), source) from None
    if key is None or certificate is None:
        raise SigningError(_("The identity file holds no private key with its certificate."), source)
    not_before, not_after = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    if now < not_before:
        raise SigningError(
            _("The certificate is not valid yet: it is valid from {start}.").format(start=_moment(not_before)), source
        )
    if now > not_after:
        raise SigningError(
            _("The certificate has expired: it was valid until {end}.").format(end=_moment(not_after)), source
        )
    if not may_sign(certificate):
        raise SigningError(
            _(
                "This certificate may not be used for signing: its key usage allows neither digital signatures "
                "nor non-repudiation."
            ),
            source,
        )
    der = certificate.public_bytes(serialization.Encoding.DER)
    name, email = subject_name_and_email(certificate)
    private_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = _LoadedKeySigner(
        private_key=key,
        signing_cert=asn1_x509.Certificate.load(der),
        signing_key=asn1_keys.PrivateKeyInfo.load(private_der),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
    return Identity(name, email, certificate_fingerprint(der), not_before, not_after, der, signer)


class _LoadedKeySigner(SimpleSigner):
    """pyHanko's SimpleSigner, signing with the key object loaded once instead of once per signing operation.

    SimpleSigner re-imports the private key for every raw signature (two per PDF signature: a size estimate and
    the real one), and importing an RSA-3072 key validates it: 0.14 s each time. The signature itself is made with
    the same `cryptography` calls pyHanko makes; other mechanisms go to pyHanko unchanged.
    """

    def __init__(self, *, private_key: PrivateKeyTypes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            algorithm = mechanism.signature_algo
        except ValueError:
            algorithm = mechanism["algorithm"].native
        if algorithm == "rsassa_pkcs1v15" and isinstance(self._private_key, rsa.RSAPrivateKey):
            return self._private_key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        return super().sign_raw(data, digest_algorithm)


def _is_pkcs12(data: bytes) -> bool:
    """Whether `data` is a PKCS#12 structure at all, so a wrong passphrase is not reported as a wrong file."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native)
    except (ValueError, TypeError, KeyError):
        return False


def _moment(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
