"""``claims_subjects``: the entity each figure is about, and the other party.

Once per document: owners and brands ("TikTok owner ByteDance", ``owners``), products and
their makers (``products``), lists of names (``lists``), descriptions and pronouns resolved
to their antecedents (``references``), the triggers of the role frames (``frames``), the
document's implied receivers (its government, its regulator) and, when a frame asks, its
trade (the thing it sells, its supplier, who bought what).

Then for each amount, in order: a unit price is the product's or the commodity's ("$20,000
per H200 chip", "$40 a barrel"); the role frame of the figure's clause ("Acme bought Beta
for $5bn", "a $27bn back tax bill", "the auction winner, agreeing to pay"); the old sale
cues where no frame of another kind speaks; the possessor ("Qantas's net profit"); the
entity of the heading a bullet sits under; the subject of the clause; the speaker of what
is said of itself ("Munich Re said its exposure..."); otherwise the subject of the previous
figure of the paragraph or the article's main entity. A subject that is one item of a list
is the list combined. The counterparty comes from the frame, else the receiver it implies,
else the maker of a product bought, else the name after "from", "to", "by", "with" or
"pay". Sets ``rec["subject"]`` and ``rec["counterparty"]`` ({name, canonical, label}) and
``rec["decided_by"]`` for each.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import Callable, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from ...layout import Layout, clause, clause_breaks, island, relative_openers
from ...name_kinds import NameKinds
from ...ruleset import currency_names, entity_labels, entity_rules, frame_rules, given_names, subject_rules
from ...textmatch import Searches
from ...textmatch import alternation as _words
from .. import extensions
from ..extensions import EntityMention, EntityRef, SpanRef
from ..view import inside, layout_of
from .employers import Employers
from .exchange import ExchangeQuotes
from .frames import DETERMINERS, Context, FrameMatcher, Match, Trade
from .lists import Lists, NameList
from .owners import Owners
from .priced import PricedThings
from .products import Product, Products
from .references import References

Entity = EntityMention
T = TypeVar("T")
NOT_SUBJECTS = {"PERSON", "NORP", "LOC", "BODY"}  # BODY: a trade or statistical body publishes others' figures
MODIFIERS = {"GPE", "PRODUCT"}  # "US bank", "Oil giant BP": names that describe another
POSSESSIVES = {"its", "their"}
ASSET_RULES = {"bid_target", "traded_before"}  # rules that make a figure the thing bid for
WEAK_SUBJECTS = {None, "subject.main_entity", "subject.previous_figure"}  # fallbacks, no words of the figure's own
DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)  # search(noun start - 6, noun start)
RESTATED_SUBJECTS = {"subject.speaker", "subject.clause_subject"}  # rules a frame's earlier figure of one amount overrides
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
NAMES_IN_GOVERNMENTS = PLACE_LABELS | {"ORG", "PERSON"}  # "the Russian government", "the Trump administration"
SOLD_BY = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:by|from|through)\s+(?:the\s+)?")  # "raised $800m by selling": fullmatch
APPOSITION = re.compile(r"\s*,[^,;]{1,80},")  # used with match(name end, figure): "Ana Voss, the chief of Tellan,"
OWNER_OF_NAME = re.compile(r"['’]s?\s+[A-Z]")  # used with match(pos): "China's ByteDance"
LIST_ITEM = re.compile(r"(?<=\w)(?:\s*,|\s+and|\s+or)\s*$")
LIST_END = re.compile(r"(?<=\w),?\s+(?:and|or)\s+$")  # before a list's last name
WORDS_AFTER = re.compile(r"\s*(?P<word>[A-Za-z]+)(?:\s+(?P<next>[A-Za-z]+))?")  # match(figure end)


class SubjectFinder:
    def __init__(self, rules_folder: str | None = None) -> None:
        r = subject_rules(rules_folder)
        gap = rf"(?:[^\s,;]+\s+){{0,{r.descriptor_words}}}?"
        self.target = re.compile(rf"\b(?:{_words(r.target_cues)})\s+(?:the\s+|a\s+|its\s+|their\s+)?{gap}$", re.I)
        self.passive = re.compile(rf"\s*,?\s*(?:{_words(r.passive_target_cues)})\b", re.I)  # used with match(pos)
        self.counterparty = re.compile(rf"\b(?:{_words(r.counterparty_cues)})\s+(?:the\s+)?$", re.I)
        self.product_measure = re.compile(rf"\b(?:{_words(r.product_measures)})\s+of\s+$", re.I)
        self.named_payment = re.compile(  # search(figure start - n, figure start): 'a reverse break fee of', not 'a price of'
            rf"\b(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){{0,3}}(?!(?:{_words(r.price_nouns)})\s)[a-z-]+\s+of\s+"
            r"(?:(?:about|around|up\s+to|some)\s+)?$")
        self.deal_word = re.compile(rf"\b(?:{_words(r.deal_words)})\b", re.I)
        self.adjudicator = re.compile(rf"\b(?:{_words(r.adjudicator_words)})\b", re.I)
        self.owner_cue = re.compile(rf"\b(?:{_words(r.owner_cues)})\s+(?:the\s+)?$", re.I)
        self.not_subject = re.compile(
            rf"\b(?:{_words(r.not_subject_after)})\s+(?:the\s+|a\s+|its\s+)?"
            rf"(?:(?!that\b|which\b|and\b|but\b)[a-z-]+\s+){{0,{r.limits.not_subject_words}}}$"
            rf"|\b(?:{_words(r.not_subject_right_after)})\s+(?:the\s+)?[\"“‘']?$", re.I)
        self.breaks = clause_breaks("subject", rules_folder)
        self.possessor_np = re.compile(
            rf"['’]s?\s+(?:(?!(?:{_words(r.possessor_breaks)})\b)[^\s,;]+\s+){{0,{r.limits.possessor_words}}}$", re.I)
        self.speaker_types = set(r.speaker_types) | {None}
        self.own_voice_types = set(r.own_voice_types)
        self.speaker_payee_frames = set(r.speaker_payee_frames)
        self.target_noun = re.compile(rf"\s+(?:{_words(r.target_nouns)})\b", re.I)  # used with match(pos)
        self.post_target = re.compile(
            rf"^[^;]{{0,{r.limits.post_target_chars}}}?\b(?:{_words(r.post_target_cues)})\s+(?:the\s+|each\s+|every\s+|its\s+)?"
            rf"(?:[^\s;,]+\s+){{0,{r.descriptor_words}}}$", re.I)
        self.post_possessor = re.compile(r"^\s+of\s+(?:the\s+)?$", re.I)
        self.owned_by = re.compile(rf"['’]s?\s+(?:{_words(r.owner_nouns)})\b", re.I)  # used with match(pos)
        self.generic_statement = re.compile(rf"\b(?:{_words(r.generic_markers)})\b", re.I)
        self.parts = re.compile(rf"\s*(?:it|this|that|the\s+[a-z]+)\s+(?:[a-z]+\s+){{0,2}}?(?:{_words(r.part_cues)})\b",
                                re.I)  # used with match(sentence start): 'It was made up of $250m'
        self.listener = re.compile(rf"\b(?:{_words(r.listener_cues)})\s+(?:the\s+)?$", re.I)  # search(pos - 30, pos)
        kind_nouns = [*r.reference_kinds["company"], *r.reference_kinds["unit"], *r.owner_nouns]
        self.possessor_of_name = re.compile(  # fullmatch(its end, name start): "Its US unit Harwell", not "its Fast Forward plan"
            rf"\s+(?:(?:[a-z][\w-]*|[A-Z]{{2,3}})\s+){{0,2}}(?:{_words(kind_nouns)})\s+")
        self.rival = re.compile(rf"\b(?:{_words(r.rival_words)})\s+$", re.I)  # search(pos - 30, pos)
        self.restating = re.compile(rf"\b(?:{_words(r.restating_words)})\s+$", re.I)  # used with search(pos - 8, start)
        er = entity_rules(rules_folder)
        self.org_noun = re.compile(  # used with match(pos): "US phone firm", "India tax tribunal", "US regulators"
            rf"(?:['’]s?)?\s+(?:[a-z-]+\s+){{0,3}}?(?:{_words(er.org_nouns + [w.lower() for w in er.public_body_words])})s?\b")
        self.generic_anywhere = re.compile(rf"\b(?:{_words(er.generic_references)})\b", re.I)
        countries = {name for name, label in entity_labels(rules_folder).items() if label == "GPE"}
        self.references = References(r, er.adjective_suffixes, set(er.demonyms) | countries,
                                     given_names(rules_folder).names, er.aliases, NameKinds(er.kind_words))
        frame_set = frame_rules(rules_folder)
        self.openers = relative_openers(rules_folder)
        self.frames = FrameMatcher(frame_set, self.openers)
        seller = frame_set.bought_from_seller
        self.seller_frames = set(seller.frames if seller else [])
        self.bought_thing = re.compile(  # used with match(figure end): " (€237m) for two blocks", " for another"
            rf"\s*(?:\([^)]*\)\s*)?for\s+(?:{_words(seller.determiners if seller else [])})\b")
        frames = frame_set.frames
        imposed = [n for f in frames if f.implicit_counterparty in ("authority", "government") for n in f.nouns]
        self.imposed_noun = re.compile(rf"\s+(?:{_words(imposed)})\b", re.I)  # match(place end): 'a US fine'
        verbs = r.place_noun_verbs
        self.place_noun = re.compile(  # match(place end): 'U.S. tariffs reduced' (not 'US officials estimated')
            rf"\s+(?!(?:{_words(r.group_nouns)})\b)[a-z][a-z-]+\s+(?:{_words(verbs.words)}|[a-z]+(?:{_words(verbs.endings)}))\b",
            re.I) if verbs else None
        self.sold_rules = {f"subject.{f.id}" for f in frames if f.sells}  # the thing sold
        self.frame_subjects = {f"subject.{f.id}" for f in frames}
        self.frame_ids = {f.id for f in frames}
        self.same_payee = {f"subject.{f.id}": {f"counterparty.{p}" for p in f.same_payee} for f in frames if f.same_payee}
        self.per_share_frames = {f"subject.{f}" for f in r.bid_target.per_share_frames}
        self.share_units = set(r.bid_target.share_units)
        self.holders = re.compile(rf"(?:['’]s?)?\s+(?:{_words(r.bid_target.holder_nouns)})\b", re.I)  # match(name end)
        self.own_per_share = re.compile(rf"\b(?:{_words(r.bid_target.own_per_share_words)})\b", re.I)
        self.owners = Owners(r)
        self.employers = Employers(r)
        self.exchange = ExchangeQuotes(r, currency_names(rules_folder))
        self.commodities = set(er.common_names.values())
        self.products = Products(r)
        self.priced = PricedThings(r)
        self.jointly = re.compile(rf"\b(?:{_words(r.combined.jointly)})\b", re.I)
        self.distributive = re.compile(rf"\b(?:{_words(r.combined.distributive)})\b", re.I)
        self.list_after = re.compile(rf"\b(?:{_words(r.combined.not_after)})\s+$", re.I)
        self.list_reach = r.limits.list_reach_chars
        self.traded_reach = r.limits.traded_reach_chars
        self.bid_word_reach = r.limits.bid_word_chars
        self.claim_rules = {f"subject.{f}" for f in r.dispute.frames}
        self.settling = re.compile(rf"\b(?:{_words(r.dispute.words)})\b", re.I)
        self.settlement_replaces = {f"subject.{rule}" for rule in r.dispute.replaces}
        self.payer_rules = {f"subject.{f}" for f in r.dispute.payer_frames}
        self.holding = re.compile(rf"\b(?:{_words(r.holding_cues)}|(?:{_words(r.measure_nouns)})\s+at)\s+(?:the\s+)?$", re.I)
        self.commodity_units = set(r.commodity_units)
        self.passive_agent = re.compile(r.passive_agent)
        self.relative_antecedent = re.compile(r.relative_antecedent)
        self.reporter_cues = {w.lower() for w in r.reporter_cues}
        self.person_possessives = {w.lower() for w in r.person_possessives}
        personal = r.personal_money
        self.personal_verb = re.compile(rf"\b(?:{_words(personal.verbs)})\b", re.I)  # search(person end, figure)
        self.personal_noun_before = re.compile(rf"\b(?:{_words(personal.nouns)})\s+(?:of|worth|totall?ing)\s+$", re.I)
        self.personal_noun_after = re.compile(rf"\s*(?:[a-z-]+\s+){{0,2}}?(?:{_words(personal.nouns)})\b")  # match(end)
        self.personal_gap_words = r.limits.personal_gap_words
        self.list_head_items = r.limits.list_head_items
        self.payment_manner = re.compile(rf"\s*(?:{_words(r.payment_manners)})\b", re.I)  # match(figure end)
        self.buyer_reference = re.compile(rf"\b[Tt]he\s+(?:{_words(r.buyer_references)})\b(?!\s+of\b)")  # 'the buyer of X' is X's
        self.outlet_types = {"media", "publisher"}
        self.commentator_types = set(r.commentator_source_types)
        self.figure_noun_at = re.compile(r.figure_noun_at)
        self.transaction = re.compile(rf"\b(?:{_words(r.transaction_nouns)})\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        money = doc._.money or []
        sources = [(a["source"]["start"], a["source"]["end"]) for a in doc._.attributions or [] if a.get("source")]
        source_starts = sorted(sources)
        view = layout_of(doc)
        text = view.text
        found, owner_of = self.owners.apply(text, doc._.entities or [])  # "TikTok owner ByteDance": TikTok describes
        products = self.products.find(text, sorted(found, key=_start))
        found = self.products.relabel(found, products)  # "H200 chips": H200 is a product, no company
        self._by_end = {e["end"]: e for e in found}
        self._ends = {place: {end for e in found if (e["label"] in PLACE_LABELS) == place for end in (e["end"], e["end"] + 2)}
                      for place in (True, False)}  # a name (or "Acme's") before a list comma, by kind: places list places
        entities = [e for e in found if e["label"] not in NOT_SUBJECTS and not inside(source_starts, e["start"])]
        doc._.main_entity = self._main_entity(text, entities, view.paragraphs)
        main = next((e for e in entities if e["canonical"] == doc._.main_entity), None)
        companies = [e for e in found if e["label"] not in NOT_SUBJECTS]
        all_named = sorted(companies, key=_start)  # with the names that speak ('Sorrel, which manages €40bn, said')
        all_starts = [e["start"] for e in all_named]
        kinds = self.references.kinds(text, companies)
        subject_like = [self._subject_position(text, e, companies, view.sentence(e["start"])[0]) for e in companies]
        cited = self._reporters(doc, companies)
        commentators = sorted((a["source"]["start"], a["source"]["end"]) for a in doc._.attributions or []
                              if a.get("source") and a.get("source_type") in self.commentator_types)
        speakers = sorted((a["source"]["start"], a["source"]["end"]) for a in doc._.attributions or []
                          if a.get("source") and a.get("source_type") not in self.own_voice_types)
        speaking = [inside(speakers, e["start"]) for e in companies]  # not "Acme's chief executive said the company"
        commenting = [inside(commentators, e["start"]) for e in companies]
        resolved, unresolved = self.references.resolve(self.references.find(text), companies, view, subject_like, cited,
                                                       speaking, commenting, kinds, main)
        nameless = [r.start for r in unresolved]  # 'the bank' where no name is a bank: no fallback's subject
        governments = [r for r in resolved if r["label"] in ("GOV", "GROUP")]  # the places inside "the Russian
        # government" or "US consumers" go
        found = _without_overlaps(found, governments, keep=NAMES_IN_GOVERNMENTS)
        entities = _without_overlaps(entities, governments, keep=NAMES_IN_GOVERNMENTS)
        resolved = _without_overlaps(resolved, [e for e in found if e["label"] not in PLACE_LABELS])
        mentions = sorted(entities + [r for r in resolved if not inside(source_starts, r["start"])], key=_start)
        starts = [e["start"] for e in mentions]
        self._authorities = _authorities([e for e in found + resolved if not self.adjudicator.search(e["canonical"])])

        for owned, owner in self.owners.learn(text, sorted(found + resolved, key=_start), {r["start"] for r in resolved}).items():
            owner_of.setdefault(owned, owner)  # "the firm's most lucrative asset Yuganskneftegas"

        def seller(e: Entity) -> Entity | None:
            """Who sold ``e``: its owner, else the entity the article is about."""
            owner = owner_of.get(e["canonical"]) or main
            return owner if owner and owner["canonical"] != e["canonical"] else None

        people = self.references.persons(text, [e for e in found if e["label"] == "PERSON"], view)
        pronoun_people = {p["start"] for p in people}
        owners_before = {p["end"]: p for p in people if p["text"].lower() in self.person_possessives}
        persons = sorted([e for e in found if e["label"] == "PERSON" and not inside(source_starts, e["start"])] + people,
                         key=_start)
        employers = self.employers.find(text, [e for e in found if e["label"] == "PERSON"], [
            e for e in found + resolved if e["label"] not in PLACE_LABELS and e["label"] != "PERSON"], main)
        self._name_starts = sorted(e["start"] for e in found)
        parties = sorted([e for e in found if e["label"] not in {"NORP", "LOC"} and not self._is_gpe_modifier(text, e, found)]
                         + resolved + people, key=_start)
        party_starts = [e["start"] for e in parties]
        product_starts = [p.start for p in products]
        self._made = [(p.start, p.end) for p in products]
        searches = self._searches = Searches(text)
        self._memo: dict[tuple, object] = {}  # per document: what the figures of one sentence or clause share
        self._entity_starts = [e["start"] for e in entities]
        lists = Lists(text, sorted(found, key=_start))
        triggers = self.frames.triggers(text)
        trigger_starts = [t.start for t in triggers]
        ctx = Context(seller, lambda: self._trade(text, view, triggers, parties, party_starts, ctx), [r["start"] for r in money],
                      main, [r["end"] for r in money])
        reports = Reports(doc, sorted(found + resolved, key=_start))
        last: tuple[tuple[int, int] | None, int, Entity | None] = (None, -1, None)  # paragraph, sentence end, subject
        told: dict[tuple, dict] = {}  # an amount -> the last figure of it that has a subject
        acted: list[dict] = []  # figures whose subject a frame's verb made its doer ('X agreed to pay $2bn')
        unnamed: list[tuple[dict, Match]] = []  # figures whose frame names no subject but says where to find it
        bought: dict[str, tuple[Entity, Entity]] = {}  # a buyer's name -> it, and the first thing a figure before said it buys
        buyer_refs = [m for m in self.buyer_reference.finditer(text) if not inside(source_starts, m.start())]
        bodies = sorted((e for e in found if e["label"] == "GOV" and not self.adjudicator.search(e["canonical"])), key=_start)
        body_starts = [e["start"] for e in bodies]
        for fig_index, rec in enumerate(money):
            beside = (money[fig_index - 1] if fig_index else None, money[fig_index + 1] if fig_index + 1 < len(money) else None)
            while buyer_refs and bought and buyer_refs[0].start() < view.sentence(rec["start"])[1]:
                ref, buyer = buyer_refs.pop(0), next(iter(bought.values()))[0]  # "the bidder": the buyer named first
                stands = {"text": ref.group(0), "canonical": buyer["canonical"], "label": buyer["label"],
                          "start": ref.start(), "end": ref.end()}
                for names, name_starts in ((mentions, starts), (parties, party_starts)):
                    k = bisect_left(name_starts, stands["start"])
                    names.insert(k, stands)
                    name_starts.insert(k, stands["start"])
                self._memo = {}  # the names of sentences change
            original = money[rec["equivalent_of"]] if rec.get("equivalent_of") is not None else None
            if original is not None and "subject" in original:  # "$2bn (£1.1bn)": the conversion is the same claim
                _same_parties(rec, original)
                continue
            amount = _amount(rec)
            earlier = told.get(amount)
            if earlier is not None and self.restating.search(text, max(0, rec["start"] - 8), rec["start"]):
                _told_again(rec, earlier, "subject.restated")  # "... $5.6bn for chips. The $5.6bn commitment, detailed by X"
                continue
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = clause(text, s_start, s_end, rec["start"], rec["end"], self.breaks)
            paragraph = view.paragraph(rec["start"])
            reporting = reports.innermost(rec, paragraph[0] if paragraph else 0)
            content = (reporting["content"]["start"], reporting["content"]["end"]) if reporting else None
            if content:  # "Munich Re said its exposure is...": the figure's clause is what was said
                c_start, c_end = max(c_start, content[0]), min(c_end, content[1])
            in_sentence = self._names_in((s_start, s_end), lambda: mentions[bisect_left(starts, s_start):bisect_left(starts, s_end)])
            if island(text, s_start, s_end, rec["start"], self.openers) is None and "," in text[s_start:rec["start"]]:
                sentence_names = in_sentence  # "Dellow, which was bought by Arcus, is now worth $5bn": not Arcus's
                in_sentence = self._names_in(("main", s_start, s_end), lambda: [
                    e for e in sentence_names if island(text, s_start, s_end, e["start"], self.openers) is None])
            previous = last[2] if last[0] == paragraph and last[1] >= s_start - 3 else None
            frame = self.frames.match(text, triggers, trigger_starts, (s_start, s_end), (c_start, c_end), rec,
                                      parties[bisect_left(party_starts, s_start):bisect_left(party_starts, s_end)], ctx)
            if frame and frame.subject and frame.subject["start"] in pronoun_people:
                frame.counterparty = frame.counterparty or frame.subject  # 'he expected to pay £2m for the rest':
                frame.subject = None  # a person a pronoun stands for is the other party, never the subject
            if frame and frame.proceeds:
                sold = self._sold_for(text, frame, rec, (s_start, c_end), ctx)
                if sold is not None:
                    frame.subject, frame.counterparty = sold, ctx.trade.buyers.get(sold["canonical"])
                    frame.frame = frame.counterparty_frame = "sale_proceeds"
            if frame and frame.counterparty and frame.subject and rec.get("per") in self.share_units \
                    and f"subject.{frame.frame}" in self.per_share_frames \
                    and self.holders.match(text, frame.counterparty["end"]):  # 'pay Beltran shareholders 540p a share':
                frame.subject, frame.counterparty = frame.counterparty, frame.subject  # Beltran's shares are bought
                frame.frame = frame.counterparty_frame = "holders_paid"
            if frame and frame.pays_price and frame.by_verb and frame.subject and frame.counterparty is None \
                    and (thing := bought.get(frame.subject["canonical"], (None, None))[1] or _bought_in(ctx.trade, frame.subject)) \
                    and self._bare_payment(text, rec):
                frame.subject, frame.counterparty = thing, frame.subject  # 'Halvard would need to pay £2.7bn': for
                frame.frame = "purchase_paid"  # what the document says Halvard buys
            made = products[bisect_left(product_starts, s_start):bisect_left(product_starts, s_end)]
            commodity = self._commodity(in_sentence, rec) if rec.get("per") in self.commodity_units else None
            holder, holder_rule = self._person_possessor(text, owners_before, rec), "person_possessor"
            if holder is None:
                holder, holder_rule = self._earner(text, persons, (c_start, c_end), rec), "person_earner"
            quoted = self.exchange.currency(text, rec, *beside)  # the figures before and after it
            if quoted:  # "about 35.1 baht to the dollar": the baht's rate
                subject, rule, other, other_rule = quoted, "exchange_quote", None, ""
            elif holder and not (frame and frame.subject):  # "he would forgo his £1.1m annual bonus": his; paid
                employer = employers.get(holder["canonical"]) if self.employers.pays(text, c_start, c_end) else None
                subject, rule, other, other_rule = holder, holder_rule, employer, "employer"  # by his employer
            elif commodity:  # "above $40 a barrel ... the price of oil": a price per barrel is the commodity's
                subject, rule, other, other_rule = commodity, "unit_price", None, ""
            elif made and self.products.unit_price(text, rec, (c_start, c_end)):  # "$20,000 per H200 chip"
                unit = min(made, key=lambda p: abs(p.start - rec["start"]))
                subject, rule, other, other_rule = unit.mention(), "unit_price", None, ""
            else:
                speaking_too = self._names_in(("all", s_start, s_end), lambda: all_named[
                    bisect_left(all_starts, s_start):bisect_left(all_starts, s_end)])
                related = None if frame and frame.subject else self._relative_antecedent(text, rec, in_sentence,
                                                                                         speaking_too)
                if related is not None and frame is None:  # "Kestrel, which oversees some $62bn, said": Kestrel's
                    subject, rule = related, "relative_antecedent"
                else:
                    subject, rule = self._subject(text, view, rec, in_sentence, entities, (s_start, s_end),
                                                  (c_start, c_end), content, reporting, reports, previous, frame, ctx)
                    if subject is None and related is not None and rule != "unnamed_purchase":  # a frame naming no one
                        subject, rule = related, "relative_antecedent"
                if subject is None and (frame is None or frame.subject is None) and rule != "unnamed_purchase":
                    subject, rule = self._doer(text, in_sentence, s_end, rec)
                if subject is None and rule != "unnamed_purchase" and not searches.search(self.generic_statement, s_start, s_end) \
                        and bisect_left(nameless, c_start) == bisect_left(nameless, rec["start"]):
                    subject, rule = (previous, "previous_figure") if previous else (main, "main_entity")
                other, other_rule = self._other(text, in_sentence, (s_start, s_end), (c_start, c_end), rec, subject,
                                                rule, frame, ctx)
                if other is None and frame and frame.frame in self.speaker_payee_frames and subject is not None:
                    other = self._speaking_body(rec, bodies, body_starts, subject)  # '..., the Justice Department said'
                    other_rule = "speaking_body" if other else other_rule
                if (other is None or other_rule == "after_preposition") and made and (
                        frame or self.products.in_transaction(text, (c_start, c_end), rec, made)):
                    maker = self._maker(made, subject)  # "buy $5bn of Huawei chips"
                    other, other_rule = (maker, "maker") if maker else (other, other_rule)
            if subject and other and subject["label"] == "GOV" and other["label"] == "ORG" and not frame:
                subject, other = other, subject  # "The SEC agreed a $375m deal with X": the figure is X's
                rule, other_rule = "regulator_deal", "regulator_deal"
            if rule != "unit_price":
                subject, rule = self._combined(text, lists, subject, rule, (c_start, c_end), (s_start, s_end), rec)
                if other and rule.endswith(("_list", "jointly")) and subject["start"] <= other.get("start", -1) < subject["end"]:
                    other = None  # "Keller and Sorensen agreed a merger": one of the combined is no other party
                paired = self._list_of(text, lists, other) if other and other_rule else None
                if paired and not (subject and paired.start <= subject.get("start", -1) < paired.end):
                    other = paired.combined()  # "X and Y will pay $2bn for Z": X and Y combined are Z's other party
            decided = rec.setdefault("decided_by", {})
            rec["subject"] = _entity(subject) if subject else None
            rec["counterparty"] = _entity(other) if other else None
            if subject:
                decided["subject"] = extensions.decision(f"subject.{rule}", _evidence(text, subject, frame, rule))
            if other:
                decided["counterparty"] = extensions.decision(f"counterparty.{other_rule}",
                                                              _evidence(text, other, frame, other_rule))
            if rule != "exchange_quote":  # a currency's rate is no subject the next figure shares
                last = (paragraph, s_end, subject)
            if subject:
                told[amount] = rec
            if frame and frame.by_verb and subject and rule == frame.frame:
                acted.append(rec)
            if frame and frame.subject is None and frame.implicit_subject:
                unnamed.append((rec, frame))
            if frame and (frame.sells or frame.buys) and subject and other and rule == frame.frame:
                bought.setdefault(other["canonical"], (other, subject))  # 'X agreed to pay $5bn for Y': X buys Y
        _implicit_subjects(money, unnamed)
        self._headline_figures(view, money)
        _figures_told_again(money, self.frame_subjects)
        self._bid_targets(money, view, [t.start for t in triggers if any(f.sells for f, _ in t.frames)])
        self._settlements(money, view)
        self._same_transaction(money, view, triggers, trigger_starts)
        _one_transaction(money, acted)
        self._deal_buyers(money, view, ctx.trade)
        self._same_payees(money, view)
        return doc

    def _same_payees(self, money: list[dict], view: Layout) -> None:
        """A payer's figure that names no receiver goes to the one its frame's kin named for the
        same payer in its paragraph or the one before (rules/frames.json same_payee: 'agreed to pay
        a $165m penalty to the agency. / Under the order, it will hand over $110m in cash within 30
        days'), the latest such."""
        starts = [p[0] for p in view.paragraphs]
        paid: dict[tuple[str, str], tuple[int, dict]] = {}  # (payer, counterparty rule) -> (paragraph, latest figure)
        for rec in money:
            here = bisect_right(starts, rec["start"])  # the paragraph's number, counted from 1
            kin = self.same_payee.get(_subject_rule(rec))
            if kin is not None and rec.get("counterparty") is None and rec.get("subject"):
                found = [f for f in (paid.get((rec["subject"]["canonical"], k)) for k in kin) if f and here - f[0] <= 1]
                if found:
                    first = max(found, key=lambda f: f[1]["start"])[1]
                    rec["counterparty"] = first["counterparty"]
                    rec["decided_by"]["counterparty"] = extensions.decision("counterparty.same_payee", _mention_of(first))
            rule = ((rec.get("decided_by") or {}).get("counterparty") or {}).get("rule")
            if rec.get("subject") and rec.get("counterparty") and _party_named(rec):
                paid[rec["subject"]["canonical"], rule] = (here, rec)

    def _deal_buyers(self, money: list[dict], view: Layout, trade: Trade) -> None:
        """A figure about the document's thing sold, with no other party, in a sentence about the
        deal ('Calloway shareholders will also receive one CVR ... worth up to $7.00'), has the
        thing's one buyer (or one bidder) as its other party."""
        asset = trade.asset
        if asset is None:
            return
        bidders = trade.asset_bidders()
        buyer = trade.buyers.get(asset["canonical"]) or (bidders[0] if len(bidders) == 1 else None)
        if buyer is None or buyer["canonical"] == asset["canonical"]:
            return
        for rec in money:
            if rec.get("counterparty") is None and (rec.get("subject") or {}).get("canonical") == asset["canonical"] \
                    and self.deal_word.search(view.text, *view.sentence(rec["start"])):
                rec["counterparty"] = _entity(buyer)
                rec.setdefault("decided_by", {})["counterparty"] = extensions.decision(
                    "counterparty.deal_buyer", {"text": buyer["text"], "start": buyer["start"], "end": buyer["end"]})

    def _same_transaction(self, money: list[dict], view: Layout, triggers: list, starts: list[int]) -> None:
        """'Northwind ordered 60 turbines from Kessler in a deal worth €900m. ... The order, worth
        €900m, is the largest in Kessler's history': a figure with no parties of its own whose
        clause names a transaction by a definite noun ('the order', 'this deal') takes the parties
        of the latest earlier figure that noun's frame decided."""
        latest: dict[str, dict] = {}  # frame id -> the latest figure it decided, with a subject
        text = view.text
        for rec in money:
            rule = _subject_rule(rec)
            if rule in self.frame_subjects and rec.get("subject"):
                latest[rule.removeprefix("subject.")] = rec
                continue
            if rec.get("subject") and rule not in WEAK_SUBJECTS or rec.get("equivalent_of") is not None:
                continue
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = clause(text, s_start, s_end, rec["start"], rec["end"], self.breaks)
            own = (rec.get("decided_by", {}).get("counterparty") or {}).get("rule", "").removeprefix("counterparty.")
            for t in triggers[bisect_left(starts, c_start):bisect_left(starts, c_end)]:
                if not DEFINITE_BEFORE.search(text, max(c_start, t.start - 6), t.start) or (
                        own in self.frame_ids and own not in {f.id for f, _ in t.frames}):
                    continue  # ('The acquisition will be funded with a €2bn loan from X': the loan's own frame)
                earlier = next((latest[f.id] for f, pos in t.frames if pos == "noun" and f.id in latest), None)
                if earlier is not None:
                    _told_again(rec, earlier, "subject.same_transaction")
                    break

    def _bid_targets(self, money: list[dict], view: Layout, sold_triggers: list[int]) -> None:
        """Once a frame of a thing sold has found that X bids for or buys Y ('X raised its offer for
        Y to 420p'), a figure with a word of such a frame near it in its clause ('Calloway said to
        be readying 445p offer') that a rule other than a frame gave X, or a payment per share X
        makes ('X will pay 420p a share'; rules ``bid_target``), is about Y, X the other party."""
        bids: dict[str, dict] = {}  # bidder -> the first figure a frame of a thing sold gave it as the other party
        for rec in money:
            if _subject_rule(rec) in self.sold_rules and rec.get("counterparty"):
                bids.setdefault(rec["counterparty"]["canonical"], rec)
        changed: set[int] = set()
        for i, rec in enumerate(money):
            rule = _subject_rule(rec)
            bid = bids.get(rec["subject"]["canonical"]) if rec.get("subject") else None
            if rec.get("equivalent_of") in changed:  # a conversion follows its figure
                _same_parties(rec, money[rec["equivalent_of"]])
                continue
            if bid is None:
                continue
            if rule in self.frame_subjects:  # a frame decided it, unless it pays per share: shares bought ('will pay 420p a share')
                chosen = rule in self.per_share_frames and rec["per"] in self.share_units
            else:
                s_start, s_end = view.sentence(rec["start"])
                c_start, c_end = clause(view.text, s_start, s_end, rec["start"], rec["end"], self.breaks)
                near = self.bid_word_reach
                chosen = _holds(sold_triggers, (max(c_start, rec["start"] - near), min(c_end, rec["end"] + near))) or (
                    rec["per"] in self.share_units and not self.own_per_share.search(view.text, c_start, c_end))
                # 'Halvard's earlier proposal of 275p a share': a bidder's price a share is for the target's shares
            if chosen:
                rec["subject"], rec["counterparty"] = bid["subject"], bid["counterparty"]
                evidence = _mention_of(bid)
                rec["decided_by"]["subject"] = extensions.decision("subject.bid_target", evidence)
                rec["decided_by"]["counterparty"] = extensions.decision("counterparty.bid_target", evidence)
                changed.add(i)

    def _settlements(self, money: list[dict], view: Layout) -> None:
        """Once a claim frame has found that X claims from Y ('X is suing Y for $75m'), a figure
        whose clause settles or awards ('a settlement of $10m to $25m would be typical', 'the
        jury awarded X $310m in damages') that only a fallback or a contract gave a subject, or
        that Y pays to no one named, is what Y pays X (rules ``dispute``). A claim that names no
        one it claims from ('X had sought $900m') is against who the document says pays X."""
        payers: dict[str, dict] = {}  # who is paid -> the first figure a payer frame gave to it
        for rec in money:
            if _subject_rule(rec) in self.payer_rules and rec.get("subject") and rec.get("counterparty"):
                payers.setdefault(rec["counterparty"]["canonical"], rec)
        for rec in money:
            paid = payers.get(rec["subject"]["canonical"]) if _subject_rule(rec) in self.claim_rules \
                and rec.get("subject") and rec.get("counterparty") is None else None
            if paid is not None:  # 'Y must pay X $310m ... X had sought $900m': from Y
                rec["counterparty"] = paid["subject"]
                rec["decided_by"]["counterparty"] = extensions.decision("counterparty.dispute", _mention_of(paid))
        claim = next((r for r in money if _subject_rule(r) in self.claim_rules
                      and r.get("subject") and r.get("counterparty")), None)
        if claim is None:
            return
        defendant, claimant = claim["counterparty"]["canonical"], claim["subject"]["canonical"]
        for rec in money:
            rule = _subject_rule(rec)
            replaced = rule in self.settlement_replaces
            pays = rec.get("subject") and rec["subject"]["canonical"] == defendant and rec.get("counterparty") is None
            if rec is claim or not (replaced or pays) or (rec.get("subject") or {}).get("canonical") == claimant \
                    and rule not in self.frame_subjects:
                continue  # 'Yukos is claiming $20bn in damages': the claimant's own claim ('awarded X' is a frame's)
            s_start, s_end = view.sentence(rec["start"])
            c_start, c_end = clause(view.text, s_start, s_end, rec["start"], rec["end"], self.breaks)
            if self.settling.search(view.text, c_start, c_end):  # 'ordered Y to pay $310m in damages': to X
                rec["subject"], rec["counterparty"] = claim["counterparty"], claim["subject"]
                evidence = _mention_of(claim)
                rec["decided_by"]["subject"] = extensions.decision("subject.dispute", evidence)
                rec["decided_by"]["counterparty"] = extensions.decision("counterparty.dispute", evidence)

    def _commodity(self, in_sentence: list[Entity], rec: dict) -> Entity | None:
        """The commodity of the sentence nearest before the figure ('Aluminium rose to $2,745 a tonne
        and zinc to $3,120 a tonne'), else the first after it."""
        named = [e for e in in_sentence if e["label"] == "PRODUCT" and e["canonical"] in self.commodities]
        before = [e for e in named if e["start"] < rec["start"]]
        while len(before) > 1 and before[-1]["start"] - before[-2]["end"] <= 1:
            before.pop()  # 'US crude oil': one name, the first part read
        return before[-1] if before else next(iter(named), None)

    @staticmethod
    def _headline_figures(view: Layout, money: list[dict]) -> None:
        """A headline figure is the body's figure of the same amount ("Macy's owner buys rival for
        $11bn" / "Federated is to buy May for $11bn"): when only a fallback gave it a subject, it
        takes the parties the body decided; with the body's subject, the body's other party
        when the headline's is a place ("Vessaro to pay Italy $165m" / "... a penalty of $165m to
        the National Highway Traffic Safety Administration"; none is told again later)."""
        head_end = view.lines[0][1] if view.lines else 0
        body: dict[tuple, dict] = {}
        for rec in reversed(money):
            if rec["start"] >= head_end and _subject_rule(rec) not in WEAK_SUBJECTS:
                body[_amount(rec)] = rec
        for rec in money:
            if rec["start"] >= head_end:
                break
            found = body.get(_amount(rec))
            if found and found.get("subject") and _subject_rule(rec) in WEAK_SUBJECTS:
                _told_again(rec, found, "subject.headline_restated")
            elif found and found.get("subject") and _party_named(found) and rec.get("counterparty") \
                    and not _party_named(rec) and (rec.get("subject") or {}).get("canonical") == found["subject"]["canonical"]:
                rec["counterparty"] = found["counterparty"]
                rec["decided_by"]["counterparty"] = extensions.decision("counterparty.headline_restated", _mention_of(found))

    def _person_possessor(self, text: str, owners_before: dict[int, Entity], rec: dict) -> Entity | None:
        """The person whose possessive pronoun stands right before a figure that modifies a noun
        ('his £1.1m annual bonus'; not 'paid her £2m in compensation')."""
        j = rec["start"]
        while j > 0 and rec["start"] - j < 3 and text[j - 1] == " ":
            j -= 1
        holder = owners_before.get(j)
        m = WORDS_AFTER.match(text, rec["end"]) if holder else None
        if m is None or not m.group("word").islower() or m.group("word") in self.frames.prepositions:
            return None
        return holder

    @staticmethod
    def _sold_for(text: str, frame: Match, rec: dict, span: tuple[int, int], ctx: Context) -> Entity | None:
        """The thing whose sale raised the figure: sold before a raising participle ('X sold a
        stake in Y, raising $800m'), or after the figure and 'by' or 'from' ('raised $800m by
        selling its stake in Y')."""
        start, end = frame.trigger
        if text[start:end].lower().endswith("ing") and text[span[0]:start].rstrip().endswith(","):
            return ctx.trade.sold_before(start, start - span[0], "")
        after = ctx.trade.sold_between(rec["end"], span[1])
        return after[1] if after and SOLD_BY.fullmatch(text, rec["end"], after[0]) else None

    def _earner(self, text: str, persons: list[Entity], clause: tuple[int, int], rec: dict) -> Entity | None:
        """The person whose own sum the figure is: the last person before it in its clause,
        with no other name between but in an apposition, and a personal verb between or a
        personal noun beside the figure ('Ana Voss, the chief executive of Tellan, received a
        bonus of £1.1m'; 'Mr Dale was fined £50,000'; not 'Mr Dale said Tellan paid £2m')."""
        k = bisect_left(persons, rec["start"], key=_start) - 1
        if k < 0 or persons[k]["start"] < clause[0]:
            return None
        person = persons[k]
        gap_start = person["end"]
        apposition = APPOSITION.match(text, gap_start, rec["start"])
        if apposition:
            gap_start = apposition.end()
        gap = text[gap_start:rec["start"]]
        if ";" in gap or len(gap.split()) > self.personal_gap_words or bisect_left(self._name_starts, gap_start) \
                != bisect_left(self._name_starts, rec["start"]):
            return None
        if self.personal_verb.search(gap) or self.personal_noun_before.search(gap) \
                or self.personal_noun_after.match(text, rec["end"]):
            return person
        return None

    def _bare_payment(self, text: str, rec: dict) -> bool:
        """Does nothing after a paid figure say what it is or who gets it ('pay £2.7bn to win',
        not 'pay £50m in fees', 'pay £3m to its staff')? Only an infinitive may follow."""
        if self.named_payment.search(text, max(0, rec["start"] - 40), rec["start"]):
            return False  # 'pay a reverse break fee of $290m': the noun says what is paid
        m = WORDS_AFTER.match(text, rec["end"])
        if m is None or m.group("word").lower() not in self.frames.prepositions or self.payment_manner.match(text, rec["end"]):
            return True  # 'pay ₹10,500 crore in cash on completion': how, not what for
        return m.group("word").lower() == "to" and bool(m.group("next")) and m.group("next").islower() \
            and m.group("next") not in self.frames.possessive and m.group("next") not in DETERMINERS

    def _subject(self, text: str, view: Layout, rec: dict, in_sentence: list[Entity], entities: list[Entity],
                 sentence: tuple[int, int], clause: tuple[int, int], content: tuple[int, int] | None,
                 reporting: dict | None, reports: "Reports", previous: Entity | None,
                 frame: Match | None, ctx: Context) -> tuple[Entity | None, str]:
        """The subject of one figure and the id of the rule that chose it."""
        s_start, (c_start, c_end) = sentence[0], clause
        part = self.parts.match(text, s_start, rec["start"]) if previous else None
        if part:  # "The SEC agreed a $375m deal with X. It was made up of $250m ...": a part of X's figure
            return previous, "part_of_previous"
        if frame and frame.subject:
            return frame.subject, frame.frame
        if frame and frame.sells and frame.acting and frame.counterparty and not frame.named_other:
            traded = ctx.trade.sold_before(rec["start"], self.traded_reach, frame.counterparty["canonical"])
            if traded:  # "X bought 60% of Beta, and offered to buy the rest for $31 a share": Beta's shares
                return traded, "traded_before"
            if frame.counted:  # "X announced $3bn of purchases": the buyer, of things unnamed
                return None, "unnamed_purchase"
        if frame and frame.unnamed_holding and ctx.main and frame.counterparty \
                and frame.counterparty["canonical"] != ctx.main["canonical"]:
            return ctx.main, "holding_of_main"  # "X agreed to buy shares worth $150m": shares of the company in the news
        if frame and frame.counterparty and frame.named_other:  # "sell a stake to Acme for $1bn": Acme is the other party
            named, sentence_names = frame.counterparty["canonical"], in_sentence
            in_sentence = self._names_in((id(sentence_names), named), lambda: [e for e in sentence_names if e["canonical"] != named])
        if frame is None or frame.sells:  # the sale cues of before the frames, unless a frame of another kind speaks
            target = self._target(text, in_sentence, c_start, c_end, rec)
            if target:
                return target, "sale_target"
            target = self._post_target(text, in_sentence, c_end, rec)
            if target:
                return target, "bought_after_figure"
        measured = next((e for e in in_sentence if e["label"] == "PRODUCT" and c_start <= e["start"] < rec["start"]
                         and e["canonical"] not in self.commodities
                         and self.product_measure.search(text, max(c_start, e["start"] - 20), e["start"])), None)
        if measured is not None and frame is None:  # "peak sales of CB-204 could reach $2.2bn": the drug's
            return measured, "product_measured"
        priced = self.priced.find(text, c_start, rec["start"]) if frame is None else None
        if priced is not None:  # "Diesel prices rose to $4.12 a gallon": the price of diesel
            return priced, "priced_thing"
        found = self._possessor(text, in_sentence, c_start, rec)
        rule = "possessor"
        if not found:
            found, rule = self._bullet(view, entities, self._entity_starts, rec), "bullet_heading"
        if not found:
            found, rule = self._clause_subject(text, in_sentence, c_start, c_end, s_start, rec), "clause_subject"
        speaker = reports.speaker(reporting)
        if speaker and content and not any(content[0] <= e["start"] < rec["start"] and not (
                e["label"] == "PRODUCT" and rec.get("scale_text") or self._is_gpe_modifier(text, e, in_sentence))
                for e in in_sentence):  # ('said U.S. tariffs reduced its profit by 140 billion yen': the speaker's)
            if speaker[1] in self.speaker_types or self.generic_anywhere.search(text, content[0], rec["start"]):
                return speaker[0], "speaker"  # "Meta projects $115bn", "Munich Re said its exposure..."
            state = self._state()
            if found is None and speaker[0]["label"] == "GOV" and state:  # "The Finance Ministry forecast revenue
                return state, "state_speaker"  # of 8.62 trillion pesos": the state's
        return found, rule

    def _state(self) -> Entity | None:
        """The government of the country the document names most (named so, or made from the
        country's name), else the one government it names."""
        country, government = self._authorities.get("country"), self._authorities.get("government")
        if country is None:
            return government if government and government["canonical"].endswith(" government") else None
        name = f"{country['canonical']} government"
        return government if government and government["canonical"] == name else {**country, "canonical": name, "label": "GOV"}

    @staticmethod
    def _speaking_body(rec: dict, bodies: list[Entity], starts: list[int], subject: Entity) -> Entity | None:
        """The public body (of ``bodies``, which start at ``starts``) named in the words of the
        figure's source ('the US Justice Department said'), not the subject itself."""
        said = (rec.get("decided_by") or {}).get("source")
        if not said or said.get("start") is None:
            return None
        inside_source = bodies[bisect_left(starts, said["start"]):bisect_left(starts, said["end"])]
        return next((e for e in inside_source if e["canonical"] != subject["canonical"]), None)

    def _other(self, text: str, in_sentence: list[Entity], sentence: tuple[int, int], clause: tuple[int, int],
               rec: dict, subject: Entity | None, rule: str, frame: Match | None,
               ctx: Context) -> tuple[Entity | None, str]:
        """The counterparty and the id of the rule that chose it."""
        if frame and frame.counterparty and (subject is None or frame.counterparty["canonical"] != subject["canonical"]):
            return frame.counterparty, frame.counterparty_frame or frame.frame
        if frame and frame.implicit:  # taxes go to the state, fines to the regulator, an order to the supplier
            receiver = ctx.trade.supplier if frame.implicit == "supplier" else self._authorities.get(frame.implicit)
            if frame.implicit == "supplier" and receiver and any(  # ... unless the sentence names another company
                    e["label"] == "ORG" and e["canonical"] != (subject or {}).get("canonical")
                    and e["canonical"].split()[0] != receiver["canonical"].split()[0] for e in in_sentence):
                receiver = None
            if receiver and (subject is None or receiver["canonical"] != subject["canonical"]):
                return receiver, f"implicit_{frame.implicit}"
        if frame and frame.frame in self.seller_frames and not frame.counterparty and ctx.trade.supplier \
                and subject is not None and ctx.trade.supplier["canonical"] != subject["canonical"] \
                and self.bought_thing.match(text, rec["end"]):
            return ctx.trade.supplier, "document_seller"  # "X paid €174m for a single licence": from who sells them
        if rule in ("sale_target", "bought_after_figure") and subject is not None:  # in a sale the buyer is the other party
            named = subject["canonical"]
            others = self._names_in((id(in_sentence), named), lambda: [e for e in in_sentence if e["canonical"] != named])
            buyer = self._clause_subject(text, others, clause[0], clause[1], sentence[0], rec)
            if buyer:
                return buyer, "buyer"
        bidder = self._bidder_of(in_sentence, subject, rule, frame, ctx)
        if bidder is not None:
            return bidder, "bidder"
        if frame is None and not self._searches.search(self.transaction, sentence[0], sentence[1]):
            return None, ""  # no transaction in the sentence: a name after 'with' or 'to' is no other party
        voices = {link["source"] for link in (rec.get("attribution") or {}).get("chain") or []}
        said = (rec.get("decided_by") or {}).get("source")
        at = said.get("start") if said else None
        told_after = at if at is not None and at >= rec["end"] else sentence[1]  # ', X said in a filing to Y'
        other = self._counterparty(text, in_sentence, sentence[0], told_after, subject, voices)
        return other, "after_preposition"

    @staticmethod
    def _bidder_of(in_sentence: list[Entity], subject: Entity | None, rule: str, frame: Match | None,
                   ctx: Context) -> Entity | None:
        """For a figure about the company bid for, valued or offered for ('the deal would value
        Wexley at £3.6bn', '412p a share'): the bidder its sentence names, else its only bidder."""
        asset = ctx.trade.asset
        if subject is None or asset is None or subject["canonical"] != asset["canonical"] \
                or not (rule in ASSET_RULES or (frame is not None and frame.frame == rule and frame.values)):
            return None
        bidders = {b["canonical"]: b for b in ctx.trade.asset_bidders()}
        named = next((e for e in in_sentence if e["canonical"] in bidders), None)
        return named or (next(iter(bidders.values())) if len(bidders) == 1 else None)

    def _combined(self, text: str, lists: Lists, subject: Entity | None, rule: str, clause: tuple[int, int],
                  sentence: tuple[int, int], rec: dict) -> tuple[Entity | None, str]:
        """A subject that is one item of a list is the list combined ('Microsoft, Alphabet and
        Meta have spent $300bn'); a figure told jointly ('which have collectively invested') is
        the nearest list's."""
        if self._searches.search(self.distributive, clause[0], clause[1]):
            return subject, rule
        found = self._list_of(text, lists, subject)
        if found:
            return found.combined(), f"{rule}_list"
        if self._searches.search(self.jointly, clause[0], clause[1]):
            near = lists.nearest(rec["start"], self.list_reach, 2)
            inside = island(text, *sentence, near.start, self.openers) if near else None
            if near and (inside is None or inside == island(text, *sentence, rec["start"], self.openers)):
                # not the list of another relative clause: 'X, which has plants in A and B with a combined capacity'
                return near.combined(), "jointly"
        return subject, rule

    def _list_of(self, text: str, lists: Lists, e: Entity | None) -> NameList | None:
        """The list of names that ``e`` is one item of, unless a word before it tells the items apart."""
        found = lists.holding(e) if e and "start" in e else None
        return found if found and not self.list_after.search(text, max(0, found.start - 12), found.start) else None

    @staticmethod
    def _maker(made: list[Product], subject: Entity | None) -> Entity | None:
        """The maker of the first product of the sentence that the subject does not make."""
        return next((p.maker for p in made if p.maker and (subject is None or p.maker["canonical"] != subject["canonical"])),
                    None)

    def _trade(self, text: str, view: Layout, triggers: list, parties: list[Entity], party_starts: list[int],
               ctx: Context) -> Trade:
        """What the document's frames say was sold: the thing its sales and purchases most
        often name (so that 'the auction winner' knows what was won), the seller they name
        most (the supplier of an order that names none), who bought each thing."""
        things: Counter[str] = Counter()
        sellers: Counter[str] = Counter()
        first: dict[str, Entity] = {}
        buyers: dict[str, Entity] = {}
        bidders: dict[str, list[Entity]] = {}  # who bid for a thing; the first is its buyer when no completed trade names one
        sold: list[tuple[int, Entity]] = []
        winners: list[Entity] = []  # who won what the document sells ('X won the auction')
        unplaced: list[Entity] = []  # who bid, for nothing named
        for t in triggers:
            s_start, s_end = view.sentence(t.start)
            names = parties[bisect_left(party_starts, s_start):bisect_left(party_starts, s_end)]
            for thing, buyer, seller, of_asset, proposed in self.frames.trades(text, t, (s_start, s_end), names, ctx):
                for e, counts in ((thing, things), (seller, sellers)):
                    if e is not None:
                        counts[e["canonical"]] += 1
                        first.setdefault(e["canonical"], e)
                if thing and buyer and buyer["canonical"] != thing["canonical"]:
                    if proposed:
                        bidders.setdefault(thing["canonical"], []).append(buyer)
                    else:
                        buyers.setdefault(thing["canonical"], buyer)
                if thing:
                    sold.append((t.start, thing))
                elif buyer and of_asset:
                    winners.append(buyer)
                elif buyer and proposed and ctx.has_figure(s_start, s_end):
                    unplaced.append(buyer)  # "topping the 412p bid from Castellan": a bid for what the document sells
                    # ('it could offer the chance of restructuring', with no figure, is no bid)
        top = [first[c.most_common(1)[0][0]] if c else None for c in (things, sellers)]
        if top[0] and winners:  # "The winning bidder at the auction was Quell": Quell bought what the document sells
            buyers.setdefault(top[0]["canonical"], winners[0])
        placed = [b for b in unplaced if top[0] and b["canonical"] != top[0]["canonical"]]
        if placed:
            bidders.setdefault(top[0]["canonical"], []).extend(placed)  # type: ignore[index]
        for thing, bidding in bidders.items():
            buyers.setdefault(thing, bidding[0])
        return Trade(top[0], top[1], buyers, sold, bidders)

    def _reporters(self, doc: Doc, names: list[Entity]) -> list[bool]:
        """For each name, whether it is the source of an attribution whose content is about
        another company, named first ("The Financial Times reports that Acme...": the
        newspaper reports on Acme; "Acme said its..." or "Acme said a US court..." speaks of
        itself, and a company speaks for itself of another, "Acme said Beta copied it"; an outlet
        whose content names no company speaks of another too: "The Ledger said the company ..."), who
        hears a statement ("told Reuters"), or a rival it is compared with ("its rival Beta")."""
        starts = [e["start"] for e in names]
        reporter: set[int] = set()
        for a in doc._.attributions or []:
            src, content = a.get("source"), a.get("content")
            if not src or not content or a.get("source_type") not in self.outlet_types and (
                    a["cue"]["text"].lower() not in self.reporter_cues):
                continue  # "Vestrel said Lumora's kits copied its design": a company speaks for itself
            told = names[bisect_left(starts, content["start"]):bisect_left(starts, content["end"])]
            first = told[0] if told else None
            if first is None and a.get("source_type") not in self.outlet_types or first and first["label"] != "ORG":
                continue  # (an outlet's "The Ledger said the company would lose $3m" is of another still)
            about = first["canonical"] if first else None
            reporter |= {i for i in range(bisect_left(starts, src["start"]), bisect_left(starts, src["end"]))
                         if names[i]["canonical"] != about}
        text = layout_of(doc).text
        return [i in reporter or bool(self.listener.search(text, max(0, e["start"] - 30), e["start"]))
                or bool(self.rival.search(text, max(0, e["start"] - 30), e["start"])) for i, e in enumerate(names)]

    def _list_head(self, text: str, e: Entity, s_start: int) -> int:
        """Where the list that ``e`` ends starts: the first of the names before it joined by
        'and' or 'or', then commas ('Småland and Poland', names of any kind; not 'In Europe, Acme'), at most
        limits.list_head_items back; ``e``'s own start when it follows no name."""
        start = e["start"]
        for k in range(self.list_head_items):
            m = (LIST_ITEM if k else LIST_END).search(text, max(s_start, start - 7), start)
            before = self._by_end.get(m.start()) if m else None
            if before is None:
                break
            start = before["start"]
        return start

    def _list_item(self, lead: str, e: Entity) -> bool:
        """'Iraq and Afghanistan', 'Acme, Beta': a name after another of its kind and a comma or
        'and' ('In Europe, Acme fell' is no list)."""
        m = LIST_ITEM.search(lead)
        return bool(m) and (e["start"] - len(lead) + m.start()) in self._ends[e["label"] in PLACE_LABELS]

    def _subject_position(self, text: str, e: Entity, ents: list[Entity], s_start: int) -> bool:
        """A name not after a preposition of its sentence, nor after a listener cue ('told Reuters
        the offer ...'), not a country describing a company, not an item of a list."""
        lead = text[max(s_start, e["start"] - 40):e["start"]]
        owner = text[e["end"]:e["end"] + 1] in ("'", "’")  # "Acme's unit" is about the unit
        return not (owner or self.not_subject.search(lead) or self.listener.search(lead)
                    or self._is_gpe_modifier(text, e, ents) or self._list_item(lead, e))

    # ---------------------------------------------------------- rules, in order
    def _names_in(self, key: tuple, names: Callable[[], list[Entity]]) -> list[Entity]:
        """The names of a sentence (or of a sentence but one), made once per document and
        shared by its figures: the lists, kept alive, key what is remembered of them by id."""
        return self._remember(("names", key), names)

    def _remember(self, key: tuple, make: Callable[[], T]) -> T:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[return-value]

    def _target(self, text: str, ents: list[Entity], c_start: int, c_end: int, rec: dict) -> Entity | None:
        for found, passive_end in self._remember(("target", id(ents), c_start, c_end),
                                                 lambda: self._target_names(text, ents, c_start, c_end)):
            if passive_end is None or not self.frames.trigger.search(text, passive_end, rec["start"]):
                return found  # but "Acme was sold to pay off a $5bn debt": the debt is not Acme's
        return None

    def _target_names(self, text: str, ents: list[Entity], c_start: int, c_end: int) -> list[tuple[Entity, int | None]]:
        """The names of a clause that a sale cue makes the thing sold, in order: after a
        target cue (the name, or the name in apposition to it), or before a passive cue
        (with the end of the cue, after which no frame trigger may stand before the figure)."""
        found: list[tuple[Entity, int | None]] = []
        for e in ents:
            if not c_start <= e["start"] < c_end or e["label"] in PLACE_LABELS:
                continue  # 'a bond it plans to sell in Brazil': no place is sold
            if self.target.search(text[max(c_start, e["start"] - 80):e["start"]]) and not self._is_gpe_modifier(text, e, ents):
                found.append((_apposition(text, e, ents) or e, None))
                continue
            m = self.passive.match(text, e["end"])
            if m:
                found.append((e, m.end()))
        return found

    def _post_target(self, text: str, ents: list[Entity], c_end: int, rec: dict) -> Entity | None:
        """'paid 260.75bn roubles for Yugansk', '$5.4bn Fox offer': the thing bought follows the amount."""
        candidates, starts = self._remember(("post_target", id(ents)), lambda: self._post_target_names(text, ents))
        i = bisect_left(starts, rec["end"])
        if i == len(candidates) or starts[i] >= c_end:
            return None
        first = candidates[i]
        between = text[rec["end"]:first["start"]]
        if self.post_target.match(between):
            return first
        if self.post_possessor.match(between) and text[first["end"]:first["end"] + 2] in ("'s", "’s"):
            return first  # "$6bn of May's debt"
        if not text[rec["end"]:first["start"]].strip() and self.target_noun.match(text, first["end"]):
            return first
        return None

    def _post_target_names(self, text: str, ents: list[Entity]) -> tuple[list[Entity], list[int]]:
        """The names that may be a thing bought named after its amount (no
        country describing a company; "$5bn for Huawei's chips": the chips are bought, not
        Huawei), and their starts."""
        names = [e for e in ents if e["label"] not in PLACE_LABELS  # 'demand for cars in Asia'
                 and not self._is_gpe_modifier(text, e, ents) and not inside(self._made, e["start"])]
        return names, [e["start"] for e in names]

    def _possessor(self, text: str, ents: list[Entity], c_start: int, rec: dict) -> Entity | None:
        """'ByteDance's reported $55 billion order', 'Qantas's net profit of A$458m'."""
        starts = self._remember(("starts", id(ents)), lambda: [e["start"] for e in ents])
        i = bisect_left(starts, rec["start"]) - 1  # the last name that ends by the figure and starts in its clause
        while i >= 0 and ents[i]["start"] >= c_start and ents[i]["end"] > rec["start"]:
            i -= 1
        if i >= 0 and ents[i]["start"] >= c_start and self.possessor_np.fullmatch(text, ents[i]["end"], rec["start"]):
            return ents[i]
        return None

    def _bullet(self, view: Layout, ents: list[Entity], starts: list[int], rec: dict) -> Entity | None:
        """A bullet 'Label: figure' is about the label's item when the figure is a unit price,
        otherwise about the entity of the heading (ending in ':') the list sits under."""
        line = view.bullet_line(rec["start"])
        if line is None:
            return None
        label_end = view.text.find(":", line[0], rec["start"])
        label = [e for e in ents if line[0] <= e["start"] < (label_end if label_end > 0 else line[0])]
        if rec.get("per") and label:
            return label[-1]
        heading = view.bullet_heading(rec["start"])
        if heading and view.text[heading[0]:heading[1]].rstrip().endswith(":"):
            found = ents[bisect_left(starts, heading[0]):bisect_left(starts, heading[1])]
            if found:
                return found[0]
        return label[0] if label else None

    def _clause_subject(self, text: str, ents: list[Entity], c_start: int, c_end: int, s_start: int,
                        rec: dict) -> Entity | None:
        """The first name of the clause, else of the sentence, in subject position. A
        possessive after the figure ('... to £5m, to grow its customer base') describes
        another thing: the first possessive that fits counts only before the figure's end."""
        if rec.get("scale_text"):  # a total ('$1.4bn'): a commodity's value is some party's ('cocoa accounted for $1.4bn')
            ents = self._names_in(("no_products", id(ents)), lambda: [
                e for e in ents if e["label"] != "PRODUCT" or e["canonical"] not in self.commodities])
        for in_clause in (True, False):
            first, possessive = self._remember(("clause_subject", id(ents), c_start, c_end, s_start, in_clause),
                                               lambda: self._subject_names(text, ents, c_start, c_end, s_start, in_clause))
            options = [o for o in (first, possessive) if o is not None and (o is first or o[1]["start"] < rec["end"])]
            if options:
                return min(options, key=lambda o: o[0])[1]
        return None

    def _possessor_of_name(self, text: str, ents: list[Entity], i: int) -> bool:
        """Does possessive pronoun ``ents[i]`` own a name a few words on ('Its rival Harwell',
        'its US unit Harwell': places on the way are modifiers)?"""
        j = i + 1
        while j < len(ents) and ents[j]["label"] in PLACE_LABELS and ents[j]["end"] - ents[i]["end"] < 40:
            j += 1
        return j < len(ents) and bool(self.possessor_of_name.fullmatch(text, ents[i]["end"], ents[j]["start"]))

    def _subject_names(self, text: str, ents: list[Entity], c_start: int, c_end: int, s_start: int,
                       in_clause: bool) -> tuple[tuple[int, Entity] | None, tuple[int, Entity] | None]:
        """The first name (of the clause, or of ``ents``) in subject position that is no
        possessive pronoun, and the first that is one, with their indexes."""
        first: tuple[int, Entity] | None = None
        possessive: tuple[int, Entity] | None = None
        starts = self._remember(("starts", id(ents)), lambda: [e["start"] for e in ents])
        span = range(bisect_left(starts, c_start), bisect_left(starts, c_end)) if in_clause else range(len(ents))
        for i in span:
            e = ents[i]
            if first is not None and e["start"] >= c_end:
                break  # a possessive after the clause counts for no figure in it
            if self.owned_by.match(text, e["end"]):
                continue
            is_possessive = e["text"].lower() in POSSESSIVES
            if (possessive if is_possessive else first) is not None:
                continue
            if is_possessive and self._possessor_of_name(text, ents, i):
                continue  # "Its rival Harwell made £800m": Harwell's, the pronoun only says whose rival
            lead = text[max(c_start if e["start"] >= c_start else s_start, e["start"] - 40):e["start"]]
            head = self._list_head(text, e, s_start)  # 'workshops in Småland and Poland': Poland is after 'in' too
            head_lead = lead if head == e["start"] else text[max(c_start if head >= c_start else s_start, head - 40):head]
            if self.listener.search(text, max(s_start, e["start"] - 30), e["start"]):
                continue  # "told the Chronicle that ...": who hears a statement is not what it is about
            if self.holding.search(lead) or (  # "shares in Acme were trading at 590 pence": the price of Acme's shares
                    not self.not_subject.search(head_lead) and not self._is_gpe_modifier(text, e, ents) and not self._list_item(lead, e)):
                if is_possessive:
                    possessive = (i, e)
                else:
                    first = (i, e)
                if first is not None and possessive is not None:
                    break
        return first, possessive

    def _relative_antecedent(self, text: str, rec: dict, in_sentence: list[Entity],
                             speaking_too: list[Entity]) -> Entity | None:
        """The name whose relative clause holds the figure ('..., by Acme, which made $45m'; one
        that speaks too: 'Sorrel, which manages €40bn, said')."""
        before = max((next((e for e in reversed(names) if e["end"] <= rec["start"] and e["label"] not in NOT_SUBJECTS
                            and e["label"] not in PLACE_LABELS), None)  # 'Trevose, a New York fund that manages $9bn'
                      for names in (in_sentence, speaking_too)), key=lambda e: e["end"] if e else -1)
        return before if before and self.relative_antecedent.fullmatch(text, before["end"], rec["start"]) else None

    def _doer(self, text: str, in_sentence: list[Entity], s_end: int, rec: dict) -> tuple[Entity | None, str]:
        """For a figure no rule gave a subject: the company doing a passive verb after it
        ('Forecasts of $42m were beaten by Acme'; 'driven by Asia' names no doer), else the
        company after the noun the figure measures and 'at' ('a £12m shortfall at Acme')."""
        for e in in_sentence:
            if rec["end"] <= e["start"] < s_end and e["label"] == "ORG" \
                    and self.passive_agent.search(text, max(rec["end"], e["start"] - 40), e["start"]):
                return e, "passive_agent"
        after = next((e for e in in_sentence if e["start"] >= rec["end"]), None)
        if after and after["label"] == "ORG" and self.figure_noun_at.fullmatch(text, rec["end"], after["start"]):
            return after, "noun_at"
        return None, ""

    def _counterparty(self, text: str, ents: list[Entity], s_start: int, s_end: int, subject: Entity | None,
                      voices: set[str]) -> Entity | None:
        """The first name before ``s_end`` after a counterparty cue that is neither the subject
        nor a source the figure is attributed to ('according to sources cited by the Ledger')."""
        for e in self._remember(("counterparty", id(ents), s_start),
                                lambda: [e for e in ents if e["text"].lower() not in POSSESSIVES  # 'from its plans'
                                         and self.counterparty.search(text[max(s_start, e["start"] - 20):e["start"]])
                                         and not self.owner_cue.search(  # 'owned by X': X owns
                                             text[max(s_start, e["start"] - 25):e["start"]])
                                         and not self.listener.search(  # 'in a statement to the Exchange': who hears it
                                             text, max(s_start, e["start"] - 30), e["start"])]):
            if e["start"] >= s_end:
                break
            if self._is_gpe_modifier(text, e, ents):  # "from China's Hanqiao": Hanqiao
                e = next((o for o in ents if 0 < o["start"] - e["end"] <= 4), e)
            if not (subject and e["canonical"] == subject["canonical"]) and e["text"] not in voices:
                return e
        return None

    def _main_entity(self, text: str, ents: list[Entity], paragraphs: list[tuple[int, int]]) -> str | None:
        """The entity the article is about: most mentions in subject position (not after a
        preposition; a market wherever it stands), the headline and the lead counting more."""
        head_end = paragraphs[0][1] if paragraphs else 0
        lead_end = paragraphs[min(2, len(paragraphs) - 1)][1] if paragraphs else 0
        score: Counter[str] = Counter()
        for e in ents:
            lead = text[max(0, e["start"] - 40):e["start"]]
            if e["label"] != "MARKET" and (  # a market is a topic wherever it stands ("a slowdown in the UK market")
                    self.not_subject.search(lead) or self._is_gpe_modifier(text, e, ents) or self._list_item(lead, e)):
                continue
            weight = 3.0 if e["start"] < head_end else 1.5 if e["start"] < lead_end else 1.0
            weight *= 2.0 if text[e["end"]:e["end"] + 2] in ("'s", "’s") else 1.0  # the owner of something
            score[e["canonical"]] += weight * (0.5 if e["label"] == "GOV" else 1.0)  # regulators act on others
        return score.most_common(1)[0][0] if score else None

    # ---------------------------------------------------------- helpers
    def _is_gpe_modifier(self, text: str, e: Entity, ents: list[Entity]) -> bool:
        """'US phone firm MCI', 'Oil giant BP', "China's ByteDance", "Germany's Chancellor", 'U.S.
        tariffs reduced': a country or product describing a company, a person or a noun is not the subject."""
        if e["label"] not in MODIFIERS:
            return False
        return bool(self.org_noun.match(text, e["end"]) or OWNER_OF_NAME.match(text, e["end"])
                    or e["label"] == "GPE" and (self.imposed_noun.match(text, e["end"])  # 'a US fine': who imposed it
                                                or self.place_noun is not None and self.place_noun.match(text, e["end"])))


def _apposition(text: str, e: Entity, ents: list[Entity]) -> Entity | None:
    """"sold Yukos' main production arm, Yugansk,": the name in apposition is the thing sold."""
    if not re.match(r"['’]s?\s", text[e["end"]:e["end"] + 3]):
        return None
    later = [o for o in ents if 0 < o["start"] - e["end"] <= 50]
    if later and re.fullmatch(r"['’]s?[\sa-z-]*,\s*", text[e["end"]:later[0]["start"]]):
        return later[0]
    return None


class Reports:
    """The attributions of a document, found by the figure their content holds."""

    def __init__(self, doc: Doc, mentions: list[Entity]) -> None:
        self.holders = sorted((a for a in doc._.attributions or [] if a.get("content")),
                              key=lambda a: a["content"]["start"])
        self.starts = [a["content"]["start"] for a in self.holders]
        self.entities = mentions
        self.entity_starts = [e["start"] for e in self.entities]

    def innermost(self, rec: dict, floor: int) -> dict | None:
        """The innermost attribution whose content (starting at or after ``floor``) holds the figure."""
        candidates = self.holders[bisect_left(self.starts, floor):bisect_right(self.starts, rec["start"])]
        holding = [a for a in candidates if rec["end"] <= a["content"]["end"]]
        return min(holding, key=lambda a: a["content"]["end"] - a["content"]["start"], default=None)

    def speaker(self, a: dict | None) -> tuple[Entity, str | None] | None:
        """The named source of an attribution, with its source type."""
        src = a.get("source") if a else None
        if not src:
            return None
        inside = self.entities[bisect_left(self.entity_starts, src["start"]):bisect_left(self.entity_starts, src["end"])]
        named = [e for e in inside if e["label"] not in MODIFIERS | NOT_SUBJECTS]
        return (named[0], a.get("source_type")) if named else None  # "Oil giant BP": the describing "Oil" is skipped


def _authorities(mentions: list[Entity]) -> dict[str, Entity]:
    """The receivers a document implies: 'government' (the government it names most, else the
    country it names most), 'authority' (the public body it names most) and 'country' (the
    country it names most)."""
    public = Counter(e["canonical"] for e in mentions if e["label"] == "GOV")
    states = Counter({c: n for c, n in public.items() if c.endswith(" government")})
    countries = Counter(e["canonical"] for e in mentions if e["label"] == "GPE")
    first = {}
    for e in mentions:
        first.setdefault(e["canonical"], e)
    found: dict[str, Entity] = {}
    for kind, counts in (("government", states or public or countries), ("authority", public), ("country", countries)):
        if counts:
            found[kind] = first[counts.most_common(1)[0][0]]
    return found


def _entity(e: Entity) -> EntityRef:
    return {"name": e["text"], "canonical": e["canonical"], "label": e["label"]}


def _same_parties(rec: dict, original: dict) -> None:
    """``rec`` tells the figure ``original`` again: the same subject and counterparty, decided by the same rules."""
    rec["subject"], rec["counterparty"] = original["subject"], original["counterparty"]
    rec["decided_by"] = {**rec.get("decided_by", {}), **{k: v for k, v in original.get("decided_by", {}).items()
                                                      if k in ("subject", "counterparty")}}


def _implicit_subjects(money: list[dict], unnamed: list[tuple[dict, Match]]) -> None:
    """'Brightwater put in $50m': a figure whose frame names only the other party (or no party)
    is about the party that the document's figures of the frames its rule lists are most often
    about (the start-up of a funding round), never its own other party; the frame's party, else
    the name the figure's words gave it, becomes the counterparty. Conversions follow."""
    if not unnamed:
        return
    about: dict[str, Counter] = {}  # subject rule -> how often each name is the subject
    first: dict[str, dict] = {}  # canonical name -> the first subject record naming it
    for rec in money:
        if rec.get("subject") and rec.get("equivalent_of") is None:
            about.setdefault(_subject_rule(rec), Counter())[rec["subject"]["canonical"]] += 1
            first.setdefault(rec["subject"]["canonical"], rec)
    changed: set[int] = set()
    for rec, frame in unnamed:
        decided = rec["decided_by"]
        if frame.counterparty:
            other, words = _entity(frame.counterparty), extensions.decision("", frame.counterparty)
        else:  # the name the figure's own words made its subject ('with Beta contributing $50m')
            other, words = rec.get("subject"), decided.get("subject")
        counts = sum((about.get(f"subject.{f}", Counter()) for f in frame.implicit_subject), Counter())
        named = next((n for n, _ in counts.most_common() if other is None or n != other["canonical"]), None)
        if named is None:
            continue
        rec["subject"] = first[named]["subject"]
        decided["subject"] = extensions.decision(f"subject.implicit_{frame.frame}", _mention_of(first[named]))
        if other is not None:
            rec["counterparty"] = other
            decided["counterparty"] = {**(words or extensions.decision("")), "rule": f"counterparty.{frame.frame}"}
        changed.add(id(rec))
    _conversions_follow(money, changed)


def _one_transaction(money: list[dict], acted: list[dict]) -> None:
    """One amount of one document between the same two parties is one transaction: where a
    verb names its doer ('GM agreed to pay $2bn'), a noun that left the roles open ('Fiat
    reached a $2bn settlement with GM') takes the verb's roles, and the verb's figure that
    names no other party takes the noun's (Fiat). Conversions follow their figure. Each
    figure is looked up once (linear in the figures)."""
    acting = {id(rec) for rec in acted}
    told = [rec for rec in money if rec.get("equivalent_of") is None and rec.get("subject") and rec.get("counterparty")
            and id(rec) not in acting]
    naming: dict[tuple, list[dict]] = {}  # (amount, other party) -> the figures that name it as the other party
    for rec in told:
        naming.setdefault((_amount(rec), rec["counterparty"]["canonical"]), []).append(rec)
    changed: set[int] = set()
    for doer in acted:
        name = doer["subject"]["canonical"]
        evidence = _mention_of(doer)
        for other in naming.pop((_amount(doer), name), []):
            if other["subject"]["canonical"] != name:
                other["subject"], other["counterparty"] = doer["subject"], other["subject"]
                other["decided_by"]["subject"] = extensions.decision("subject.one_transaction", evidence)
                other["decided_by"]["counterparty"] = extensions.decision("counterparty.one_transaction", evidence)
                changed.add(id(other))
    parties: dict[tuple, dict] = {}  # (amount, subject) -> the first figure that names its other party
    for rec in told:
        parties.setdefault((_amount(rec), rec["subject"]["canonical"]), rec)
    for doer in acted:
        other = parties.get((_amount(doer), doer["subject"]["canonical"]))
        if other is not None and doer.get("counterparty") is None:
            doer["counterparty"] = other["counterparty"]
            doer["decided_by"]["counterparty"] = extensions.decision("counterparty.one_transaction", _mention_of(other))
            changed.add(id(doer))
    _conversions_follow(money, changed)


def _conversions_follow(money: list[dict], changed: set[int]) -> None:
    """The conversions of the figures whose parties changed (ids in ``changed``) take them too."""
    for rec in money:
        original = money[rec["equivalent_of"]] if rec.get("equivalent_of") is not None else None
        if original is not None and id(original) in changed:
            _same_parties(rec, original)


def _amount(rec: dict) -> tuple:
    """What makes two figures the same amount."""
    return rec["value"], rec["low"], rec["high"], rec["currency"], rec["per"]


def _figures_told_again(money: list[dict], frame_rules: set[str]) -> None:
    """A figure with a scale word and only a fallback subject that states again the amount of
    an earlier figure whose parties its words decided ('X filed a €1.2bn damages claim against
    Y. The claim seeks €1.2bn'): it takes that figure's parties; so does one that a speaker or
    its clause's first name gave a subject, when a frame decided the earlier one ('X's £2.4bn
    bid for Y ... "A price of £2.4bn looks light," said an analyst at Z')."""
    decided: dict[tuple, dict] = {}  # by amount: the latest figure whose own words decided its subject
    framed: dict[tuple, dict] = {}  # ... the latest a frame decided
    for rec in money:
        rule, key = _subject_rule(rec), _amount(rec)
        if rule in WEAK_SUBJECTS:
            if rec["scale_text"] and (earlier := decided.get(key)) is not None:
                _told_again(rec, earlier, "subject.told_again")
        elif rule in RESTATED_SUBJECTS and rec["scale_text"] and rec.get("equivalent_of") is None \
                and (earlier := framed.get(key)) is not None:
            _told_again(rec, earlier, "subject.told_again")
        elif rec.get("subject"):
            decided[key] = rec
            if rule in frame_rules:
                framed[key] = rec
    _counterparty_told_again(money)


def _counterparty_told_again(money: list[dict]) -> None:
    """A figure with a scale word that names no other party, or only the one its frame implies
    (the document's regulator for a fine), takes the one another figure of the same amount and
    subject names ('Lumora raises $40m' / 'Lumora has raised $40m ... from investors led by
    Sable Ridge'; 'Regulator fines Castellane €310m' / 'the watchdog has fined Castellane
    €310m'); its conversions follow it."""
    named: dict[tuple, dict] = {}
    for rec in money:
        if rec.get("subject") and rec.get("counterparty") and rec.get("equivalent_of") is None and not _implied(rec):
            named.setdefault((_amount(rec), rec["subject"]["canonical"]), rec)
    changed: set[int] = set()
    for i, rec in enumerate(money):
        if rec["scale_text"] and rec.get("subject") and (rec.get("counterparty") is None or _implied(rec)) \
                and rec.get("equivalent_of") is None:
            other = named.get((_amount(rec), rec["subject"]["canonical"]))
            if other is not None and other["counterparty"]["canonical"] != (rec.get("counterparty") or {}).get("canonical"):
                rec["counterparty"] = other["counterparty"]
                rec["decided_by"]["counterparty"] = extensions.decision("counterparty.told_again", _mention_of(other))
                changed.add(i)
    for rec in money:
        if rec.get("equivalent_of") in changed and (rec.get("counterparty") is None or _implied(rec)):
            rec["counterparty"] = money[rec["equivalent_of"]]["counterparty"]


def _implied(rec: dict) -> bool:
    """Was the figure's other party implied by its frame rather than named by its words?"""
    return (rec.get("decided_by", {}).get("counterparty") or {}).get("rule", "").startswith("counterparty.implicit_")


def _subject_rule(rec: dict) -> str | None:
    """The id of the rule that decided a figure's subject (None: no subject)."""
    return (rec.get("decided_by", {}).get("subject") or {}).get("rule")


def _party_named(rec: dict) -> bool:
    """Has the figure a counterparty that is no place?"""
    return (rec.get("counterparty") or {}).get("label", "GPE") not in PLACE_LABELS


def _told_again(rec: dict, earlier: dict, rule: str) -> None:
    """``rec`` tells ``earlier`` again: its parties, the subject decided by ``rule`` with the earlier mention as evidence."""
    _same_parties(rec, earlier)
    rec["decided_by"]["subject"] = extensions.decision(rule, _mention_of(earlier))


def _mention_of(rec: dict) -> dict:
    """A figure's words as the evidence of a decision taken from it."""
    return {"text": rec["mention"], "start": rec["start"], "end": rec["end"]}


def _holds(starts: list[int], span: tuple[int, int]) -> bool:
    """One of the sorted ``starts`` lies in ``span``."""
    i = bisect_left(starts, span[0])
    return i < len(starts) and starts[i] < span[1]


def _bought_in(trade: Trade, buyer: Entity) -> Entity | None:
    """The document's asset when its trade says ``buyer`` bids for it ('Castellan could afford to pay
    up to 470p a share': for the company it bid for)."""
    return trade.asset if any(b["canonical"] == buyer["canonical"] for b in trade.asset_bidders()) else None


def _start(e: Entity) -> int:
    return e["start"]


def _without_overlaps(refs: list[Entity], names: list[Entity], keep: frozenset[str] = frozenset()) -> list[Entity]:
    """The ``refs`` that overlap none of the ``names`` ('the Acme company' is the name's), or
    whose label is not in ``keep`` when ``keep`` is given (the places inside 'the Russian
    government' go, the government stays)."""
    spans = sorted((e["start"], e["end"]) for e in names)
    starts = [s for s, _ in spans]
    kept = []
    for r in refs:
        i = bisect_left(starts, r["end"]) - 1
        if i < 0 or spans[i][1] <= r["start"] or (keep and r["label"] not in keep):
            kept.append(r)
    return kept


def _evidence(text: str, e: Entity, frame: Match | None, rule: str) -> SpanRef:
    """The words behind a decision: a frame's trigger, else the name (or reference) chosen."""
    if frame and (rule in (frame.frame, frame.counterparty_frame) or rule.startswith("implicit_")):
        start, end = frame.trigger
        return {"text": text[start:end], "start": start, "end": end}
    return {"text": e["text"], "start": e["start"], "end": e["end"]}


@Language.factory("claims_subjects", default_config={"rules": None},
                  assigns=["doc._.main_entity", "doc._.money"],
                  requires=["doc._.money", "doc._.entities", "doc._.attributions"])
def make_subjects(nlp: Language, name: str, rules: str | None) -> SubjectFinder:
    return SubjectFinder(rules)
