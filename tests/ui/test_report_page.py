"""The Rapport page: preview, export, signing (which adopts and locks), refusals; and signing in the settings."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import pytest

from peerreview_app import config
from peerreview_app.domain.phases import Phase
from peerreview_app.reports.signing import create_identity, format_fingerprint
from peerreview_app.services import identity, reports, reviews, workflow
from peerreview_app.services.demo import ASSESSMENT_ID, DEVELOPMENTAL_ID, HALF_FILLED_ID
from peerreview_app.services.workbench import Workbench
from peerreview_app.ui import operations
from peerreview_app.ui.dialogs import SettingsDialog
from peerreview_app.ui.main_window import MainWindow
from peerreview_app.ui.qt import (
    QCoreApplication,
    QEvent,
    QFileDialog,
    QImage,
    QInputDialog,
    QMessageBox,
    QPdfDocument,
    Qt,
)
from peerreview_app.ui.signing_dialogs import SignDialog
from peerreview_app.ui.workspace.context import WorkspaceContext
from peerreview_app.ui.workspace.report_page import ReportPage
from peerreview_app.ui.workspace.view import Location, WorkspaceView

PASSPHRASE = "correct horse battery staple"
WAIT = 30_000


@pytest.fixture(scope="session")
def identity_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two real signing identities (RSA-3072, made once): the secretary's and the chair's."""
    folder = tmp_path_factory.mktemp("identities")
    now = datetime.now(UTC)
    files = {}
    for role, name, email in (
        ("secretary", "Jeroen Bakker", "j.bakker@example.org"),
        ("chair", "Marieke van Dongen", "m.vandongen@example.org"),
    ):
        path = folder / f"{role}.p12"
        path.write_bytes(create_identity(name, email, PASSPHRASE, now=now))
        files[role] = path
    return files


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The identity and the report logo live in the data directory: one per test."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs are recorded instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, exc, title=None: shown.append(str(exc)))
    return shown


def make_page(qtbot, make_context, review_id) -> ReportPage:  # type: ignore[no-untyped-def]
    context = make_context(review_id)
    page = ReportPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 860)
    page.show()
    with qtbot.waitSignal(page.preview_ready, timeout=WAIT):
        page.show_item(context.review(), "")
    return page


