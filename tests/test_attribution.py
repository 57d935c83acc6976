"""claims_attribution: who says what, the byline publisher, and the attribution of money figures."""
from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extractor.records import attributions_of

from .conftest import FIXTURES

ARTICLES = FIXTURES / "attribution"


def only(nlp: Language, text: str) -> dict:
    """The one attribution of a text."""
    found = nlp(text)._.attributions
    assert len(found) == 1, found
    return found[0]


def text_of(part: dict | None) -> str | None:
    return part["text"] if part else None


def money(doc: Doc, mention: str, nth: int = 0) -> dict:
    """The attribution of the nth money record with this mention."""
    return [r for r in doc._.money if r["mention"] == mention][nth]["attribution"]


def chain(att: dict) -> list[str]:
    return [hop["source"] for hop in att["chain"]]


# (text, source, cue, content)
FORMS = [
    # reported speech, source first, content after
    ("Acme Corp said it would cut 500 jobs.", "Acme Corp", "said", "it would cut 500 jobs"),
    ("Northwind reports that orders doubled in the quarter.", "Northwind", "reports", "orders doubled in the quarter"),
    ("Ms Smith told Reuters the plant would close.", "Ms Smith", "told", "Reuters the plant would close"),
    ("Reports from late 2025 indicated the firm budgeted $5bn for 2026.", "Reports from late 2025", "indicated",
     "the firm budgeted $5bn for 2026"),
    ("The central bank has also warned that inflation could rise.", "The central bank", "has also warned",
     "inflation could rise"),
    # post-posed source, content first
    ("Revenue rose 5% to $2bn, the company said on Tuesday.", "the company", "said", "Revenue rose 5% to $2bn"),
    ("Consumer confidence hit a three-year high, the survey said Wednesday.", "the survey", "said",
     "Consumer confidence hit a three-year high"),
    # inverted 'said X' after a quote (a quoted content keeps its quotation marks)
    ('"We are very pleased with the result," said Jane Doe, chief executive of Acme.',
     "Jane Doe, chief executive of Acme", "said", '"We are very pleased with the result,"'),
    # apposition between source and cue
    ("Mark Hamrick, a senior analyst at Bankrate.com, said rates would stay high.",
     "Mark Hamrick, a senior analyst at Bankrate.com", "said", "rates would stay high"),
    # quote split around the cue
    ("'Sales were weak,' he said. 'We expect a better year.'", "he", "said", "'Sales were weak,'"),
    # according to / per, before and after the content
    ("According to the finance ministry, the deficit will reach $40bn.", "the finance ministry", "According to",
     "the deficit will reach $40bn"),
    ("The deficit will reach $40bn, according to the finance ministry.", "the finance ministry", "according to",
     "The deficit will reach $40bn"),
    ("Sales fell sharply last year, per Bloomberg.", "Bloomberg", "per", "Sales fell sharply last year"),
    # no source
    ("The merger is expected to close in June.", None, "is expected", "The merger is expected to close in June"),
    ("The group is reportedly weighing a sale of its retail arm.", None, "reportedly",
     "The group is reportedly weighing a sale of its retail arm"),
]


@pytest.mark.parametrize("text,source,cue,content", FORMS)
def test_attribution_forms(nlp: Language, text: str, source: str | None, cue: str, content: str) -> None:
    att = only(nlp, text)
    assert text_of(att["source"]) == source
    assert text_of(att["cue"]) == cue
    assert text_of(att["content"]) == content
    for part in ("source", "cue", "content"):
        if att[part]:
            assert text[att[part]["start"]:att[part]["end"]] == att[part]["text"]


