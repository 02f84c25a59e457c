"""How long one sentence of many names joined by " dan " takes to build (issue 19, item 10).

    python benchmarks/long_sentence.py                 # 1,500, 3,000 and 6,000 names
    python benchmarks/long_sentence.py --sizes 3000

Times the whole analysis of one article (read, sentences, mentions, entities, facts) and the build of its
graph, in this process, after one small warm-up build (language data and place names load once); prints
one line per size. The time should grow linearly with the names.
"""
from __future__ import annotations

import argparse
import time

GIVEN = ["Budi", "Siti", "Agus", "Dewi", "Rina", "Joko", "Wati", "Andi", "Maya", "Hadi"]
SURNAMES = ["Santoso", "Wijaya", "Hartono", "Lestari", "Gunawan", "Saputra", "Kusuma", "Pratama"]


def names_sentence(count: int) -> str:
    """An Indonesian sentence naming ``count`` distinct people, joined by ' dan '."""
    names = [f"{GIVEN[n % 10]} {SURNAMES[(n // 10) % 8]} {chr(65 + n // 80 % 26)}{chr(97 + n // 2080 % 26)}"
             for n in range(count)]
    return "Rapat itu dihadiri " + " dan ".join(names) + ".\n"


def time_build(count: int, clock=time.perf_counter) -> float:
    """Seconds to analyse an article of one such sentence and build its graph (by ``clock``: tests pass
    ``time.process_time``, which other processes on a busy machine disturb less)."""
    from newskg.pipeline import analyse_article, assemble
    from newskg.read.article import parse_article

    start = clock()
    article = parse_article(names_sentence(count), doc_id="names", source="names.txt", lang_code="id")
    assemble([analyse_article(article)], [])
    return clock() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,3000,6000")
    time_build(5)  # loads the language data and the place names once, outside the timings
    for count in map(int, parser.parse_args().sizes.split(",")):
        print(f"{count:>6} names: {time_build(count):6.2f} s")


if __name__ == "__main__":
    main()
