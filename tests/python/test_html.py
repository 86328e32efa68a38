"""Summary._repr_html_: the article with the chosen sentences marked, escaped."""

from __future__ import annotations

import nutgraf

TEXT = (
    "Officials said <script>alert('x')</script> was found on the site & removed. "
    'The mayor called it "a prank". '
    "Nobody was hurt."
)


def test_html_escapes_everything() -> None:
    summary = nutgraf.summarize(TEXT, sentences=2, algorithm="lead")
    page = summary._repr_html_()
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&amp; removed" in page
    assert "&quot;a prank&quot;" in page
    assert "javascript" not in page.lower() and "onclick" not in page.lower()


def test_html_marks_the_chosen_sentences_with_their_rank() -> None:
    summary = nutgraf.summarize(TEXT, sentences=2, algorithm="lead", order="rank")
    page = summary._repr_html_()
    assert page.count("<mark") == 2
    for s in summary:
        assert f'title="rank {s.rank},' in page
    # The unselected sentence is still shown, unmarked.
    assert "Nobody was hurt." in page
    assert page.index("Nobody was hurt.") > page.rindex("</mark>")
