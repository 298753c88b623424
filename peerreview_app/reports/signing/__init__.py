"""Signing identities, PAdES signatures (pyHanko) in a report's prepared fields, and offline verification.

No Qt and no storage: everything takes and returns bytes; the services decide where files come from and go to.
"""

from peerreview_app.reports.signing.documents import FieldState, signature_fields
from peerreview_app.reports.signing.errors import SigningError
from peerreview_app.reports.signing.fingerprints import certificate_fingerprint, format_fingerprint
from peerreview_app.reports.signing.identities import Identity, create_identity, load_identity
from peerreview_app.reports.signing.signing import DEFAULT_ORDER, sign_pdf
from peerreview_app.reports.signing.verification import SignatureCheck, Verification, verify_pdf

__all__ = [
    "DEFAULT_ORDER",
    "FieldState",
    "Identity",
    "SignatureCheck",
    "SigningError",
    "Verification",
    "certificate_fingerprint",
    "create_identity",
    "format_fingerprint",
    "load_identity",
    "sign_pdf",
    "signature_fields",
    "verify_pdf",
]
