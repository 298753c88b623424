"""PAdES baseline B-B signatures into the report's prepared visible fields, one incremental update each."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.signers.pdf_byterange import BuildProps
from pyhanko.sign.signers.pdf_signer import PdfSigningSession
from pyhanko.stamp import TextStampStyle

from peerreview_app import __version__
from peerreview_app.i18n import _
from peerreview_app.reports.signing.documents import FieldState, field_states, open_for_update
from peerreview_app.reports.signing.errors import SigningError
from peerreview_app.reports.signing.fingerprints import short_fingerprint
from peerreview_app.reports.signing.identities import Identity
from peerreview_app.resources import font_path

DEFAULT_ORDER = ("signature-secretary", "signature-chair")
STAMP_FONT = "NotoSans-Regular.ttf"
LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF")


def sign_pdf(
    pdf: bytes,
    identity: Identity,
    *,
    signed_at: datetime,
    field: str | None = None,
    order: Sequence[str] = DEFAULT_ORDER,
    reason: str = "",
    location: str = "",
    stamp_lines: Sequence[str] = (),
    source: str = "",
) -> bytes:
    """`pdf` with a PAdES B-B signature of `identity` in an empty visible field, appended as an incremental update.

    `field` None takes the first empty field in `order`, then any other empty one. `signed_at` (timezone-aware) is
    the signing time written into the signature and onto its stamp; the stamp shows the signer's name, `stamp_lines`
    (e.g. the role), the time and the short fingerprint in our embedded font. No network is used.
    """
    if signed_at.tzinfo is None:
        raise ValueError("signed_at must be timezone-aware")
    if not identity.not_before <= signed_at <= identity.not_after:
        raise SigningError(
            _("The certificate of {name} is not valid at the signing time {time}.").format(
                name=identity.name, time=_stamp_time(signed_at)
            ),
            source,
        )
    writer = open_for_update(pdf, signed_at, source)
    target = choose_field(field_states(writer.prev), field, order, source)
    metadata = PdfSignatureMetadata(
        field_name=target,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=identity.name,
        reason=reason or None,
        location=location or None,
        contact_info=identity.email or None,
        app_build_props=BuildProps(name="Peer Review Workbench", revision=__version__),
    )
    text = "\n".join(
        [identity.name, *stamp_lines, _stamp_time(signed_at), f"SHA-256 {short_fingerprint(identity.fingerprint)}"]
    )
    signer = _FixedTimePdfSigner(metadata, identity.signer, stamp_style=_stamp_style(), signing_time=signed_at)
    try:
        # The text goes in as a parameter, not as the template: a "%" in a name must not be read as a placeholder.
        output = signer.sign_pdf(writer, existing_fields_only=True, appearance_text_params={"text": text})
    except (PyHankoSigningError, PdfError) as error:
        raise SigningError(_("This PDF cannot be signed: {reason}").format(reason=error), source) from None
    return bytes(output.getvalue())


def choose_field(states: Sequence[FieldState], field: str | None, order: Sequence[str], source: str = "") -> str:
    """The field to sign: `field` when it is an empty signature field, else the first empty one by `order`."""
    if not states:
        raise SigningError(
            _(
                "This PDF has no unsigned signature field; only reports exported by the Peer Review Workbench can be "
                "signed here."
            ),
            source,
        )
    empty = [state.name for state in states if not state.signed]
    if not empty:
        raise SigningError(
            _("Every signature field of this PDF is already signed: {fields}.").format(
                fields=", ".join(state.name for state in states)
            ),
            source,
        )
    if field is None:
        return next((name for name in order if name in empty), empty[0])
    if field in empty:
        return field
    if any(state.name == field for state in states):
        message = _("The signature field {field} is already signed. Unsigned fields: {fields}.")
    else:
        message = _("This PDF has no signature field {field}. Unsigned fields: {fields}.")
    raise SigningError(message.format(field=field, fields=", ".join(empty)), source)


class _FixedTimePdfSigner(PdfSigner):
    """A PdfSigner that signs at a given time instead of the clock.

    pyHanko takes the signing time (the /M entry and the stamp's date) from the clock when it opens a signing
    session and offers no parameter for it; the session's `system_time` is the one place it is read from.
    """

    def __init__(self, *args: object, signing_time: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signing_time
        return session


class _StampFont(GlyphAccumulatorFactory):
    """Our font for stamps, subset and embedded (pyHanko's default stamp font, Courier, is not embedded).

    Two changes to pyHanko's factory: the font is read from memory (the factory opens the file and never closes
    it), and the layout tables are dropped before subsetting. pyHanko drops them from the subset anyway and HarfBuzz
    has already shaped the text from the full font, but fontTools decompiles them first: 0.15 s per signature.
    """

    def create_font_engine(self, writer: BasePdfFileWriter, obj_stream: object = None) -> GlyphAccumulator:
        engine = GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(_font_bytes(self.font_file)), font_size=self.font_size
        )
        for tag in LAYOUT_TABLES:
            if tag in engine.tt:
                del engine.tt[tag]
        return engine


@cache
def _font_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


@cache
def _stamp_style() -> TextStampStyle:
    font = _StampFont(str(font_path(STAMP_FONT)))
    return TextStampStyle(
        stamp_text="%(text)s",
        text_box_style=TextBoxStyle(font=font, font_size=9, leading=11),
        border_width=1,
        border_color=(0.45, 0.45, 0.45),
    )


def _stamp_time(moment: datetime) -> str:
    offset = moment.utcoffset()
    zone = "UTC" if offset == timedelta(0) else moment.strftime("%z")
    if zone != "UTC" and len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{moment:%Y-%m-%d %H:%M} {zone}"
