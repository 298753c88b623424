"""The documents page: attach (dialog, drop, background), open with the viewer, save a copy, remove, lock."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from peerreview_app.domain.documents import DocumentKind
from peerreview_app.services import documents, reviews, workflow
from peerreview_app.services.demo import ASSESSMENT_ID, DEVELOPMENTAL_ID
from peerreview_app.services.documents import document_kind_label
from peerreview_app.ui.qt import (
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QMimeData,
    Qt,
    QtCore,
    QUrl,
)
from peerreview_app.ui.workspace import context as context_module
from peerreview_app.ui.workspace.documents import DocumentsPage, capitalised

REFLECTION = b"%PDF-1.7\n" + bytes(range(256)) * 16 + b"\nKritische reflectie\n%%EOF\n"


def write(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


class Opener:
    """Stands in for the system viewer: remembers what it was asked to show, and what was in the file."""

    def __init__(self, works: bool = True) -> None:
        self.works = works
        self.opened: list[tuple[Path, bytes]] = []

    def __call__(self, path: Path) -> bool:
        self.opened.append((path, path.read_bytes()))
        return self.works


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    """Error dialogs are recorded instead of shown (a modal box would block the test)."""
    shown: list[str] = []
    record = lambda _parent, exc, title=None: shown.append(str(exc))  # noqa: E731
    monkeypatch.setattr(context_module, "show_error", record)
    monkeypatch.setattr("peerreview_app.ui.operations.show_error", record)
    return shown


def make_page(qtbot, make_context, review_id, opener: Opener | None = None) -> DocumentsPage:
    context = make_context(review_id)
    page = DocumentsPage(context, opener=opener or Opener())
    qtbot.addWidget(page)
    page.show_item(context.review(), "")
    page.resize(1200, 800)
    page.show()
    return page


def stored(demo_workbench, review_id):
    return reviews.get_review(demo_workbench, review_id).documents


def test_attached_files_are_stored_and_listed(qtbot, make_context, demo_workbench, events, tmp_path):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    assert page.empty.isVisible() and not page.table.isVisible()
    paths = [write(tmp_path, "Kritische reflectie.pdf", REFLECTION), write(tmp_path, "Programma.docx", b"p" * 5000)]
    with qtbot.waitSignal(events.status):
        page.attach_files(paths, DocumentKind.EVIDENCE)
    docs = stored(demo_workbench, DEVELOPMENTAL_ID)
    assert [(d.name, d.kind, d.size) for d in docs] == [
        ("Kritische reflectie.pdf", DocumentKind.EVIDENCE, len(REFLECTION)),
        ("Programma.docx", DocumentKind.EVIDENCE, 5000),
    ]
    table = page.table
    assert table.isVisible() and not page.empty.isVisible()
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Kritische reflectie.pdf", "Programma.docx"]
    assert table.item(1, 1).text() == capitalised(document_kind_label(DocumentKind.EVIDENCE))
    assert table.item(1, 2).text() == "4,9 KB"  # Dutch: a decimal comma
    digest = hashlib.sha256(REFLECTION).hexdigest()
    assert table.item(0, 4).text() == digest[:12]
    assert digest in table.item(0, 4).toolTip()
    assert page.selected_document() is not None and page.selected_document().name == "Programma.docx"


def test_the_add_button_asks_for_files_and_offers_the_self_reflection_first(
    qtbot, make_context, demo_workbench, tmp_path, monkeypatch
):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    path = write(tmp_path, "reflectie.pdf", REFLECTION)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path)], ""))
    offered: list[tuple[list[str], int]] = []

    def accept_default(_parent, _title, _label, items, current, _editable):
        offered.append((list(items), current))
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", accept_default)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [d.kind for d in stored(demo_workbench, DEVELOPMENTAL_ID)] == [DocumentKind.SELF_REFLECTION]
    assert len(offered[0][0]) == len(DocumentKind)
    # With a kritische reflectie in place, the next file is offered as evidence.
    path = write(tmp_path, "bijlage.xlsx", b"cijfers")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [d.kind for d in stored(demo_workbench, DEVELOPMENTAL_ID)] == [
        DocumentKind.SELF_REFLECTION,
        DocumentKind.EVIDENCE,
    ]
    assert offered[1][1] == list(DocumentKind).index(DocumentKind.EVIDENCE)


def test_cancelling_the_kind_question_attaches_nothing(qtbot, make_context, demo_workbench, tmp_path, monkeypatch):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(write(tmp_path, "x.pdf", b"x"))], ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("", False))
    page.add_documents()
    assert stored(demo_workbench, DEVELOPMENTAL_ID) == []


def test_open_hands_the_viewer_a_read_only_copy_with_the_original_name_and_bytes(qtbot, make_context, tmp_path):
    opener = Opener()
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID, opener)
    page.attach_files([write(tmp_path, "Kritische reflectie 2025.pdf", REFLECTION)], DocumentKind.SELF_REFLECTION)
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    [(path, content)] = opener.opened
    assert content == REFLECTION
    assert path.name == "Kritische reflectie 2025.pdf"
    assert path.parent.parent != tmp_path, "the copy lives in the session's temporary folder"
    assert path.stat().st_mode & 0o222 == 0, "the copy is read-only"
    # Enter on the table opens too, and the same copy is reused.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert [p for p, _ in opener.opened] == [path, path]


def test_open_refuses_damaged_content_and_never_shows_it(qtbot, make_context, demo_workbench, tmp_path, errors):
    opener = Opener()
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID, opener)
    page.attach_files([write(tmp_path, "reflectie.pdf", REFLECTION)], DocumentKind.SELF_REFLECTION)
    connection = sqlite3.connect(demo_workbench.database.path)
    connection.execute("UPDATE document_blob SET content = ?", (b"iets anders",))
    connection.commit()
    connection.close()
    page.table.selectRow(0)
    page.open_selected()
    assert opener.opened == []
    assert len(errors) == 1 and "reflectie.pdf" in errors[0]


def test_when_no_program_opens_the_file_the_user_is_told(qtbot, make_context, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID, Opener(works=False))
    page.attach_files([write(tmp_path, "rooster.xyz", b"?")], DocumentKind.OTHER)
    page.open_selected()
    assert len(told) == 1 and "rooster.xyz" in told[0]


def test_save_as_writes_the_original_bytes(qtbot, make_context, events, tmp_path, monkeypatch):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    page.attach_files([write(tmp_path, "reflectie.pdf", REFLECTION)], DocumentKind.SELF_REFLECTION)
    target = tmp_path / "export" / "kopie.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(events.status):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == REFLECTION


def test_remove_asks_first_and_delete_key_removes(qtbot, make_context, demo_workbench, tmp_path, monkeypatch):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    page.attach_files([write(tmp_path, "a.pdf", b"a"), write(tmp_path, "b.pdf", b"b")], DocumentKind.EVIDENCE)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [d.name for d in stored(demo_workbench, DEVELOPMENTAL_ID)] == ["a.pdf", "b.pdf"]
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [d.name for d in stored(demo_workbench, DEVELOPMENTAL_ID)] == ["b.pdf"]
    assert page.table.rowCount() == 1


def test_the_same_file_twice_is_refused_with_a_message(qtbot, make_context, demo_workbench, tmp_path, errors):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    page.attach_files([write(tmp_path, "reflectie.pdf", REFLECTION)], DocumentKind.SELF_REFLECTION)
    page.attach_files([write(tmp_path, "kopie.pdf", REFLECTION)], DocumentKind.EVIDENCE)
    assert len(stored(demo_workbench, DEVELOPMENTAL_ID)) == 1
    assert len(errors) == 1 and "reflectie.pdf" in errors[0]


# PySide marks the QPoint constructor of drag events deprecated; it is the one Qt 6 has.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropped_files_are_attached(qtbot, make_context, demo_workbench, tmp_path):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    page.choose_kind = lambda paths: DocumentKind.PROGRAMME
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write(tmp_path, "programma.pdf", b"programma")))])
    point = QtCore.QPointF(200, 300)
    enter = QDragEnterEvent(
        point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    qtbot.waitUntil(lambda: len(stored(demo_workbench, DEVELOPMENTAL_ID)) == 1)
    assert stored(demo_workbench, DEVELOPMENTAL_ID)[0].kind is DocumentKind.PROGRAMME
    # A folder is not a document: the drag is refused.
    folder = QMimeData()
    folder.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    enter = QDragEnterEvent(
        point.toPoint(), Qt.DropAction.CopyAction, folder, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_many_megabytes_are_attached_in_the_background(qtbot, make_context, demo_workbench, tmp_path):
    page = make_page(qtbot, make_context, DEVELOPMENTAL_ID)
    page.BACKGROUND_BYTES = 1  # type: ignore[misc]
    page.attach_files([write(tmp_path, "a.pdf", b"a" * 10), write(tmp_path, "b.pdf", b"b" * 10)], DocumentKind.OTHER)
    assert page.task is not None
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    assert [d.name for d in stored(demo_workbench, DEVELOPMENTAL_ID)] == ["a.pdf", "b.pdf"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_an_adopted_review_can_open_and_save_but_not_add_or_remove(qtbot, make_context, demo_workbench, tmp_path):
    documents.attach_document(demo_workbench, ASSESSMENT_ID, write(tmp_path, "reflectie.pdf", REFLECTION))
    workflow.adopt(demo_workbench, ASSESSMENT_ID)
    opener = Opener()
    page = make_page(qtbot, make_context, ASSESSMENT_ID, opener)
    assert page.locked_note.isVisible()
    page.table.selectRow(0)
    assert not page.add_button.isEnabled() and not page.remove_button.isEnabled()
    assert page.open_button.isEnabled() and page.save_button.isEnabled()
    page.attach_files([write(tmp_path, "later.pdf", b"later")], DocumentKind.EVIDENCE)
    page.remove_selected()
    assert [d.name for d in stored(demo_workbench, ASSESSMENT_ID)] == ["reflectie.pdf"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "later.pdf"))])
    enter = QDragEnterEvent(
        QtCore.QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    page.dragEnterEvent(enter)
    assert not enter.isAccepted()
    page.open_selected()
    assert opener.opened[0][1] == REFLECTION
