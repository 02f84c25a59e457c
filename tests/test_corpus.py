"""The corpus stage's admission, shared by file builds and stores: ids, duplicates, changes."""
from __future__ import annotations

import hashlib

from newskg.corpus import Admission, Verdict, admitted
from newskg.errors import InputError
from newskg.model import Article


def _article(source: str, text: str) -> Article:
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Article(stem, source, text, hashlib.sha256(text.encode()).hexdigest())


def test_two_files_with_the_same_stem_are_two_articles_and_a_copy_is_read_once():
    skipped: list[InputError] = []
    items = [_article("a/pabrik.txt", "Satu."), _article("b/pabrik.txt", "Dua."), _article("c/salinan.txt", "Satu."),
             _article("d/pabrik.txt", "Tiga.")]
    ids = [a.doc_id for _, a in admitted(items, Admission(), skipped)]
    assert ids == ["pabrik", "pabrik-2", "pabrik-3"]
    assert len(skipped) == 1 and "c/salinan.txt" in str(skipped[0]) and "a/pabrik.txt" in str(skipped[0])


def test_a_store_knows_unchanged_changed_and_new_articles():
    known = {"laporan": (hashlib.sha256(b"Lama.").hexdigest(), "x/laporan.txt")}
    admission = Admission(known)
    verdicts = [admission.admit(a)[0] for a in (_article("x/laporan.txt", "Lama."), _article("y/berita.txt", "Baru."))]
    assert verdicts == [Verdict.UNCHANGED, Verdict.NEW]
    assert Admission(known).admit(_article("x/laporan.txt", "Diubah."))[0] is Verdict.CHANGED
    verdict, notice = Admission(known).admit(_article("z/copy.txt", "Lama."))
    assert verdict is Verdict.DUPLICATE and "x/laporan.txt" in str(notice)
