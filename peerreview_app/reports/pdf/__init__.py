"""The PDF report of a review (reportlab platypus): sections per review kind, PDF/A-2b parts, signature fields."""

from peerreview_app.reports.pdf.builder import build_report
from peerreview_app.reports.pdf.model import (
    ReportError,
    ReportOptions,
    ReportPdf,
    SignatureSlot,
    signature_field_name,
    signing_order,
)

__all__ = [
    "ReportError",
    "ReportOptions",
    "ReportPdf",
    "SignatureSlot",
    "build_report",
    "signature_field_name",
    "signing_order",
]
