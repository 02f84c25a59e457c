"""RDF: the vocabulary, an article's triples, claims across articles, graph files, validation and statistics."""
