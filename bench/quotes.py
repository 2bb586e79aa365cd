"""Quote attribution on PolNeAR (train/dev only), with textacy's direct_quotations as the peer.

PolNeAR (networkdynamics/PolNeAR, 1,008 US political news articles, BRAT standoff with Source, Cue and
Content spans) is read from a local copy: $POLNEAR_DIR (a checkout or a bare git directory), else a
mirror under /work/.mirror/. It is never committed. The test split is reserved and never read.

Scoring: a gold Content matches one of our quotes when they overlap by at least half of the shorter.
Precision = our quotes that match some gold Content; recall = gold Contents matched by some quote.
The speaker is right when the speaker_span of the best-matching quote, or a mention of its speaker
entity, overlaps the gold Source (a pronoun source counts by the pronoun: bench/coref.py scores what the
pronoun resolves to, on MEANTIME's gold coreference); a second figure counts entity mentions alone.
Gold kinds: direct (the content is all inside quotation marks), partial (marks inside it), indirect (no marks).

Cue classes. PolNeAR annotates far more than speech, so each gold attribution is put in one class by its
Cue text alone, with this file's own lexicon (written from Levin's verb classes, never from the extractor's
lists nor from its misses). The cue is lower-cased and split into words; a word belongs to a class when it is
an inflected form (this file's ``forms``) of a lemma in that class's list. Classes are tried in this order:
  1. evidence: a cue word is a form of an EVIDENCE verb (show, find, suggest, indicate, reveal ...) and the
     gold Source's words hold a DOCUMENT noun (poll, record, study, data, survey ...): "records show ...";
  2. communication: a cue word is a form of a COMMUNICATION lemma (Levin 37.x verbs of communication, 29.2-3
     characterize/dub verbs "describe/call X as Y", 33 judgment verbs "criticize/praise/accuse", speech acts
     "promise/urge/deny", and "continue" as in '"...," he continued'), or the cue contains "according to",
     or is only a colon or a dash;
  3. attitude: a cue word is a form of an ATTITUDE lemma (believe/think/want/hope/expect/plan/fear/see/
     prefer/support/back/favor/find ...): "56 percent would vote for Clinton" counts by "vote";
  4. other: everything else (no cue, "appears", "was", "in" ...).
A class row's precision is over all our quotes (our quotes have no gold class); its recall and speaker
accuracy are over that class's gold. The issue's goal is judged on the communication row; "all" beside it.
"precision by our act" splits our own quotes by the act we recorded (Quote.act: speech, evidence, attitude).

    python bench/quotes.py                 # all 84 dev articles
    python bench/quotes.py --split train --limit 150
    python bench/quotes.py --all           # train + dev
    python bench/quotes.py --split train --limit 200 --no-peer --errors speaker --only partial
                                           # list wrong speakers (or: missed, false) to read; tune on train only
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SPLITS = ("train", "dev")  # never "test": it is reserved for the final evaluation
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that"}
# -- the bench's own cue lexicon (Levin 1993 verb classes; independent of the extractor's lists) -----------
COMMUNICATION = """
    say tell talk speak ask announce report write tweet describe call refer mention discuss state add note
    explain argue claim insist warn declare confirm deny admit acknowledge reveal disclose suggest indicate
    respond reply answer retort counter comment remark observe recall recount repeat reiterate stress
    emphasize assert contend maintain allege predict promise vow pledge threaten urge demand request propose
    recommend advise caution alert inform brief notify assure testify quote cite list read relay narrate
    dictate preach teach lecture debate chat joke quip boast brag complain grumble lament concede confess
    shout yell scream whisper mutter mumble exclaim cry plead email text phone post blog publish release
    announce proclaim predict forecast estimate speculate wonder question inquire query interview
    express voice signal hint imply characterize portray depict label dub name term brand nickname
    criticize criticise praise accuse blame thank congratulate slam mock dismiss condemn denounce attack
    blast hail applaud commend compliment chide scold rebuke ridicule deride disparage fault lambaste
    castigate berate insult taunt defend endorse reject challenge dispute rebut refute contradict
    apologize apologise concur echo reaffirm conclude point charge remind chant bemoan tout highlight reference
    continue
