"""HTML view of a summary for Jupyter (``Summary._repr_html_``).

The whole input text is shown with the selected sentences highlighted and
labelled with their rank. Every piece of text goes through ``html.escape``
(``<``, ``>``, ``&`` and both quotes), and the markup uses inline styles
only: no scripts, no external resources.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nutgraf._nutgraf import Summary

_MARK = "background:#fff3a3;border-radius:3px;padding:0 2px"
_BADGE = (
    "display:inline-block;min-width:1.4em;margin-right:3px;border-radius:8px;"
    "background:#8a6d00;color:#fff;font-size:75%;text-align:center"
)
_BOX = "white-space:pre-wrap;font-family:Georgia,serif;line-height:1.5;max-width:46em"


def summary_html(summary: Summary) -> str:
    """The article of ``summary`` as HTML, chosen sentences marked by rank."""
    text = summary.source
    chosen = sorted(summary.sentences, key=lambda s: s.start)
    parts = [
        f'<div class="nutgraf-summary" style="{_BOX}">',
        f"<div style=\"font-family:sans-serif;font-size:85%;color:#555\">"
        f"{len(chosen)} sentence(s) selected by {html.escape(str(summary.stats['algorithm']))}; "
        "numbers give the rank</div>",
    ]
    position = 0
    for sentence in chosen:
        if sentence.start < position:  # never expected; keep the text intact
            continue
        parts.append(html.escape(text[position : sentence.start]))
        parts.append(
            f'<mark style="{_MARK}" title="rank {sentence.rank}, score {sentence.score:.4g}">'
            f'<span style="{_BADGE}">{sentence.rank}</span>'
            f"{html.escape(text[sentence.start : sentence.end])}</mark>"
        )
        position = sentence.end
    parts.append(html.escape(text[position:]))
    parts.append("</div>")
    return "".join(parts)
