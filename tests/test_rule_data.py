"""Rule data the components share or read instead of code: the clause breaks (one definition in
rules/clauses.json, named sets, one helper: layout.clause), the limits blocks, word lists."""
from __future__ import annotations

import pytest

from extractor import layout
from extractor.ruleset import RuleError, clause_rules, clear_cache

from .test_cli import _broken_rules


def _clause_of(text: str, figure: str, name: str) -> str:
    start = text.index(figure)
    c_start, c_end = layout.clause(text, 0, len(text), start, start + len(figure), layout.clause_breaks(name))
    return text[c_start:c_end]


def test_a_semicolon_ends_the_clause_of_a_figure():
    text = "Hollin Foods said sales rose to $3bn; Vantry lost $1bn in the year."
    assert _clause_of(text, "$1bn", "subject") == "Vantry lost $1bn in the year."
    assert _clause_of(text, "$3bn", "metric") == "Hollin Foods said sales rose to $3bn"


def test_a_break_inside_brackets_divides_the_subject_clause_but_not_the_metric_one():
    text = "Orvane paid 1bn euros ($1.3bn; £690m) for Delcote."
    assert _clause_of(text, "1bn euros", "subject") == text  # 'inside_brackets': false
    assert _clause_of(text, "1bn euros", "metric") == "Orvane paid 1bn euros ($1.3bn"


def test_the_period_breaks_match_in_any_case():
    breaks = layout.clause_breaks("period")
    assert breaks.regex.search("sales rose, But costs fell")
    assert not layout.clause_breaks("subject").regex.search("sales rose, But costs fell")


def test_every_named_set_is_required(tmp_path):
    rules = _broken_rules(tmp_path, "clauses.json", lambda d: d["breaks"].pop("metric"))["CLAIMS_RULES"]
    clear_cache()
    with pytest.raises(RuleError, match=r"clauses\.json.*key breaks\.metric"):
        clause_rules(rules)


def test_every_number_of_a_limits_block_says_what_it_bounds():
    from pydantic import BaseModel

    from extractor.ruleset import RULE_FILES

    seen: set[type] = set()
    todo = list(RULE_FILES.values())
    undescribed = []
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            kinds = [a for a in getattr(field.annotation, "__args__", ()) if isinstance(a, type)] + [field.annotation]
            todo.extend(k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel))
            if model.__name__.endswith("Limits") and not field.description:
                undescribed.append(f"{model.__name__}.{name}")
    assert any(m.__name__.endswith("Limits") for m in seen)
    assert not undescribed


def test_a_month_after_a_date_cue_is_a_date_and_the_cues_are_rule_data(nlp):
    from extractor.ruleset import entity_rules

    text = ("Korvel Retail agreed to buy May Department Stores for $11bn.\n\n"
            "Shares rose in May Korvel Retail said, after it paid $2bn in May's second week.")
    names = [e["text"] for e in nlp(text)._.entities]
    assert names == ["Korvel Retail", "May Department Stores", "Korvel Retail"]
    assert "in" in entity_rules().month_date_cues and "in" in entity_rules().month_possessive_date_cues


def test_a_frame_may_take_its_implicit_subject_only_from_frames_that_exist(tmp_path):
    from extractor.ruleset import frame_rules

    def edit(data):
        next(f for f in data["frames"] if f["id"] == "funding")["implicit_subject"].append("fundraising")

    rules = _broken_rules(tmp_path, "frames.json", edit)["CLAIMS_RULES"]
    clear_cache()
    with pytest.raises(RuleError, match=r"frames\.json.*fundraising"):
        frame_rules(rules)
