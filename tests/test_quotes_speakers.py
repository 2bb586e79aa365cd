"""Who a quotation belongs to when the parse hides the speaker: names with descriptions, parentheses, places
parsed as subjects, sentences run across paragraphs, fragments that continue an attributed quotation."""

from __future__ import annotations

import pytest

from newsgraph.extract.mentions import MentionIndex
from newsgraph.extract.quotes import find_quotes
from newsgraph.model import EntityType
from quotes_helpers import entities_for

P, ORG, GPE = EntityType.PERSON, EntityType.ORG, EntityType.PLACE


def speaker_of(nlp, text, names, fragment):
    """The entity name of the speaker of the first quote holding ``fragment`` (None: no speaker)."""
    doc = nlp(text)
    entities = entities_for(text, names)
    by_id = {e.id: e.name for e in entities}
    quotes = [q for q in find_quotes(doc, entities, MentionIndex(entities)) if fragment in q.text]
    assert quotes, f"no quote holds {fragment!r}"
    return by_id.get(quotes[0].speaker)


@pytest.mark.parametrize("text,names,fragment,speaker", [
    # a long description between the name and the cue after a quotation
    ('"Twitter works as a way to sell books," James B. Comey Jr., the director of the Federal Bureau of '
     "Investigation, said at a news conference in New York in December.",
     {"James B. Comey Jr.": P, "Federal Bureau of Investigation": ORG, "New York": GPE}, "sell books",
     "James B. Comey Jr."),
    ('"We finally may be seeing some wage acceleration," the economist Anna Berg, a former adviser in the '
     "Obama White House, wrote on her blog.", {"Anna Berg": P, "Obama White House": ORG}, "wage acceleration",
     "Anna Berg"),
    # a description holding commas of its own
    ("Twenty-four percent said she did nothing wrong.\n\n\"I just don't think she's been completely truthful,\" "
     "Anna Berg, 67, a retired customer service representative in Allentown, Pa., said in a follow-up interview.",
     {"Anna Berg": P}, "completely truthful", "Anna Berg"),
    # a quotation closed without a comma, then "X said ..." (the quotation parsed as the cue's ccomp)
    ("“As a construction guy, he put a lot of people out of business, too\" Tom Reed said after an event in "
     "Edison on Wednesday.", {"Tom Reed": P}, "construction guy", "Tom Reed"),
    # a transcript-like label with its party in brackets before a colon; an as-clause before a comma
    ("The hearing went on for hours.\n\nRep. Tom Reed (R-S.C.): \"I have not heard anyone other than you ever cite "
     "that figure.\"", {"Tom Reed": P}, "cite that figure", "Tom Reed"),
    ("As Tom Reed sang back in the 1980s, \"They'll turn us all into beggars because they're easier to please.\"",
     {"Tom Reed": P}, "beggars", "Tom Reed"),
    # a participle of saying hung on the reported clause goes on with the reporter
    ("Tom Reed said last week that Anna Berg represents “New York values,” stating during the debate that they "
     "are “socially liberal or pro-abortion.”", {"Tom Reed": P, "Anna Berg": P}, "socially liberal", "Tom Reed"),
    # a long subject with no verb before a trailing cue; a quotation ending in a nested one
    ("“Tritium would enable nuclear weapons designs with a greater yield,” nuclear experts Tom Reed and Serena "
     "Kelleher-Vergantini of Washington's Institute for Science and International Security wrote in September.",
     {"Tom Reed": P}, "Tritium", "Tom Reed"),
    ("“The answer you’d like me to give is, ‘I’m for the plan, darn it,’” Tom Reed, who has proposed repealing the "
     "mandate over five years, said at the time.", {"Tom Reed": P}, "answer you", "Tom Reed"),
    # a cue followed by a colon opens the next quotation, not the one before it
    ("\"We are refugees,\" Anna Berg said. \"We are not terrorists.\" Tom Reed said: \"The attack that happened "
     "today is the work of terrorists.\"", {"Anna Berg": P, "Tom Reed": P}, "not terrorists", "Anna Berg"),
    # the place of a participle phrase parsed as a second subject
    ("Speaking at a town hall event in Salem, New Hampshire, Tom Reed went after Anna Berg, calling her "
     '"a total stiff."', {"Tom Reed": P, "Anna Berg": P, "New Hampshire": GPE, "Salem": GPE}, "total stiff",
     "Tom Reed"),
    # the parser hangs the name on the phrase before it: a parenthesis, an apposition
    ("Saturday at the state party convention Sen. Anna Berg (D-MA) said the governor was a "
     '"proven failure" in business.', {"Anna Berg": P}, "proven failure", "Anna Berg"),
    ("At Boca West, where it costs new members $70,000 to sign up, Tom Reed, the club's 78-year-old president "
     "and general manager, suggested that the troubles could be blamed on \"the business of selling houses.\"",
     {"Tom Reed": P, "Boca West": ORG}, "troubles could be blamed", "Tom Reed"),
    # a fragment with no cue of its own continues the attributed quotation before it in the paragraph
    ("\"It's an enormous moment,\" said Tom Reed, a Republican strategist. Unless further rivals quit the race, "
     "\"it's very difficult to see how he is stopped on his way to the nomination.\"", {"Tom Reed": P},
     "very difficult", "Tom Reed"),
    # who introduces a colon or a comma: a name after a dash, "as X put it", a verb hung on the quotation,
    # "Here's X"
    ("Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.”", {"Carl Bialik": P},
     "biggest lessons", "Carl Bialik"),
    ("Estimates of civic engagement are particularly problematic - Pew Research: “All the samples evaluated "
     "include more engaged individuals.”", {"Pew Research": ORG}, "samples evaluated", "Pew Research"),
    ("Or, as Tom Ridge, a former secretary of homeland security, put it: “The barbarians are no longer at the "
     "gate. They're inside.”", {"Tom Ridge": P}, "barbarians", "Tom Ridge"),
    ("After Tom Reed criticized the plan during a debate, Anna Berg shot back, “I suppose I could have chosen "
     "to stay home, but I chose to fight.”", {"Tom Reed": P, "Anna Berg": P}, "stay home", "Anna Berg"),
    ("Here’s Anna Berg in December 1992: “Our new direction must rest on an understanding of the new "
     "realities.”", {"Anna Berg": P}, "new direction", "Anna Berg"),
    # an inverted cue with title words the parser read as a clause; an abbreviation ending the sentence before
    # the next quotation; a relative clause after a second quotation is not its cue
    ('"Republicans are so frustrated right before the conventions," said Oversight ranking Democrat Tom Reed '
     '(D-Md.). "They are spending their final days here."', {"Tom Reed": P}, "final days", "Tom Reed"),
    ('"Both candidates scare me," said Tom Reed, 30, of Raleigh, N.C. "We need people who will work."',
     {"Tom Reed": P, "Raleigh": GPE}, "need people", "Tom Reed"),
    ("\"Bernie is in good shape no matter who wins New York,\" said Tom Reed, a senior adviser. \"We could win "
     "enough delegates to catch up and we have good opportunities all the way through California,\" which votes "
     "June 7.", {"Tom Reed": P, "New York": GPE, "California": GPE}, "enough delegates", "Tom Reed"),
    # a short paragraph that only names who speaks in the next one; not across the paragraph before it
    ("The show is broadcast on New York’s AM 970 The Answer and NewsTalk 990 AM\n\nStated Tom Reed:\n\n“I think "
     "that the stakes are so high and the plan is clear.”", {"Tom Reed": P, "New York": GPE}, "stakes", "Tom Reed"),
    ("The hearing went on for hours.\n\nSen. Tom Reed (R-Texas):\n\n“I think that the stakes are so high and the "
     "plan is clear.”", {"Tom Reed": P}, "stakes", "Tom Reed"),
    # a day parsed as the subject: the name right before the cue; a description the parser hung on a name before
    ("Saturday at the Massachusetts Democratic state’s party convention Sen. Anna Berg (D-MA) said Tom Reed was a "
     "“proven failure” in business.", {"Anna Berg": P, "Tom Reed": P, "Massachusetts": GPE}, "proven failure",
     "Anna Berg"),
    # an infinitive hung on a noun is done by the subject of the clause that holds the noun
    ("Tom Reed on Friday held an impromptu press briefing to brag that the unemployment rate has fallen below "
     "5 percent.", {"Tom Reed": P}, "unemployment rate", "Tom Reed"),
    # a quotation with no cue continues the latest speaker, reported speech included
    ("“We will fight on,” Tom Reed said.\n\nAnna Berg said the plan would fail within a year.\n\n“It is a matter "
     "of time before the money runs out.”", {"Tom Reed": P, "Anna Berg": P}, "matter of time", "Anna Berg"),
    ("“We will fight on,” Tom Reed said.\n\n“It is a matter of time before the money runs out.”",
     {"Tom Reed": P}, "matter of time", "Tom Reed"),
    ("The vote was held on Monday.\n\nAnna Berg said the plan would fail within a year.\n\n“It is a matter of "
     "time before the money runs out.”", {"Anna Berg": P}, "matter of time", "Anna Berg"),
])
def test_quotes_speakers_hidden_by_the_parse(nlp, text, names, fragment, speaker):
    assert speaker_of(nlp, text, names, fragment) == speaker


