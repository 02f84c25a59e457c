"""Find and type the names in an article: organisations, media, people, places, products.

Names are found from the text, not from a list: runs of capitalised words,
trimmed of sentence-initial common words, titles and dates, then typed by the
cues around them ("perusahaan X", "dikutip dari X", "kata X", "CEO X, Y").
Every occurrence of a surface form votes for a type; the article's votes decide,
so "Klarna mengklaim" does not make Klarna a person when "perusahaan Klarna"
says otherwise. Headings only repeat names the body has typed.

candidates.py finds the runs, titles.py takes titles off them and cuts
"<Title> <Org> <Person>" in two, votes.py collects the cues around each name
(in a bounded window, so typing stays linear in a sentence's length), and
decide.py turns votes into types and spreads them to short forms, aliases and
the other names of a list.
"""
from __future__ import annotations

from dataclasses import dataclass

from newskg.lang import Language
from newskg.extract.mentions.candidates import Candidate, _candidates, _lowercase_vocabulary, surface_key
from newskg.extract.mentions.titles import split_title_runs
from newskg.extract.mentions.votes import Typer
from newskg.model import Article, Mention, Sentence

__all__ = ["Candidate", "MentionResult", "find_mentions", "surface_key"]


@dataclass
class MentionResult:
    mentions: list[Mention]
    aliases: list[tuple[str, str]]  # (short surface, long surface): "CBA" -> "Commonwealth Bank Australia"


def find_mentions(article: Article, sentences: list[Sentence], lang: Language) -> MentionResult:
    vocabulary = _lowercase_vocabulary(sentences)
    candidates: list[Candidate] = []
    for sentence in sentences:
        candidates.extend(_candidates(article, sentence, lang, vocabulary))
    candidates = split_title_runs(article, candidates, lang)
    typer = Typer(article, sentences, lang)
    types, aliases = typer.decide(candidates)
    mentions = []
    for cand in candidates:
        entity_type = types.get(cand.key)
        if entity_type is not None:
            mentions.append(Mention(cand.start, cand.end, cand.text, cand.sentence, entity_type, typer.cue_of(cand.key)))
    return MentionResult(mentions, aliases)


