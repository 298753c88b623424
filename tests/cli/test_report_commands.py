"""``export-pdf``, ``identity``, ``sign`` and ``verify`` as a secretary uses them, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from peerreview_app.cli import main
from peerreview_app.services.demo import ASSESSMENT_ID, DEVELOPMENTAL_ID

PASS = "correct horse battery"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


def create_identity(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, passphrase_file: Path) -> Path:
    target = tmp_path / f"{name.split(maxsplit=1)[0].lower()}.p12"
    code, out, err = run(
        capsys, "identity", "create", "--name", name, "--email", "x@example.org", "-o", str(target),
        "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert code == 0, err
    assert "SHA-256" in out
    return target


def test_export_sign_twice_and_verify(
    demo_db: Path, tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_db)
    secretary = create_identity(capsys, tmp_path, "Bram Hoekstra", passphrase_file)
    chair = create_identity(capsys, tmp_path, "Annelies Koster", passphrase_file)
    report = tmp_path / "rapport.pdf"

    code, out, err = run(capsys, "--db", db, "export-pdf", str(ASSESSMENT_ID)[:8], "-o", str(report))
    assert code == 0, err
    assert "CONCEPT" in out  # a draft until adopted

    code, out, err = run(
        capsys, "--db", db, "sign", "--review", str(ASSESSMENT_ID), "--identity", str(secretary),
        "--passphrase-file", str(passphrase_file),
    )  # fmt: skip
    assert code == 0, err
    assert "vastgesteld" in out
    code, out, err = run(
        capsys, "--db", db, "sign", "--review", str(ASSESSMENT_ID), "--identity", str(chair),
        "--passphrase-file", str(passphrase_file), "-o", str(report),
    )  # fmt: skip
    assert code == 0, err

    code, out, err = run(capsys, "--db", db, "verify", str(report), "--json")
    assert code == 0, out + err
    # As a real process (pytest's own log capture would hide it): no library warnings about self-signed
    # certificates in the user's terminal.
    process = subprocess.run(
        [sys.executable, "-m", "peerreview_app", "--db", db, "verify", str(report)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert process.stderr == ""
    result = json.loads(out)
    assert result["ok"] is True
    assert [s["signer"] for s in result["signatures"]] == ["Bram Hoekstra", "Annelies Koster"]
    assert all(s["intact"] and s["trusted"] for s in result["signatures"])

    tampered = tmp_path / "tampered.pdf"
    content = bytearray(report.read_bytes())
    index = content.index(b"/Producer")
    content[index + 2] ^= 0x01
    tampered.write_bytes(bytes(content))
    code, out, _ = run(capsys, "--db", db, "verify", str(tampered))
    assert code == 1
    assert "NIET in orde" in out


def test_sign_a_file_in_place_and_refuse_a_foreign_pdf(
    demo_db: Path, tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(demo_db)
    secretary = create_identity(capsys, tmp_path, "Bram Hoekstra", passphrase_file)
    report = tmp_path / "rapport.pdf"
    assert run(capsys, "--db", db, "export-pdf", str(DEVELOPMENTAL_ID), "-o", str(report))[0] == 0
    code, out, err = run(
        capsys, "--db", db, "sign", str(report), "--identity", str(secretary), "--passphrase-file", str(passphrase_file)
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "verify", str(report))
    assert code == 0
    assert "signature-chair" in out  # still to be signed

    foreign = tmp_path / "foreign.pdf"
    foreign.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n")
    code, _, err = run(
        capsys,
        "--db",
        db,
        "sign",
        str(foreign),
        "--identity",
        str(secretary),
        "--passphrase-file",
        str(passphrase_file),
    )
    assert code == 2
    assert "foreign.pdf" in err
    assert foreign.read_bytes().startswith(b"%PDF-1.4\n1 0 obj")


def test_wrong_passphrase_is_a_clear_error_and_writes_nothing(
    demo_db: Path, tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secretary = create_identity(capsys, tmp_path, "Bram Hoekstra", passphrase_file)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n", encoding="utf-8")
    out_file = tmp_path / "signed.pdf"
    code, _, err = run(
        capsys, "--db", str(demo_db), "sign", "--review", str(ASSESSMENT_ID), "--identity", str(secretary),
        "--passphrase-file", str(wrong), "-o", str(out_file),
    )  # fmt: skip
    assert code == 2
    assert "bram.p12" in err
    assert not out_file.exists()
    assert not list(tmp_path.glob("*.partial"))


def test_identity_import_and_show(tmp_path: Path, passphrase_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "empty.sqlite3")
    path = create_identity(capsys, tmp_path, "Bram Hoekstra", passphrase_file)
    code, out, err = run(capsys, "--db", db, "identity", "import", str(path), "--passphrase-file", str(passphrase_file))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "identity", "show")
    assert code == 0
    assert "Bram Hoekstra" in out


def test_export_every_report_into_a_folder(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rapporten"
    code, _, err = run(capsys, "--db", str(demo_db), "export-pdf", "--all", "--kind", "assessment", "-o", str(folder))
    assert code == 0, err
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == 2  # the two assessment reviews of the demo
    assert all(f.read_bytes().startswith(b"%PDF") for f in files)
    assert any("Heidezoom" in f.name and str(ASSESSMENT_ID)[:8] in f.name for f in files)
    code, _, err = run(capsys, "--db", str(demo_db), "export-pdf", "-o", str(folder))
    assert code == 2
    assert "--all" in err


def test_report_file_names_are_safe_on_every_file_system() -> None:
    from uuid import UUID

    from peerreview_app.services.reports import report_file_name

    name = report_file_name('Review "A/B": 2026?', UUID(int=1))
    assert name == "Review _A_B__ 2026_ [00000000].pdf"
