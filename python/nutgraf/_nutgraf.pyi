"""Type stubs of the ``nutgraf._nutgraf`` extension (checked by ``mypy.stubtest``).

Option defaults live in the Rust core (``SummarizerConfig::default()``,
``ParseOptions::default()``, ``RougeConfig::default()``); ``None`` means
"use the default". The effective defaults are given in each docstring.
"""

from typing import Iterable, Iterator, Sequence, Union, final

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
    "THREADS_ENV",
    "__version__",
    "_summary_from_state",
    "parse",
    "rouge",
    "rouge_many",
    "run_cli",
    "summarize",
]

__version__: str
THREADS_ENV: str

class NutgrafError(ValueError):
    """Base class of every error nutgraf raises on bad input (a ValueError)."""

class ConfigError(NutgrafError):
    """An option has a bad value; the message names the argument and the allowed values."""

class ParseError(NutgrafError):
    """A text could not be read, e.g. bytes that are not valid UTF-8."""

# ---------------------------------------------------------------- parsing

@final
class Block:
    """A block of the page: a paragraph, or the part of one that plays a single role."""

    @property
    def role(self) -> str:
        """"metadata", "headline", "standfirst", "byline", "dateline", "body",
        "caption", "credit", "related" or "boilerplate"."""
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Character offset of the first character in ``Document.text``."""
    @property
    def end(self) -> int:
        """Character offset one past the last character."""

@final
class Sentence:
    """One sentence of a document."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def role(self) -> str:
        """Role of the block the sentence belongs to."""
    @property
    def block(self) -> int:
        """Index of that block in ``Document.blocks``."""

@final
class Dateline:
    """"MOSCOW (Sputnik) —": place and agency that open a story."""

    @property
    def place(self) -> str: ...
    @property
    def agency(self) -> Union[str, None]: ...

@final
class Metadata:
    """Metadata found on the page."""

    @property
    def date(self) -> Union[str, None]:
        """Publication date, ISO 8601 ("2017-02-12")."""
    @property
    def title(self) -> Union[str, None]:
        """The headline, or the ``title`` passed to ``parse()``."""
    @property
    def dateline(self) -> Union[Dateline, None]: ...
    @property
    def byline(self) -> tuple[str, ...]: ...

