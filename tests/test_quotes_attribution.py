"""Who said it, with which cue, carried by which outlet: find_quotes on sentences written for the test."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes, source_of
from newsgraph.model import EntityType, QuoteAct, QuoteKind
from quotes_helpers import entities_for

P, ORG = EntityType.PERSON, EntityType.ORG


def run(nlp, text, names):
    doc = nlp(text)
    entities = entities_for(text, names)
    by_id = {e.id: e.name for e in entities}
    quotes = find_quotes(doc, entities, MentionIndex(entities))
    for q in quotes:
        assert text[q.start : q.end] == q.text
        for span in (q.speaker_span, q.cue_span):
            assert span is None or text[span.start : span.end] == span.text
    return quotes, by_id


def one(quotes, fragment):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote holds {fragment!r}: {[q.text for q in quotes]}"
    return hits[0]


@pytest.mark.parametrize("text,names,fragment,kind,speaker,cue", [
    ('"We will not give up," said Maria Lopez.', {"Maria Lopez": P}, "give up", "direct", "Maria Lopez", "said"),
    ("Tom Reed said: “The plan is dead.”", {"Tom Reed": P}, "plan is dead", "direct", "Tom Reed", "said"),
    ("“Taxes will rise,” Tom Reed told the crowd on Friday.", {"Tom Reed": P}, "Taxes", "direct", "Tom Reed", "told"),
    ("“Go home,” Anna Berg exclaimed.", {"Anna Berg": P}, "Go home", "direct", "Anna Berg", "exclaimed"),
    ("Anna Berg said that the mine would close in May.", {"Anna Berg": P}, "mine would close", "indirect",
     "Anna Berg", "said"),
    ("According to Anna Berg, the mine will close in May.", {"Anna Berg": P}, "mine will close", "indirect",
     "Anna Berg", "According to"),
    ("The mine will close in May, according to the Mining Board.", {"Mining Board": ORG}, "mine will close",
     "indirect", "Mining Board", "according to"),
    ("The ministry stated that it had neither “the means nor the will” to act.", {"Defence Ministry": ORG},
     "means nor", "partial", None, "stated"),
])
def test_quotes_attribution_basic(nlp, text, names, fragment, kind, speaker, cue):
    quotes, by_id = run(nlp, text, names)
    one(quotes, fragment)
    q = one([q for q in quotes if q.kind is QuoteKind(kind)], fragment)
    assert q.cue == cue
    assert by_id.get(q.speaker) == speaker


def test_quotes_clause_around_a_fragment_is_reported_too(nlp):
    text = "Anna Berg said Tom Reed was “absolutely wrong” about the mine."
    quotes, by_id = run(nlp, text, {"Anna Berg": P, "Tom Reed": P})
    clause = one([q for q in quotes if q.kind is QuoteKind.INDIRECT], "Tom Reed was")
    fragment = one([q for q in quotes if q.kind is QuoteKind.PARTIAL], "absolutely wrong")
    assert by_id[clause.speaker] == by_id[fragment.speaker] == "Anna Berg"


@pytest.mark.parametrize("text,names,fragment,act,speaker", [
    ("Eric Holder announced his resignation on Thursday.", {"Eric Holder": P}, "his resignation", "speech",
     "Eric Holder"),
    ("Federal Election Commission records show Pate has not donated to any candidate.", {"Pate": P},
     "Pate has not donated", "evidence", None),
    ("Maria Lopez wants voters to know that she is with them.", {"Maria Lopez": P}, "voters to know", "attitude",
     "Maria Lopez"),
])
def test_quotes_act_of_the_attribution(nlp, text, names, fragment, act, speaker):
    quotes, by_id = run(nlp, text, names)
    q = one(quotes, fragment)
    assert q.act is QuoteAct(act)
    assert by_id.get(q.speaker) == speaker
    assert QuoteAct(q.to_dict()["act"]) is q.act and type(q).from_dict(q.to_dict()) == q


def test_quotes_act_defaults_to_speech_when_absent(nlp):
    quotes, _ = run(nlp, "Anna Berg said that the mine would close in May.", {"Anna Berg": P})
    d = quotes[0].to_dict()
    del d["act"]
    assert type(quotes[0]).from_dict(d).act is QuoteAct.SPEECH


def test_quotes_fragment_inside_a_reported_object_takes_its_speaker(nlp):
    text = ("Anna Berg praised Tom Reed’s leadership in the aftermath of the flood and his ability to get "
            "“things done for the people of the valley.”")
    quotes, by_id = run(nlp, text, {"Anna Berg": P, "Tom Reed": P})
    fragment = one([q for q in quotes if q.kind is QuoteKind.PARTIAL], "things done")
    assert by_id[fragment.speaker] == "Anna Berg" and fragment.cue == "praised"
    assert "his ability" in one([q for q in quotes if q.kind is QuoteKind.INDIRECT], "leadership").text


def test_quotes_reported_clause_stops_at_the_paragraph(nlp):
    text = "Anna Berg said, a policy that could help them.\n\n“This is the right thing to do,” Tom Reed said."
    quotes, by_id = run(nlp, text, {"Anna Berg": P, "Tom Reed": P})
    assert all("\n" not in q.text for q in quotes if q.kind is QuoteKind.INDIRECT)
    assert by_id[one(quotes, "right thing").speaker] == "Tom Reed"


def test_quotes_colon_quotation_belongs_to_the_introducing_subject(nlp):
    text = ("Tom Reed revealed little about the talks with Maria Lopez but made clear that a deal had been "
            "struck: “The only thing we can say is that both sides gave ground. They are ready to sign.”")
    quotes, by_id = run(nlp, text, {"Tom Reed": P, "Maria Lopez": P})
    q = one(quotes, "The only thing")
    assert q.kind is QuoteKind.DIRECT and by_id[q.speaker] == "Tom Reed"


def test_quotes_pronoun_speaker_resolves_to_the_entity(nlp):
    text = "Maria Lopez met the miners on Monday. “We will reopen the pit,” she said."
    quotes, by_id = run(nlp, text, {"Maria Lopez": P})
    q = one(quotes, "reopen the pit")
    assert by_id[q.speaker] == "Maria Lopez"
    assert q.speaker_span.text == "she"


def test_quotes_pronoun_agrees_in_gender(nlp):
    text = "Maria Lopez met Tom Reed on Monday. Later he said that the talks had failed."
    quotes, by_id = run(nlp, text, {"Maria Lopez": P, "Tom Reed": P})
    assert by_id[one(quotes, "talks had failed").speaker] == "Tom Reed"


def test_quotes_the_newspaper_is_the_outlet_named_before(nlp):
    text = ("The Daily Courier reported on Friday that the army had lost three generals. "
            "The newspaper added that the ministry knew about it.")
    quotes, by_id = run(nlp, text, {"Daily Courier": ORG})
    assert by_id[one(quotes, "ministry knew").speaker] == "Daily Courier"
    assert by_id[one(quotes, "lost three generals").speaker] == "Daily Courier"


def test_quotes_the_spokesman_is_the_person_with_that_role(nlp):
    text = ("Kremlin spokesman Ivan Sorokin met reporters on Monday. Maria Lopez was not there. "
            "The spokesman told reporters that the meeting had taken place.")
    quotes, by_id = run(nlp, text, {"Ivan Sorokin": P, "Maria Lopez": P, "Kremlin": ORG})
    assert by_id[one(quotes, "meeting had taken place").speaker] == "Ivan Sorokin"


@pytest.mark.parametrize("text", [
    "Tom Reed told the New York Times that he would run again.",
    "Tom Reed said in an interview with CNN that he would run again.",
])
def test_quotes_via_names_the_outlet(nlp, text):
    quotes, by_id = run(nlp, text, {"Tom Reed": P, "New York Times": ORG, "CNN": ORG})
    q = one(quotes, "run again")
    assert by_id[q.speaker] == "Tom Reed"
    assert by_id[q.via] in ("New York Times", "CNN")


def test_quotes_reported_by_outlet_then_confirmed_keeps_the_chain(nlp):
    text = ("On Monday the Kremlin confirmed that the president had met the rebels. The news of the meeting "
            "had first been reported on Friday by the French newspaper Le Monde.")
    quotes, by_id = run(nlp, text, {"Kremlin": ORG, "Le Monde": ORG})
    assert by_id[one(quotes, "had met the rebels").speaker] == "Kremlin"
    reported = one(quotes, "news of the meeting")
    assert by_id[reported.speaker] == "Le Monde" and reported.cue == "reported"


def test_quotes_citing_sources_moves_the_outlet_to_via(nlp):
    text = "The Daily Courier reported, citing Western Intelligence, that the general had been arrested."
    quotes, by_id = run(nlp, text, {"Daily Courier": ORG, "Western Intelligence": ORG})
    q = one(quotes, "general had been arrested")
    assert by_id[q.speaker] == "Western Intelligence" and by_id[q.via] == "Daily Courier"


@pytest.mark.parametrize("text", [
    "Moscow still calls the war a “special military operation” in its statements.",
    "The plan would protect the “legitimate” interests of the regime.",
    "He went to see the film “Casablanca” again.",
])
def test_quotes_scare_quotes_are_not_speech(nlp, text):
    quotes, _ = run(nlp, text, {})
    assert [q for q in quotes if q.kind is not QuoteKind.INDIRECT] == []


def test_quotes_continued_quotation_keeps_its_speaker(nlp):
    text = "“We lost the vote,” said Maria Lopez. “But we will be back next year with more seats.”"
    quotes, by_id = run(nlp, text, {"Maria Lopez": P})
    assert by_id[one(quotes, "back next year").speaker] == "Maria Lopez"


def test_quotes_source_of_a_sentence(nlp):
    text = "According to Anna Berg, the mine will close in May. Prices rose."
    quotes, by_id = run(nlp, text, {"Anna Berg": P})
    assert by_id[source_of(0, 50, quotes)] == "Anna Berg"
    assert source_of(51, len(text), quotes) is None


def test_quotes_ids_are_in_text_order(nlp):
    text = "“One,” said Tom Reed. Maria Lopez said that two came next. “Three,” she added."
    quotes, _ = run(nlp, text, {"Tom Reed": P, "Maria Lopez": P})
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


@pytest.mark.parametrize("text", ["", '"', '"""', "“" * 500, "” said he. “", "«»‘’„‟" * 50, "\n\n\"\n\n\"\n\n"])
def test_quotes_odd_text_never_crashes(nlp, text):
    quotes, _ = run(nlp, text, {})
    assert all(q.end - q.start <= 3000 for q in quotes)