"""
EVIDENCE = "show find suggest indicate reveal demonstrate document prove confirm point"
DOCUMENT = """
    poll polls survey surveys record records study studies data report reports document documents filing
    filings figures numbers statistics results research analysis census email emails video videos memo
    memos evidence audit review tally count chart map photo photos footage transcript transcripts
"""
ATTITUDE = """
    believe think want hope expect plan fear see prefer support back favor favour oppose doubt worry know
    feel consider regard wish intend aim seek like love hate trust suspect assume agree disagree vote
    find learn realize realise understand remember forget imagine suppose guess reckon trust care choose
    decide mean
"""
# Past tenses and participles the regular rules below do not make.
IRREGULAR = {
    "say": "said", "tell": "told", "write": "wrote written", "speak": "spoke spoken", "think": "thought",
    "see": "saw seen", "find": "found", "know": "knew known", "feel": "felt", "teach": "taught",
    "read": "read", "forecast": "forecast", "mean": "meant", "forget": "forgot forgotten", "choose": "chose chosen",
    "show": "shown", "prove": "proven", "learn": "learnt", "dream": "dreamt", "lay": "laid",
    # Final stressed syllables double their consonant.
    "admit": "admitted admitting", "refer": "referred referring", "prefer": "preferred preferring",
    "concur": "concurred concurring",
    "rebut": "rebutted rebutting",
}


def forms(lemma: str) -> set[str]:
    """The inflected forms of an English verb: base, -s, -ed, -ing, with the usual spelling rules."""
    out = {lemma, *IRREGULAR.get(lemma, "").split()}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    else:
        plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        out |= {plural, lemma + "ed", lemma + "ing"}
        if len(lemma) <= 4 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "chat" -> "chatted"
    return out


def _all_forms(words: str) -> frozenset[str]:
    return frozenset(f for w in words.split() for f in forms(w))


COMMUNICATION_FORMS = _all_forms(COMMUNICATION)
EVIDENCE_FORMS = _all_forms(EVIDENCE)
ATTITUDE_FORMS = _all_forms(ATTITUDE)
DOCUMENT_NOUNS = frozenset(DOCUMENT.split())
DASH_CUES = {":", "-", "–", "—", "--"}
CLASSES = ("communication", "evidence", "attitude", "other")


def cue_class(cue: str, source: str) -> str:
    """The class of a gold attribution, from its Cue and Source text alone (see the module docstring)."""
    words = set(re.findall(r"[a-z]+", cue.lower()))
    src = set(re.findall(r"[a-z]+", source.lower()))
    if words & EVIDENCE_FORMS and src & DOCUMENT_NOUNS:
        return "evidence"
    if words & COMMUNICATION_FORMS or "according to" in " ".join(cue.lower().split()) or cue.strip() in DASH_CUES:
        return "communication"
    if words & ATTITUDE_FORMS:
        return "attitude"
    return "other"


MARKS = "\"“”«»"


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: str = ""
    kind: str = "indirect"
    pronoun: bool = False
    cls: str = "other"


# -- reading PolNeAR --------------------------------------------------------------------------------
class Corpus:
    """A checkout (with data/) or a bare git directory, read the same way."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = not (root / "data").is_dir()

    def names(self, split: str, kind: str) -> list[str]:
        sub = f"data/{split}/{kind}"
        if not self.git:
            return sorted(p.name for p in (self.root / sub).iterdir())
        out = subprocess.run(
            ["git", f"--git-dir={self.root}", "ls-tree", "--name-only", "HEAD", f"{sub}/"],
            capture_output=True, text=True, check=True,
        ).stdout
        return sorted(Path(line).name for line in out.splitlines())

    def read(self, split: str, kind: str, name: str) -> str:
        rel = f"data/{split}/{kind}/{name}"
        if not self.git:
            return (self.root / rel).read_text(encoding="utf-8")
        return subprocess.run(
            ["git", f"--git-dir={self.root}", "show", f"HEAD:{rel}"], capture_output=True, check=True
        ).stdout.decode("utf-8")


