"""Cue classes and their sense guards: invented sentences with invented names."""
from __future__ import annotations

import pytest
from spacy.language import Language


def figure(nlp: Language, text: str, mention: str) -> dict:
    """The attribution of the money record with this mention."""
    return next(r for r in nlp(text)._.money if r["mention"] == mention)["attribution"]


# (text, mention, source name, cue): communication and judgement verbs, naming frames, progressives
REPORTED = [
    ("Quorvane blamed a $300m charge for the fall in profit.", "$300m", "Quorvane", "blamed"),
    ("Profit will reach $5bn, Ann Brisco wrote in a note.", "$5bn", "Ann Brisco", "wrote"),  # a writing verb
    ("A filing with the stock exchange showed Dravo paid $40m in fees.", "$40m", "filing with the stock exchange",
     "showed"),  # a document and whom it was filed with
    ('"Profit will reach $5bn," wrote Ann Brisco, an analyst.', "$5bn", "Ann Brisco", "wrote"),
    ("Analysts at Brindle Capital praised the $2bn disposal.", "$2bn", "Brindle Capital", "praised"),
    ("Ms Ovalle boasted that the unit earned $40m in its first year.", "$40m", "Ovalle", "boasted"),
    ("The regulator highlighted $12m of unexplained payments.", "$12m", "The regulator", "highlighted"),
    ("Traders speculated that Zembla would bid $7bn.", "$7bn", "Traders", "speculated"),
    ("The Ledger understands that Zembla will bid $7bn.", "$7bn", "Ledger", "understands"),
    ("The Ledger has learned that Zembla will bid $7bn.", "$7bn", "Ledger", "has learned"),
    ("Quorvane later clarified that the fee was $9m, not $90m.", "$9m", "Quorvane", "later clarified"),
    ("Mr Tarrow echoed the view that the plant was worth $60m.", "$60m", "Tarrow", "echoed"),
    ("The watchdog accused Zembla of hiding $80m in losses.", "$80m", "The watchdog", "accused"),
    ("Senator Pell has called the $3bn bonus pool obscene.", "$3bn", "Senator Pell", "has called"),
    ("Zembla Corp is touting a $5bn expansion plan.", "$5bn", "Zembla Corp", "is touting"),
    ("Exports rose to $4bn last year, latest figures show.", "$4bn", "latest figures", "show"),
    ("Official data showed imports of $6bn in March.", "$6bn", "Official data", "showed"),
    ("Ms Ovalle posted online that the bonus pool was $3bn.", "$3bn", "Ovalle", "posted"),  # a post, not results
]


@pytest.mark.parametrize("text,mention,source,cue", REPORTED)
def test_cue_classes(nlp: Language, text: str, mention: str, source: str, cue: str) -> None:
    att = figure(nlp, text, mention)
    assert (att["source"], att["cue"]) == (source, cue)


# cue words in another sense: the figure is not attributed
NOT_REPORTED = [
    ("A company called Brindle paid $2bn for the site.", "$2bn"),  # naming participle after an indefinite noun
    ("The group called off a $1bn share sale.", "$1bn"),  # a phrasal verb
    ("The company must show growth of $2bn this year.", "$2bn"),  # a data verb without data as its source
    ("The firm will maintain a pace of $1bn a month.", "$1bn a month"),  # a clause verb with an object
    ("During that period the Varlo bank wrote car loans worth £2.3bn.", "£2.3bn"),  # a writing verb with an object
    ("Analysts asked whether Quorvane would really pay $5bn for the unit?", "$5bn"),  # a question
    ('"Will Quorvane pay $5bn?" he asked.', "$5bn"),
]


@pytest.mark.parametrize("text,mention", NOT_REPORTED)
def test_sense_guards(nlp: Language, text: str, mention: str) -> None:
    assert figure(nlp, text, mention)["source"] is None


# (text, mention, source name): nominal cues, their source before ('analysts' forecasts'), as a
# modifier ('market expectations') or after ('complaints from X that ...')
NOMINAL = [
    ("Quorvane beat market expectations of $42m with a profit of $45m.", "$42m", "market"),
    ("The profit was well above analysts' forecasts of $61m (£33m).", "£33m", "analysts"),
    ("Profit came in ahead of analysts' forecasts of £88m.", "£88m", "analysts"),  # 'of' opens no possessor
    ("Sales missed the budget office's forecast of $3bn.", "$3bn", "the budget office"),
    ("Zembla earned $3bn, below the $3.2bn consensus forecast.", "$3.2bn", "consensus"),
    ("The minister rejected complaints from his Ruritanian counterpart that the $5bn subsidy was unfair.", "$5bn",
     "Ruritanian"),
    ("Mr Tarrow's remarks about the $2bn fund drew a sharp response.", "$2bn", "Tarrow"),
]


@pytest.mark.parametrize("text,mention,source", NOMINAL)
def test_nominal_cues(nlp: Language, text: str, mention: str, source: str) -> None:
    assert figure(nlp, text, mention)["source"] == source