# text that holds a cue word but no attribution
NOT_ATTRIBUTIONS = [
    "The company added 292,000 jobs in December.",
    "Velmora Foods posted a net loss of $48m for the half.",  # one's own results, not a post
    "Quillan posts record quarterly sales of £2.1bn.",
    "Its reported profit was lower than last year.",
    "The United States imposed new tariffs.",
    "Infrastructure projects in China slowed.",
    "The report was published on Monday.",
    "Acme sells value-added services.",
    "Sakuma Gas agreed to sell a 20% stake in its Vell LNG project to Petrona for $3bn.",  # a project, not 'project'
]


@pytest.mark.parametrize("text", NOT_ATTRIBUTIONS)
def test_cue_words_that_are_not_attributions(nlp: Language, text: str) -> None:
    assert nlp(text)._.attributions == []


# (text, source_type)
TYPES = [
    ("Analysts said the shares were undervalued.", "analyst"),
    ("Revenue will reach $9bn by 2028, Grantham Analytics predicts.", "analyst"),
    ("Officials said the budget would be cut.", "official"),
    ("Reuters reported that talks had stalled.", "media"),
    ("A company spokesman said the plant would stay open.", "company"),
    ("People familiar with the matter said a deal was close.", "anonymous"),
    ("Sources say the bid will be raised.", "anonymous"),
    ("The finance ministry said revenue fell.", "official"),
    ("Mr Brown said he was pleased.", "other"),
]


@pytest.mark.parametrize("text,source_type", TYPES)
def test_source_types(nlp: Language, text: str, source_type: str) -> None:
    assert only(nlp, text)["source_type"] == source_type


def test_nested_citation(nlp: Language) -> None:
    doc = nlp("According to industry reports citing informed sources, Acme plans to buy chips worth $5bn.")
    outer, inner = doc._.attributions
    assert (text_of(outer["source"]), text_of(outer["cue"]), outer["source_type"]) == ("industry reports", "According to", "media")
    assert (text_of(inner["source"]), text_of(inner["cue"]), inner["source_type"]) == ("informed sources", "citing", "anonymous")
    assert outer["parent"] is None and inner["parent"] == 0
    assert [hop["source"] for hop in inner["chain"]] == ["industry reports", "informed sources"]
    assert text_of(inner["content"]) == "Acme plans to buy chips worth $5bn"
    att = money(doc, "$5bn")
    assert (att["source"], att["cue"], att["source_type"]) == ("informed sources", "citing", "anonymous")
    assert chain(att) == ["industry reports", "informed sources"]


def test_gerund_continues_the_source(nlp: Language) -> None:
    doc = nlp("Contoso said profit rose, adding that it would hire 200 people.")
    said, adding = doc._.attributions
    assert text_of(adding["cue"]) == "adding" and text_of(adding["source"]) == "Contoso"
    assert text_of(said["content"]) == "profit rose"
    assert text_of(adding["content"]) == "it would hire 200 people"


def test_nested_projection_inside_a_report(nlp: Language) -> None:
    doc = nlp("TechWire placed the plan in context, noting Contoso projects $40 billion of capex "
              "and Fabrikam has earmarked $9 billion.")
    noting, projects = doc._.attributions
    assert text_of(noting["source"]) == "TechWire" and text_of(projects["source"]) == "Contoso"
    assert projects["parent"] == 0
    assert text_of(projects["content"]) == "$40 billion of capex"
    assert (money(doc, "$40 billion")["source"], money(doc, "$40 billion")["cue"]) == ("Contoso", "projects")
    assert chain(money(doc, "$40 billion")) == ["TechWire", "Contoso"]
    assert money(doc, "$9 billion")["source"] == "TechWire"


def test_attribution_records(nlp: Language) -> None:
    doc = nlp("Acme Corp said it would cut 500 jobs.")
    (record,) = attributions_of(doc, "doc-1")
    assert record.doc_id == "doc-1" and record.source.text == "Acme Corp" and record.cue.text == "said"
    assert record.source_type == "company"  # "Corp"
    assert [hop.source for hop in record.chain] == ["Acme Corp"]


