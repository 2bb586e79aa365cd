"""Time expressions in sentences: extent, TIMEX3 type and value against the DCT, tense deciding direction."""

from __future__ import annotations

import pytest

from newsgraph.extract.times import find_times, time_governing, time_ranges, times_in_sentence

MONDAY = "2023-07-10"

CASES = [
    # (sentence, DCT, expression, type, value)
    ("On Monday, the Kremlin confirmed the meeting.", MONDAY, "Monday", "DATE", "2023-07-10"),
    ("Putin had met with Prigozhin on June 29.", MONDAY, "June 29", "DATE", "2023-06-29"),
    ("The news had first been reported on Friday by a newspaper.", MONDAY, "Friday", "DATE", "2023-07-07"),
    ("The leaders will meet on Friday in Vilnius.", MONDAY, "Friday", "DATE", "2023-07-14"),
    ("The summit is set to open on Tuesday.", MONDAY, "Tuesday", "DATE", "2023-07-11"),
    ("The Kremlin said last week that it would not act.", MONDAY, "last week", "DATE", "2023-W27"),
    ("He made offers in the winter of 2022-2023 to commanders.", MONDAY, "the winter of 2022-2023", "DATE",
     "2022-WI"),
    ("In the two weeks that have followed the coup, little changed.", MONDAY, "the two weeks", "DURATION", "P2W"),
    ("After months of open conflicts, he launched an insurrection.", MONDAY, "months", "DURATION", "PXM"),
    ("Sales rose 5% this year.", MONDAY, "this year", "DATE", "2023"),
    ("The talks resume next month.", MONDAY, "next month", "DATE", "2023-08"),
    ("Prices fell in the past two weeks.", MONDAY, "the past two weeks", "DURATION", "P2W"),
    ("The plant stood idle for five days.", MONDAY, "five days", "DURATION", "P5D"),
    ("The council meets every Tuesday.", MONDAY, "every Tuesday", "SET", "XXXX-WXX-2"),
    ("The paper is published daily.", MONDAY, "daily", "SET", "P1D"),
    ("Profits fell in the third quarter of 2022.", MONDAY, "the third quarter of 2022", "DATE", "2022-Q3"),
    ("Revenue rose in fiscal 2022.", MONDAY, "fiscal 2022", "DATE", "2022"),
    ("The town was founded in the 1990s.", MONDAY, "the 1990s", "DATE", "199"),
    ("It was built in the 19th century.", MONDAY, "the 19th century", "DATE", "18"),
    ("Prices are high now.", MONDAY, "now", "DATE", "PRESENT_REF"),
    ("Recently the army moved north.", MONDAY, "Recently", "DATE", "PAST_REF"),
    ("Such reforms may come in the future.", MONDAY, "the future", "DATE", "FUTURE_REF"),
    ("He arrived yesterday.", MONDAY, "yesterday", "DATE", "2023-07-09"),
    ("He left two years ago.", MONDAY, "two years ago", "DATE", "2021"),
    ("She spoke at 10:30 a.m. on Monday.", MONDAY, "10:30 a.m. on Monday", "TIME", "2023-07-10T10:30"),
    ("The storm hit last night.", MONDAY, "last night", "TIME", "2023-07-09TNI"),
    ("They met this morning.", MONDAY, "this morning", "TIME", "2023-07-10TMO"),
    ("Exports grew last fall.", MONDAY, "last fall", "DATE", "2022-FA"),
    ("The vote is due in March 2024.", MONDAY, "March 2024", "DATE", "2024-03"),
    ("The vote was held on 5 March 2021.", MONDAY, "5 March 2021", "DATE", "2021-03-05"),
    ("The firm was sold in December.", MONDAY, "December", "DATE", "2022-12"),
    ("The bond matures in December.", MONDAY, "December", "DATE", "2023-12"),
    ("A 10-year note was issued.", MONDAY, "10-year", "DURATION", "P10Y"),
    ("He served 2 1/2 years in prison.", MONDAY, "2 1/2 years", "DURATION", "P2Y6M"),
    ("The talks lasted a week.", MONDAY, "a week", "DURATION", "P1W"),
    # counted ahead with no date told before it: an amount of time, not a date after the publication
    ("Three days later, the rebels withdrew.", MONDAY, "Three days later", "DURATION", "P3D"),
    ("The mutiny began on June 23. Two days later, he left.", MONDAY, "Two days later", "DATE", "2023-06-25"),
    ("The rebels will leave and, three days later, the army will return.", MONDAY, "three days later", "DATE",
     "2023-07-13"),
    # a past "planned": the date before it dates the planning, the date after it what was planned
    ("On Friday, the government planned to pay the first claims.", MONDAY, "Friday", "DATE", "2023-07-07"),
    ("Protesters planned a large demonstration on Saturday.", MONDAY, "Saturday", "DATE", "2023-07-15"),
    # planned before a past telling ("was canceled") or ordered until a day: the nearest such day (Sunday DCT)
    ("A memorial service planned for Saturday was canceled.", "2023-07-16", "Saturday", "DATE", "2023-07-15"),
    ("A memorial service planned for Saturday will go ahead.", "2023-07-16", "Saturday", "DATE", "2023-07-22"),
    ("The government ordered markets to remain closed until Friday.", "2023-07-13", "Friday", "DATE",
     "2023-07-14"),
    ("The government has continued to hold all markets closed until Friday.", "2023-07-13", "Friday", "DATE",
     "2023-07-14"),
    ("Markets were closed until Friday, when trading resumed.", "2023-07-13", "Friday", "DATE", "2023-07-07"),
    # weekends: "this weekend" is the DCT's own unless told in the past tense; "the weekend" the one just gone
    ("Talks resume this weekend.", "2023-07-13", "this weekend", "DATE", "2023-W28-WE"),
    ("Talks resumed this weekend.", MONDAY, "this weekend", "DATE", "2023-W27-WE"),
    ("Markets rallied over the weekend.", MONDAY, "the weekend", "DATE", "2023-W27-WE"),
    ("He comes next weekend.", MONDAY, "next weekend", "DATE", "2023-W28-WE"),
    ("The mutiny, on the weekend of June 24-25, shook Moscow.", MONDAY, "the weekend of June 24-25", "DATE",
     "2023-W25-WE"),
    ("The Q2 results beat forecasts.", MONDAY, "Q2", "DATE", "2023-Q2"),
    ("Growth slowed in the April-June quarter.", MONDAY, "the April-June quarter", "DATE", "2023-Q2"),
    ("Monday 10 July was quiet.", MONDAY, "Monday 10 July", "DATE", "2023-07-10"),
    # half a unit counts in the smaller one
    ("The mutiny began on June 24. Half a year later, he was dead.", MONDAY, "Half a year later", "DATE",
     "2023-12"),
    ("Half a year later, he was dead.", MONDAY, "Half a year later", "DURATION", "P6M"),
    ("The war began half a year ago.", MONDAY, "half a year ago", "DATE", "2023-01"),
    ("The agency reported at 1400 local time.", MONDAY, "1400 local time", "TIME", "2023-07-10T14:00"),
    # "set" plans only as "set to" / "set for": a record set on a day was done
    ("The index is near its record high set on Aug. 6.", "1998-02-06", "Aug. 6", "DATE", "1997-08-06"),
    ("The vote was set for Aug. 6.", "1998-02-06", "Aug. 6", "DATE", "1998-08-06"),
    ("The service had ruled that Elian must be returned to his father, and set Friday as the deadline for his "
     "repatriation.", "2000-01-15", "Friday", "DATE", "2000-01-14"),
    # a quarter of something is a share, not three months; a quarter's fee is a rate
    ("It pays $5 a quarter, and more later.", MONDAY, "a quarter", "SET", "P3M"),
    ("Japan has had two consecutive quarters of negative growth.", MONDAY, "two consecutive quarters", "DURATION",
     "P2Q"),
    # "for the quarter" at a clause's end is the quarter reported; a named Quarter is a place
    ("Two segments posted lower earnings for the quarter.", "1989-11-02", "the quarter", "DATE", "1989-Q3"),
    # vague counts from a told time are amounts: no day can be named
    ("A few days later, the police arrested him.", MONDAY, "A few days later", "DURATION", "PXD"),
    ("Several weeks earlier, he had resigned.", MONDAY, "Several weeks earlier", "DURATION", "PXW"),
    ("Minutes later, the building collapsed.", MONDAY, "Minutes later", "DURATION", "PTXM"),
    ("Days later, he was gone.", MONDAY, "Days later", "DURATION", "PXD"),
    ("The ceasefire began at 6 a.m. local time on Sunday.", MONDAY, "6 a.m. local time on Sunday", "TIME",
     "2023-07-09T06:00"),
    ("Islam will one day be the second largest religion.", MONDAY, "one day", "DATE", "FUTURE_REF"),
    ("He lost one day of work.", MONDAY, "one day", "DURATION", "P1D"),
    ("Markets stay shut for the time being.", MONDAY, "the time being", "DATE", "PRESENT_REF"),
    ("At 0800 UTC the banks acted.", MONDAY, "0800 UTC", "TIME", "2023-07-10T08:00Z"),
    # the whole year of a period just told of, if it has begun; else the publication's year
    ("It lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.", MONDAY,
     "the entire year", "DATE", "2005"),
    ("By 2030 it wants to grow. It forecast an increase for the full year.", MONDAY, "the full year", "DATE",
     "2023"),
    # a year-ago period compares reported results, not a forecast quarter named just before
    ("Losses will last through the third quarter of 2024. In the year-ago period, it earned $4 million.",
     "2023-10-26", "the year-ago period", "DATE", "2022-Q3"),
    # a present tense with a weekday is a schedule: the nearest such day (Friday DCT: Monday ahead)
    ("He and Arafat meet separately Monday with the envoy.", "2023-07-14", "Monday", "DATE", "2023-07-17"),
    # a date before a noun dates a thing done ("a June agreement"), unless the thing is appointed ahead
    ("He is trying to sell it under a June agreement.", "2023-10-10", "June", "DATE", "2023-06"),
    ("They searched for him after the Oct. 23 slaying.", "2024-05-06", "Oct. 23", "DATE", "2023-10-23"),
    ("Voters prepare for the Nov. 7 election.", "2023-10-10", "Nov. 7", "DATE", "2023-11-07"),
    # an infinitive after "due", "likely", "set" lies ahead; told in the past tense, the nearest such day
    ("The minister is due to arrive on Friday.", "2023-07-12", "Friday", "DATE", "2023-07-14"),
    ("The minister was due to arrive on Friday but cancelled.", "2023-07-12", "Friday", "DATE", "2023-07-14"),
    ("The minister was due to arrive on Monday but cancelled.", "2023-07-12", "Monday", "DATE", "2023-07-10"),
    # a present tense telling of a thing appointed is a schedule ahead
    ("The deadline expires on Sunday.", "2023-07-12", "Sunday", "DATE", "2023-07-16"),
    ("Voting ends at 8 p.m. on Sunday.", "2023-07-12", "8 p.m. on Sunday", "TIME", "2023-07-16T20:00"),
    # a weekday owning a thing appointed ahead follows the clause; owning a thing done, it is past
    ("Friday's talks will continue on Saturday.", MONDAY, "Friday", "DATE", "2023-07-14"),
    ("They will try to get around Wednesday's ruling.", MONDAY, "Wednesday", "DATE", "2023-07-05"),
    # a second day borrows the month, and a year after both dates both
    ("The summit is held on April 24 and 25 in Washington.", "2023-02-10", "25", "DATE", "2023-04-25"),
    ("Talks were held on June 23 and 24, 2021.", "2023-02-10", "June 23", "DATE", "2021-06-23"),
    ("Sales fell in February from the same month a year ago.", "2009-03-03", "the same month a year ago", "DATE",
     "2008-02"),
    ("Prices rose 5% in the first half of the year.", MONDAY, "the first half of the year", "DATE", "2023-H1"),
    ("The deal was signed last Thursday.", MONDAY, "last Thursday", "DATE", "2023-07-06"),
    ("Protests are planned for next Saturday.", MONDAY, "next Saturday", "DATE", "2023-07-15"),
    ("Shops close on Christmas Day.", MONDAY, "Christmas Day", "DATE", "2023-12-25"),
    ("The parade was held on Victory Day.", MONDAY, "Victory Day", "DATE", "2023-05-09"),
    ("The results came on Thanksgiving Day.", "1999-12-01", "Thanksgiving Day", "DATE", "1999-11-25"),
    ("The troops returned in early June.", MONDAY, "early June", "DATE", "2023-06"),
    ("Revenue fell in FY2022.", MONDAY, "FY2022", "DATE", "2022"),
    ("Sales rose in Q3 2022.", MONDAY, "Q3 2022", "DATE", "2022-Q3"),
    ("The plan was drafted in the second half of 2022.", MONDAY, "the second half of 2022", "DATE", "2022-H2"),
    ("Profits fell in the first quarter of last year.", MONDAY, "the first quarter of last year", "DATE",
     "2022-Q1"),
    ("The market closed at 16:08 UTC.", MONDAY, "16:08 UTC", "TIME", "2023-07-10T16:08Z"),
    ("He visited the camp this summer.", MONDAY, "this summer", "DATE", "2023-SU"),
    ("The law was passed in the early 2000s.", MONDAY, "the early 2000s", "DATE", "200"),
    ("Rents rise every month.", MONDAY, "every month", "SET", "P1M"),
    ("The company has grown over the past decade.", MONDAY, "the past decade", "DURATION", "P10Y"),
    ("Wages fell in the last decade.", MONDAY, "the last decade", "DATE", "201"),
    ("It was one of the events of the past century.", MONDAY, "the past century", "DURATION", "P1C"),
    ("He stepped down in March for health reasons.", MONDAY, "March", "DATE", "2023-03"),
    ("The Dow fell on June 9. It had been up 300 points at the start of the day.", MONDAY, "the start of the day",
     "DATE", "2023-06-09"),
    ("Revenue fell to $300 million last year, down from $450 million the year before.", MONDAY, "the year before",
     "DATE", "2021"),
    ("Profit rose to $5 million in 2019 from $4 million the year previous.", MONDAY, "the year previous", "DATE",
     "2018"),
    ("Sales were $6 billion in the latest fiscal year.", MONDAY, "the latest fiscal year", "DATE", "2022"),
    ("It snowed heavily in the winter of nineteen ninety-four.", MONDAY, "the winter of nineteen ninety-four",
     "DATE", "1994-WI"),
    ("The race took a minute and a half.", MONDAY, "a minute and a half", "DURATION", "PT1M30S"),
    ("The feud has lasted almost two decades.", MONDAY, "almost two decades", "DURATION", "P20Y"),
    ("It ended a decades-long feud.", MONDAY, "decades-long", "DURATION", "PXY"),
    ("For the year, volume was flat, the company said.", MONDAY, "the year", "DATE", "2023"),
    ("For the year ended Sept. 30, it earned $4 million.", MONDAY, "the year", "DURATION", "P1Y"),
    ("He moved to Paris in 1998 and married later that year.", MONDAY, "later that year", "DATE", "1998"),
    ("The talks were held six weeks ago.", MONDAY, "six weeks ago", "DATE", "2023-W22"),
    ("The talks were held two weeks ago.", MONDAY, "two weeks ago", "DATE", "2023-06-26"),
    ("Hearings are set for the week of March 6.", MONDAY, "the week of March 6", "DATE", "2024-W10"),
    ("Under the terms, announced Friday, holders would receive $42 a share.", MONDAY, "Friday", "DATE",
     "2023-07-07"),
    ("The firm declared a dividend, payable Jan. 15 to holders.", "2023-03-20", "Jan. 15", "DATE",
     "2024-01-15"),
    ("It named a new chairman, effective Feb. 1.", "2023-10-20", "Feb. 1", "DATE", "2024-02-01"),
    ("Loans have grown since May.", MONDAY, "May", "DATE", "2023-05"),
    ("He waited at least 30 days before closing the purchase.", MONDAY, "at least 30 days", "DURATION", "P30D"),
    ("Pilgrims are arriving for Easter week.", "2000-04-17", "Easter week", "DATE", "2000-W16"),
    ("Migrants send $1 billion a year in remittances.", MONDAY, "a year", "SET", "P1Y"),
    ("The probe will finish within a year.", MONDAY, "a year", "DURATION", "P1Y"),
    ("Stocks fell on Friday, Oct. 13. The previous Friday they had risen.", "1989-10-30", "The previous Friday",
     "DATE", "1989-10-06"),
    ("He arrived on Oct. 3 and left the following Tuesday.", "1989-10-30", "the following Tuesday", "DATE",
     "1989-10-10"),
    ("He was shot last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", "DATE", "1998-10-23"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "dct", "phrase", "ttype", "value"), CASES, ids=[c[2] + "|" + c[0][:30] for c in CASES])
