"""Form files: every shipped form loads; a broken form is reported as ``file:line:col: path: message``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from peerreview_app.domain.kind import ReviewKind
from peerreview_app.forms.catalog import FormCatalog
from peerreview_app.forms.errors import FormError
from peerreview_app.forms.loader import FRAMEWORK, REVIEW_KIND, load_form_file
from peerreview_app.services import findings, reviews as review_service

SHIPPED = Path(__file__).resolve().parents[2] / "forms"
SHIPPED_FORMS = sorted(p for p in SHIPPED.rglob("*.yaml") if "schema" not in p.relative_to(SHIPPED).parts)
FRAMEWORK_TEXT = (SHIPPED / "frameworks" / "kwaliteitskader-so.yaml").read_text(encoding="utf-8")
KIND_TEXT = (SHIPPED / "kinds" / "beoordelingsgericht.yaml").read_text(encoding="utf-8")
REGION = "kwaliteitskader-so-onderwijsregio"


# -- the shipped forms ----------------------------------------------------------------------------------


def test_the_shipped_forms_are_all_found():
    assert len(SHIPPED_FORMS) == 4
    assert sorted(p.parent.name for p in SHIPPED_FORMS) == ["frameworks", "frameworks", "kinds", "kinds"]


@pytest.mark.parametrize("path", SHIPPED_FORMS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_form_loads(path):
    form = load_form_file(path)
    assert form.format in (FRAMEWORK, REVIEW_KIND)
    if form.format == FRAMEWORK:
        assert form.framework is not None and form.kind is None
        assert form.framework.key == f"{form.data['id']}@{form.data['version']}"
        assert form.framework.criterion_count > 0
        assert all(c.standard_id == s.id for s in form.framework.standards for c in s.criteria)
    else:
        assert form.kind is not None and form.framework is None
        assert form.kind.kind in tuple(ReviewKind)
    assert len(form.sha256) == 64


@pytest.mark.parametrize("name", ["framework.schema.json", "review-kind.schema.json"])
def test_the_shipped_schemas_are_valid_json_schemas(forms_dir, name):
    schema = json.loads((forms_dir / "schema" / name).read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_the_catalog_holds_the_shipped_forms_without_problems(forms_dir):
    catalog = FormCatalog.load(forms_dir)
    assert catalog.problems == []
    assert [f.id for f in catalog.frameworks()] == ["kwaliteitskader-so", REGION]
    assert catalog.kind_form("assessment").id == "beoordelingsgericht"
    assert catalog.kind_form("developmental").id == "ontwikkelingsgericht"


# -- broken forms ---------------------------------------------------------------------------------------


def write(tmp_path: Path, text: str | bytes, name: str = "kader.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the line holding `fragment` (which must occur once)."""
    assert text.count(fragment) == 1, fragment
    return text[: text.index(fragment)].count("\n") + 1


def problems(path: Path) -> list[str]:
    with pytest.raises(FormError) as error:
        load_form_file(path, display_name=path.name)
    assert str(error.value) == "\n".join(str(p) for p in error.value.problems)
    return [str(p) for p in error.value.problems]


