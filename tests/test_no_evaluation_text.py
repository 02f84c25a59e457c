"""The development set is for measuring only: no run of seven words of an evaluation article in src/ or tests/.

A rule tuned on a sentence copied from the evaluation (or a test built from one with the names swapped) cannot
show over-fitting; examples in docstrings and tests are invented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

EVAL_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"
RUN = 7


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_seven_word_run_of_an_evaluation_article_in_the_code_or_the_tests():
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no evaluation articles at {EVAL_ARTICLES}")
    evaluation: dict[tuple[str, ...], str] = {}
    for article in sorted(EVAL_ARTICLES.iterdir()):
        for run in _runs(_words(article.read_text(encoding="utf-8"))):
            evaluation.setdefault(run, article.name)
    found = []
    for folder in (ROOT / "src", ROOT / "tests"):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".py", ".yaml", ".md", ".txt", ".html", ".rq", ".json") or not path.is_file():
                continue
            for run in _runs(_words(path.read_text(encoding="utf-8", errors="replace"))) & evaluation.keys():
                found.append(f"{path.relative_to(ROOT)}: '{' '.join(run)}' ({evaluation[run]})")
    assert not found, "\n".join(sorted(found)[:20])


def _shapes(text: str) -> list[str]:
    """Words with names and numbers masked: a sentence copied with its names swapped keeps its shape."""
    return ["X" if w[0].isupper() else "0" if w[0].isdigit() else w.casefold() for w in re.findall(r"\w+", text)]


def test_no_evaluation_sentence_copied_with_its_names_or_numbers_swapped():
    """Eight words in a row in the same shape, five of them ordinary words, is a copied sentence."""
    if not EVAL_ARTICLES.is_dir():
        pytest.skip(f"no evaluation articles at {EVAL_ARTICLES}")
    size = 8
    evaluation: dict[tuple[str, ...], str] = {}
    for article in sorted(EVAL_ARTICLES.iterdir()):
        words = _shapes(article.read_text(encoding="utf-8"))
        for i in range(len(words) - size + 1):
            run = tuple(words[i:i + size])
            if sum(w not in ("X", "0") for w in run) >= 5:
                evaluation.setdefault(run, article.name)
    found = []
    for path in sorted((ROOT / "tests").rglob("*")):
        if path.suffix in (".py", ".txt", ".json") and path.is_file():
            words = _shapes(path.read_text(encoding="utf-8", errors="replace"))
            found += [f"{path.relative_to(ROOT)}: '{' '.join(words[i:i + size])}' ({evaluation[tuple(words[i:i + size])]})"
                      for i in range(len(words) - size + 1) if tuple(words[i:i + size]) in evaluation]
    assert not found, "\n".join(sorted(set(found))[:20])
