"""Turn validated form data into domain objects (also used for the snapshots stored with reviews)."""

from __future__ import annotations

from datetime import date
from typing import Any

from peerreview_app.domain.framework import CoreFunction, Criterion, Framework, Standard
from peerreview_app.domain.kind import (
    Derivation,
    DerivationRule,
    FieldSpec,
    FieldType,
    JudgementScale,
    KindDefinition,
    ReviewKind,
    ScaleValue,
    Scope,
)
from peerreview_app.domain.text import LocalizedText


def text(data: dict[str, str]) -> LocalizedText:
    return LocalizedText(nl=data["nl"], en=data.get("en", ""))


def framework(data: dict[str, Any]) -> Framework:
    """A `Framework` from schema-valid data."""
    standards = []
    for s in data["standards"]:
        criteria = tuple(
            Criterion(
                id=c["id"],
                standard_id=s["id"],
                title=text(c["title"]),
                description=text(c["description"]),
                baseline=text(c["baseline"]),
                ambition=text(c["ambition"]),
                core_functions=tuple(c["core_functions"]),
                guiding_questions=tuple(text(q) for q in c["guiding_questions"]),
            )
            for c in s["criteria"]
        )
        standards.append(
            Standard(
                id=s["id"],
                number=s["number"],
                title=text(s["title"]),
                description=text(s["description"]),
                baseline=text(s["baseline"]),
                ambition=text(s["ambition"]),
                criteria=criteria,
            )
        )
    adopted = data.get("adopted_on")
    return Framework(
        id=data["id"],
        version=data["version"],
        status=data["status"],
        name=text(data["name"]),
        source_note=text(data["source_note"]),
        regulation=text(data["regulation"]),
        core_functions=tuple(CoreFunction(f["id"], text(f["label"])) for f in data["core_functions"]),
        standards=tuple(standards),
        adopted_on=date.fromisoformat(adopted) if adopted else None,
    )


def kind(data: dict[str, Any]) -> KindDefinition:
    """A `KindDefinition` from schema-valid data."""
    scales = {
        scale_id: JudgementScale(
            scale_id, tuple(ScaleValue(v["id"], text(v["label"]), v["positive"]) for v in scale["values"])
        )
        for scale_id, scale in data.get("scales", {}).items()
    }
    fields = {
        Scope(scope): tuple(
            FieldSpec(
                id=f["id"],
                type=FieldType(f["type"]),
                label=text(f["label"]),
                required=f.get("required", False),
                scale=f.get("scale"),
                help=text(f["help"]) if "help" in f else None,
            )
            for f in specs
        )
        for scope, specs in data["fields"].items()
    }
    derivation = None
    if "derivation" in data:
        d = data["derivation"]
        derivation = Derivation(
            criterion_field=d["criterion_field"],
            standard_scale=d["standard"]["scale"],
            overall_scale=d["overall"]["scale"],
            standard_rule=_rule(d["standard"]),
            overall_rule=_rule(d["overall"]),
            override_requires_reason=d.get("override_requires_reason", True),
        )
    return KindDefinition(
        id=data["id"],
        version=data["version"],
        kind=ReviewKind(data["kind"]),
        name=text(data["name"]),
        description=text(data["description"]),
        fields=fields,
        scales=scales,
        derivation=derivation,
        member_judgements=data.get("member_judgements", False),
        review_rules=tuple(data["completeness"]["review"]),
        report_sections=tuple(data["report"]["sections"]),
        frameworks=tuple(data.get("frameworks", ())),
        report_signers=tuple(data["report"].get("signers", ("secretary", "chair"))),
    )


def _rule(data: dict[str, Any]) -> DerivationRule:
    params = tuple(sorted((k, v) for k, v in data.items() if k not in ("rule", "scale")))
    return DerivationRule(data["rule"], params)