def replaced(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_a_criterion_without_id_names_file_line_column_and_path(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "      - id: LL-2\n        title:", "      - title:")
    line = line_of(text, "      - title: {nl: Visie op leren en opleiden")
    assert problems(write(tmp_path, text)) == [f"kader.yaml:{line}:9: standards[0].criteria[1]: 'id' is required"]


def test_a_duplicate_criterion_id_is_refused(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "      - id: LL-2\n", "      - id: LL-1 # again\n")
    line = line_of(text, "LL-1 # again")
    assert problems(write(tmp_path, text)) == [
        f"kader.yaml:{line}:13: standards[0].criteria[1].id: duplicate id 'LL-1'"
    ]


def test_a_criterion_id_equal_to_a_standard_id_is_refused(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "      - id: LL-2\n", "      - id: LO # a standard's id\n")
    line = line_of(text, "# a standard's id")
    assert problems(write(tmp_path, text)) == [f"kader.yaml:{line}:13: standards[0].criteria[1].id: duplicate id 'LO'"]


def test_an_unknown_core_function_is_refused(tmp_path):
    old = "core_functions: [opleiden, begeleiden, professionaliseren]"
    text = FRAMEWORK_TEXT.replace(old, old.replace("begeleiden", "werven"), 1)  # in the first criterion only
    line = line_of(text, "[opleiden, werven, professionaliseren]")
    column = text.splitlines()[line - 1].index("werven") + 1
    assert problems(write(tmp_path, text)) == [
        f"kader.yaml:{line}:{column}: standards[0].criteria[0].core_functions[1]: unknown core function 'werven'"
    ]


def test_a_yaml_syntax_error_names_its_line(tmp_path):
    text = "format: peerreview/framework\nid: kader\nname: {nl: [unclosed\nversion: '1'\n"
    [problem] = problems(write(tmp_path, text))
    assert problem.startswith("kader.yaml:4:")
    assert "not valid YAML" in problem


def test_a_duplicate_key_is_refused_with_its_position(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "status: werkversie\n", "status: werkversie\nstatus: concept\n")
    line = line_of(text, "status: concept")
    assert problems(write(tmp_path, text)) == [f"kader.yaml:{line}:1: duplicate key 'status'"]


def test_an_alias_is_refused(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "label: {nl: opleiden, en: initial teacher education}", "label: &t {nl: opleiden}")
    text = replaced(text, "label: {nl: begeleiden, en: induction of starting teachers}", "label: *t")
    line = line_of(text, "label: *t")
    assert problems(write(tmp_path, text)) == [f"kader.yaml:{line}:12: aliases (*name) are not allowed in forms"]


@pytest.mark.parametrize("value", ["peerreview/kader", "42", "~"])
def test_a_wrong_format_is_refused(tmp_path, value):
    text = replaced(FRAMEWORK_TEXT, "format: peerreview/framework\n", f"format: {value}\n")
    line = line_of(text, f"format: {value}\n")
    assert problems(write(tmp_path, text)) == [
        f"kader.yaml:{line}:9: format: 'format' must be one of peerreview/framework, peerreview/review-kind"
    ]


def test_a_missing_format_is_refused(tmp_path):
    assert problems(write(tmp_path, "id: x\nversion: '1'\n")) == [
        "kader.yaml:1:1: 'format' must be one of peerreview/framework, peerreview/review-kind"
    ]


def test_a_judgement_field_with_an_unknown_scale_is_refused(tmp_path):
    text = replaced(KIND_TEXT, "      scale: criterion\n", "      scale: nope\n")
    line = line_of(text, "scale: nope")
    assert problems(write(tmp_path, text, "soort.yaml")) == [
        f"soort.yaml:{line}:14: fields.criterion[0].scale: unknown scale 'nope'"
    ]


def test_an_unknown_derivation_rule_is_refused(tmp_path):
    text = replaced(KIND_TEXT, "standard: {rule: all_positive,", "standard: {rule: best_of,")
    line = line_of(text, "rule: best_of")
    column = text.splitlines()[line - 1].index("best_of") + 1
    assert problems(write(tmp_path, text, "soort.yaml")) == [
        f"soort.yaml:{line}:{column}: derivation.standard.rule: unknown rule 'best_of' "
        "(known: all_positive, majority_positive, max_negative)"
    ]


def test_a_scale_with_only_positive_values_cannot_derive(tmp_path):
    text = replaced(KIND_TEXT, "      - id: insufficient\n", "      - id: insufficient\n        # all positive\n")
    text = text.replace(
        "# all positive\n        label: {nl: basiskwaliteit onvoldoende, en: baseline quality insufficient}\n"
        "        positive: false",
        "# all positive\n        label: {nl: basiskwaliteit onvoldoende, en: baseline quality insufficient}\n"
        "        positive: true",
    )
    [problem] = problems(write(tmp_path, text, "soort.yaml"))
    assert problem.startswith(f"soort.yaml:{line_of(text, 'overall: {rule: all_positive')}:")
    assert "derivation.overall.scale: scale 'overall' needs at least one positive and one negative value" in problem


def test_several_schema_problems_are_all_reported(tmp_path):
    text = replaced(FRAMEWORK_TEXT, "      - id: LL-2\n        title:", "      - title:")
    text = replaced(text, "  - id: LO\n", "  - id: lo\n")
    found = problems(write(tmp_path, text))
    assert len(found) == 2
    assert any("standards[0].criteria[1]: 'id' is required" in p for p in found)
    assert any("standards[1].id: 'lo' is not a valid id here" in p for p in found)


def test_non_utf8_bytes_are_refused(tmp_path):
    data = FRAMEWORK_TEXT.encode("utf-8").replace(b"status: werkversie", b"status: werkversie \xff")
    offset = data.index(b"\xff")
    assert problems(write(tmp_path, data)) == [f"kader.yaml: is not UTF-8 text (byte {offset})"]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_refused(tmp_path, content):
    assert problems(write(tmp_path, content)) == ["kader.yaml:1:1: the file is empty"]


def test_a_form_that_is_not_a_mapping_is_refused(tmp_path):
    assert problems(write(tmp_path, "- a\n- b\n")) == ["kader.yaml:1:1: a form must be a mapping with a 'format' key"]


def test_a_missing_file_is_reported_by_name(tmp_path):
    assert problems(tmp_path / "kader.yaml") == ["kader.yaml: cannot be read: No such file or directory"]


def test_the_catalog_collects_the_problems_of_broken_forms_and_keeps_the_good_ones(tmp_path, forms_dir):
    user_forms = tmp_path / "forms"
    user_forms.mkdir()
    write(user_forms, "format: peerreview/framework\n", "kapot.yaml")
    catalog = FormCatalog.load(forms_dir, user_forms)
    assert len(catalog.frameworks()) == 2
    assert {p.file for p in catalog.problems} == {str(user_forms / "kapot.yaml")}
    assert "'core_functions' is required" in [p.message for p in catalog.problems]


# -- a second framework works end to end ----------------------------------------------------------------


def test_the_onderwijsregio_framework_works_through_the_services_without_code_changes(workbench):
    review = review_service.create_review(workbench, kind="assessment", partnership="X", framework=REGION)
    stored = review_service.get_review(workbench, review.id)
    assert stored.framework.id == REGION
    assert len(stored.findings) == 20
    assert "WM-1" in stored.findings
    assert [s.id for s in stored.framework.standards] == ["LL", "LO", "OR", "KC", "WM"]
    for criterion_id in stored.findings:
        findings.set_finding_value(workbench, review.id, criterion_id, "judgement", "meets")
    judged = review_service.get_review(workbench, review.id)
    assert judged.standard_judgement("WM") == "meets"
    assert judged.overall_judgement() == "sufficient"
    findings.set_finding_value(workbench, review.id, "WM-4", "judgement", "does_not_meet")
    judged = review_service.get_review(workbench, review.id)
    assert (judged.standard_judgement("WM"), judged.overall_judgement()) == ("does_not_meet", "insufficient")
    [summary] = review_service.list_reviews(workbench)
    assert summary.framework_key == f"{REGION}@2025.1-werkversie"


def test_the_onderwijsregio_framework_works_for_a_developmental_review(workbench):
    review = review_service.create_review(workbench, kind="developmental", partnership="Y", framework=REGION)
    findings.set_finding_value(workbench, review.id, "WM-2", "observations", "Werving loopt via de regio")
    stored = review_service.get_review(workbench, review.id)
    assert stored.findings["WM-2"].values["observations"] == "Werving loopt via de regio"
    report = review_service.completeness(workbench, review.id)
    refs = {item.item.ref for item in report.items}
    assert "WM-1" in refs and "WM-2" not in refs
