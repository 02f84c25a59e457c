"""newskg: build provenance-rich RDF knowledge graphs from news articles.

The pipeline, one module per stage (see ``pipeline.py``)::

    read article -> sentences -> mentions -> entities -> facts -> RDF -> outputs

Use it from Python::

    from newskg import build_corpus
    result = build_corpus(["seeds/"])
    result.dataset  # an rdflib Dataset, one named graph per article
"""
from newskg.errors import NewskgError
from newskg.pipeline import build_corpus

__all__ = ["NewskgError", "build_corpus"]
__version__ = "0.1.0"
