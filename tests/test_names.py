"""extractor/names.py and the document-wide linking of names (invented names)."""
from __future__ import annotations

import sys

from extractor.names import abbreviates, acronyms, is_acronym_of, is_short_form_of, preferred_spelling, same_words


def test_acronyms_short_forms_and_spellings():
    assert is_acronym_of("NB", "Northern Brewing") and is_acronym_of("BoA", "Bank of America")
    assert not is_acronym_of("NB", "Northern Mining")
    assert is_short_form_of("Fox", "Fox Entertainment Group") and is_short_form_of("Northern", "Northern Brewing")
    assert not is_short_form_of("Brewing", "Northern Brewing Holdings")
    assert same_words("Menatep Group", "Group Menatep")
    assert preferred_spelling(["Worldcom", "WorldCom"]) == "WorldCom"
    assert preferred_spelling(["KORVAX", "Korvax"]) == "Korvax"
    assert preferred_spelling(["EBay", "eBay"]) == "eBay"
    assert preferred_spelling(["Aguas do Serrado", "Águas do Serrado"]) == "Águas do Serrado"  # its accents
    spelt = acronyms("The Quarrel Trade Authority (QTA) and the Bureau of Harbour Tolls said the Quarrel Tax...")
    assert spelt["QTA"] == "Quarrel Trade Authority" and spelt["BHT"] == "Bureau of Harbour Tolls"
    assert spelt["QT"] == "Quarrel Trade"  # the first run with those initials
    assert "QTAB" not in spelt  # 'and the' joins no run
    # an acronym defined in brackets need only take the name's letters in order
    assert abbreviates("HQB", "Hanqiao Biotherapeutics") and abbreviates("MWC", "Maplewave Communications Inc")
    assert not abbreviates("BHQ", "Hanqiao Biotherapeutics") and not abbreviates("HQX", "Hanqiao Biotherapeutics")
    assert acronyms("Tarvik Holdings said Ostramar Wireless Ltd (OWL) would pay.")["OWL"] == "Ostramar Wireless Ltd"


def test_names_module_needs_no_spacy():
    import importlib
    sys.modules.pop("extractor.names", None)
    importlib.import_module("extractor.names")
    assert "spacy" not in {m.split(".")[0] for m in sys.modules if m == "extractor.names"}


def test_headline_short_form_links_to_the_full_name_of_the_body(nlp):
    doc = nlp("NB profits fall\n\nNorthern Brewing has reported a loss of £5m. Shares in Northern fell.")
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["NB"] == canon["Northern"] == "Northern Brewing"


def test_an_acronym_defined_in_brackets_links_to_its_name_everywhere(nlp):
    text = ("OWL pays up\n\nOstramar Wireless Ltd (OWL) will pay $3bn for licences. OWL said revenue would rise by "
            "$400m. Operating profit (EBIT) fell to $120m, OWL said.")
    doc = nlp(text)
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["OWL"] == canon["Ostramar Wireless Ltd"] == "Ostramar Wireless"
    assert "EBIT" not in canon  # the abbreviation of a measure is no name
    assert {r["attribution"]["source"] for r in doc._.money if r["mention"] != "$3bn"} == {"Ostramar Wireless Ltd"}


def test_a_common_word_that_starts_a_name_of_the_text_is_a_name_at_the_start_of_a_sentence(nlp):
    doc = nlp("Pivot Mobile spent C$612m. Pivot said the licences would cost C$450m.")
    assert {e["text"]: e["canonical"] for e in doc._.entities}.get("Pivot") == "Pivot Mobile"
    doc = nlp("Sales Director Ann Bell left. Sales rose to $4m.")  # a title's run names no company
    assert "Sales" not in {e["text"] for e in doc._.entities}


def test_a_plural_common_noun_and_of_before_a_name_at_the_start_of_a_sentence_are_no_part_of_it(nlp):
    doc = nlp("Creditors of Nordhem Varuhus will recover 12 öre per krona. Bank of Halden lent $2bn.")
    assert [e["text"] for e in doc._.entities] == ["Nordhem Varuhus", "Bank of Halden"]


def test_short_form_and_truncation_link_to_the_full_name(nlp):
    doc = nlp("Fox Entertainment Group earned $1bn. Analysts said Fox did well. Later Yuganskneftegas, or Yugansk, "
              "was sold; Yuganskneftgas had been worth $20bn.")
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["Fox"] == "Fox Entertainment"
    assert canon["Yugansk"] == canon["Yuganskneftgas"] == "Yuganskneftegas"


def test_a_company_is_not_merged_into_its_product_named_later(nlp):
    doc = nlp("Tarvex buys chips\n\nAcme will buy chips from Tarvex in 2026. The Tarvex Helion chip costs $9,000.")
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["Tarvex"] == "Tarvex"


def test_labels_and_headings_are_not_names(nlp):
    doc = nlp("Key Figures\n\n  • Total Outlay (2026): Potential order value $5bn.\n\nAcme said it would spend $5bn.")
    names = {e["text"] for e in doc._.entities}
    assert not names & {"Key Figures", "Potential", "Total Outlay", "Key"}
    assert "Acme" in names


def test_a_name_written_without_its_accents_is_the_same_name(nlp):
    """A headline that drops the accents ('Aguas do Serrado') names the body's 'Águas do Serrado'."""
    from extractor.extract import extract_text
    text = ("Aguas do Serrado secures 4.2 bln reais loan\n\nÁguas do Serrado has signed a 4.2 billion reais loan with "
            "state development bank Banco da Lagoa.")
    claims = extract_text(text, nlp=nlp)
    assert {c.subject.canonical for c in claims} == {"Águas do Serrado"}
    assert claims[-1].counterparty.canonical == "Banco da Lagoa"  # a loan signed with its lender