def pdf_pages(path: Path) -> int:
    """The page count as poppler sees it: an independent reader."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


# -- preview and export ----------------------------------------------------------------------------------


def test_the_preview_shows_the_draft_with_all_its_pages(qtbot, make_context, demo_workbench) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_context, ASSESSMENT_ID)
    built = reports.build_review_report(demo_workbench, ASSESSMENT_ID)
    assert page.document.status() == QPdfDocument.Status.Ready
    assert page.page_count() == built.page_count > 10
    assert str(built.page_count) in page.caption.text()
    assert page.preview is not None and page.preview.stored is None
    assert page.sign_button.isEnabled()
    assert not page.verify_button.isEnabled()  # nothing signed yet
    # Both signers wait, in signing order: the secretary, then the chair.
    waiting = page.signatures.text()
    review = reviews.get_review(demo_workbench, ASSESSMENT_ID)
    secretary = next(m.name for m in review.members if m.role.value == "secretary")
    chair = next(m.name for m in review.members if m.role.value == "chair")
    assert secretary in waiting and chair in waiting and waiting.index(secretary) < waiting.index(chair)


def test_refresh_rebuilds_and_merges_requests(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    first = page.preview
    builds: list[object] = []
    page.preview_ready.connect(lambda: builds.append(page.preview))
    page.request_preview()
    page.request_preview()  # the same turn of the event loop: one build
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(builds) == 1, timeout=WAIT)
    qtbot.wait(300)
    assert len(builds) == 1 and builds[0] is not first


def test_export_writes_the_pdf_atomically(qtbot, make_context, tmp_path, monkeypatch, events) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    target = tmp_path / "out" / "rapport"
    target.parent.mkdir()
    proposed: list[str] = []

    def save_as(_parent, _title, default, _filter):  # type: ignore[no-untyped-def]
        proposed.append(default)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(events.status, timeout=WAIT) as status:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    written = target.with_name("rapport.pdf")  # the extension is added
    assert Path(proposed[0]).name == f"{page.context.review().title}.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert pdf_pages(written) == page.page_count()
    assert str(written) in status.args[0]
    assert [p.name for p in target.parent.iterdir()] == ["rapport.pdf"]  # no temporary file left behind


# -- signing ---------------------------------------------------------------------------------------------


def test_a_wrong_passphrase_shows_an_error_and_changes_nothing(
    qtbot, make_context, demo_workbench, identity_files, errors
) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_context, ASSESSMENT_ID)
    task = page.sign_with(identity_files["secretary"], "not the passphrase")
    with qtbot.waitSignal(task.failed, timeout=WAIT):
        pass
    assert len(errors) == 1 and "wachtwoordzin" in errors[0].lower() and "secretary.p12" in errors[0]
    assert reviews.get_review(demo_workbench, ASSESSMENT_ID).phase is Phase.REPORTING
    assert reports.stored_report(demo_workbench, ASSESSMENT_ID) is None
    assert page.sign_button.isEnabled()


@dataclass(frozen=True)
class Signing:
    """What the signing tests share: the demo workbench, contexts on it, two identities, the errors shown."""

    workbench: Workbench
    make_context: Callable[[UUID], WorkspaceContext]
    identities: dict[str, Path]
    errors: list[str]


@pytest.fixture
def signing(demo_workbench, make_context, identity_files, errors) -> Signing:  # type: ignore[no-untyped-def]
    return Signing(demo_workbench, make_context, identity_files, errors)


def test_signing_adopts_and_locks_the_review(qtbot, signing: Signing, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The secretary's identity is the current one, imported as in the settings.
    identity.import_identity(signing.workbench, signing.identities["secretary"], PASSPHRASE)
    context = signing.make_context(DEVELOPMENTAL_ID)
    view = WorkspaceView(context)
    qtbot.addWidget(view)
    view.resize(1440, 900)
    view.show()
    view.go_to(Location("report"))
    page = view.current_page()
    assert isinstance(page, ReportPage)
    qtbot.waitSignal(page.preview_ready, timeout=WAIT).wait()
    assert page.identity.name.text() == "Jeroen Bakker"
    assert not view.banner.isVisible()

    asked: list[SignDialog] = []

    def type_passphrase(dialog: SignDialog) -> int:
        asked.append(dialog)
        assert dialog.identity_file == identity.current_identity_file()
        dialog.passphrase.setText(PASSPHRASE)
        assert dialog.ok_button.isEnabled()
        dialog.accept()
        return 1

    monkeypatch.setattr(SignDialog, "exec", type_passphrase)
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    assert page.task is not None
    qtbot.waitSignal(page.task.done, timeout=WAIT).wait()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.stored is not None, timeout=WAIT)

    # The dialog said that this first signature adopts the review.
    assert "vast" in asked[0].explanation.text().lower()  # "stelt … vast": adopts
    review = reviews.get_review(signing.workbench, DEVELOPMENTAL_ID)
    assert review.phase is Phase.ADOPTED and review.locked
    stored = reports.stored_report(signing.workbench, DEVELOPMENTAL_ID)
    assert stored is not None and [s.name for s in stored.signers] == ["Jeroen Bakker"]
    # The workspace shows the locked review: the read-only banner, and the page its one signature.
    assert view.banner.isVisible()
    assert context.review().locked
    assert page.signatures.text().count("✓") == 1 and "Jeroen Bakker" in page.signatures.text()
    assert "Marieke van Dongen" in page.signatures.text()  # still to sign
    assert page.verdict.isVisible() and page.verdict.text().startswith("✓")
    assert page.verify_button.isEnabled() and page.sign_button.isEnabled()
    assert not signing.errors


def test_the_chair_signs_the_second_field_and_the_export_verifies(qtbot, signing: Signing, tmp_path, events) -> None:  # type: ignore[no-untyped-def]
    reports.sign_review(signing.workbench, DEVELOPMENTAL_ID, signing.identities["secretary"], PASSPHRASE)
    page = make_page(qtbot, signing.make_context, DEVELOPMENTAL_ID)
    assert page.preview is not None and page.preview.stored is not None
    assert page.page_count() > 10 and str(page.page_count()) in page.caption.text()

    task = page.sign_with(signing.identities["chair"], PASSPHRASE)
    qtbot.waitSignal(task.done, timeout=WAIT).wait()
    qtbot.waitUntil(lambda: page.preview is not None and len(page.preview.stored.signers) == 2, timeout=WAIT)
    assert [s.name for s in reports.stored_report(signing.workbench, DEVELOPMENTAL_ID).signers] == [
        "Jeroen Bakker",
        "Marieke van Dongen",
    ]
    assert page.signatures.text().count("✓") == 2
    assert not page.sign_button.isEnabled()  # every field is signed
    assert reviews.get_review(signing.workbench, DEVELOPMENTAL_ID).phase is Phase.ADOPTED

    # Exporting now writes the signed PDF, byte for byte as stored.
    target = tmp_path / "ondertekend.pdf"
    with qtbot.waitSignal(events.status, timeout=WAIT):
        page.export_to(target)
    assert target.read_bytes() == reports.stored_report_content(signing.workbench, DEVELOPMENTAL_ID)
    assert pdf_pages(target) == page.page_count()

    # "Check signatures" on the page verifies the stored report; the dialog checks the exported file alike.
    dialog = page.check_signatures()
    assert dialog is not None
    qtbot.waitSignal(dialog.verified, timeout=WAIT).wait()
    assert dialog.model.rowCount() == 2 and dialog.verdict.text().startswith("✓")
    with qtbot.waitSignal(dialog.verified, timeout=WAIT):
        dialog.verify_path(target)
    assert [dialog.model.check(row).intact for row in range(2)] == [True, True]
    assert dialog.verification is not None and dialog.verification.ok
    dialog.close()
    assert not signing.errors


def test_an_incomplete_review_is_refused_with_what_is_open(
    qtbot, make_context, demo_workbench, identity_files, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    workflow.move_to(demo_workbench, HALF_FILLED_ID, Phase.REPORTING)  # reporting, but not everything is filled in
    page = make_page(qtbot, make_context, HALF_FILLED_ID)
    assert page.sign_button.isEnabled()
    shown: list[tuple[str, str]] = []

    def choose_show(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        box.findChild(object, "showCompletenessButton").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_show)
    task = page.sign_with(identity_files["secretary"], PASSPHRASE)
    with qtbot.waitSignal(page.show_completeness, timeout=WAIT):
        qtbot.waitSignal(task.done, timeout=WAIT).wait()
    assert shown and shown[0][1].startswith("• ")
    assert reviews.get_review(demo_workbench, HALF_FILLED_ID).phase is Phase.REPORTING
    assert reports.stored_report(demo_workbench, HALF_FILLED_ID) is None


# -- signing identity and report logo in the settings ----------------------------------------------------


def test_settings_import_an_identity_and_show_it(qtbot, demo_workbench, settings, identity_files, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(settings, workbench=demo_workbench)
    qtbot.addWidget(dialog)
    assert dialog.identity.hint.text() and not dialog.identity.name.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(identity_files["chair"]), ""))
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSPHRASE, True)))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.task is not None
    qtbot.waitSignal(dialog.task.done, timeout=WAIT).wait()
    current = identity.current_identity()
    assert current is not None and current.name == "Marieke van Dongen"
    assert dialog.identity.name.text() == "Marieke van Dongen"
    assert dialog.identity.email.text() == "m.vandongen@example.org"
    shown = dialog.identity.fingerprint.text()
    assert shown.replace("\n", " ") == format_fingerprint(current.fingerprint)
    assert len(shown.splitlines()) == 2
    assert str(current.not_after.year) in dialog.identity.valid_until.text()
    assert not dialog.import_note.isHidden()


def test_settings_a_logo_is_kept_as_png_on_ok_and_can_be_removed(qtbot, demo_workbench, settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    jpeg = tmp_path / "logo.jpg"
    image = QImage(2400, 600, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkBlue)
    assert image.save(str(jpeg), "JPEG")
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_bytes(b"%PDF-1.7 this is no image")

    dialog = SettingsDialog(settings, workbench=demo_workbench)
    qtbot.addWidget(dialog)
    assert not dialog.remove_logo_button.isEnabled()
    assert not dialog.use_logo(not_an_image)
    assert "logo.png" in dialog.logo_error.text() and not config.report_logo_path().exists()
    assert dialog.use_logo(jpeg)
    assert not config.report_logo_path().exists()  # kept on OK, not before
    dialog.accept()
    stored = QImage()
    assert config.report_logo_path().read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert stored.loadFromData(config.report_logo_path().read_bytes())
    assert (stored.width(), stored.height()) == (1600, 400)  # scaled down, proportions kept
    # The report uses it: the cover now carries an image.
    assert reports.report_options().logo == config.report_logo_path().read_bytes()

    again = SettingsDialog(settings, workbench=demo_workbench)
    qtbot.addWidget(again)
    assert again.remove_logo_button.isEnabled() and not again.logo_preview.pixmap().isNull()
    again.remove_logo()
    again.accept()
    assert not config.report_logo_path().exists()


def test_signing_is_not_offered_before_the_reporting_phase(qtbot, make_context) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, make_context, HALF_FILLED_ID)  # in the visit phase
    assert not page.sign_button.isEnabled()
    assert page.preview is not None and page.page_count() > 0  # a draft can still be previewed


def test_opening_another_review_while_the_preview_builds_is_safe(qtbot, demo_workbench, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from peerreview_app.ui.workspace import report_page

    # The build waits until the test lets it go, so the page is certainly closed while its thread runs.
    release = threading.Event()
    real_load = report_page.load_preview

    def slow_load(workbench, review_id):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_load(workbench, review_id)

    monkeypatch.setattr(report_page, "load_preview", slow_load)
    window = MainWindow(demo_workbench, settings)
    qtbot.addWidget(window)
    window.show()
    window.open_review(DEVELOPMENTAL_ID, Location("report"))
    qtbot.waitUntil(lambda: window.workspace.current_page().preview_task is not None, timeout=WAIT)
    page = window.workspace.current_page()
    ended: list[object] = []
    page.preview_task.done.connect(ended.append)
    threading.Timer(0.3, release.set).start()  # while the page below waits for its build
    window.open_review(ASSESSMENT_ID)
    assert ended and not page.tasks.busy  # the build ended before the page was let go
    # Delete the closed workspace now: Qt would abort the application if a thread of it were still running.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(100)
    assert window.workspace is not None and window.workspace.context.review_id == ASSESSMENT_ID
