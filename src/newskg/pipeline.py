"""The pipeline in one place: read -> sentences -> mentions -> entities -> facts -> RDF.

``build_corpus`` runs it over files and folders and returns the RDF dataset with
what it read and what it skipped; nothing here prints or exits.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from newskg.rdf.claims import add_claims, add_same_stories, statements_from_results
from newskg.corpus import Admission, admitted
from newskg.deadline import TooSlow, too_slow_message, within
from newskg.extract.entities import ArticleEntities, CorpusEntities, add_outlet, resolve_article, resolve_corpus
from newskg.errors import InputError, NewskgError
from newskg.extract.facts import ArticleContext, extract_facts
from newskg.lang import load_language
from newskg.extract.mentions import find_mentions
from newskg.model import Article, Fact, Sentence
from newskg.rdf.triples import add_article, add_entities, new_dataset
from newskg.read.duplicates import same_story_pairs, story_of
from newskg.read.inputs import RecordFields, iter_articles
from newskg.read.sentences import split_sentences



@dataclass
class ArticleResult:
    article: Article
    sentences: list[Sentence]
    entities: ArticleEntities
    facts: list[Fact]


@dataclass
class BuildResult:
    dataset: Dataset
    articles: list[ArticleResult]
    corpus: CorpusEntities
    skipped: list[InputError] = field(default_factory=list)
    same_stories: list[tuple[str, str]] = field(default_factory=list)  # near-identical articles (doc ids)

    def notices(self) -> list[str]:
        """What a user should know about articles that were read: encodings guessed, HTML extracted."""
        found = []
        for result in self.articles:
            article = result.article
            if article.encoding not in ("utf-8", "utf_8"):
                found.append(f"{article.source}: not UTF-8, read as {article.encoding}")
            if (article.published_basis or "").startswith("record field"):
                found.append(f"{article.source}: date read from the {article.published_basis}")
            if article.extracted_by:
                found.append(f"{article.source}: text extracted from HTML by {article.extracted_by}; "
                             "offsets point into the extracted text")
        sources = {r.article.doc_id: r.article.source for r in self.articles}
        for first, second in self.same_stories:
            found.append(f"{sources[first]} and {sources[second]}: the same story (near-identical texts); "
                         "claims count them as one source")
        return found

    def summary(self) -> dict:
        """Counts a user wants after a build: articles, entities by type, facts by kind, triples."""
        entity_types: dict[str, int] = {}
        for entity in self.corpus.entities.values():
            entity_types[entity.type.value] = entity_types.get(entity.type.value, 0) + 1
        fact_kinds: dict[str, int] = {}
        for result in self.articles:
            for fact in result.facts:
                fact_kinds[fact.kind] = fact_kinds.get(fact.kind, 0) + 1
        return {
            "articles": len(self.articles),
            "skipped": [str(e) for e in self.skipped],
            "no title": [r.article.source for r in self.articles if r.article.title is None],
            "no date": [r.article.source for r in self.articles if r.article.published is None],
            "entities": dict(sorted(entity_types.items())),
            "facts": dict(sorted(fact_kinds.items())),
            "triples": len(self.dataset),
        }


def analyse_article(article: Article) -> ArticleResult:
    """Everything one article says, before corpus-wide resolution."""
    lang = load_language(article.language)
    sentences = split_sentences(article)
    found = resolve_article(article.doc_id, find_mentions(article, sentences, lang), lang)
    facts = extract_facts(ArticleContext(article, sentences, found, lang))
    add_outlet(found, article.outlet)
    return ArticleResult(article, sentences, found, facts)


def build_corpus(paths: list[str | Path], lang_code: str | None = None, fields: RecordFields = RecordFields(),
                 progress=None, article_seconds: float = 0) -> BuildResult:
    """Read every article under ``paths`` and build one dataset; unreadable articles are skipped, and so is an
    article that takes more than ``article_seconds`` to analyse (0: no bound).

    ``progress``, if given, is called once per article read or skipped (for a progress bar).
    """
    skipped: list[InputError] = []
    admission = Admission()
    results = []
    for _, article in admitted(iter_articles(paths, fields, lang_code), admission, skipped, progress):
        try:
            with within(article_seconds):
                results.append(analyse_article(article))
        except TooSlow:
            skipped.append(InputError(article.source, too_slow_message(article_seconds)))
    if not results:
        raise NewskgError("no article could be read" + (f": {skipped[0]}" if skipped else ""))
    return assemble(results, skipped)


def assemble(results: list[ArticleResult], skipped: list[InputError]) -> BuildResult:
    """Resolve entities across articles and write every named graph.

    Corpus-wide resolution matches names, never words of a language: articles in several languages join."""
    corpus = resolve_corpus([r.entities for r in results])
    ds = new_dataset()
    roles: set[str] = set()
    countries: set[str] = set()
    for result in sorted(results, key=lambda r: r.article.doc_id):
        add_article(ds, result.article, result.sentences, result.entities, result.facts, corpus)
        named_roles, named_countries = roles_and_countries_named(result.facts)
        roles |= named_roles
        countries |= named_countries
    add_entities(ds, corpus, roles, countries)
    pairs = same_story_pairs([r.article for r in results])
    add_claims(ds, statements_from_results(results, corpus, story_of(pairs)))
    add_same_stories(ds, pairs)
    return BuildResult(ds, results, corpus, skipped, pairs)


def roles_and_countries_named(facts: list[Fact]) -> tuple[set[str], set[str]]:
    """The roles and the countries an article's facts name: each gets triples of its own in the entities graph."""
    roles = {f.get("role") for f in facts if f.get("role") is not None}
    return roles, {f.get("countryCode") for f in facts if f.get("countryCode")}
