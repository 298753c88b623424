"""Load a form file: parse YAML, validate against the JSON Schema, check the semantic rules, build the domain."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from peerreview_app.domain.completeness import REVIEW_RULES
from peerreview_app.domain.framework import Framework
from peerreview_app.domain.kind import REPORT_SECTIONS, KindDefinition
from peerreview_app.domain.rules import RULES
from peerreview_app.forms.snapshot import canonical_json

from . import build
from .errors import FormError, FormProblem
from .paths import schema_path
from .yamlsource import Path as YamlPath, YamlDocument, YamlSourceError, format_path, parse

FRAMEWORK = "peerreview/framework"
REVIEW_KIND = "peerreview/review-kind"
SCHEMAS = {FRAMEWORK: "framework.schema.json", REVIEW_KIND: "review-kind.schema.json"}
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class FormFile:
    """A valid form: its data (JSON-compatible), the domain object built from it, and where it came from."""

    format: str
    data: dict[str, Any]
    source: str
    framework: Framework | None = None
    kind: KindDefinition | None = None

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def version(self) -> str:
        return str(self.data["version"])

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(canonical_json(self.data).encode("utf-8")).hexdigest()


def load_form_file(path: Path, display_name: str | None = None) -> FormFile:
    """Load and validate a form file; raise `FormError` naming every problem with its line and column."""
    name = display_name or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormError([FormProblem(name, None, None, "", f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormError([FormProblem(name, None, None, "", f"is not UTF-8 text (byte {exc.start})")]) from None
    return load_form_text(text, name)


def load_form_text(text: str, name: str) -> FormFile:
    """Load and validate a form from its YAML text; `name` is used in messages."""
    try:
        document = parse(text)
    except YamlSourceError as exc:
        raise FormError([FormProblem(name, exc.line, exc.column, format_path(exc.path), exc.message)]) from None
    return _validated(document, name)


def load_form_data(data: object, name: str, expected_format: str | None = None) -> FormFile:
    """Validate form data that came without YAML (e.g. embedded in an exchange file); problems name the path."""
    document = YamlDocument(data)
    if expected_format is not None and (not isinstance(data, dict) or data.get("format") != expected_format):
        raise FormError([FormProblem(name, None, None, "format", f"must be {expected_format!r}")])
    return _validated(document, name)


def _validated(document: YamlDocument, name: str) -> FormFile:
    data = document.data
    if not isinstance(data, dict):
        raise FormError([_problem(name, document, (), "a form must be a mapping with a 'format' key")])
    form_format = data.get("format")
    if form_format not in SCHEMAS:
        known = ", ".join(SCHEMAS)
        path: YamlPath = ("format",) if "format" in data else ()
        raise FormError([_problem(name, document, path, f"'format' must be one of {known}")])
    problems = list(_schema_problems(name, document, form_format))
    if not problems:
        check = _framework_semantics if form_format == FRAMEWORK else _kind_semantics
        problems = [_problem(name, document, p, message) for p, message in check(data)]
    if problems:
        raise FormError(problems[:MAX_PROBLEMS])
    if form_format == FRAMEWORK:
        return FormFile(form_format, data, name, framework=build.framework(data))
    return FormFile(form_format, data, name, kind=build.kind(data))


@cache
def _validator(form_format: str) -> jsonschema.protocols.Validator:
    schema = json.loads(schema_path(SCHEMAS[form_format]).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _schema_problems(name: str, document: YamlDocument, form_format: str) -> Iterator[FormProblem]:
    errors = sorted(_validator(form_format).iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        yield _problem(name, document, tuple(error.absolute_path), _message(error))


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"'{missing}' is required"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown key(s)")
    if error.validator == "const":
        return f"must be {error.validator_value!r}"
    if error.validator == "pattern":
        return f"{error.instance!r} is not a valid id here (expected the pattern {error.validator_value})"
    return error.message


def _problem(name: str, document: YamlDocument, path: YamlPath, message: str) -> FormProblem:
    line, column = document.position(path)
    return FormProblem(name, line, column, format_path(path), message)


Issue = tuple[YamlPath, str]


def _duplicates(items: list[Any], key: str, base: YamlPath) -> Iterator[Issue]:
    counts = Counter(item[key] for item in items)
    seen: set[Any] = set()
    for index, item in enumerate(items):
        if counts[item[key]] > 1 and item[key] in seen:
            yield (*base, index, key), f"duplicate {key} {item[key]!r}"
        seen.add(item[key])


def _framework_semantics(data: dict[str, Any]) -> Iterator[Issue]:
    yield from _duplicates(data["core_functions"], "id", ("core_functions",))
    yield from _duplicates(data["standards"], "id", ("standards",))
    yield from _duplicates(data["standards"], "number", ("standards",))
    core_functions = {f["id"] for f in data["core_functions"]}
    criteria = [(si, ci, c) for si, s in enumerate(data["standards"]) for ci, c in enumerate(s["criteria"])]
    seen: set[str] = set()
    standard_ids = {s["id"] for s in data["standards"]}
    for si, ci, criterion in criteria:
        path: YamlPath = ("standards", si, "criteria", ci)
        if criterion["id"] in seen or criterion["id"] in standard_ids:
            yield (*path, "id"), f"duplicate id {criterion['id']!r}"
        seen.add(criterion["id"])
        for fi, function in enumerate(criterion["core_functions"]):
            if function not in core_functions:
                yield (*path, "core_functions", fi), f"unknown core function {function!r}"
    if "adopted_on" in data:
        try:
            date.fromisoformat(data["adopted_on"])
        except ValueError:
            yield ("adopted_on",), f"{data['adopted_on']!r} is not a date"


def _kind_semantics(data: dict[str, Any]) -> Iterator[Issue]:
    scales: dict[str, Any] = data.get("scales", {})
    for scale_id, scale in scales.items():
        yield from _duplicates(scale["values"], "id", ("scales", scale_id, "values"))
    has_questions = bool(data["fields"].get("development_question"))
    for scope, specs in data["fields"].items():
        yield from _duplicates(specs, "id", ("fields", scope))
        for index, spec in enumerate(specs):
            path: YamlPath = ("fields", scope, index)
            if spec["type"] == "judgement":
                if "scale" not in spec:
                    yield path, "a judgement field needs 'scale'"
                elif spec["scale"] not in scales:
                    yield (*path, "scale"), f"unknown scale {spec['scale']!r}"
            elif "scale" in spec:
                yield (*path, "scale"), f"only judgement fields have a scale, not {spec['type']} fields"
            if spec["type"] == "question_links" and not has_questions:
                yield (*path, "type"), "question_links needs fields under 'development_question'"
    derivation = data.get("derivation")
    if derivation is not None:
        yield from _derivation_semantics(derivation, data["fields"]["criterion"], scales)
    elif data.get("member_judgements"):
        yield ("member_judgements",), "provisional member judgements need a 'derivation' with a judgement field"
    for index, rule in enumerate(data["completeness"]["review"]):
        if rule not in REVIEW_RULES:
            yield ("completeness", "review", index), f"unknown rule {rule!r} (known: {', '.join(sorted(REVIEW_RULES))})"
    for index, section in enumerate(data["report"]["sections"]):
        if section not in REPORT_SECTIONS:
            yield ("report", "sections", index), f"unknown section {section!r} (known: {', '.join(REPORT_SECTIONS)})"


def _derivation_semantics(
    derivation: dict[str, Any], criterion_fields: list[Any], scales: dict[str, Any]
) -> Iterator[Issue]:
    field = next((f for f in criterion_fields if f["id"] == derivation["criterion_field"]), None)
    if field is None or field["type"] != "judgement":
        yield (
            ("derivation", "criterion_field"),
            (f"{derivation['criterion_field']!r} is not a judgement field of the criterion"),
        )
    elif field.get("scale") in scales:
        yield from _scale_polarity(scales, field["scale"], ("derivation", "criterion_field"))
    for level in ("standard", "overall"):
        rule = derivation[level]
        if rule["rule"] not in RULES:
            yield ("derivation", level, "rule"), f"unknown rule {rule['rule']!r} (known: {', '.join(sorted(RULES))})"
        if rule["scale"] not in scales:
            yield ("derivation", level, "scale"), f"unknown scale {rule['scale']!r}"
        else:
            yield from _scale_polarity(scales, rule["scale"], ("derivation", level, "scale"))


def _scale_polarity(scales: dict[str, Any], scale_id: str, path: YamlPath) -> Iterator[Issue]:
    values = scales[scale_id]["values"]
    if not any(v["positive"] for v in values) or all(v["positive"] for v in values):
        yield path, f"scale {scale_id!r} needs at least one positive and one negative value to derive judgements"
