"""The Python vocabulary and the ontology file cannot drift apart; the language data loads strictly."""
import pytest
import rdflib

from conftest import ROOT


def ontology_terms() -> set[str]:
    graph = rdflib.Graph().parse(ROOT / "ontology" / "newskg.ttl")
    ns = "https://w3id.org/newskg/ontology#"
    return {str(s)[len(ns):] for s in graph.subjects() if str(s).startswith(ns)}


def test_every_python_term_is_declared_in_the_ontology_and_back():
    from newskg.rdf.vocab import NKG

    python_terms = {name for name in NKG.__annotations__}
    assert python_terms == ontology_terms()


def test_misspelt_term_is_an_error():
    from newskg.rdf.vocab import NKG

    with pytest.raises(AttributeError):
        NKG.employes  # noqa: B018


def test_every_term_has_english_and_indonesian_labels():
    graph = rdflib.Graph().parse(ROOT / "ontology" / "newskg.ttl")
    ns = "https://w3id.org/newskg/ontology#"
    for term in ontology_terms():
        langs = {label.language for label in graph.objects(rdflib.URIRef(ns + term), rdflib.RDFS.label)}
        assert {"en", "id"} <= langs, term


def test_fact_kinds_are_ontology_classes():
    from newskg.kinds import KINDS as FACT_KINDS

    assert set(FACT_KINDS) <= ontology_terms()


@pytest.mark.parametrize("file,key,message", [("entities.yaml", "org_cues_befor", "unknown keys"),
                                              ("facts.yaml", "Layof", "unknown fact kinds")])
def test_language_loader_rejects_unknown_keys_and_unknown_fact_kinds(tmp_path, monkeypatch, file, key, message):
    """A typo in a data file fails loudly: an unknown key, or a fact kind the kinds table does not know."""
    import yaml

    from newskg.errors import LanguageDataError
    from newskg.lang import load_language

    lang = load_language("id")
    assert "ceo" in lang.roles and lang.role_for("Chief Executive Officer") == "ceo"
    from importlib import resources

    folder = resources.files("newskg.lang").joinpath("id")
    bad = tmp_path / "xx"
    bad.mkdir()
    for name in ("lexicon.yaml", "numbers.yaml", "entities.yaml", "roles.yaml", "facts.yaml", "grammar.yaml"):
        (bad / name).write_text(folder.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    data = yaml.safe_load(folder.joinpath(file).read_text(encoding="utf-8"))
    data[key] = ["typo"] if file != "facts.yaml" else {"triggers": ["typo"]}
    (bad / file).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    load_language.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match=message):
            load_language("xx")
    finally:
        load_language.cache_clear()
