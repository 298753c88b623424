"""Reading PDFs for signing and verification: refuse what cannot be read or is encrypted, list signature fields."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import VENDOR, DocumentMetadata
from pyhanko.pdf_utils.metadata.xmp_xml import MetadataStream
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.rw_common import PdfHandler
from pyhanko.sign.fields import enumerate_sig_fields

from peerreview_app.i18n import _
from peerreview_app.reports.signing.errors import SigningError

# pyHanko logs every untrusted self-signed certificate with a traceback; without a handler of the application's own,
# Python would print those to stderr. A NullHandler keeps them out of the user's terminal, and an application that
# configures logging still receives them.
logging.getLogger("pyhanko").addHandler(logging.NullHandler())
logging.getLogger("pyhanko_certvalidator").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class FieldState:
    """A signature field of a PDF and whether it holds a signature."""

    name: str
    signed: bool


def open_pdf(pdf: bytes, source: str = "") -> PdfFileReader:
    """A pyHanko reader for `pdf`; SigningError for a file that is not a readable, unencrypted PDF."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
    except Exception:
        raise SigningError(_("This file cannot be read as a PDF."), source) from None
    _refuse_unusable(reader, source)
    return reader


class SigningWriter(IncrementalPdfFileWriter):
    """pyHanko's incremental writer, with the document's modification date set to the signing time.

    pyHanko always dates an update "now" (the Info dictionary and the XMP metadata each from its own clock reading)
    and writes a different /Producer into each, where PDF/A requires both to agree. After pyHanko's metadata
    update, both get the signing time and the Info /Producer becomes the XMP one.
    """

    def __init__(self, pdf: bytes, modified_at: datetime) -> None:
        super().__init__(io.BytesIO(pdf))
        self.modified_at = modified_at

    def _update_meta(self) -> None:
        super()._update_meta()  # type: ignore[no-untyped-call]
        # Indexing, not .get(): pyHanko's dictionaries resolve indirect objects in __getitem__ only.
        info = self.trailer["/Info"] if "/Info" in self.trailer else None  # noqa: SIM401
        metadata = self.root["/Metadata"] if "/Metadata" in self.root else None  # noqa: SIM401
        if isinstance(metadata, MetadataStream):
            metadata.update_xmp_with_meta(DocumentMetadata(last_modified=self.modified_at))
            self.update_container(metadata)
            if info is not None:
                info["/Producer"] = generic.TextStringObject(VENDOR)
        if info is not None:
            info["/ModDate"] = generic.pdf_date(self.modified_at)
            self.update_container(info)


def open_for_update(pdf: bytes, modified_at: datetime, source: str = "") -> SigningWriter:
    """A writer that appends an incremental update to `pdf`, after the same checks as `open_pdf`."""
    try:
        writer = SigningWriter(pdf, modified_at)
    except Exception:
        raise SigningError(_("This file cannot be read as a PDF."), source) from None
    _refuse_unusable(writer.prev, source)
    return writer


def _refuse_unusable(reader: PdfFileReader, source: str) -> None:
    if reader.encrypted:
        raise SigningError(
            _("This PDF is encrypted (password protected); encrypted PDFs cannot be signed or verified here."), source
        )
    try:
        has_pages = "/Pages" in reader.root  # a broken catalogue shows here, not halfway through signing
    except Exception:
        has_pages = False
    if not has_pages:
        raise SigningError(_("This file cannot be read as a PDF."), source)


def field_states(handler: PdfHandler) -> list[FieldState]:
    """Every signature field in the order of the form, with whether it is signed."""
    return [FieldState(str(name), value is not None) for name, value, _ref in enumerate_sig_fields(handler)]


def signature_fields(pdf: bytes, *, source: str = "") -> list[FieldState]:
    """The signature fields of `pdf`; SigningError for an encrypted or unreadable PDF."""
    return field_states(open_pdf(pdf, source))
