"""Check a graph against ``ontology/shapes.ttl`` with pySHACL.

The shapes travel with the package (a copy is installed beside the code; a
test keeps it identical to ``ontology/shapes.ttl``). Validation runs on the
union of all named graphs, without inference: what we write must conform as
written.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from rdflib import Dataset, Graph

from newskg.errors import NewskgError


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        return f"{self.focus}: {self.path}: {self.message}"


class ValidationError(NewskgError):
    exit_code = 2


def shapes_graph() -> Graph:
    text = resources.files("newskg.data").joinpath("shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(dataset: Dataset | Graph, focus: list | None = None) -> list[Violation]:
    """The violations of the shapes in ``dataset`` (empty when it conforms); only of the ``focus`` nodes
    if given (the rest of ``dataset`` is then what they point at)."""
    try:
        from pyshacl import validate as shacl_validate
    except ImportError as err:  # pragma: no cover - a broken install
        raise ValidationError(f"cannot validate: pySHACL is not installed ({err})") from None
    if isinstance(dataset, Dataset):
        union = Graph()
        for graph in dataset.graphs():
            for triple in graph:
                union.add(triple)
    else:
        union = dataset
    try:
        conforms, report, _ = shacl_validate(union, shacl_graph=shapes_graph(), inference="none",
                                             allow_warnings=True, advanced=True, focus_nodes=focus)
    except Exception as err:  # pySHACL raises many kinds on a broken shapes graph
        raise ValidationError(f"cannot validate: {err}") from None
    if conforms:
        return []
    return _violations(report)


def _violations(report: Graph) -> list[Violation]:
    from rdflib.namespace import SH

    found = []
    for result in report.subjects(SH.resultSeverity, None):
        found.append(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=_short(report.value(result, SH.resultPath)),
            message=str(report.value(result, SH.resultMessage) or "violates a shape"),
            severity=_short(report.value(result, SH.resultSeverity)),
        ))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


def _short(term) -> str:
    if term is None:
        return "-"
    text = str(term)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]