def find_corpus() -> Corpus | None:
    env = os.environ.get("POLNEAR_DIR")
    if env:  # an explicit place is the only place looked at
        candidates = [env]
    else:
        candidates = sorted(glob.glob("/work/.mirror/*PolNeAR*/repo")) + sorted(glob.glob("/work/.mirror/*PolNeAR*"))
    for c in candidates:
        p = Path(c)
        if (p / "data").is_dir() or (p / "HEAD").is_file():
            return Corpus(p)
    return None


def parse_ann(ann: str, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            frags = [(int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))]
            spans[parts[0]] = (label, frags)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    golds = []
    for rel in relations:
        if "Content" not in rel or rel["Content"] not in spans:
            continue
        g = Gold(spans[rel["Content"]][1])
        if "Source" in rel and rel["Source"] in spans:
            g.source = spans[rel["Source"]][1]
            src = " ".join(text[a:b] for a, b in g.source).strip().lower()
            g.pronoun = src in PRONOUNS
        if "Cue" in rel and rel["Cue"] in spans:
            g.cue = " ".join(text[a:b] for a, b in spans[rel["Cue"]][1])
        g.cls = cue_class(g.cue, " ".join(text[a:b] for a, b in g.source))
        body = " ".join(text[a:b] for a, b in g.content).replace("''", '"').strip().rstrip(".,;:!? ")
        if len(body) > 1 and body[0] in MARKS and body[-1] in MARKS:
            g.kind = "direct"
        elif any(c in MARKS for c in body):
            g.kind = "partial"
        golds.append(g)
    return golds


# -- scoring ------------------------------------------------------------------------------------------
def overlap(a: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in frags)


def matches(span: tuple[int, int], frags: list[tuple[int, int]]) -> int:
    """Overlap when it is at least half of the shorter span, else 0."""
    o = overlap(span, frags)
    shorter = min(span[1] - span[0], sum(e - s for s, e in frags))
    return o if shorter > 0 and o * 2 >= shorter else 0


@dataclass
class Pred:
    span: tuple[int, int]
    kind: str
    speaker_spans: list[tuple[int, int]]  # speaker_span and the speaker entity's mentions
    entity_spans: list[tuple[int, int]] = field(default_factory=list)  # the speaker entity's mentions only
    act: str = ""  # our act (speech, evidence, attitude) when the system records one
    cue: str = ""


