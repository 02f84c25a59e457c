"""Questions: SPARQL over a graph file or a store, the query library, and the SPARQL endpoint."""
