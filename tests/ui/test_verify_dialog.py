"""The verification dialog: real signed reports, a tampered copy, an unsigned PDF, a file that is no PDF."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerreview_app import config
from peerreview_app.reports.signing import create_identity, format_fingerprint
from peerreview_app.services import reports
from peerreview_app.services.demo import ASSESSMENT_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui import operations
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.qt import QFileDialog, QModelIndex, Qt
from peerreview_app.ui.verify_dialog import Level, SignatureTableModel, VerifyDialog, verdict_of

PASSPHRASE = "een lange zin als wachtwoord"
WAIT = 30_000
COLUMNS = SignatureTableModel.HEADERS


@pytest.fixture(scope="module")
def identity_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("verify-identities")
    now = datetime.now(UTC)
    secretary, chair = folder / "secretaris.p12", folder / "voorzitter.p12"
    secretary.write_bytes(create_identity("Sophie de Graaf", "s.degraaf@example.org", PASSPHRASE, now=now))
    chair.write_bytes(create_identity("Henk Mulder", "h.mulder@example.org", PASSPHRASE, now=now))
    return secretary, chair


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, exc, title=None: shown.append(str(exc)))
    return shown


@pytest.fixture
def signed_pdf(demo_workbench: Workbench, identity_files: tuple[Path, Path], tmp_path: Path) -> Path:
    """The assessment review's report signed by the secretary and then the chair, saved as a file."""
    for identity_file in identity_files:
        reports.sign_review(demo_workbench, ASSESSMENT_ID, identity_file, PASSPHRASE)
    path = tmp_path / "ondertekend.pdf"
    reports.save_signed_copy(demo_workbench, ASSESSMENT_ID, path)
    return path


def make_dialog(qtbot, workbench: Workbench) -> VerifyDialog:  # type: ignore[no-untyped-def]
    dialog = VerifyDialog(workbench)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def verify(qtbot, dialog: VerifyDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.verify_path(path)


def cell(dialog: VerifyDialog, row: int, column: str) -> str:
    return str(dialog.model.index(row, COLUMNS.index(column), QModelIndex()).data(Qt.ItemDataRole.DisplayRole))


def test_both_signatures_of_a_signed_report_are_listed_intact(qtbot, demo_workbench, signed_pdf) -> None:  # type: ignore[no-untyped-def]
    dialog = make_dialog(qtbot, demo_workbench)
    verify(qtbot, dialog, signed_pdf)
    assert dialog.model.rowCount() == 2
    assert [cell(dialog, row, "signer").splitlines()[0] for row in range(2)] == ["Sophie de Graaf", "Henk Mulder"]
    assert [cell(dialog, row, "field") for row in range(2)] == ["Secretaris", "Voorzitter"]  # in words
    for row in range(2):
        check = dialog.model.check(row)
        assert check.intact and check.covers_final_revision and check.trusted
        assert cell(dialog, row, "intact").startswith("✓")
        assert cell(dialog, row, "covers").startswith("✓")
        # Known: the workbench keeps everyone who signed a stored report.
        assert cell(dialog, row, "trusted").startswith("✓") and check.signer in cell(dialog, row, "trusted")
        assert cell(dialog, row, "fingerprint").replace("\n", " ") == format_fingerprint(check.fingerprint)
        assert dialog.model.index(row, COLUMNS.index("field")).data(Qt.ItemDataRole.ToolTipRole) == check.field
        assert str(datetime.now().year) in cell(dialog, row, "signed_at")
    assert dialog.verification is not None and dialog.verification.ok
    assert verdict_of(dialog.verification).level is Level.GOOD
    assert dialog.verdict.text().startswith("✓") and "#14532d" in dialog.verdict.styleSheet()
    assert str(signed_pdf) in dialog.source.text()


def test_a_tampered_copy_gets_the_red_verdict(qtbot, demo_workbench, signed_pdf, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = signed_pdf.read_bytes()
    # One byte flipped inside a content stream, well within both signatures' byte ranges.
    position = content.index(b"stream\n", len(content) // 4) + len(b"stream\n") + 16
    tampered = tmp_path / "gewijzigd.pdf"
    tampered.write_bytes(content[:position] + bytes([content[position] ^ 0x01]) + content[position + 1 :])

    dialog = make_dialog(qtbot, demo_workbench)
    verify(qtbot, dialog, tampered)
    assert dialog.verification is not None and not dialog.verification.ok
    assert verdict_of(dialog.verification).level is Level.BAD
    assert dialog.verdict.text().startswith("✗")  # in words, not only in red
    assert "#7f1d1d" in dialog.verdict.styleSheet()
    assert any(cell(dialog, row, "intact").startswith("✗") for row in range(dialog.model.rowCount()))
    assert "<li>" in dialog.details.text()  # the problems are listed


def test_an_unsigned_pdf_is_not_in_order(qtbot, demo_workbench, tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / "concept.pdf"
    reports.export_pdf(demo_workbench, ASSESSMENT_ID, draft)
    dialog = make_dialog(qtbot, demo_workbench)
    verify(qtbot, dialog, draft)
    assert dialog.model.rowCount() == 0
    assert dialog.verdict.text().startswith("✗")
    assert "Secretaris, Voorzitter" in dialog.details.text()  # the empty fields are named
    assert not dialog.table.isVisibleTo(dialog)


def test_a_file_that_is_no_pdf_is_reported(qtbot, demo_workbench, tmp_path, errors) -> None:  # type: ignore[no-untyped-def]
    not_pdf = tmp_path / "notulen.pdf"
    not_pdf.write_text("Dit is geen PDF.", encoding="utf-8")
    dialog = make_dialog(qtbot, demo_workbench)
    task = dialog.verify_path(not_pdf)
    qtbot.waitSignal(task.failed, timeout=WAIT).wait()
    assert len(errors) == 1 and "notulen.pdf" in errors[0]
    assert not dialog.verdict.isVisible() and dialog.model.rowCount() == 0


def test_the_file_menu_opens_any_pdf_for_checking(qtbot, demo_workbench, settings, signed_pdf, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_workbench, settings)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(signed_pdf), "")))
    window.findChild(object, "verifySignaturesAction").trigger()
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.verification is not None, timeout=WAIT)
    assert dialog.model.rowCount() == 2 and dialog.verification.ok
    dialog.close()