def test_times_values_sentence(nlp, text, dct, phrase, ttype, value):
    times, warnings = find_times(nlp(text), dct)
    got = {t.text: (t.type.value, t.value) for t in times}
    assert phrase in got, f"{phrase!r} not found in {got}"
    assert got[phrase] == (ttype, value)
    assert not warnings
    for t in times:
        assert text[t.start:t.end] == t.text


def test_times_values_an_ordinal_second_is_no_duration(nlp):
    times, _ = find_times(nlp("The markets were shut for a second consecutive day."), MONDAY)
    assert not [t for t in times if t.value == "PT1S"], times


def test_times_values_offsets_and_ids(nlp):
    text = "On Monday the Kremlin said Putin met Prigozhin on June 29, and they spoke again on Friday."
    times, _ = find_times(nlp(text), MONDAY)
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert all(text[t.start:t.end] == t.text for t in times)
    assert [t.start for t in times] == sorted(t.start for t in times)


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The Kremlin confirmed the meeting on Monday.", "Monday", "XXXX-WXX-1"),
    ("Putin met Prigozhin on June 29.", "June 29", "XXXX-06-29"),
    ("The Kremlin said last week that it would act.", "last week", "XXXX-WXX"),
    ("He arrived yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Sales rose this year.", "this year", "XXXX"),
    ("The mutiny, on the weekend of June 24-25, shook Moscow.", "the weekend of June 24-25", "XXXX-WXX-WE"),
    ("Revenue fell last year, down from $450 million the year before.", "the year before", "XXXX"),
    ("It lost money for the entire year.", "the entire year", "XXXX"),
    ("He left 36 hours ago.", "36 hours ago", "XXXX-XX-XX"),
])
def test_times_values_without_dct_stay_unresolved_with_a_warning(nlp, text, phrase, value):
    times, warnings = find_times(nlp(text), None)
    got = {t.text: t.value for t in times}
    assert got[phrase] == value
    assert warnings and "XXXX" in warnings[0]


