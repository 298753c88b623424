"""The ``peerreview`` command: real databases on disk, exit codes, messages, and JSON output."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from peerreview_app.cli import main

FORMS = Path(__file__).resolve().parents[2] / "forms"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new_review(
    capsys: pytest.CaptureFixture[str], db: Path, kind: str = "assessment", name: str = "Partnerschap A"
) -> str:
    code, out, err = run(capsys, "--db", str(db), "new", "--kind", kind, "--partnership", name)
    assert code == 0, err
    return out.strip()


def test_new_then_list_json_shows_both_kinds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    first = new_review(capsys, db, "developmental", "Samen Opleiden Noord")
    second = new_review(capsys, db, "assessment", "Opleidingsschool Zuid")
    code, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {r["id"] for r in rows} == {first, second}
    assert {r["kind"] for r in rows} == {"developmental", "assessment"}
    for row in rows:
        assert row["status"] == "preparation"
        assert isinstance(row["completeness"], int) and 0 <= row["completeness"] < 100
        assert row["partnership"] in {"Samen Opleiden Noord", "Opleidingsschool Zuid"}
        assert row["title"]


def test_list_filters_by_kind_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    new_review(capsys, db, "developmental", "Noord")
    new_review(capsys, db, "assessment", "Zuid")
    _, out, _ = run(capsys, "--db", str(db), "list", "--json", "--kind", "assessment")
    assert [r["partnership"] for r in json.loads(out)] == ["Zuid"]
    _, out, _ = run(capsys, "--db", str(db), "list", "--json", "--search", "noor")
    assert [r["partnership"] for r in json.loads(out)] == ["Noord"]


def test_show_accepts_a_prefix_and_refuses_an_ambiguous_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    review_id = new_review(capsys, db)
    code, out, _ = run(capsys, "--db", str(db), "show", review_id[:8], "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == review_id
    assert len(shown["standards"]) == 4
    assert any(item["text"] == "LL-1: motivering ontbreekt" for item in shown["open_items"])
    code, out, _ = run(capsys, "--db", str(db), "show", review_id)
    assert code == 0 and "De lerende leraar" in out
    code, _, err = run(capsys, "--db", str(db), "show", "")
    assert code == 2 and "Traceback" not in err
    code, _, err = run(capsys, "--db", str(db), "show", "ffffffff")
    assert code == 2 and "ffffffff" in err


def test_messages_follow_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    review_id = new_review(capsys, db)
    _, out, _ = run(capsys, "--db", str(db), "--lang", "en", "show", review_id, "--json")
    assert any(item["text"] == "LL-1: motivation missing" for item in json.loads(out)["open_items"])
    _, out, _ = run(capsys, "--db", str(db), "--lang", "nl", "show", review_id, "--json")
    assert json.loads(out)["status_label"] == "voorbereiding"


def test_adopting_an_incomplete_review_fails_with_the_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    review_id = new_review(capsys, db)
    code, _, err = run(capsys, "--db", str(db), "move", review_id, "visit")
    assert code == 1
    assert "voorzitter" in err and "secretaris" in err
    code, _, err = run(capsys, "--db", str(db), "adopt", review_id)
    assert code == 1 and "Traceback" not in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["new", "--kind", "sideways", "--partnership", "X"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0 and "export-json" in out and "import-json" in out


def test_forms_validate_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = sorted(str(p) for p in FORMS.rglob("*.yaml"))
    code, out, _ = run(capsys, "--lang", "en", "forms", "validate", *shipped)
    assert code == 0 and out.count(": valid (") == len(shipped)
    broken = tmp_path / "kader.yaml"
    text = (FORMS / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("      - id: LL-1\n", "      - ident: LL-1\n", 1))
    line = broken.read_text(encoding="utf-8").splitlines().index("      - ident: LL-1") + 1
    code, _, err = run(capsys, "forms", "validate", str(broken))
    assert code == 2
    assert f"kader.yaml:{line}:9: standards[0].criteria[0]: 'id' is required" in err
    code, out, _ = run(capsys, "forms", "list")
    assert code == 0 and "kwaliteitskader-so-onderwijsregio" in out and "beoordelingsgericht" in out


def test_forms_import_installs_a_new_framework_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FORMS / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8")
    newer = tmp_path / "kader-2027.yaml"
    newer.write_text(text.replace('version: "2021.1-werkversie"', 'version: "2027.1-werkversie"'), encoding="utf-8")
    code, out, _ = run(capsys, "forms", "import", str(newer))
    assert code == 0 and "2027.1-werkversie" in out
    code, out, _ = run(capsys, "forms", "import", str(newer))
    assert code == 0  # the same file again changes nothing
    changed = tmp_path / "kader-2027-changed.yaml"
    changed.write_text(newer.read_text(encoding="utf-8").replace("De lerende leraar", "De lerende docent", 1))
    code, _, err = run(capsys, "forms", "import", str(changed))
    assert code == 2 and "give the changed form a new version" in err
    db = tmp_path / "x.sqlite3"
    code, out, err = run(
        capsys,
        "--db",
        str(db),
        "new",
        "--kind",
        "assessment",
        "--partnership",
        "P",
        "--framework",
        "kwaliteitskader-so@2027.1-werkversie",
    )
    assert code == 0, err
    _, out, _ = run(capsys, "--db", str(db), "list", "--json")
    assert json.loads(out)[0]["framework"] == "kwaliteitskader-so@2027.1-werkversie"


def test_export_import_export_is_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    review_id = new_review(capsys, source, "developmental")
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(capsys, "--db", str(source), "export-json", review_id, "-o", str(first))[0] == 0
    code, _, err = run(capsys, "--db", str(target), "import-json", str(first))
    assert code == 0, err
    assert run(capsys, "--db", str(target), "export-json", review_id, "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    code, _, err = run(capsys, "--db", str(target), "import-json", str(first))
    assert code == 1 and "--replace" in err
    assert run(capsys, "--db", str(target), "import-json", str(first), "--replace")[0] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\xff\xfe garbage", "UTF-8"),
        (b'{"format": "peerreview/review", "format_version": 1', "line 1"),
        (b'{"format": "something/else"}', "not a review file"),
        (b'{"format": "peerreview/review", "format_version": 99}', "newer app"),
        (b'{"format": "peerreview/review", "format": "peerreview/review"}', "duplicate key"),
    ],
)
def test_broken_json_is_refused_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    db = tmp_path / "x.sqlite3"
    new_review(capsys, db)
    before = run(capsys, "--db", str(db), "list", "--json")[1]
    broken = tmp_path / "broken.json"
    broken.write_bytes(content)
    code, _, err = run(capsys, "--db", str(db), "import-json", str(broken))
    assert code == 2
    assert expected in err and "Traceback" not in err
    assert run(capsys, "--db", str(db), "list", "--json")[1] == before


def test_tampered_export_is_refused_with_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    review_id = new_review(capsys, db)
    exported = tmp_path / "r.json"
    run(capsys, "--db", str(db), "export-json", review_id, "-o", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["findings"][1]["values"]["judgement"] = "voldoet half"
    document["findings"][2]["criterion_id"] = "XX-9"
    document["review"]["phase"] = "somewhere"
    exported.write_text(json.dumps(document), encoding="utf-8")
    other = tmp_path / "other.sqlite3"
    code, _, err = run(capsys, "--db", str(other), "import-json", str(exported))
    assert code == 2 and "review.phase" in err
    document["review"]["phase"] = "reporting"
    exported.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(other), "import-json", str(exported))
    assert code == 2
    assert "'voldoet half' is not one of meets, does_not_meet" in err
    assert "XX-9" in err
    assert json.loads(run(capsys, "--db", str(other), "list", "--json")[1]) == []


def test_forms_changed_in_a_file_are_detected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    review_id = new_review(capsys, db)
    exported = tmp_path / "r.json"
    run(capsys, "--db", str(db), "export-json", review_id, "-o", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["forms"]["framework"]["standards"][0]["title"]["nl"] = "Iets anders"
    exported.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, "--db", str(tmp_path / "o.sqlite3"), "import-json", str(exported))
    assert code == 2 and "forms.sha256" in err


def test_an_adopted_review_is_never_replaced(
    workbench_with_adopted: tuple[Path, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, review_id = workbench_with_adopted
    exported = tmp_path / "adopted.json"
    assert run(capsys, "--db", str(db), "export-json", review_id, "-o", str(exported))[0] == 0
    code, _, err = run(capsys, "--db", str(db), "import-json", str(exported), "--replace")
    assert code == 1 and "een vastgestelde review wordt nooit vervangen" in err
    code, _, err = run(capsys, "--db", str(db), "delete", review_id)
    assert code == 1


@pytest.fixture
def workbench_with_adopted(tmp_path: Path) -> tuple[Path, str]:
    from datetime import date

    from peerreview_app.domain.partnership import Role
    from peerreview_app.domain.phases import Phase
    from peerreview_app.services import findings, panel, programme, reviews, workflow
    from peerreview_app.services.workbench import Workbench

    db = tmp_path / "adopted.sqlite3"
    with Workbench.open(str(db), actor="tester") as workbench:
        review = reviews.create_review(workbench, kind="assessment", partnership="P", visit_dates=[date(2026, 2, 2)])
        panel.add_member(workbench, review.id, name="Voorzitter", role=Role.CHAIR)
        panel.add_member(workbench, review.id, name="Secretaris", role=Role.SECRETARY)
        programme.add_conversation(workbench, review.id, title="Studenten")
        for criterion in review.framework.criteria():
            findings.set_finding_value(workbench, review.id, criterion.id, "judgement", "meets")
            findings.set_finding_value(workbench, review.id, criterion.id, "motivation", "Zichtbaar in gesprekken.")
        for standard in review.framework.standards:
            findings.set_standard_value(workbench, review.id, standard.id, "motivation", "Alle kenmerken voldoen.")
        findings.set_conclusion_value(workbench, review.id, "motivation", "Alle waarborgen voldoen.")
        workflow.move_to(workbench, review.id, Phase.VISIT)
        workflow.move_to(workbench, review.id, Phase.REPORTING)
        workflow.adopt(workbench, review.id)
    return db, str(review.id)


# -- as a real process: databases that are not ours, exit codes, no tracebacks ------------------------------


def peerreview(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    import os

    environment = {**os.environ, "PEERREVIEW_DATA_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "peerreview_app", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_not_a_database_exits_2_without_traceback(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_bytes(b"these are my notes, not a database\n")
    result = peerreview("--db", str(text_file), "list", env_dir=tmp_path)
    assert result.returncode == 2
    assert "not an SQLite file" in result.stderr and "Traceback" not in result.stderr
    assert text_file.read_bytes() == b"these are my notes, not a database\n"


def test_newer_schema_is_refused_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite3"
    new_review(capsys, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = db.read_bytes()
    result = peerreview("--db", str(db), "list", env_dir=tmp_path)
    assert result.returncode == 2
    assert "newer version" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    from peerreview_app import __version__

    result = peerreview("--version", env_dir=tmp_path)
    assert result.returncode == 0 and __version__ in result.stdout


def test_selftest_passes(tmp_path: Path) -> None:
    result = peerreview("--lang", "en", "selftest", env_dir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "round trip identical" in result.stdout
    assert not any(tmp_path.iterdir()), "selftest must not touch the user data folder"
