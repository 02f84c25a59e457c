"""The one error family the library raises; the CLI turns each into one line."""
from __future__ import annotations


class NewskgError(Exception):
    """Base class: a problem the user can fix, reported as one clear line."""

    exit_code = 1


class InputError(NewskgError):
    """An article or path that cannot be read (missing, empty, binary, bad encoding)."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class QueryError(NewskgError):
    """A SPARQL query that cannot be parsed or run."""


class OutputError(NewskgError):
    """An output that cannot be written."""


class LanguageDataError(NewskgError):
    """A language data file with unknown keys or a bad shape (a bug in the package data)."""
