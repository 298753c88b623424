"""The two reportlab canvas internals the report relies on, reached in one place with their types.

Both are private to reportlab's canvas, so its stubs leave them out.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfgen.canvas import Canvas


def pdf_document(canvas: Canvas) -> PDFDocument:
    """The PDF document behind `canvas`: its catalog, annotations, dates and file /ID."""
    document: PDFDocument = canvas._doc  # type: ignore[attr-defined]  # private attribute, not in the stubs
    return document


def add_annotation(canvas: Canvas, annotation: PDFObject, name: str) -> None:
    """Add `annotation` to the document under `name` and to the current page's /Annots."""
    canvas._addAnnotation(annotation, name=name)  # type: ignore[attr-defined]  # private method, not in the stubs