def test_nominal_cue_only_holds_its_own_figure(nlp: Language) -> None:
    text = "Quorvane beat market expectations of $42m with a profit of $45m."
    assert figure(nlp, text, "$45m")["source"] is None


@pytest.mark.parametrize("text", [
    "The forecast was cut on Monday.",  # a cue noun with nothing reported after it
    "Insurance claims rose sharply.",
    "The opening remarks by Governor Pell lasted an hour.",
])
def test_cue_nouns_that_report_nothing(nlp: Language, text: str) -> None:
    assert [a for a in nlp(text)._.attributions if a["cue"]["text"] in {"forecast", "claims", "remarks"}] == []


def test_news_that_has_no_source(nlp: Language) -> None:
    doc = nlp("News that Quorvane would pay $1bn lifted its shares.")
    (att,) = doc._.attributions
    assert att["cue"]["text"] == "News" and att["source"] is None
    assert doc._.money[0]["decided_by"]["source"]["rule"] == "source.nominal"


def test_a_cue_noun_inside_a_source_is_that_source(nlp: Language) -> None:
    doc = nlp("A 2019 estimate by the Zembla Budget Office projected that the scheme will cost $4bn.")
    (att,) = doc._.attributions
    assert att["cue"]["text"] == "projected"
    assert figure(nlp, doc.text, "$4bn")["source"] == "Zembla Budget Office"


@pytest.mark.parametrize("text,expected", [
    ("Insurance claims rose sharply after the storm.", []),  # a common noun, not a name, before 'claims'
    ("Brindlewood claims that the plant is safe.", ["Brindlewood"]),
    ("Trade estimates that it spent $4m, the paper says.", ["Trade", "the paper"]),  # a clause follows
])
def test_a_common_first_word_before_a_cue_that_may_be_a_noun(nlp: Language, text: str, expected: list[str]) -> None:
    assert [a["source"]["text"] for a in nlp(text)._.attributions if a["source"]] == expected


# (text, mention, source name, rule): participles, relative sources, pronoun sources, time adverbials
CONSTRUCTIONS = [
    ("The bid was close to the $310m reported by rival Zembla.", "$310m", "Zembla", "source.participle"),
    ("The gap - far wider than the $54bn widely expected on Wall Street - hit the dollar.", "$54bn", "Wall Street",
     "source.participle"),
    ("The $5.6bn commitment, detailed in a report by TipWire, shows the shift.", "$5.6bn", "TipWire", "source.participle"),
    ("A $160bn merger announced on Monday would create a giant.", "$160bn", None, "source.participle"),
    ("One exception was a 2014 Zembla University paper that found the $2bn scheme cut jobs.", "$2bn",
     "Zembla University", "source.relative_subject"),
    ("He said it was less than half of the $20bn that Zembla advisers say it is worth.", "$20bn", "Zembla",
     "source.relative_object"),
    ("Prosecutors want a $27bn (£14bn) tax bill, which they claim is owed by Ruritel.", "£14bn", "Prosecutors",
     "source.relative_object"),
    ("Quorvane said revenue fell. Last month it said sales would reach $3bn.", "$3bn", "Quorvane", "source.reported_speech"),
    ("On Monday Quorvane said it would pay $2bn.", "$2bn", "Quorvane", "source.reported_speech"),
]


@pytest.mark.parametrize("text,mention,source,rule", CONSTRUCTIONS)
def test_constructions(nlp: Language, text: str, mention: str, source: str | None, rule: str) -> None:
    rec = next(r for r in nlp(text)._.money if r["mention"] == mention)
    assert (rec["attribution"]["source"], rec["decided_by"]["source"]["rule"]) == (source, rule)


@pytest.mark.parametrize("text,mention", [
    ("Quorvane paid $5bn for the unit it said was undervalued.", "$5bn"),  # a preposition between: not about the figure
    ("That said, the firm paid $3bn.", "$3bn"),
])
def test_constructions_that_do_not_reach_the_figure(nlp: Language, text: str, mention: str) -> None:
    assert figure(nlp, text, mention)["source"] is None


def test_time_phrase_is_not_part_of_the_source(nlp: Language) -> None:
    (att,) = nlp("Last month it said sales would reach $3bn.")._.attributions
    assert att["source"]["text"] == "it"
    (att,) = nlp("May Brothers said sales would reach $3bn.")._.attributions
    assert att["source"]["text"] == "May Brothers"  # a month that begins a name stays


def test_posted_a_result_is_no_report(nlp: Language) -> None:
    assert figure(nlp, "Quorvane posted a $676m loss for the quarter.", "$676m")["source"] is None
    assert figure(nlp, "Quorvane reported a $676m loss for the quarter.", "$676m")["source"] == "Quorvane"


def test_blame_reports_the_cause_not_the_effect(nlp: Language) -> None:
    text = "The bank blamed a $40m charge for a fall in profit to £1.1bn."
    assert figure(nlp, text, "$40m")["source"] == "The bank"
    assert figure(nlp, text, "£1.1bn")["source"] is None


