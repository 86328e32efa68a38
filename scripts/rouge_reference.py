#!/usr/bin/env python3
"""Reference figures from Google's rouge-score (0.1.2) and NLTK, for the
parity tests of crates/nutgraf-rouge.

Reads JSON lines on stdin, writes JSON lines on stdout, one per input line:

  score     in:  {"id": .., "summary": str, "references": [str, ...],
                  "metrics": ["rouge1", ...], "stemmer": bool}
            out: {"id": .., "scores": {metric: [precision, recall, fmeasure]}}
            One reference uses RougeScorer.score, several use score_multi.
  tokenize  in:  {"id": .., "text": str, "stemmer": bool}
            out: {"id": .., "tokens": [str, ...]}
  stem      in:  a JSON string (a word)
            out: a JSON string (NLTK PorterStemmer().stem(word))

Needs: pip install rouge-score==0.1.2   (pulls nltk, absl-py, numpy)
Exit status 2 when those packages are missing.
"""

import json
import sys

INSTALL_HINT = "pip install rouge-score==0.1.2"


def load():
    try:
        from importlib.metadata import version

        from nltk.stem import porter
        from rouge_score import rouge_scorer, tokenize
    except ImportError as err:
        sys.stderr.write(f"rouge_reference.py: {err}; install it with: {INSTALL_HINT}\n")
        sys.exit(2)
    found = version("rouge-score")
    if found != "0.1.2":
        sys.stderr.write(f"rouge_reference.py: warning: rouge-score {found} found, figures are for 0.1.2\n")
    return rouge_scorer, tokenize, porter


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in ("score", "tokenize", "stem"):
        sys.stderr.write("usage: rouge_reference.py score|tokenize|stem < in.jsonl > out.jsonl\n")
        sys.exit(1)
    command = sys.argv[1]
    rouge_scorer, tokenize, porter = load()
    stemmer = porter.PorterStemmer()
    scorers = {}
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        if command == "stem":
            out.write(json.dumps(stemmer.stem(item)) + "\n")
        elif command == "tokenize":
            tokens = tokenize.tokenize(item["text"], stemmer if item["stemmer"] else None)
            out.write(json.dumps({"id": item["id"], "tokens": tokens}) + "\n")
        else:
            key = (tuple(item["metrics"]), bool(item["stemmer"]))
            if key not in scorers:
                scorers[key] = rouge_scorer.RougeScorer(list(key[0]), use_stemmer=key[1])
            scorer = scorers[key]
            refs = item["references"]
            # rouge-score's argument order is (target, prediction).
            if len(refs) == 1:
                result = scorer.score(refs[0], item["summary"])
            else:
                result = scorer.score_multi(refs, item["summary"])
            scores = {m: [float(s.precision), float(s.recall), float(s.fmeasure)] for m, s in result.items()}
            out.write(json.dumps({"id": item["id"], "scores": scores}) + "\n")


if __name__ == "__main__":
    main()