@dataclass
class Tally:
    pred: Counter = field(default_factory=Counter)
    pred_ok: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    gold_ok: Counter = field(default_factory=Counter)
    spk: Counter = field(default_factory=Counter)
    spk_ok: Counter = field(default_factory=Counter)
    ent: int = 0  # non-pronoun gold sources scored by entity mentions alone
    ent_ok: int = 0
    errors: int = 0
    docs: int = 0
    seconds: float = 0.0

    def add(self, golds: list[Gold], preds: list[Pred]) -> None:
        for p in preds:
            keys = [p.kind, "all"] + ([f"act:{p.act}"] if p.act else [])
            ok = any(matches(p.span, g.content) for g in golds)
            for k in keys:
                self.pred[k] += 1
                self.pred_ok[k] += ok
        for g in golds:
            keys = ["all", g.cls, g.kind] + (["pronoun"] if g.pronoun else [])
            scored = [(matches(p.span, g.content), p) for p in preds]
            scored = [(o, p) for o, p in scored if o]
            for k in keys:
                self.gold[k] += 1
            if not scored:
                continue
            for k in keys:
                self.gold_ok[k] += 1
            if not g.source:
                continue
            best = max(scored, key=lambda x: x[0])[1]
            right = any(overlap(s, g.source) for s in best.speaker_spans)
            if not g.pronoun:
                self.ent += 1
                self.ent_ok += any(overlap(s, g.source) for s in best.entity_spans)
            for k in keys:
                self.spk[k] += 1
                self.spk_ok[k] += right

    def row(self, key: str, pred_key: str | None = None) -> str:
        pk = pred_key or key
        p = self.pred_ok[pk] / self.pred[pk] if self.pred[pk] else float("nan")
        r = self.gold_ok[key] / self.gold[key] if self.gold[key] else float("nan")
        f = 2 * p * r / (p + r) if p + r else 0.0
        s = self.spk_ok[key] / self.spk[key] if self.spk[key] else float("nan")
        return (f"{key:>13} gold {self.gold[key]:5d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                f"speaker {s:.3f} (n={self.spk[key]})")


def _snip(text: str, frags: list[tuple[int, int]], width: int = 110) -> str:
    return " ".join(text[a:b] for a, b in frags).replace("\n", " ")[:width]


def list_errors(what: str, text: str, golds: list[Gold], preds: list[Pred], only: str | None) -> list[str]:
    """One line per error of the asked sort, for reading: wrong speakers, missed golds or false quotes."""
    out = []
    if what == "false":
        for p in preds:
            if not any(matches(p.span, g.content) for g in golds):
                out.append(f"FALSE [{p.kind}/{p.act}] spk={_snip(text, p.speaker_spans[:1], 30)!r} || {p.cue!r} || "
                           f"{_snip(text, [p.span])}")
        return out
    for g in golds:
        if only and g.cls != only and g.kind != only:
            continue
        scored = [(matches(p.span, g.content), p) for p in preds]
        scored = [(o, p) for o, p in scored if o]
        if what == "missed" and not scored:
            out.append(f"MISS [{g.cls}/{g.kind}] {_snip(text, g.source, 30)!r} || {g.cue!r} || "
                       f"{_snip(text, g.content)}")
        elif what == "speaker" and scored and g.source:
            best = max(scored, key=lambda x: x[0])[1]
            if not any(overlap(sp, g.source) for sp in best.speaker_spans):
                ctx = text[max(0, g.content[0][0] - 120) : g.content[0][0]].replace("\n", " / ")
                out.append(f"SPEAKER [{g.cls}/{g.kind}] gold={_snip(text, g.source, 30)!r} "
                           f"ours={_snip(text, best.speaker_spans[:1], 30)!r} cue={g.cue!r} our_cue={best.cue!r}\n"
                           f"      ...{ctx} || {_snip(text, g.content, 80)}")
    return out


# -- systems --------------------------------------------------------------------------------------------
def ours(doc, text: str) -> tuple[list[Pred], float, float]:
    from newsgraph.extract.entities import find_entities
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.extract.quotes import find_quotes

    t0 = time.perf_counter()
    entities = find_entities(doc)
    index = MentionIndex(entities)
    t1 = time.perf_counter()
    quotes = find_quotes(doc, entities, index)
    t2 = time.perf_counter()
    by_id = {e.id: e for e in entities}
    preds = []
    for q in quotes:
        spans = [(q.speaker_span.start, q.speaker_span.end)] if q.speaker_span else []
        mentions = [(m.start, m.end) for m in by_id[q.speaker].mentions] if q.speaker in by_id else []
        act = getattr(q, "act", None)
        preds.append(Pred(
            (q.start, q.end), q.kind.value, spans + mentions, mentions, act.value if act else "", q.cue or ""
        ))
    return preds, t1 - t0, t2 - t1


def peer(doc) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    preds = []
    for dq in direct_quotations(doc):
        content = dq.content
        spans = [(t.idx, t.idx + len(t.text)) for t in dq.speaker]
        preds.append(Pred((content.start_char, content.end_char), "direct", spans, spans))
    return preds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--all", action="store_true", help="train and dev, every article")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles per split (0: all)")
    ap.add_argument("--offset", type=int, default=0, help="skip this many articles per split first")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--errors", choices=("speaker", "missed", "false"), help="list our errors of this sort")
    ap.add_argument("--only", help="with --errors: only golds of this class or kind (e.g. partial)")
    args = ap.parse_args(argv)
    corpus = find_corpus()
    if corpus is None:
        print("skipped: PolNeAR absent (set POLNEAR_DIR or fetch networkdynamics/PolNeAR)")
        return 0
    try:
        import textacy.extract.triples  # noqa: F401

        have_peer = not args.no_peer
    except ImportError:
        have_peer = False
        if not args.no_peer:
            print("peer skipped: textacy is not installed (pip install textacy==0.13.0)")
    from newsgraph import nlp as nlp_mod

    nlp = nlp_mod.load()
    splits = SPLITS if args.all else (args.split,)
    items = []
    for split in splits:
        texts = corpus.names(split, "text")
        anns = defaultdict(list)
        for name in corpus.names(split, "attributions"):
            anns[name.rsplit("_", 1)[0]].append(name)
        chosen = [t for t in texts if anns.get(t[:-4])]
        chosen = chosen[args.offset :]
        if args.limit:
            chosen = chosen[: args.limit]
        for t in chosen:
            text = corpus.read(split, "text", t)
            ann = corpus.read(split, "attributions", sorted(anns[t[:-4]])[0])  # one annotator per article
            items.append((text, parse_ann(ann, text)))
    mine, theirs = Tally(), Tally()
    parse_s = ent_s = 0.0
    t0 = time.perf_counter()
    docs = list(nlp.pipe((text for text, _ in items), batch_size=32))
    parse_s = time.perf_counter() - t0
    for doc, (text, golds) in zip(docs, items, strict=True):
        preds, e_s, q_s = ours(doc, text)
        ent_s += e_s
        mine.seconds += q_s
        mine.docs += 1
        mine.add(golds, preds)
        if args.errors:
            for line in list_errors(args.errors, text, golds, preds, args.only):
                print(line)
        if have_peer:
            t = time.perf_counter()
            try:
                theirs_preds = peer(doc)
            except Exception:  # the peer's own failures are part of what we report
                theirs.errors += 1
                theirs_preds = []
            theirs.seconds += time.perf_counter() - t
            theirs.docs += 1
            theirs.add(golds, theirs_preds)
    n = len(items)
    words = sum(len(d) for d in docs)
    print(f"PolNeAR {'+'.join(splits)}: {n} articles, {words:,} tokens, one annotator each")
    kinds = {k: v for k, v in mine.pred.items() if k != "all" and not k.startswith("act:")}
    print(f"ours ({mine.pred['all']} quotes: {kinds})")
    acts = sorted(k for k in mine.pred if k.startswith("act:"))
    if acts:
        print("  precision by our act: " + ", ".join(
            f"{k[4:]} {mine.pred_ok[k] / mine.pred[k]:.3f} (n={mine.pred[k]})" for k in acts))
    for key in ("all", *CLASSES, "direct", "partial", "indirect", "pronoun"):
        print("  " + mine.row(key, pred_key=key if key in ("direct", "partial", "indirect") else "all"))
    print(f"  speaker by entity mention alone (non-pronoun sources): {mine.ent_ok / max(1, mine.ent):.3f} "
          f"(n={mine.ent}); the rows above also accept the speaker_span")
    if have_peer:
        print(f"textacy direct_quotations ({theirs.pred['all']} quotes, raised on {theirs.errors}/{theirs.docs} "
              f"articles)")
        for key in ("all", "communication", "direct", "pronoun"):
            print("  " + theirs.row(key, pred_key="all"))
        print("  anchor (Gender Gap Tracker, its own news set): quote F1 0.837, speaker 0.865")
        for key in ("direct",):
            r_ours = mine.gold_ok[key] / max(1, mine.gold[key])
            r_peer = theirs.gold_ok[key] / max(1, theirs.gold[key])
            print(f"  ratio ours/peer: direct recall {r_ours / r_peer if r_peer else float('inf'):.2f}x")
    print(f"time per article: parse {1000 * parse_s / n:.1f} ms, entities {1000 * ent_s / n:.2f} ms, "
          f"quotes {1000 * mine.seconds / n:.2f} ms ({100 * mine.seconds / parse_s:.1f}% of the parse)"
          + (f", textacy {1000 * theirs.seconds / n:.2f} ms" if have_peer else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
