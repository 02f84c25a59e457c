"""newskg at scale: one table of build speed, memory, incremental updates, queries, export and view.

    python benchmarks/bench.py                     # 1,000 and 10,000 generated articles
    python benchmarks/bench.py --sizes 1000        # quicker
    python benchmarks/bench.py --corpus DIR        # real articles of your own instead of generated ones

Each build runs in its own process, so its peak memory (ru_maxrss from os.wait4) is its own.
Uses only Python's timers and resource accounting.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-m", "newskg.cli"]
ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one newskg command in its own process."""
    started = time.perf_counter()
    proc = subprocess.Popen(CLI + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"newskg {' '.join(args)} failed: {proc.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 1024


class Slow(BaseException):  # not an Exception: the library must not swallow it
    pass


def timed(function, repeat: int = 3, cap: int = 0) -> float:
    """Best of ``repeat`` wall times, in milliseconds; inf when one run exceeds ``cap`` seconds."""
    import signal

    def give_up(*_):
        raise Slow

    best = float("inf")
    for _ in range(repeat):
        if cap:
            signal.signal(signal.SIGALRM, give_up)
            signal.alarm(cap)
        started = time.perf_counter()
        try:
            function()
        except Slow:
            return float("inf")
        finally:
            if cap:
                signal.alarm(0)
        best = min(best, time.perf_counter() - started)
    return best * 1000


def corpus(size: int, work: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    from newskg.generator import generate_corpus

    folder = work / f"articles-{size}"
    generate_corpus(size, folder, work / f"gold-{size}", seed=7)
    return folder


def query_times(size: int, store_dir: Path, memory_graph: Path | None) -> list[tuple[str, str, str]]:
    from newskg.persistent import PersistentStore
    from newskg.query import run_query, run_store_query
    from newskg.store import load_graph

    store = PersistentStore(store_dir, read_only=True).store
    dataset = load_graph(memory_graph) if memory_graph else None
    rows = []
    queries = sorted((ROOT / "queries" / "cq").glob("cq_*.rq"))
    extra = [(ROOT / "queries" / "entity_profile.rq", {"entity": "Reuters"}),
             (ROOT / "src" / "newskg" / "queries" / "timeline.rq", {"entity": "Reuters"})]
    for path, params in [(q, None) for q in queries] + extra:
        text = path.read_text(encoding="utf-8")
        oxi = timed(lambda: run_store_query(store, text, params=params))
        mem = timed(lambda: run_query(dataset, text, params=params), repeat=1, cap=20) if dataset is not None else None
        if mem is None:
            note = ""
        elif mem == float("inf"):
            note = "rdflib in memory: over 20 s (stopped)"
        else:
            note = f"rdflib in memory: {mem:.0f} ms, {mem / oxi:.0f}x slower"
        rows.append((f"query {path.stem} ({size})", f"{oxi:.1f} ms", note))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--memory-max", type=int, default=1000,
                        help="largest size also built in memory with rdflib (it is slow and big)")
    parser.add_argument("--corpus", type=Path, help="a folder of real articles to measure instead")
    args = parser.parse_args()
    sizes = [0] if args.corpus else [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    table: list[tuple[str, str, str]] = []
    try:
        for size in sizes:
            articles = corpus(size, work, args.corpus)
            count = sum(1 for p in articles.rglob("*") if p.is_file())
            store = work / f"kg-{count}"
            seconds, peak = run(["build", str(articles), "--store", str(store), "--no-validate", "-q"])
            table.append((f"build {count} into store", f"{seconds:.1f} s, {count / seconds:.0f} articles/s",
                          f"peak {peak:.0f} MB"))
            memory_graph = None
            if count <= args.memory_max:
                out = work / f"graph-{count}"
                mem_seconds, mem_peak = run(["build", str(articles), "--out", str(out), "--no-validate", "--no-html", "-q"])
                table.append((f"build {count} in memory (rdflib)", f"{mem_seconds:.1f} s, {count / mem_seconds:.0f} articles/s",
                              f"peak {mem_peak:.0f} MB; store is {mem_seconds / seconds:.1f}x faster"))
                memory_graph = out / "newskg.trig"
            one = work / f"one-{count}"
            one.mkdir()
            source = next(p for p in sorted(articles.rglob("*.txt")))
            (one / "fresh-article.txt").write_text(source.read_text(encoding="utf-8").replace(" ", "  ", 1) + "\nBaru.",
                                                   encoding="utf-8")
            add_seconds, add_peak = run(["build", str(one), "--store", str(store), "--no-validate", "-q"])
            table.append((f"add 1 article to the {count} store", f"{add_seconds:.2f} s", f"peak {add_peak:.0f} MB"))
            table.extend(query_times(count, store, memory_graph))
            export_seconds, _ = run(["export", "--format", "turtle", "--store", str(store), "-o", str(work / "x.ttl")])
            table.append((f"export Turtle ({count})", f"{export_seconds:.1f} s", ""))
            view_seconds, _ = run(["view", "--store", str(store), "--focus", "Reuters", "--depth", "2",
                                   "--max-nodes", "300", "-o", str(work / "view.html")])
            table.append((f"focused HTML view ({count})", f"{view_seconds:.1f} s", ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    width = max(len(row[0]) for row in table)
    print(f"{'measure':<{width}}  {'time':<32}  notes")
    for name, value, note in table:
        print(f"{name:<{width}}  {value:<32}  {note}")


if __name__ == "__main__":
    main()
