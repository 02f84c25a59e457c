"""Extraction quality on real articles: build them, score them with the evaluation's own scorer, print F1 per part.

    python benchmarks/quality.py                    # seeds and the dev set's three parts
    python benchmarks/quality.py --halves           # also odd / even numbered dev articles (tune on one, confirm on the other)
    python benchmarks/quality.py --json             # machine-readable, for the quality test
    python benchmarks/quality.py --show PART        # the scorer's misses and extras for one part (e.g. "en")
    python benchmarks/quality.py --blind            # also the blind set (tests/fixtures/blind), by odd / even halves
    python benchmarks/quality.py --show blind-odd   # its misses (read only the half you tune on)

The evaluation lives outside the repository (``../shared/eval``: score.py, gold facts, the dev articles);
its texts are for measuring only and are never copied here. The graph is built by this checkout's code
(``python -m newskg.cli``), so running it with ``PYTHONPATH=other/src`` measures another work tree.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("NEWSKG_EVAL", ROOT.parent / "shared" / "eval"))
QUESTIONS = ("organizations", "people", "roles", "layoffs", "hiring", "headcount", "ai_adoption", "quotes")
PARTS = {  # part name -> which dev gold files (by stem) belong to it
    "d01-d07": lambda stem: re.fullmatch(r"d0[1-7]", stem) is not None,
    "d08-d22": lambda stem: re.fullmatch(r"d(0[89]|1\d|2[0-2])", stem) is not None,
    "en01-en08": lambda stem: stem.startswith("en"),
    "dev-all": lambda stem: True,
}
BLIND = ROOT / "tests" / "fixtures" / "blind"  # articles written for this project by people who do not tune rules
BLIND_PARTS = {
    "blind-all": lambda stem: True,
    "blind-odd": lambda stem: int(re.sub(r"\D", "", stem)) % 2 == 1,
    "blind-even": lambda stem: int(re.sub(r"\D", "", stem)) % 2 == 0,
}
HALVES = {
    "dev-odd": lambda stem: int(re.sub(r"\D", "", stem)) % 2 == 1,
    "dev-even": lambda stem: int(re.sub(r"\D", "", stem)) % 2 == 0,
}


def build(articles: Path, out: Path) -> Path:
    """Build a graph of ``articles`` with this checkout's code; the TriG file it wrote."""
    command = [sys.executable, "-m", "newskg.cli", "build", str(articles), "--out", str(out), "--no-html", "-q"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"build of {articles} failed: {done.stderr.strip()}")
    return out / "newskg.trig"


def score(graph: Path, gold: Path, show: bool = False) -> dict:
    command = [sys.executable, str(EVAL / "score.py"), "--graph", str(graph), "--queries", str(ROOT / "queries" / "cq"),
               "--gold", str(gold), "--show" if show else "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return {"text": done.stdout} if show else json.loads(done.stdout)


def gold_subset(source: Path, keep, into: Path) -> Path:
    into.mkdir(parents=True)
    for path in sorted(source.glob("*.json")):
        if keep(path.stem):
            shutil.copy(path, into / path.name)
    return into


def f1_table(scores: dict) -> dict:
    """part -> {question: F1, 'micro': F1, 'facts': F1 over the fact questions}."""
    table = {}
    for part, result in scores.items():
        row = {q: result[q]["f1"] for q in QUESTIONS if q in result}
        row["micro"] = result["micro"]["f1"]
        facts = [result[q] for q in ("layoffs", "hiring", "headcount", "ai_adoption", "quotes") if q in result]
        found, gold, match = (sum(q[k] for q in facts) for k in ("returned", "gold", "matched"))
        p, r = (match / found if found else 0.0), (match / gold if gold else 0.0)
        row["facts"] = 2 * p * r / (p + r) if p + r else 0.0
        table[part] = row
    return table


def measure(halves: bool = False, show: str | None = None, blind: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if show in BLIND_PARTS:
            graph = build(BLIND / "articles", tmp / "blind")
            print(score(graph, gold_subset(BLIND / "gold", BLIND_PARTS[show], tmp / "show"), show=True)["text"])
            return {}
        parts = dict(PARTS, **(HALVES if halves else {}))
        dev = build(EVAL / "dev" / "articles", tmp / "dev")
        if show:
            every = dict(PARTS, **HALVES)
            gold = gold_subset(EVAL / "dev" / "gold", every.get(show, lambda s: s.startswith(show)), tmp / "show")
            print(score(dev, gold, show=True)["text"])
            return {}
        scores = {"seeds": score(build(ROOT / "seeds", tmp / "seeds"), EVAL / "gold")}
        for name, keep in parts.items():
            scores[name] = score(dev, gold_subset(EVAL / "dev" / "gold", keep, tmp / name))
        if blind and (BLIND / "gold").is_dir():
            graph = build(BLIND / "articles", tmp / "blind")
            for name, keep in BLIND_PARTS.items():
                scores[name] = score(graph, gold_subset(BLIND / "gold", keep, tmp / name))
        return f1_table(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--halves", action="store_true", help="also score odd and even numbered dev articles")
    parser.add_argument("--blind", action="store_true", help="also score the blind set (tests/fixtures/blind)")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--show", metavar="PART", help="print misses and extras of one part (d01-d07, d08-d22, en, d13..., blind-odd)")
    args = parser.parse_args()
    if not (EVAL / "score.py").is_file():
        raise SystemExit(f"no evaluation at {EVAL} (set NEWSKG_EVAL)")
    table = measure(args.halves, args.show, args.blind)
    if args.show:
        return
    if args.json:
        print(json.dumps(table, indent=1, sort_keys=True))
        return
    columns = (*QUESTIONS, "facts", "micro")
    print("part        " + " ".join(f"{c[:8]:>8}" for c in columns))
    for part, row in table.items():
        print(f"{part:<12}" + " ".join(f"{row[c]:8.2f}" if c in row else " " * 8 for c in columns))


if __name__ == "__main__":
    main()
