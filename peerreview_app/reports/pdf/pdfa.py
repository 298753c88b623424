"""What reportlab leaves out for PDF/A-2b: XMP metadata, an sRGB output intent, fixed dates and a file /ID.

reportlab has no PDF/A switch; its catalog object takes extra entries, and the trailer /ID is filled in after
the bytes are known (an MD5 of the file, so the same report always gets the same /ID). See docs/pdfa.md.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from functools import cache

from reportlab.pdfbase.pdfdoc import PDFArray, PDFCatalog, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from peerreview_app.reports.pdf.canvas_internals import pdf_document
from peerreview_app.reports.pdf.document import DocumentInfo
from peerreview_app.reports.pdf.texts import escape
from peerreview_app.resources import resources_dir

ICC_PROFILE = "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
_ID_PLACEHOLDER = b"0F1E2D3C4B5A69788796A5B4C3D2E1F0"


@cache
def icc_profile() -> bytes:
    """The sRGB ICC profile shipped in ``resources/icc`` (see its README)."""
    return (resources_dir() / "icc" / ICC_PROFILE).read_bytes()


class _FixedTimeStamp:
    """Stands in for reportlab's clock-based `TimeStamp`: the review's moment, in UTC."""

    def __init__(self, moment: datetime) -> None:
        self.t = moment.timestamp()
        self.YMDhms = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


def utc(moment: datetime) -> datetime:
    """`moment` in UTC, whole seconds; a naive datetime counts as UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).replace(microsecond=0)


def add_archival_parts(canvas: Canvas, info: DocumentInfo, moment: datetime) -> None:
    """Give the document its dates, XMP metadata (PDF/A-2b identification) and sRGB output intent."""
    moment = utc(moment)
    document = pdf_document(canvas)
    # The document's clock, trailer /ID and catalog are reportlab internals that its stubs leave out.
    file_id = b"\n[<" + _ID_PLACEHOLDER + b"><" + _ID_PLACEHOLDER + b">]\n"
    document._timeStamp = _FixedTimeStamp(moment)  # type: ignore[attr-defined]  # private attribute
    document._ID = file_id  # type: ignore[attr-defined]  # private attribute
    catalog = document.Catalog  # type: ignore[attr-defined]  # set by PDFDocument.__init__, not in the stubs
    # The catalog only writes the keys it knows; OutputIntents is not among them.
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.Metadata = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        content=xmp_packet(info, moment),
    )
    profile = PDFStream(PDFDictionary({"N": 3}), content=icc_profile(), filters=[PDFZCompress])
    catalog.OutputIntents = PDFArray(
        [
            PDFDictionary(
                {
                    "Type": PDFName("OutputIntent"),
                    "S": PDFName("GTS_PDFA1"),
                    "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
                    "Info": PDFString(OUTPUT_CONDITION),
                    "RegistryName": PDFString("http://www.color.org"),
                    "DestOutputProfile": profile,
                }
            )
        ]
    )


def set_file_id(pdf: bytes) -> bytes:
    """Fill in the trailer /ID: the MD5 of the file as written, twice (a new file's two ids are equal)."""
    start = pdf.rfind(b"[<" + _ID_PLACEHOLDER)
    if start < 0:
        raise ValueError("the PDF has no /ID placeholder")
    digest = hashlib.md5(pdf, usedforsecurity=False).hexdigest().upper().encode("ascii")
    end = start + 2 * len(_ID_PLACEHOLDER) + 6
    return pdf[:start] + b"[<" + digest + b"><" + digest + b">]" + pdf[end:]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml(text: str) -> str:
    """`text` as XML character data: escaped, without the control characters XML 1.0 forbids."""
    return escape(_CONTROL.sub("", text))


def xmp_packet(info: DocumentInfo, moment: datetime) -> bytes:
    """XMP metadata that agrees with the document information dictionary, as PDF/A requires."""
    stamp = moment.isoformat()
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{_xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{_xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{_xml(info.language)}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>{_xml(info.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>{_xml(info.producer)}</pdf:Producer>
   <pdf:Keywords>{_xml(info.keywords)}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""
    # Room to rewrite the packet in place, as the XMP specification recommends.
    padding = (" " * 99 + "\n") * 20
    return (packet + padding + '<?xpacket end="w"?>').encode("utf-8")
