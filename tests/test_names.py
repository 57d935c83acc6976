"""extractor/names.py and the document-wide linking of names (invented names)."""
from __future__ import annotations

import sys

from extractor.names import acronyms, is_acronym_of, is_short_form_of, preferred_spelling, same_words


def test_acronyms_short_forms_and_spellings():
    assert is_acronym_of("NB", "Northern Brewing") and is_acronym_of("BoA", "Bank of America")
    assert not is_acronym_of("NB", "Northern Mining")
    assert is_short_form_of("Fox", "Fox Entertainment Group") and is_short_form_of("Northern", "Northern Brewing")
    assert not is_short_form_of("Brewing", "Northern Brewing Holdings")
    assert same_words("Menatep Group", "Group Menatep")
    assert preferred_spelling(["Worldcom", "WorldCom"]) == "WorldCom"
    assert preferred_spelling(["KORVAX", "Korvax"]) == "Korvax"
    assert preferred_spelling(["EBay", "eBay"]) == "eBay"
    spelt = acronyms("The Quarrel Trade Authority (QTA) and the Bureau of Harbour Tolls said the Quarrel Tax...")
    assert spelt["QTA"] == "Quarrel Trade Authority" and spelt["BHT"] == "Bureau of Harbour Tolls"
    assert spelt["QT"] == "Quarrel Trade"  # the first run with those initials
    assert "QTAB" not in spelt  # 'and the' joins no run


def test_names_module_needs_no_spacy():
    import importlib
    sys.modules.pop("extractor.names", None)
    importlib.import_module("extractor.names")
    assert "spacy" not in {m.split(".")[0] for m in sys.modules if m == "extractor.names"}


def test_headline_short_form_links_to_the_full_name_of_the_body(nlp):
    doc = nlp("NB profits fall\n\nNorthern Brewing has reported a loss of £5m. Shares in Northern fell.")
    canon = {e["text"]: e["canonical"] for e in doc._.entities}
    assert canon["NB"] == canon["Northern"] == "Northern Brewing"


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