def test_times_values_absolute_dates_need_no_dct(nlp):
    times, warnings = find_times(nlp("The treaty was signed on June 29, 2023, in Minsk."), None)
    assert [(t.text, t.value) for t in times] == [("June 29, 2023", "2023-06-29")]
    assert warnings == []


def test_times_values_range_gives_both_ends(nlp):
    text = "Contracts worth 86 billion rubles were signed between May 2022 and May 2023 alone."
    doc = nlp(text)
    times, _ = find_times(doc, MONDAY)
    got = [(t.text, t.value) for t in times]
    assert got == [("May 2022", "2022-05"), ("May 2023", "2023-05")]
    assert time_ranges(doc, times) == [("t1", "t2")]


@pytest.mark.parametrize(("text", "got"), [
    ("The summit is held on July 11-12 in Vilnius.", [("July 11", "2023-07-11"), ("12", "2023-07-12")]),
    ("The summit was held July 11-12, 2021 in Vilnius.", [("July 11", "2021-07-11"), ("12, 2021", "2021-07-12")]),
])
def test_times_values_hyphenated_days_are_a_range(nlp, text, got):
    doc = nlp(text)
    times, _ = find_times(doc, MONDAY)
    assert [(t.text, t.value) for t in times] == got
    assert time_ranges(doc, times) == [("t1", "t2")]


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The attack came in the early hours of Saturday.", "the early hours of Saturday", "2023-07-08TMO"),
    ("He was held in the early hours of Thursday morning.", "the early hours of Thursday morning", "2023-07-06TMO"),
    ("Overnight Friday, drones struck the capital.", "Overnight Friday", "2023-07-07TNI"),
    ("On the morning of June 29, Putin met him.", "the morning of June 29", "2023-06-29TMO"),
])
def test_times_values_part_of_a_named_day(nlp, text, phrase, value):
    times, _ = find_times(nlp(text), MONDAY)
    t = next(t for t in times if t.text == phrase)
    assert (t.type.value, t.value) == ("TIME", value)


