"""The part of a store update that runs in the worker processes, and the form it caches.

A worker analyses one article and writes its named graph as N-Quads text with
each entity IRI left as a placeholder (``entity/local/<index>``), because the
global IRIs are known only after corpus-wide resolution in the main process.
Rewriting an article whose entities changed IRI is then a text substitution
(``LOCAL_IRI``, ``globalise``) instead of a new analysis.
"""
from __future__ import annotations

import pickle
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newskg.deadline import TooSlow as AnalysisTooSlow, too_slow_message, within
from newskg.rdf.claims import statements_from_results
from newskg.errors import InputError
from newskg.extract.entities import CorpusEntities
from newskg.model import Article
from newskg.pipeline import ArticleResult, analyse_article, roles_and_countries_named
from newskg.read.duplicates import shingles
from newskg.rdf.triples import article_iri, article_triples, entity_iri


@dataclass
class CachedArticle:
    """What the store keeps of an article: its graph and claim statements, with each entity IRI left as a
    placeholder (``entity/local/<index>``) so that a change of global IRIs is a text substitution."""

    template: str  # N-Quads
    statements: list


@dataclass
class AnalysedArticle:
    """What a worker hands back: what the index needs (the rest is in the cache)."""

    doc_id: str
    sha256: str
    source: str
    entities: list
    uses: set[str]
    fact_kinds: Counter
    runs: frozenset[int]  # the body's word runs, hashed (``read.duplicates.shingles``): the same story twice


_LOCAL = str(entity_iri("local/"))  # the placeholder IRI of local entity N is _LOCAL + N
LOCAL_IRI = re.compile("<" + re.escape(_LOCAL) + r"(\d+)>")


@dataclass
class TooSlow:
    """What a worker hands back for an article it gave up: its id and the error that reports it."""

    doc_id: str
    error: InputError


def analyse_for_store(job: tuple[Article, Path, float]) -> AnalysedArticle | TooSlow:
    """In a worker: analyse one article, write its graph with placeholder IRIs, cache it. An article that
    takes more than ``seconds`` (0: no bound) is given up and returned as the error that reports it, so
    one pathological text cannot hold a whole update."""
    article, cache_path, seconds = job
    try:
        with within(seconds):
            result = analyse_article(article)
            doc_id = article.doc_id
            local = CorpusEntities({}, {(doc_id, i): f"local/{i}" for i in range(len(result.entities.entities))})
            graph = f"<{article_iri(doc_id)}>"
            template = "".join(nquad(t, graph) for t in article_triples(result.article, result.sentences,
                                                                         result.entities, result.facts, local))
            statements = statements_from_results([result], local)
    except AnalysisTooSlow:
        return TooSlow(article.doc_id, InputError(article.source, too_slow_message(seconds)))
    with cache_path.open("wb") as handle:
        pickle.dump(CachedArticle(template, statements), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return AnalysedArticle(doc_id, article.sha256, article.source, result.entities.entities, uses_of(result),
                           Counter(f.kind for f in result.facts), shingles(article))


def globalise(value, iris: list[str]):
    """A statement's subject ('iri|role|iri') or outlet with placeholders replaced by global IRIs."""
    if value is None:
        return None
    parts = [iris[int(p[len(_LOCAL):])] if p.startswith(_LOCAL) else p for p in str(value).split("|")]
    return type(value)("|".join(parts))


def uses_of(result: ArticleResult) -> set[str]:
    """The roles and countries the article's facts name, as owners of triples in the entities graph."""
    roles, countries = roles_and_countries_named(result.facts)
    return {f"role:{r}" for r in roles} | {f"country:{c}" for c in countries}


def nquad_lines(triples, graph) -> set[str]:
    return {nquad(t, f"<{graph}>") for t in triples}


def nquad(triple, graph: str) -> str:
    """One N-Quads line. Our IRIs are valid by construction, so they are written without rdflib's
    per-call IRI check; literals use rdflib's own N-Triples escaping."""
    from rdflib import Literal
    from rdflib.plugins.serializers.nt import _quoteLiteral

    s, p, o = triple
    obj = _quoteLiteral(o) if isinstance(o, Literal) else f"<{o}>"
    return f"<{s}> <{p}> {obj} {graph} .\n"