# ------------------------------------------------------------------ byline
# (text, publisher name, byline text)
BYLINES = [
    ("Acme cuts jobs\n\nBy LDS Team\n\nAcme said it would cut 500 jobs.\n", "LDS Team", "By LDS Team"),
    ("Acme cuts jobs\n\n||By LDS Team\n7.1\n\nAcme said it would cut jobs.\n", "LDS Team", "By LDS Team"),
    ("Acme cuts jobs\n\nPasukan Editorial BigGo\nAcme cuts jobs\n\nAcme said it would cut jobs.\n",
     "BigGo Editorial Team", "Pasukan Editorial BigGo"),
    ("Acme cuts jobs\n\nWritten by Jane Doe\n\nAcme said it would cut jobs.\n", "Jane Doe", "Written by Jane Doe"),
]


@pytest.mark.parametrize("text,name,byline", BYLINES)
def test_byline_publisher(nlp: Language, text: str, name: str, byline: str) -> None:
    publisher = nlp(text)._.publisher
    assert publisher["name"] == name and publisher["text"] == byline
    assert text[publisher["start"]:publisher["end"]] == byline


@pytest.mark.parametrize("text", [
    "Markets slide\n\nBy far the biggest fall came in banks, analysts said.\n",
    "Acme cuts jobs\n\nAcme said it would cut 500 jobs.\n",
])
def test_no_byline(nlp: Language, text: str) -> None:
    assert nlp(text)._.publisher is None


