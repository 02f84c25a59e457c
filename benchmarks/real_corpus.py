"""A benchmark corpus of real Indonesian news text, not written by our generator.

    python benchmarks/real_corpus.py OUT_DIR --count 10000

The sentences come from the part-of-speech training data of kumparan's nlp-id
package (MIT licence, on PyPI): about 33,000 sentences of Indonesian news, one
token per line. The wheel is fetched with pip (no install, no other package)
into a cache folder; each article is a title and 12 to 24 of those sentences,
drawn with a fixed seed, so the speed measured does not depend on the
generator's own templates. The text is real; the articles are collages of it.
"""
from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

PACKAGE = "nlp-id==0.1.23.0"
MEMBER = "nlp_id/data/dataset_postag.txt"


def fetch_wheel(cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    found = sorted(cache.glob("nlp_id-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", PACKAGE, "-d", str(cache)],
                       check=True)
        found = sorted(cache.glob("nlp_id-*.whl"))
    return found[0]


def sentences(wheel: Path) -> list[str]:
    """The sentences of the tagged data, tokens joined back into text."""
    text = zipfile.ZipFile(wheel).read(MEMBER).decode("utf-8")
    found = []
    for block in text.split("\n\n"):
        tokens = [line.split("\t")[0] for line in block.splitlines() if line.strip()]
        sentence = detokenize(tokens)
        if len(tokens) >= 5 and sentence[-1:] in ".!?\"":
            found.append(sentence)
    return found


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r"\s+([.,:;!?)\]%])", r"\1", text)
    text = re.sub(r"([(\[])\s+", r"\1", text)
    text = re.sub(r"\s+(nya)\b", r"\1", text)  # the data splits the clitic off ("ada nya")
    return text


def write_corpus(out: Path, count: int, cache: Path, seed: int = 11) -> list[Path]:
    pool = sentences(fetch_wheel(cache))
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        body = rng.sample(pool, rng.randint(12, 24))
        title = body[0].rstrip(".!?\"")[:90]
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        path = out / f"r{number:06d}.txt"
        path.write_text("\n\n".join([title] + paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "newskg-bench")
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.cache)
    print(f"{len(paths)} articles of real news sentences in {args.out}")


if __name__ == "__main__":
    main()
