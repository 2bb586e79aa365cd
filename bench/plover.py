"""Score the event extractor on the PLOVER gold-standard records, and compare it with PETRARCH2's codings.

Run: .venv/bin/python bench/plover.py [--show N]
The GSR is the extractor's development set: its figures are dev-set figures, not held-out ones.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plover_gsr import GoldRecord, entities_from_ents, load  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
CAMEO2PLOVER = SHARED / "data" / "plover" / "PLOVER_CAMEO2PLOVER-2021.txt"
PETR = SHARED / "data" / "petrarch" / "UniversalPetrarch_PETR2_GSR_validation.xml"

# PLOVER codes intent as its own types: a promise to cooperate is AGREE, an announced hostile act THREATEN,
# a refusal to cooperate REJECT.
# The extractor keeps the type of the act and puts the intent in `modality`; this is the PLOVER reading of it.
COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"}  # "will boycott" is a threat


def plover_code(event) -> str:  # noqa: ANN001 - a model.Event
    """The type a PLOVER coder gives: intent to act coded as AGREE or THREATEN."""
    t, mode = event.type.value, event.modality.value
    if mode in ("planned", "hypothetical") and t in COOPERATIVE:
        return "AGREE"
    if mode in ("planned", "hypothetical") and t in HOSTILE:
        return "THREATEN"
    if mode == "negated" and (t in COOPERATIVE or t == "AGREE"):
        return "REJECT"  # "will not accept refugees", "would not meet their demands"
    return t


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, pred: list[list[tuple[int, int]]], gold: list[tuple[int, int]]) -> None:
        """pred: one list of mention spans per predicted entity; gold: spans."""
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.tp_pred += sum(any(overlaps(m, g) for m in ms for g in gold) for ms in pred)
        self.tp_gold += sum(any(overlaps(m, g) for ms in pred for m in ms) for g in gold)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _trigger_span(text: str, event) -> tuple[int, int]:  # noqa: ANN001
    """Where the trigger stands: its recorded span, else (records without one) the first match in the text."""
    if event.trigger_span is not None:
        return event.trigger_span.start, event.trigger_span.end
    i = text.find(event.trigger)
    if i < 0:
        first = event.trigger.split()[0]
        i = text.find(first)
        return (i, i + len(first)) if i >= 0 else (-1, -1)
    return i, i + len(event.trigger)


def extract_all(texts: list[str], ents: bool = False) -> tuple[list, bool]:
    """Records for the texts through the real pipeline; spaCy's doc.ents stand in where it has no entities
    (or everywhere, with ``ents``: that isolates the event rules from the entity extractor)."""
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.events import find_events
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.model import Record
    from newsgraph.pipeline import build_record, to_document

    nlp = nlp_mod.load()
    records, fallback, failed = [], False, 0
    for doc, text in zip(nlp.pipe(texts), texts, strict=True):
        document = to_document({"text": text, "published": "2000-01-01"})
        try:
            record = build_record(doc, document)
        except Exception:  # another stage failing must not hide the event figures; counted and said
            failed += 1
            record = Record(document)
        if ents or not record.entities:
            fallback = True
            record.entities = entities_from_ents(doc)
            record.events = find_events(doc, record, MentionIndex(record.entities))
        records.append(record)
    if failed:
        print(f"  warning: the pipeline raised on {failed} texts; events were coded there without times")
    return records, fallback


def score_gsr(show: int, ents: bool) -> dict[str, float]:
    gold = load(GSR)
    t0 = time.perf_counter()
    records, fallback = extract_all([g.text for g in gold], ents)
    elapsed = time.perf_counter() - t0
    found = correct = correct_plover = any_event = 0
    actors, targets = Tally(), Tally()
    actors_all, targets_all = Tally(), Tally()
    confusion: Counter[tuple[str, str]] = Counter()
    misses: list[tuple[GoldRecord, str]] = []
    for g, rec in zip(gold, records, strict=True):
        spans_of = {e.id: [(m.start, m.end) for m in e.mentions] for e in rec.entities}
        evt = g.spans.get("EVT", [])
        gold_actors = g.spans.get("SRC", []) + g.spans.get("SRC/TAR", []) + g.spans.get("SRC/LOC", [])
        gold_targets = g.spans.get("TAR", []) + g.spans.get("TAR/LOC", [])
        any_event += bool(rec.events)
        match = next((e for e in rec.events if any(overlaps(_trigger_span(g.text, e), s) for s in evt)), None)
        if match is None:
            misses.append((g, ", ".join(f"{e.type.value}:{e.trigger}" for e in rec.events) or "-"))
            actors_all.add([], gold_actors)
            targets_all.add([], gold_targets)
            continue
        found += 1
        correct += match.type.value == g.type
        correct_plover += plover_code(match) == g.type
        confusion[(g.type, plover_code(match))] += 1
        # A reciprocal pair (SRC/TAR) is scored as actors: the extractor puts all parties of a meeting there.
        pa = [spans_of[a] for a in match.actors if a in spans_of]
        pt = [spans_of[t] for t in match.targets if t in spans_of]
        for tally, pred, gspans in ((actors, pa, gold_actors), (actors_all, pa, gold_actors),
                                    (targets, pt, gold_targets), (targets_all, pt, gold_targets)):
            tally.add(pred, gspans)
    n = len(gold)
    out = {
        "records": n, "event_recall": found / n, "any_event": any_event / n,
        "type_accuracy": correct / found if found else 0.0,
        "type_accuracy_plover": correct_plover / found if found else 0.0,
        "actor_f1": actors.prf()[2], "target_f1": targets.prf()[2],
        "actor_f1_all": actors_all.prf()[2], "target_f1_all": targets_all.prf()[2],
        "ms_per_record": 1000 * elapsed / n,
    }
    print(f"PLOVER GSR ({GSR.name}, {n} records; dev set: the lexicon was written with it in view)")
    if ents:
        print("  entities: spaCy doc.ents (PERSON, ORG, GPE/LOC/FAC, NORP) stand in for the entity extractor")
    elif fallback:
        print("  entities: the pipeline's; where it found none, spaCy doc.ents stand in (bench only)")
    print(f"  event recall (a trigger on a gold EVT span) {out['event_recall']:.3f}  "
          f"(any event at all {out['any_event']:.3f})")
    print(f"  type accuracy where found: as coded {out['type_accuracy']:.3f}, "
          f"PLOVER intent convention {out['type_accuracy_plover']:.3f}")
    for name, tally in (("actor", actors), ("target", targets)):
        p, r, f = tally.prf()
        print(f"  {name:6} P {p:.3f} R {r:.3f} F1 {f:.3f}  (where found)", end="")
        p2, r2, f2 = (actors_all if name == "actor" else targets_all).prf()
        print(f"   end to end P {p2:.3f} R {r2:.3f} F1 {f2:.3f}")
    print(f"  {out['ms_per_record']:.1f} ms per record (parse included)")
    wrong = [(k, v) for k, v in confusion.most_common() if k[0] != k[1]]
    print("  most common confusions (gold -> ours):", ", ".join(f"{a}->{b} {c}" for (a, b), c in wrong[:8]))
    for g, got in misses[:show]:
        print(f"  MISS {g.type:9} {g.text[:110]!r} got {got}")
    return out


# ------------------------------------------------------------------ PETRARCH2 validation records

# Country codes of the PETRARCH records and the names the text uses for them; enough to compare actors.
COUNTRY_NAMES = {
    "USA": ["united states", "u.s.", "us", "american", "washington", "america", "obama", "bush", "clinton"],
    "RUS": ["russia", "russian", "moscow", "kremlin", "putin", "medvedev"],
    "UKR": ["ukraine", "ukrainian", "kiev", "kyiv"], "ISR": ["israel", "israeli", "netanyahu", "olmert"],
    "PSE": ["palestinian", "palestine", "gaza", "hamas", "abbas"], "CHE": ["switzerland", "swiss", "geneva"],
    "IRQ": ["iraq", "iraqi", "baghdad"], "GEO": ["georgia", "georgian", "tbilisi", "saakashvili"],
    "SYR": ["syria", "syrian", "damascus", "assad"], "IRN": ["iran", "iranian", "tehran"],
    "CHN": ["china", "chinese", "beijing"], "EGY": ["egypt", "egyptian", "cairo"],
    "PHL": ["philippines", "philippine", "filipino", "manila"], "NGA": ["nigeria", "nigerian", "abuja"],
    "FRA": ["france", "french", "paris"], "BRA": ["brazil", "brazilian"], "TUN": ["tunisia", "tunisian"],
    "MYS": ["malaysia", "malaysian"], "MMR": ["myanmar", "burma", "burmese"], "LBN": ["lebanon", "lebanese"],
    "KEN": ["kenya", "kenyan"], "GBR": ["britain", "british", "london", "united kingdom"],
    "GUY": ["guyana", "guyanese"], "QAT": ["qatar", "qatari"], "RWA": ["rwanda", "rwandan"],
    "SOM": ["somalia", "somali"], "IGO": ["united nations", "u.n.", "un", "nato", "european union", "eu"],
}


def load_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the conversion table (old PLOVER names remapped)."""
    from plover_gsr import REMAP

    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = REMAP.get(m.group(2), m.group(2))
    return out


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    for k in (code, code[:3], code[:2]):
        if k in table:
            return table[k]
    return None