def test_times_values_governing_time_for_events(nlp):
    text = "Putin met Prigozhin on June 29. The Kremlin confirmed it on Monday."
    doc = nlp(text)
    times, _ = find_times(doc, MONDAY)
    sents = list(doc.sents)
    assert [t.text for t in times_in_sentence(times, sents[0])] == ["June 29"]
    met = next(t for t in doc if t.text == "met")
    confirmed = next(t for t in doc if t.text == "confirmed")
    assert time_governing(doc, times, met).value == "2023-06-29"
    assert time_governing(doc, times, confirmed).value == "2023-07-10"


@pytest.mark.parametrize("text", [
    "The memo was dated Feb. 30.", "It happened on the 31st of April.",
    # shares, not times: "a quarter of", "three quarters of"
    "It wants to cut 789, or about a quarter, of its 3,200 dealers.", "He won three quarters of the vote.",
    "We ate in the Latin Quarter.", "He drives an Audi Q3.", "He marched in the annual March for Life.",
])
def test_times_values_no_time_in_impossible_dates_and_shares(nlp, text):
    times, _ = find_times(nlp(text), MONDAY)
    assert times == []


@pytest.mark.slow
def test_times_values_second_comparison_counts_from_the_same_time(nlp):
    """'a year ago' then 'a year earlier' both mean the year before the DCT, not two years back."""
    text = ("Profit fell from $5 million a year ago. Costs rose 4% on the year, and sales were $3 million, "
            "compared with $2 million a year earlier.")
    times, _ = find_times(nlp(text), MONDAY)
    assert [t.value for t in times if "year" in t.text and ("ago" in t.text or "earlier" in t.text)] == [
        "2022", "2022"]


@pytest.mark.slow
def test_times_values_a_year_ago_after_the_quarter_is_that_quarter(nlp):
    """'in the quarter compared with $3 million a year ago': the reported quarter, a year back."""
    text = "New loans were $6.6 million in the quarter compared with $361.8 million a year ago."
    times, _ = find_times(nlp(text), "1989-11-02")
    assert [(t.text, t.value) for t in times] == [("the quarter", "1989-Q3"), ("a year ago", "1988-Q3")]