@pytest.mark.parametrize("text,names,fragment", [
    # a subjectless cue after a place, or after a description with no name before it, has no speaker
    ('After the flood in Ohio said that "the river would rise again next spring."', {"Ohio": GPE}, "river would"),
    ('The report, published on Monday by the agency, suggested that "the river would rise again."', {},
     "river would"),
    ('Officials in Salem (Oregon) said that "the river would rise again next spring."',
     {"Salem": GPE, "Oregon": GPE}, "river would"),
    # a fragment in a new paragraph does not continue the quotation before it
    ('"It is an enormous moment," said Tom Reed.\n\nThe plan was, to its critics, "very difficult to see '
     'through to the end of the year."', {"Tom Reed": P}, "very difficult"),
    # nor a paragraph-long quotation two paragraphs after the reported speech
    ("Anna Berg said the plan would fail within a year.\n\nThe vote was held on Monday in the capital.\n\n“It is "
     "a matter of time before the money runs out.”", {"Anna Berg": P}, "matter of time"),
])
def test_quotes_speakers_not_a_place_or_a_thing(nlp, text, names, fragment):
    assert speaker_of(nlp, text, names, fragment) is None


def test_quotes_speakers_relative_pronoun_is_the_evidence_of_a_named_antecedent(nlp):
    text = ("Cruz won an endorsement from Tom Reed, who declared in the spin room, “I’m sending the signal that it’s "
            "time to unite.”")
    doc = nlp(text)
    entities = entities_for(text, {"Tom Reed": P, "Cruz": P})
    q = next(q for q in find_quotes(doc, entities, MentionIndex(entities)) if "sending the signal" in q.text)
    assert {e.id: e.name for e in entities}[q.speaker] == "Tom Reed"
    assert q.speaker_span.text == "who"
