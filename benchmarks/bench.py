"""newskg at scale: one table of build speed, memory, incremental updates, queries, export and view.

    python benchmarks/bench.py                     # 1,000 and 10,000 generated articles
    python benchmarks/bench.py --sizes 1000        # quicker
    python benchmarks/bench.py --real              # real Indonesian news sentences (benchmarks/real_corpus.py)
    python benchmarks/bench.py --corpus DIR        # real articles of your own instead of generated ones
    python benchmarks/bench.py --store DIR         # only the queries, on a store you built

Each command runs in its own process, so its peak memory (ru_maxrss from os.wait4) is its own.
Uses only Python's timers and resource accounting.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = [sys.executable, "-m", "newskg.cli"]
ROOT = Path(__file__).resolve().parent.parent


_MEASURE = """import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one newskg command in its own process.

    The command is started by a small helper process: a child forked straight from this one (which
    holds loaded graphs) would report this process's memory as its own peak (Linux keeps the
    high-water mark across exec)."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURE] + CLI + args, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"newskg {' '.join(args)} failed: {proc.stderr[-500:]}")
    return seconds, int(proc.stdout.split()[-1]) / 1024


RDFLIB_CAP = 20  # seconds an rdflib query may run before it is stopped


class Slow(BaseException):  # not an Exception: the library must not swallow it
    pass