def _country(entity_name: str) -> str | None:
    low = entity_name.lower()
    words = set(re.findall(r"[\w.]+", low))
    for code, names in COUNTRY_NAMES.items():
        if any((n in words) if " " not in n else (n in low) for n in names):
            return code
    return None


def load_petrarch(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(text, [(cameo, source, target)]) per sentence; the file is not well-formed XML, so it is read by pattern."""
    raw = path.read_text(encoding="utf-8")
    out = []
    for block in re.split(r"<Sentence\b", raw)[1:]:
        text = re.search(r"<Text>(.*?)</Text>", block, re.S)
        if not text:
            continue
        codings = re.findall(r'<EventCoding\s+eventcode="([^"]*)"\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"',
                             block)
        out.append((" ".join(text.group(1).split()), codings))
    return out


def score_petrarch() -> None:
    table = load_cameo_map(CAMEO2PLOVER)
    sents = [(t, c) for t, c in load_petrarch(PETR) if c and t.strip()]
    records, _ = extract_all([t for t, _ in sents])
    agree = ours_any = both = src_ok = src_n = tar_ok = tar_n = 0
    for (_, codings), rec in zip(sents, records, strict=True):
        gold_types = {cameo_to_plover(c, table) for c, _, _ in codings} - {None}
        names = {e.id: e.name for e in rec.entities}
        if rec.events:
            ours_any += 1
        hit = [e for e in rec.events if e.type.value in gold_types or plover_code(e) in gold_types]
        if hit:
            agree += 1
            e = hit[0]
            gold_src = {s[:3] for _, s, _ in codings}
            gold_tar = {t[:3] for _, _, t in codings}
            ours_src = {_country(names[a]) for a in e.actors} - {None}
            ours_tar = {_country(names[a]) for a in e.targets} - {None}
            if ours_src:
                src_n += 1
                src_ok += bool(ours_src & gold_src)
            if ours_tar:
                tar_n += 1
                tar_ok += bool(ours_tar & gold_tar)
        both += bool(rec.events)
    n = len(sents)
    print(f"PETRARCH2 validation ({PETR.name}, {n} coded sentences; a regression set, not independent gold)")
    print(f"  sentences where we code any event {ours_any / n:.3f}; "
          f"where one of ours has a PETRARCH type (CAMEO->PLOVER) {agree / n:.3f} "
          f"({agree}/{both} of those we code)")
    if src_n:
        print(f"  of the agreeing events, source country agrees {src_ok}/{src_n}, target {tar_ok}/{tar_n}")


SEED = SHARED / "seed" / "wsws-2023-07-10-putin-prigozhin.txt"


def score_speed(repeat: int = 20) -> None:
    """Time of find_events against the parse, per article (the seed and the GSR as one long text)."""
    from newsgraph import nlp as nlp_mod
    from newsgraph.extract.events import find_events
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.pipeline import build_record, to_document

    nlp = nlp_mod.load()
    texts = {"seed article": SEED.read_text(encoding="utf-8")} if SEED.exists() else {}
    texts["GSR as one text"] = "\n\n".join(g.text for g in load(GSR))
    for name, text in texts.items():
        document = to_document({"text": text, "published": "2023-07-10"})
        t0 = time.perf_counter()
        doc = nlp(text)
        parse = time.perf_counter() - t0
        record = build_record(doc, document)
        index = MentionIndex(record.entities)
        t0 = time.perf_counter()
        for _ in range(repeat):
            find_events(doc, record, index)
        events = (time.perf_counter() - t0) / repeat
        print(f"speed, {name} ({len(text):,} chars): parse {parse * 1000:.1f} ms, events {events * 1000:.2f} ms "
              f"= {100 * events / parse:.1f}% of the parse ({len(record.events)} events)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", type=int, default=0, help="print this many missed records")
    ap.add_argument("--entities", choices=["pipeline", "ents", "both"], default="both",
                    help="whose entities the events name: the pipeline's, spaCy's doc.ents, or both runs")
    args = ap.parse_args()
    if not GSR.exists():
        print(f"skipped: {GSR} absent")
        return 0
    for mode in (["pipeline", "ents"] if args.entities == "both" else [args.entities]):
        score_gsr(args.show, mode == "ents")
    score_speed()
    if PETR.exists() and CAMEO2PLOVER.exists():
        score_petrarch()
    else:
        print(f"skipped: {PETR} absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