@pytest.mark.parametrize("text,fragment", [
    ("The only problem, Maria Lopez said, is that the pay is too low.", "pay is too low"),
    ("The economy is doing fine, Maria Lopez said.", "economy is doing fine"),
])
def test_quotes_parenthetical_reporting_clause(nlp, text, fragment):
    quotes, by_id = run(nlp, text, {"Maria Lopez": P})
    q = one(quotes, fragment)
    assert q.kind is QuoteKind.INDIRECT and by_id[q.speaker] == "Maria Lopez" and q.cue == "said"


def test_quotes_citing_unnamed_sources_keeps_the_outlet_as_via(nlp):
    text = "The Daily Courier reported, citing sources in the army, that the general had been arrested."
    quotes, by_id = run(nlp, text, {"Daily Courier": ORG})
    q = one(quotes, "general had been arrested")
    assert q.speaker is None and "sources" in q.speaker_span.text and by_id[q.via] == "Daily Courier"


@pytest.mark.parametrize("text,names,fragment,speaker_text", [
    ("WASHINGTON (AP) — Tom Reed and Anna Berg pledged to work together on the budget.",
     {"Tom Reed": P, "Anna Berg": P}, "work together", "Tom Reed"),
    ("Anna Berg seemed ready to joke about the incident, telling the crowd, “Some people get carried away.”",
     {"Anna Berg": P}, "carried away", "Anna Berg"),
    ("POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “The polls failed to predict the result in Iowa.”",
     {"Mark Blumenthal": P}, "polls failed", "Mark Blumenthal"),
    ("Young voters are more likely to say that Anna Berg represents their views.", {"Anna Berg": P},
     "represents their views", "voters"),
    ("In a call with reporters, Col. Tom H. Reed, a military spokesman in Baghdad, said, “A raid is a combat "
     "operation.”", {"Tom H. Reed": P}, "combat operation", "Tom H. Reed"),
    ("Last year, Anna Berg gave $10 million to a group backing Tom Reed.", {"Anna Berg": P, "Tom Reed": P},
     "Tom Reed", "group"),
    ("In a statement to the Courier, her senior policy adviser, Tom Reed, said: “The senator believes in the plan.”",
     {"Tom Reed": P},
     "believes in the plan", "Tom Reed"),
])
def test_quotes_speaker_where_the_parse_gives_no_subject(nlp, text, names, fragment, speaker_text):
    quotes, _ = run(nlp, text, names)
    q = one(quotes, fragment)
    assert q.speaker_span is not None and speaker_text in q.speaker_span.text