# ------------------------------------------------------------------ money records in articles
@pytest.fixture(scope="module")
def outlet_report(nlp: Language) -> Doc:
    return nlp((ARTICLES / "outlet_report.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def company_results(nlp: Language) -> Doc:
    return nlp((ARTICLES / "company_results.txt").read_text(encoding="utf-8"))


# (mention, source, cue, chain after the publisher)
OUTLET_REPORT = [
    ("$12 billion", "TechWire", "reports", ["TechWire"]),
    ("$40 billion to $45 billion", "Contoso", "projects", ["TechWire", "Contoso"]),
    ("$9 billion", "TechWire", "noting", ["TechWire"]),
    ("$10 billion", None, None, []),  # the article asserts it itself
    ("over $3 billion", "people familiar with the matter", "citing", ["industry reports", "people familiar with the matter"]),
    ("about $500 million", "industry reports", None, ["industry reports"]),  # inherited from the paragraph
]


@pytest.mark.parametrize("mention,source,cue,hops", OUTLET_REPORT)
def test_money_attribution_in_a_report(outlet_report: Doc, mention: str, source: str | None, cue: str | None,
                                       hops: list[str]) -> None:
    assert outlet_report._.publisher["name"] == "Desk Team"
    att = money(outlet_report, mention)
    assert (att["source"], att["cue"]) == (source, cue)
    assert chain(att) == ["Desk Team"] + hops
    assert att["chain"][0]["type"] == "publisher"


# (mention, source, cue, source_type)
COMPANY_RESULTS = [
    ("$2.1bn", "Contoso", "said", "other", ["Contoso"]),
    ("$300m", "Contoso", "added", "other", ["Contoso"]),  # 'It added': the pronoun stands for Contoso
    # a quote that goes on after 'said chief executive Ann Lee': she speaks for the company in the news
    ("$50m", "Ann Lee", None, "company", ["Contoso", "Ann Lee"]),
    ("$400m", None, None, None, []),  # a new paragraph the article asserts
]


@pytest.mark.parametrize("mention,source,cue,source_type,hops", COMPANY_RESULTS)
def test_money_attribution_of_company_statements(company_results: Doc, mention: str, source: str | None,
                                                 cue: str | None, source_type: str | None, hops: list[str]) -> None:
    att = money(company_results, mention)
    assert (att["source"], att["cue"], att["source_type"]) == (source, cue, source_type)
    assert company_results._.publisher is None
    assert chain(att) == hops


def test_pronoun_source_keeps_its_span(company_results: Doc) -> None:
    added = next(a for a in company_results._.attributions if a["cue"]["text"] == "added")
    assert added["source"]["text"] == "It"


# ------------------------------------------------------------------ the component's settings
def test_rules_folder_in_the_config(tmp_path) -> None:
    """The component reads its cues from the folder its config names: a cue added there is found."""
    import json
    import shutil

    import spacy

    from .conftest import ROOT

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    data = json.loads((rules / "attribution.json").read_text(encoding="utf-8"))
    data["cues"]["verbs"].append("blorted")
    (rules / "attribution.json").write_text(json.dumps(data), encoding="utf-8")
    text = "Zorvex Ltd blorted that margins would improve."
    for folder, expected in ((None, []), (str(rules), ["blorted"])):
        nlp = spacy.blank("en")
        nlp.add_pipe("claims_sentences")
        nlp.add_pipe("claims_attribution", config={"rules": folder})
        assert [a["cue"]["text"] for a in nlp(text)._.attributions] == expected


def test_factory_declares_what_it_reads_and_writes(nlp: Language) -> None:
    meta = nlp.get_pipe_meta("claims_attribution")
    assert {"doc._.attributions", "doc._.publisher"} <= set(meta.assigns)
    assert {"doc._.money", "token.is_sent_start"} <= set(meta.requires)


# ------------------------------------------------------------------ names and long input
@pytest.mark.parametrize("text,name", [
    ("Northern Zembla Brewing cut prices. NZB said sales rose.", "Northern Zembla Brewing"),
    ("The Bank of Zembla held rates. BZ said inflation would ease.", "Bank of Zembla"),
    ("Procter & Quill grew. PQ said margins improved.", "Procter & Quill"),
    ("Bank the Zembla grew. BZ said margins improved.", "BZ"),  # 'the' joins no acronym
])
def test_acronym_source_takes_the_full_name(nlp: Language, text: str, name: str) -> None:
    (att,) = nlp(text)._.attributions
    assert att["name"] == name


def test_a_sentence_never_closed_keeps_contents_bounded(nlp: Language) -> None:
    """A quotation never closed makes one endless sentence: every cue is still read, and no
    content reaches further than the limit from its cue."""
    from extractor.ruleset import attribution_rules

    window = attribution_rules().limits.max_content_tokens
    doc = nlp('"' + "Revenue was $5bn, the company said and profit rose " * 200)
    found = doc._.attributions
    assert len(found) == 200 and all(a["cue"]["text"] == "said" for a in found)
    spans = [doc.char_span(a["content"]["start"], a["content"]["end"]) for a in found]
    assert all(s is not None and len(s) <= 2 * window for s in spans)
    assert all(r["attribution"]["source"] == "the company" for r in doc._.money[1:])  # each in the content of the cue before it


# ------------------------------------------------------------------ explained decisions
# (text, mention, rule, evidence)
DECISIONS = [
    ("Revenue rose to $5bn, the company said.", "$5bn", "source.postposed", "the company said"),
    ("Quorvane said it would invest $2bn.", "$2bn", "source.reported_speech", "Quorvane said"),
    ("The deficit will reach $40bn, according to the finance ministry.", "$40bn", "source.according_to",
     "according to the finance ministry"),
    ("Quorvane reportedly paid $3bn for the unit.", "$3bn", "source.adverb", "reportedly"),
    ("Quorvane paid $3bn for the unit.", "$3bn", "source.none", None),
]


@pytest.mark.parametrize("text,mention,rule,evidence", DECISIONS)
def test_source_decision_is_explained(nlp: Language, text: str, mention: str, rule: str, evidence: str | None) -> None:
    rec = next(r for r in nlp(text)._.money if r["mention"] == mention)
    decided = rec["decided_by"]["source"]
    assert (decided["rule"], decided["evidence"]) == (rule, evidence)
    if evidence:
        assert text[decided["start"]:decided["end"]] == evidence
