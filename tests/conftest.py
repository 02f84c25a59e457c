"""Shared fixtures: the seeds' graph is built once per test session, into a temporary folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built with the library, and the folder holding its written outputs."""
    from newskg.rdf.outputs import write_outputs
    from newskg.pipeline import build_corpus

    result = build_corpus([SEEDS])
    out = tmp_path_factory.mktemp("graph")
    write_outputs(result.dataset, out)
    return result, out


@pytest.fixture(scope="session")
def seeds_dataset(seeds_build):
    from newskg.rdf.files import load_graph

    return load_graph(seeds_build[1] / "newskg.trig")


@pytest.fixture
def article_dir(tmp_path):
    """A folder to write test articles into: call it with {name: text}."""
    def write(articles: dict[str, str | bytes]) -> Path:
        for name, text in articles.items():
            path = tmp_path / name
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return tmp_path
    return write


def build_texts(articles: dict[str, str]):
    """Build a corpus from in-memory texts: returns the BuildResult."""
    import tempfile

    from newskg.pipeline import build_corpus

    folder = Path(tempfile.mkdtemp(prefix="newskg-test-"))
    try:
        for name, text in articles.items():
            (folder / name).write_text(text, encoding="utf-8")
        return build_corpus([folder])
    finally:
        shutil.rmtree(folder)


def rows(dataset, query_name: str) -> list[dict]:
    """Run a competency question on a dataset; rows as {column: python value or str}."""
    from newskg.query.run import run_query

    answer = run_query(dataset, (QUERIES / "cq" / f"cq_{query_name}.rq").read_text(encoding="utf-8"))
    return [{c: (None if v is None else (v.toPython() if hasattr(v, "toPython") else str(v)))
             for c, v in zip(answer.columns, row)} for row in answer.rows]