@final
class Document:
    """A parsed news text. Offsets are character offsets into ``text``."""

    @property
    def text(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def metadata(self) -> Metadata: ...
    @property
    def blocks(self) -> tuple[Block, ...]: ...
    @property
    def sentences(self) -> tuple[Sentence, ...]: ...

def parse(
    text: Union[str, bytes],
    *,
    language: Union[str, None] = None,
    title: Union[str, None] = None,
) -> Document:
    """Parse a news text into blocks (with roles), sentences and metadata.

    ``text`` is a str, or bytes that must be UTF-8 (else ``ParseError``).
    ``language``: name or ISO 639-1 code; default "english".
    ``title``: a headline given from outside the text; default: found in the text.
    """

# ---------------------------------------------------------- summarizing

@final
class SummarySentence:
    """One selected sentence."""

    def __new__(
        cls, text: str, start: int, end: int, score: float, rank: int, index: int
    ) -> SummarySentence: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int:
        """Character offset into the summarized text (``text[start:end] == self.text``)."""
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float:
        """The scorer's score (higher is better; the scale depends on the algorithm)."""
    @property
    def rank(self) -> int:
        """1 for the sentence selected first, 2 for the next, ..."""
    @property
    def index(self) -> int:
        """Index of the sentence in ``parse(text).sentences``."""
    def to_dict(self) -> dict[str, Union[str, int, float]]: ...

@final
class Summary:
    """An extractive summary. ``str(summary)`` and ``summary.text`` give the
    sentences one per line; iterating gives the ``SummarySentence``s."""

    @property
    def source(self) -> str:
        """The text that was summarized."""
    @property
    def sentences(self) -> tuple[SummarySentence, ...]: ...
    @property
    def text(self) -> str:
        """The selected sentences joined with newlines."""
    @property
    def stats(self) -> dict[str, Union[str, int, bool]]:
        """algorithm, sentence_count, candidate_count, word_count,
        selected_words, selected_chars, over_budget."""
    def __len__(self) -> int: ...
    def __getitem__(self, key: int, /) -> SummarySentence: ...
    def __iter__(self) -> Iterator[SummarySentence]: ...
    def to_dict(self) -> dict[str, object]: ...
    def _repr_html_(self) -> str: ...

@final
class Summarizer:
    """A reusable, immutable, thread-safe summarizer.

    Options (``None`` = the Rust default):

    - budget, at most one of: ``sentences`` (default 3), ``ratio`` (fraction of
      the candidate sentences, 0..1), ``words``, ``chars``;
    - ``algorithm``: "default", "lead", "luhn", "edmundson", "lsa",
      "sumbasic", "klsum", "textrank", "lexrank", "pacsum" (default "default");
    - ``order``: "document" (default) or "rank";
    - ``language``: name or ISO code (default "english");
    - ``title``: headline given from outside the text (default: none);
    - ``hints``: words the reader cares about (default: none), and
      ``hint_weight``: the boost of a sentence holding all of them, added to
      its relevance scaled to 0..1 (default 0.5);
    - ``redundancy``: MMR lambda in 0..1 (default: off);
    - ``trigram_blocking`` (default False); ``detect_structure`` (default True);
    - ``threads``: worker threads (default: ``NUTGRAF_NUM_THREADS``, else one per CPU).
    """

    def __new__(
        cls,
        *,
        sentences: Union[int, None] = None,
        ratio: Union[float, None] = None,
        words: Union[int, None] = None,
        chars: Union[int, None] = None,
        algorithm: Union[str, None] = None,
        order: Union[str, None] = None,
        language: Union[str, None] = None,
        title: Union[str, None] = None,
        hints: Union[Sequence[str], None] = None,
        hint_weight: Union[float, None] = None,
        redundancy: Union[float, None] = None,
        trigram_blocking: Union[bool, None] = None,
        detect_structure: Union[bool, None] = None,
        threads: Union[int, None] = None,
    ) -> Summarizer: ...
    @property
    def config(self) -> dict[str, object]:
        """The effective settings, defaults included."""
    def summarize(self, text: str) -> Summary: ...
    def summarize_many(
        self,
        texts: Iterable[str],
        *,
        titles: Union[Iterable[Union[str, None]], None] = None,
        threads: Union[int, None] = None,
    ) -> list[Summary]:
        """Summarize every text in parallel (GIL released); results in input order.

        ``titles``: one headline (or None for the summarizer's own) per text.
        ``threads``: worker threads for this call (default: the summarizer's)."""

def _summary_from_state(
    source: str, sentences: tuple[SummarySentence, ...], stats: dict[str, Union[str, int, bool]]
) -> Summary:
    """Rebuild a pickled Summary (used by ``Summary.__reduce__``)."""

def summarize(
    text: str,
    *,
    sentences: Union[int, None] = None,
    ratio: Union[float, None] = None,
    words: Union[int, None] = None,
    chars: Union[int, None] = None,
    algorithm: Union[str, None] = None,
    order: Union[str, None] = None,
    language: Union[str, None] = None,
    title: Union[str, None] = None,
    hints: Union[Sequence[str], None] = None,
    hint_weight: Union[float, None] = None,
    redundancy: Union[float, None] = None,
    trigram_blocking: Union[bool, None] = None,
    detect_structure: Union[bool, None] = None,
) -> Summary:
    """Summarize one text; the options are those of ``Summarizer``."""

# ---------------------------------------------------------------- ROUGE

_Text = Union[str, Sequence[str], Summary]

@final
class Score:
    """Precision, recall and F-measure of one metric (like rouge-score's namedtuple)."""

    def __new__(cls, precision: float, recall: float, fmeasure: float) -> Score: ...
    @property
    def precision(self) -> float: ...
    @property
    def recall(self) -> float: ...
    @property
    def fmeasure(self) -> float: ...
    def __len__(self) -> int: ...
    def __getitem__(self, key: int, /) -> float: ...
    def __iter__(self) -> Iterator[float]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def _asdict(self) -> dict[str, float]: ...

@final
class AggregateScore:
    """Corpus mean and bootstrap interval (low, mid, high) of one metric."""

    @property
    def mean(self) -> Score: ...
    @property
    def low(self) -> Score: ...
    @property
    def mid(self) -> Score: ...
    @property
    def high(self) -> Score: ...

@final
class RougeReport:
    """Scores of a corpus: per document and aggregated per metric."""

    @property
    def per_document(self) -> list[dict[str, Score]]: ...
    @property
    def aggregate(self) -> dict[str, AggregateScore]: ...
    def __len__(self) -> int: ...

def rouge(
    summary: _Text,
    reference: _Text,
    *,
    metrics: Union[Sequence[str], None] = None,
    stemmer: Union[bool, None] = None,
) -> dict[str, Score]:
    """ROUGE of ``summary`` against ``reference`` (each a str with one sentence
    per line, a list of sentences, or a Summary). ``metrics`` from "rouge1" ..
    "rouge4", "rougeL", "rougeLsum" (default: rouge1, rouge2,
    rougeLsum); ``stemmer``: Porter stemming as rouge-score's use_stemmer
    (default True)."""

def rouge_many(
    summaries: Iterable[_Text],
    references: Iterable[_Text],
    *,
    metrics: Union[Sequence[str], None] = None,
    stemmer: Union[bool, None] = None,
    bootstrap: Union[int, None] = None,
    confidence: Union[float, None] = None,
    seed: Union[int, None] = None,
    threads: Union[int, None] = None,
) -> RougeReport:
    """ROUGE of many pairs in parallel, with per-metric means and bootstrap
    intervals (defaults: 1000 resamples, confidence 0.95, a fixed seed)."""

# ------------------------------------------------------------------- CLI

def run_cli(argv: Sequence[str]) -> int:
    """Run the nutgraf command line (program name first); return its exit code."""
