"""The house rules that keep the code extensible, checked on the source tree."""
from __future__ import annotations

import re

from conftest import ROOT
from newskg.kinds import KINDS

PACKAGE = ROOT / "src" / "newskg"


def _sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_no_fact_kind_is_named_outside_the_kinds_table_and_the_extractors():
    """rdf, claims, view and the store read the table; a kind named elsewhere is a place to forget it."""
    quoted = re.compile(r"""["'](%s)["']""" % "|".join(KINDS))
    allowed = {PACKAGE / "kinds.py"}
    found = [f"{path.relative_to(ROOT)}:{n}" for path in _sources()
             if path not in allowed and "extract/facts" not in path.as_posix()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if quoted.search(line)]
    assert not found, found


def test_no_language_is_assumed_outside_lang():
    """Each article is read with its own language; a default language in code reads English as Indonesian."""
    found = [str(path.relative_to(ROOT)) for path in _sources()
             if "lang/" not in path.relative_to(PACKAGE).as_posix()
             and re.search(r"load_language\(\s*[\"']", path.read_text(encoding="utf-8"))]
    assert not found, found


def test_no_module_over_400_lines():
    long = {str(path.relative_to(ROOT)): n for path in _sources()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long, long