def test_a_label_before_a_colon_is_no_source(nlp: Language) -> None:
    text = "Zembla lifts spending\n\nZembla will spend more.\n\nNote: CNY 160 billion is about USD 22 billion at current rates.\n"
    assert figure(nlp, text, "CNY 160 billion")["source"] is None
    headline = "Pell: the $3bn plan is a waste of money\n\nSenator Pell spoke on Monday.\n"
    assert figure(nlp, headline, "$3bn")["source"] == "Pell"


@pytest.mark.parametrize("text,mention,source", [
    ('"We expect revenue of $4bn," chief executive Mara Quill told reporters.', "$4bn", "Mara Quill"),
    ("The deal values Brantor at $1.2bn, people familiar with the matter told the Zemblan Herald.", "$1.2bn",
     "people familiar with the matter"),
    ("Hexlon has been ordered to pay $40m, a court ruled on Tuesday.", "$40m", "court"),
    ("Economists polled by the Zemblan Herald had expected a deficit of $55bn.", "$55bn", "Economists"),
])
def test_listeners_rulings_and_polls(nlp: Language, text: str, mention: str, source: str) -> None:
    assert figure(nlp, text, mention)["source"] == source


def test_ruled_out_is_no_ruling(nlp: Language) -> None:
    assert figure(nlp, "The court ruled out a $40m fine.", "$40m")["source"] is None


@pytest.mark.parametrize("text,mention,source,rule", [
    ("Hexlon shares jumped after a report in the Zemblan Post said Brantor had offered $3bn.", "$3bn", "Zemblan Post",
     "source.reported_speech"),
    ("The Zemblan Post, which first reported the talks, said the offer was worth $3bn.", "$3bn", "Zemblan Post",
     "source.appositive"),
    ("Brantor's offer of $3bn, first reported by the Zemblan Post, was rejected.", "$3bn", "Zemblan Post",
     "source.participle"),
])
def test_outlets_in_longer_sources(nlp: Language, text: str, mention: str, source: str, rule: str) -> None:
    rec = next(r for r in nlp(text)._.money if r["mention"] == mention)
    assert (rec["attribution"]["source"], rec["decided_by"]["source"]["rule"]) == (source, rule)


def test_a_gerund_after_a_preposition_continues_the_clause_subject(nlp: Language) -> None:
    (att,) = nlp("Senator Ada Pell of Zembla went further by proposing a $2bn levy.")._.attributions
    assert (att["cue"]["text"], att["source"]["text"]) == ("proposing", "Senator Ada Pell of Zembla")


def test_said_before_a_clause_is_not_inverted(nlp: Language) -> None:
    doc = nlp("Brantor was upbeat on Monday and, said the offer was worth $3bn.")
    assert all(a["source"] is None or a["source"]["text"] != "the offer" for a in doc._.attributions)


def test_called_with_an_indefinite_object_names_nothing(nlp: Language) -> None:
    assert figure(nlp, "The company called a meeting to approve the $5bn deal.", "$5bn")["source"] is None
    assert figure(nlp, "Hexlon called the $5bn offer derisory.", "$5bn")["source"] == "Hexlon"


def test_nominal_cue_with_its_source_after_the_figure(nlp: Language) -> None:
    text = "The estimate of $4bn by the Zemblan Treasury was revised."
    assert figure(nlp, text, "$4bn")["source"] == "Zemblan Treasury"


def test_a_possessive_description_is_resolved_like_any_description(nlp: Language) -> None:
    text = "Hexlon Motors sold 9,000 cars. Sales hit $2bn, beating the company's own forecast of $1.8bn."
    assert figure(nlp, text, "$1.8bn")["source"] == "Hexlon Motors"
    assert figure(nlp, text, "$2bn")["source"] is None


@pytest.mark.parametrize("text,mention,source", [
    ("Analysts at Quorvane Capital put the group's value at $3.8bn.", "$3.8bn", "Quorvane Capital"),
    ("Officials say the scheme will cost $5bn, but critics put the figure at $9bn.", "$9bn", "critics"),
    ("Officials say the scheme will cost $5bn, but critics put the figure at $9bn.", "$5bn", "Officials"),
    ("The bank put pressure on Hexlon to repay $2bn.", "$2bn", None),
    ("Hexlon put $2bn into the fund.", "$2bn", None),
    ("Uncertain policies of the nominee, Ada Pell, put investors on edge over the $4bn plan.", "$4bn", None),
])
def test_put_at_reports_a_figure(nlp: Language, text: str, mention: str, source: str | None) -> None:
    assert figure(nlp, text, mention)["source"] == source


def test_understand_without_a_clause_reports_nothing(nlp: Language) -> None:
    """'understands that X ...' is how a paper reports; 'understand the risk' is no report."""
    assert source_of_first(nlp, "Analysts understand the $5m risk well.") is None


def source_of_first(nlp: Language, text: str) -> str | None:
    return nlp(text)._.money[0]["attribution"]["source"]


def test_a_source_right_after_a_figure_reports_it(nlp: Language) -> None:
    """'the £640m analysts had expected': a relative clause without 'that'."""
    att = figure(nlp, "Pre-tax profit was £610m, below the £640m analysts had expected.", "£640m")
    assert att["source"] == "analysts"
