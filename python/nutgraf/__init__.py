"""nutgraf: fast extractive news summarization with a Rust core.

Summarize a news text, inspect how it was read, and score summaries with ROUGE::

    >>> import nutgraf
    >>> text = "Storm hits coast\\n\\nThe storm hit the coast on Monday. Nobody was hurt."
    >>> print(nutgraf.summarize(text, sentences=1, algorithm="lead"))
    The storm hit the coast on Monday.
    >>> [s.text for s in nutgraf.parse(text).sentences][-1]
    'Nobody was hurt.'

* Every offset is a character offset into the Python string you passed in
  (``text[s.start:s.end] == s.text``).
* Option defaults come from the Rust core: leaving an option out (or passing
  ``None``) means "the default", and the docstrings and stubs say what it is.
* Bad option values raise :class:`ConfigError`, unreadable input raises
  :class:`ParseError`; both derive from :class:`NutgrafError`, a ``ValueError``.
  Arguments of the wrong type raise ``TypeError``.
* Work runs with the GIL released, on nutgraf's own thread pools (never rayon's
  global one). A process made with ``fork`` builds fresh pools on first use.
  The default number of threads is the environment variable
  ``NUTGRAF_NUM_THREADS``, else one per CPU.
"""

from nutgraf._nutgraf import (
    AggregateScore,
    Block,
    ConfigError,
    Dateline,
    Document,
    Metadata,
    NutgrafError,
    ParseError,
    RougeReport,
    Score,
    Sentence,
    Summarizer,
    Summary,
    SummarySentence,
    __version__,
    parse,
    rouge,
    rouge_many,
    summarize,
)

__all__ = [
    "AggregateScore",
    "Block",
    "ConfigError",
    "Dateline",
    "Document",
    "Metadata",
    "NutgrafError",
    "ParseError",
    "RougeReport",
    "Score",
    "Sentence",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "__version__",
    "parse",
    "rouge",
    "rouge_many",
    "summarize",
]
