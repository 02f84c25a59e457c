"""A store update killed at any point is repaired by the next one to exactly what a fresh build gives.

Each test runs a real ``python -m newskg.cli build ... --store`` (or ``remove``) in its own process group and
has it SIGKILL that group at a named point of the update (``NEWSKG_TEST_KILL_AT``, read by
``newskg.store.oxigraph.kill_point``); then it checks that reading the broken store fails loudly and that the
next run leaves the store equal, as sorted N-Quads, to a fresh build of the same files.
"""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newskg.develop.generator import generate_corpus

SRC = Path(__file__).resolve().parent.parent / "src"
UPDATE_POINTS = ["after-analysis", "after-rewrite", "before-commit", "after-commit"]
GONE = ["g000003.txt", "g000031.txt", "g000012.txt", "copy07.txt"]
REPUBLISHED = "\nArtikel ini telah tayang sebelumnya di media lain.\n"  # a copy of a story, near-identical


def cli(*args: str, kill_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    env.pop("NEWSKG_TEST_KILL_AT", None)
    if kill_at:
        env["NEWSKG_TEST_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "newskg.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300, start_new_session=True)


def build(folder: Path, store: Path, kill_at: str | None = None) -> subprocess.CompletedProcess:
    return cli("build", str(folder), "--store", str(store), "--no-validate", "-q", "--jobs", "2", kill_at=kill_at)


def sorted_nquads(store: Path) -> list[str]:
    done = cli("export", "--store", str(store), "--format", "nquads")
    assert done.returncode == 0, done.stderr
    return sorted(done.stdout.splitlines())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A store of 30 articles and a near copy of one, and the files of an update that adds 6 and a near copy of a
    changed one, changes 5 and keeps the rest; the removal drops the first copy."""
    root = tmp_path_factory.mktemp("repair")
    paths = generate_corpus(36, root / "all")
    before, after = root / "before", root / "after"
    before.mkdir()
    after.mkdir()
    for number, path in enumerate(paths, 1):
        if number <= 30:
            shutil.copy(path, before / path.name)
        text = path.read_text(encoding="utf-8")
        if number <= 5:  # changed: a sentence more, naming a new organisation
            text += f"\nDirektur PT Baru Sentosa {number}, Budi Hartono, mengatakan pihaknya akan merekrut 40 orang.\n"
        (after / path.name).write_text(text, encoding="utf-8")
        if number == 7:
            for folder in (before, after):
                (folder / "copy07.txt").write_text(text + REPUBLISHED, encoding="utf-8")
        if number == 2:
            (after / "copy02.txt").write_text(text + REPUBLISHED, encoding="utf-8")
    assert build(before, root / "kg-before").returncode == 0
    assert build(after, root / "kg-fresh").returncode == 0
    kept = root / "kept"
    shutil.copytree(after, kept)
    for name in GONE:
        (kept / name).unlink()
    assert build(kept, root / "kg-kept").returncode == 0
    (root / "fresh.nq").write_text("\n".join(sorted_nquads(root / "kg-fresh")), encoding="utf-8")
    (root / "kept.nq").write_text("\n".join(sorted_nquads(root / "kg-kept")), encoding="utf-8")
    links = [(name, sum("sameStoryAs" in line for line in fresh(root, name))) for name in ("fresh.nq", "kept.nq")]
    assert links == [("fresh.nq", 4), ("kept.nq", 2)]  # both ways
    return root


def fresh(corpus: Path, name: str) -> list[str]:
    return (corpus / name).read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize("point", UPDATE_POINTS)
def test_an_update_killed_at_any_point_is_repaired_by_the_next(corpus, tmp_path, point):
    store = tmp_path / "kg"
    shutil.copytree(corpus / "kg-before", store)
    killed = build(corpus / "after", store, kill_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    broken = cli("export", "--store", str(store), "--format", "nquads")
    assert broken.returncode != 0 and "interrupted" in broken.stderr and not broken.stdout
    assert cli("stats", "--store", str(store)).returncode != 0
    again = build(corpus / "after", store)
    assert again.returncode == 0, again.stderr
    assert sorted_nquads(store) == fresh(corpus, "fresh.nq")


@pytest.mark.parametrize("point", ["after-remove-graphs", "after-rewrite", "after-commit"])
def test_a_removal_killed_at_any_point_is_repaired_by_the_next(corpus, tmp_path, point):
    store = tmp_path / "kg"
    shutil.copytree(corpus / "kg-fresh", store)
    killed = cli("remove", *GONE, "--store", str(store), kill_at=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert cli("export", "--store", str(store)).returncode != 0
    again = cli("remove", *GONE, "--store", str(store))  # as a user would: the same command again
    if point == "after-commit":  # the removal was committed: the rerun repairs, then finds nothing to remove
        assert again.returncode != 0 and "no such article" in again.stderr
        assert build(corpus / "kept", store).returncode == 0
    else:
        assert again.returncode == 0, again.stderr
    assert sorted_nquads(store) == fresh(corpus, "kept.nq")