def timed(function, repeat: int = 3, cap: int = 0) -> list[float]:
    """Wall times of ``repeat`` runs in milliseconds, fastest first; [inf] when one run exceeds ``cap`` s."""
    import signal

    def give_up(*_):
        raise Slow

    times = []
    for _ in range(repeat):
        if cap:
            signal.signal(signal.SIGALRM, give_up)
            signal.alarm(cap)
        started = time.perf_counter()
        try:
            function()
        except Slow:
            return [float("inf")]
        finally:
            if cap:
                signal.alarm(0)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def median(times: list[float]) -> float:
    return times[len(times) // 2]


def corpus(size: int, work: Path, given: Path | None, real: bool) -> tuple[Path, Path, Path | None]:
    """(folder to build, one held-back article to add afterwards, gold folder or None)."""
    folder, held = work / f"articles-{size}", work / f"held-{size}"
    held.mkdir()
    gold = None
    if given is not None:  # a folder of the user's: link all but its last article
        files = sorted(p for p in given.rglob("*") if p.is_file())
        folder.mkdir()
        for path in files[:-1]:
            (folder / path.name).symlink_to(path.resolve())
        shutil.copy(files[-1], held)
        return folder, held, None
    if real:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from real_corpus import write_corpus

        write_corpus(folder, size + 1, Path.home() / ".cache" / "newskg-bench")
    else:
        from newskg.develop.generator import generate_corpus

        gold = work / f"gold-{size}"
        generate_corpus(size + 1, folder, gold, seed=7)
    last = sorted(folder.glob("*.txt"))[-1]
    shutil.move(last, held / last.name)
    if gold is not None:
        (gold / f"{last.stem}.json").unlink()
    return folder, held, gold


def busiest_organisation(store) -> str:
    """The organisation most facts are about: the entity the profile and timeline are asked for."""
    from newskg.query.run import run_store_query

    answer = run_store_query(store, """PREFIX nkg: <https://w3id.org/newskg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label (COUNT(?fact) AS ?n) WHERE { GRAPH ?doc { ?fact nkg:organization ?o } ?o rdfs:label ?label }
        GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 1""")
    return str(answer.rows[0][0]) if answer.rows else "Reuters"


def query_times(size: int, store_dir: Path, memory_graph: Path | None) -> list[tuple[str, str, str]]:
    """Each competency question, then an entity profile, timeline and claims: on the store on disk (as
    ``newskg query --store`` runs them), served from the store copied into memory (``serve --in-memory``),
    and with rdflib in memory when the graph file is given."""
    import pyoxigraph

    from newskg.store.oxigraph import PersistentStore
    from newskg.query.run import run_query, run_store_query
    from newskg.rdf.files import load_graph

    store = PersistentStore(store_dir, read_only=True).store
    entity = busiest_organisation(store)
    library = ROOT / "src" / "newskg" / "queries"
    queries = [(q, None) for q in sorted((ROOT / "queries" / "cq").glob("cq_*.rq"))]
    queries += [(ROOT / "queries" / "entity_profile.rq", {"entity": entity}),
                (library / "timeline.rq", {"entity": entity}), (library / "claims.rq", {"entity": entity})]
    texts = [(path, path.read_text(encoding="utf-8"), params) for path, params in queries]
    # On disk first, with nothing else loaded: as in a ``newskg query --store`` process (a copy of the store
    # in memory in the same process made these 20-30% slower).
    on_disk = [timed(lambda: run_store_query(store, text, params=params), repeat=5) for _, text, params in texts]
    in_memory = pyoxigraph.Store()
    in_memory.bulk_load(store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = load_graph(memory_graph) if memory_graph else None
    rows = []
    for (path, text, params), disk in zip(texts, on_disk):
        memory = timed(lambda: served(in_memory, text, params), repeat=5)
        note = f"worst of 5: {disk[-1]:.0f} ms; served from memory: {median(memory):.0f} ms, " \
               f"worst {memory[-1]:.0f} ms"
        if dataset is not None:
            mem = timed(lambda: run_query(dataset, text, params=params), repeat=1, cap=RDFLIB_CAP)[0]
            note += f"; rdflib: over {RDFLIB_CAP} s (stopped), over {RDFLIB_CAP * 1000 / median(disk):.0f}x slower" \
                if mem == float("inf") else f"; rdflib: {mem:.0f} ms, {mem / median(disk):.0f}x slower"
        about = f" {entity}" if params else ""
        rows.append((f"query {path.stem}{about} ({size})", f"{median(disk):.1f} ms", note))
    return rows


def served(store, text: str, params: dict | None) -> bytes:
    """What ``newskg serve --in-memory`` does for a query: Oxigraph answers and writes SPARQL JSON."""
    import pyoxigraph

    from newskg.query.run import bind_parameters, row_by_row

    query = bind_parameters(row_by_row(text) if params else text, params)
    return store.query(query, use_default_graph_as_union=True).serialize(format=pyoxigraph.QueryResultsFormat.JSON)


def add_one(store: Path, held: Path, count: int) -> list[tuple[str, str, str]]:
    """Add the held-back article and remove it again, three times, with and without validation."""
    name = next(held.iterdir()).name
    times: dict[str, list[float]] = {"add": [], "add --no-validate": [], "remove": []}
    peak = 0.0
    for validate in (True, False) * 3:
        seconds, used = run(["build", str(held), "--store", str(store), "-q"] + ([] if validate else ["--no-validate"]))
        times["add" if validate else "add --no-validate"].append(seconds)
        peak = max(peak, used)
        times["remove"].append(run(["remove", name, "--store", str(store)])[0])
    rows = []
    for what, values in times.items():
        values.sort()
        rows.append((f"{what} 1 article ({count} store)", f"{values[len(values) // 2]:.2f} s median",
                     f"best {values[0]:.2f} s; whole command incl. start-up; peak {peak:.0f} MB"))
    return rows


def score(graph: Path, gold: Path) -> tuple[str, str, str] | None:
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    if not scorer.exists():
        return None
    out = subprocess.run([sys.executable, str(scorer), "--graph", str(graph), "--queries", str(ROOT / "queries" / "cq"),
                          "--gold", str(gold)], capture_output=True, text=True)
    line = next((l for l in out.stdout.splitlines() if l.startswith("micro-F1")), "micro-F1 ?")
    return ("score.py on the generated sample", line, "regression guard for generator and extractor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--memory-max", type=int, default=1000,
                        help="largest size also built in memory with rdflib (it is slow and big)")
    parser.add_argument("--view-max", type=int, default=1000,
                        help="largest size whose HTML view is timed (a store's view goes through rdflib: minutes at 10,000)")
    parser.add_argument("--corpus", type=Path, help="a folder of real articles to measure instead")
    parser.add_argument("--store", type=Path, help="only time the queries on this existing store")
    parser.add_argument("--real", action="store_true",
                        help="real Indonesian news sentences (benchmarks/real_corpus.py) instead of generated articles")
    args = parser.parse_args()
    from newskg.store.oxigraph import PersistentStore

    if args.store:
        count = PersistentStore(args.store, read_only=True).index.summary()["articles"]
        print_table(query_times(count, args.store, None))
        return

    sizes = [0] if args.corpus else [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    table: list[tuple[str, str, str]] = []
    kind = "real-text" if args.real or args.corpus else "generated"
    try:
        for size in sizes:
            articles, held, gold = corpus(size, work, args.corpus, args.real)
            count = sum(1 for p in articles.rglob("*") if p.is_file() or p.is_symlink())
            store = work / f"kg-{count}"
            seconds, peak = run(["build", str(articles), "--store", str(store), "--no-validate", "-q"])
            table.append((f"build {count} {kind} articles into store", f"{seconds:.1f} s, {count / seconds:.0f} articles/s",
                          f"peak {peak:.0f} MB"))
            memory_graph = None
            if count <= args.memory_max:
                out = work / f"graph-{count}"
                mem_seconds, mem_peak = run(["build", str(articles), "--out", str(out), "--no-validate", "--no-html", "-q"])
                table.append((f"build {count} in memory (rdflib)", f"{mem_seconds:.1f} s, {count / mem_seconds:.0f} articles/s",
                              f"peak {mem_peak:.0f} MB; store is {mem_seconds / seconds:.1f}x faster"))
                memory_graph = out / "newskg.trig"
                scored = score(memory_graph, gold) if gold else None
                if scored:
                    table.append(scored)
            table.extend(add_one(store, held, count))
            table.extend(query_times(count, store, memory_graph))
            export_seconds, _ = run(["export", "--format", "turtle", "--store", str(store), "-o", str(work / "x.ttl")])
            table.append((f"export Turtle ({count})", f"{export_seconds:.1f} s", ""))
            if count <= args.view_max:
                focus = busiest_organisation(PersistentStore(store, read_only=True).store)
                view_seconds, _ = run(["view", "--store", str(store), "--focus", focus, "--depth", "2",
                                       "--max-nodes", "300", "-o", str(work / "view.html")])
                table.append((f"focused HTML view of {focus} ({count})", f"{view_seconds:.1f} s", ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_table(table)


def print_table(table: list[tuple[str, str, str]]) -> None:
    width = max(len(row[0]) for row in table)
    print(f"{'measure':<{width}}  {'time':<32}  notes")
    for name, value, note in table:
        print(f"{name:<{width}}  {value:<32}  {note}")


if __name__ == "__main__":
    main()
